package dev.tokenbill.catalog;

import java.math.BigDecimal;

/**
 * What a usage charge bills however little it is used. {@code minimum} (null: none) is an amount per
 * billing interval, prorated by active days, that a TRUE_UP line tops the charge's usage lines up to.
 * {@code flatFeeAtZeroUsage}: whether the first tier's flat fee of a graduated or volume charge is due
 * when no unit is billed (false: a charge with no billed units costs nothing).
 */
public record ChargeMinimums(BigDecimal minimum, boolean flatFeeAtZeroUsage) {

    /** No minimum, no flat fee at zero usage: the behaviour of a charge that states neither. */
    public static final ChargeMinimums NONE = new ChargeMinimums(null, false);
}
