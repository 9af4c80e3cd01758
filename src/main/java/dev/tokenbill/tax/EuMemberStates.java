package dev.tokenbill.tax;

import java.util.Set;

/**
 * The 27 EU member states (ISO 3166-1 alpha-2, as of 2026) and their VAT number prefixes. Greece's prefix is EL, not
 * GR. Northern Ireland (VAT prefix XI) follows EU VAT for goods only; for services it is part of the UK, so a
 * customer there has the country GB and is outside the EU here.
 */
public final class EuMemberStates {

    private static final Set<String> STATES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private EuMemberStates() {
    }

    /** Whether {@code country} (ISO alpha-2, null allowed: false) is an EU member state. */
    public static boolean contains(String country) {
        return country != null && STATES.contains(country);
    }

    /** The number of member states: 27. */
    public static int count() {
        return STATES.size();
    }

    /** The VAT number prefix of a member state: its ISO code, but EL for Greece. */
    public static String vatPrefix(String country) {
        return country.equals("GR") ? "EL" : country;
    }
}
