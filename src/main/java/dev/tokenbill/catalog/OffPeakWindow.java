package dev.tokenbill.catalog;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily time window in a stated time zone, start inclusive, end exclusive; a window whose end is
 * before its start wraps past midnight (16:30-00:30).
 */
public record OffPeakWindow(LocalTime from, LocalTime to, ZoneId zone) {

    public boolean contains(Instant instant) {
        LocalTime time = instant.atZone(zone).toLocalTime();
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }
}
