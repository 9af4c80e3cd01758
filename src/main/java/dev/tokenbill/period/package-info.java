/** Billing periods (a month or a day) and day arithmetic for proration. Plain Java. */
package dev.tokenbill.period;
