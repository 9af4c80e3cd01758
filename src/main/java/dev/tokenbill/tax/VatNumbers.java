package dev.tokenbill.tax;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The offline check of a customer's VAT number: the prefix of its country (EL for Greece; GB or XI for the UK), the
 * national format of the EU VIES list, and the check digit where it is published and cheap (BE, DE, FR numeric keys,
 * GB, IE, IT). No registry is asked, so a well-formed number may still be unregistered. Spaces, dots and hyphens are
 * ignored. A country without a listed format takes any 1-32 characters of A-Z, 0-9 and '-' (a US EIN, a JP number).
 */
public final class VatNumbers {

    private static final Pattern ANY_TAX_ID = Pattern.compile("[A-Z0-9-]{1,32}");

    /** The national part after the prefix, what it must look like (for the error), and its check, if any. */
    private record Format(List<String> prefixes, Pattern body, String expected, Predicate<String> check) {
        Format(String prefix, String body, String expected, Predicate<String> check) {
            this(List.of(prefix), Pattern.compile(body), expected, check);
        }

        Format(String prefix, String body, String expected) {
            this(prefix, body, expected, b -> true);
        }
    }

    private static final Map<String, Format> FORMATS = Map.ofEntries(
            Map.entry("AT", new Format("AT", "U\\d{8}", "ATU + 8 digits")),
            Map.entry("BE", new Format("BE", "[01]\\d{9}", "BE + 10 digits starting with 0 or 1", CheckDigits::belgium)),
            Map.entry("BG", new Format("BG", "\\d{9,10}", "BG + 9 or 10 digits")),
            Map.entry("CY", new Format("CY", "\\d{8}[A-Z]", "CY + 8 digits and a letter")),
            Map.entry("CZ", new Format("CZ", "\\d{8,10}", "CZ + 8 to 10 digits")),
            Map.entry("DE", new Format("DE", "[1-9]\\d{8}", "DE + 9 digits", CheckDigits::germany)),
            Map.entry("DK", new Format("DK", "\\d{8}", "DK + 8 digits")),
            Map.entry("EE", new Format("EE", "\\d{9}", "EE + 9 digits")),
            Map.entry("GR", new Format("EL", "\\d{9}", "EL + 9 digits")),
            Map.entry("ES", new Format("ES", "[A-Z0-9]\\d{7}[A-Z0-9]", "ES + 9 characters: digits, a letter or digit at"
                    + " each end")),
            Map.entry("FI", new Format("FI", "\\d{8}", "FI + 8 digits")),
            Map.entry("FR", new Format("FR", "[0-9A-HJ-NP-Z]{2}\\d{9}", "FR + a 2-character key and the 9-digit SIREN",
                    CheckDigits::france)),
            Map.entry("HR", new Format("HR", "\\d{11}", "HR + 11 digits")),
            Map.entry("HU", new Format("HU", "\\d{8}", "HU + 8 digits")),
            Map.entry("IE", new Format("IE", "\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W]", "IE + 7 digits and 1 or 2"
                    + " letters", CheckDigits::ireland)),
            Map.entry("IT", new Format("IT", "\\d{11}", "IT + 11 digits", CheckDigits::italy)),
            Map.entry("LT", new Format("LT", "\\d{9}|\\d{12}", "LT + 9 or 12 digits")),
            Map.entry("LU", new Format("LU", "\\d{8}", "LU + 8 digits")),
            Map.entry("LV", new Format("LV", "\\d{11}", "LV + 11 digits")),
            Map.entry("MT", new Format("MT", "\\d{8}", "MT + 8 digits")),
            Map.entry("NL", new Format("NL", "\\d{9}B\\d{2}", "NL + 9 digits, B and 2 digits")),
            Map.entry("PL", new Format("PL", "\\d{10}", "PL + 10 digits")),
            Map.entry("PT", new Format("PT", "\\d{9}", "PT + 9 digits")),
            Map.entry("RO", new Format("RO", "[1-9]\\d{1,9}", "RO + 2 to 10 digits")),
            Map.entry("SE", new Format("SE", "\\d{10}01", "SE + 12 digits ending in 01")),
            Map.entry("SI", new Format("SI", "[1-9]\\d{7}", "SI + 8 digits")),
            Map.entry("SK", new Format("SK", "[1-9]\\d{9}", "SK + 10 digits")),
            // the UK: GB, or XI for a Northern Ireland trader; 9 digits, 12 with a branch, GD/HA + 3 for public bodies
            Map.entry("GB", new Format(List.of("GB", "XI"), Pattern.compile("\\d{9}|\\d{12}|GD[0-4]\\d{2}|HA[5-9]\\d{2}"),
                    "GB or XI + 9 digits", CheckDigits::unitedKingdom)),
            Map.entry("CH", new Format("CHE", "\\d{9}(MWST|TVA|IVA|TPV)?", "CHE + 9 digits, optionally MWST, TVA or IVA")),
            Map.entry("NO", new Format("NO", "\\d{9}MVA", "NO + 9 digits + MVA")));

    private VatNumbers() {
    }

    /** Whether the customer's country has a listed VAT number format (the EU states, GB, CH, NO). */
    public static boolean hasFormat(String country) {
        return FORMATS.containsKey(country);
    }

    /**
     * What is wrong with {@code taxId} as the tax number of a customer in {@code country}, e.g. "tax_id 'DE12' is not
     * a valid DE VAT number (expected DE + 9 digits)"; empty when it is fine.
     */
    public static Optional<String> problem(String country, String taxId) {
        String compact = taxId.replaceAll("[ .\\-]", "").toUpperCase(Locale.ROOT);
        Format format = FORMATS.get(country);
        if (format == null) {
            return ANY_TAX_ID.matcher(taxId).matches() ? Optional.empty()
                    : Optional.of("tax_id '" + taxId + "' must be 1-32 characters of A-Z, 0-9 and '-'");
        }
        String what = "tax_id '" + taxId + "' is not a valid " + country + " VAT number";
        for (String prefix : format.prefixes()) {
            if (compact.startsWith(prefix)) {
                String body = compact.substring(prefix.length());
                if (!format.body().matcher(body).matches()) {
                    return Optional.of(what + " (expected " + format.expected() + ")");
                }
                return format.check().test(body) ? Optional.empty() : Optional.of(what + " (wrong check digit)");
            }
        }
        return Optional.of(what + " (it must start with " + String.join(" or ", format.prefixes())
                + ", the prefix of a customer in " + country + "; expected " + format.expected() + ")");
    }
}
