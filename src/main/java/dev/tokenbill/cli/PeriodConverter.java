package dev.tokenbill.cli;

import dev.tokenbill.period.BillingPeriod;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks {@code --period} while parsing, so a malformed period is a usage error before anything starts. */
final class PeriodConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            BillingPeriod.parse(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
