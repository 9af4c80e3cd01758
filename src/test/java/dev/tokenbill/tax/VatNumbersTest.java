package dev.tokenbill.tax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Valid numbers are published examples (python-stdnum's documentation, the EU VIES format list) or worked by hand
 * in the comment; invalid ones change one character of a valid one.
 */
class VatNumbersTest {

    @ParameterizedTest(name = "{0} {1} is valid")
    @CsvSource({
            // DE: MOD 11,10 over 1,3,6,6,9,5,9,7 leaves product 5; 11 - 5 = 6, the ninth digit
            "DE, DE136695976",
            "DE, DE 136 695 976",
            // BE: 04030192 mod 97 = 36; 97 - 36 = 61
            "BE, BE0403019261",
            "BE, BE0428759497",
            // FR: published numeric keys, and a newer key with a letter (format only)
            "FR, FR40303265045",
            "FR, FR23334175221",
            "FR, FRK7399859412",
            // IT: Luhn over 0,0,7,4,3,1,1,0,1,5,7 sums to 30
            "IT, IT00743110157",
            // IE: 6x8+4x7+3x6+3x5+4x4+3x3+5x2 = 144; 144 mod 23 = 6 -> F
            "IE, IE6433435F",
            // IE, the seller of the sample: 1x8+2x7+3x6+4x5+5x4+6x3+7x2 = 112; 112 mod 23 = 20 -> T
            "IE, IE1234567T",
            // IE with a second letter: 112 + 9 x A(1) = 121; 121 mod 23 = 6 -> F
            "IE, IE1234567FA",
            // IE old style (a letter second): format only
            "IE, IE8D79739I",
            // GB: 9x8+8x7+0x6+7x5+8x4+0x3+6x2+8x10+4x1 = 291 = 3 x 97
            "GB, GB980780684",
            "GB, XI980780684",
            "GB, GBGD001",
            "GR, EL123456789",
            "AT, ATU12345678",
            "NL, NL004495445B01",
            "ES, ESX1234567A",
            "SE, SE123456789701",
            "CH, CHE-107.787.577 IVA",
            "NO, NO995525828MVA",
            // no listed format: any 1-32 of A-Z, 0-9, '-'
            "US, 12-3456789",
            "JP, T1234567890123",
    })
    void valid(String country, String taxId) {
        assertThat(VatNumbers.problem(country, taxId)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "DE | DE12345678 | tax_id 'DE12345678' is not a valid DE VAT number (expected DE + 9 digits)",
            "DE | DE136695978 | tax_id 'DE136695978' is not a valid DE VAT number (wrong check digit)",
            "BE | BE0431150351 | tax_id 'BE0431150351' is not a valid BE VAT number (wrong check digit)",
            "FR | FR84323140391 | tax_id 'FR84323140391' is not a valid FR VAT number (wrong check digit)",
            "FR | FRIO334175221 | tax_id 'FRIO334175221' is not a valid FR VAT number (expected FR + a 2-character key"
                    + " and the 9-digit SIREN)",
            "IT | IT00743110158 | tax_id 'IT00743110158' is not a valid IT VAT number (wrong check digit)",
            "IE | IE6433435E | tax_id 'IE6433435E' is not a valid IE VAT number (wrong check digit)",
            "GB | GB802311781 | tax_id 'GB802311781' is not a valid GB VAT number (wrong check digit)",
            "DE | FR40303265045 | tax_id 'FR40303265045' is not a valid DE VAT number (it must start with DE, the"
                    + " prefix of a customer in DE; expected DE + 9 digits)",
            "GR | GR123456789 | tax_id 'GR123456789' is not a valid GR VAT number (it must start with EL, the prefix"
                    + " of a customer in GR; expected EL + 9 digits)",
            "NO | NO995525828 | tax_id 'NO995525828' is not a valid NO VAT number (expected NO + 9 digits + MVA)",
            "US | 12/3456789 | tax_id '12/3456789' must be 1-32 characters of A-Z, 0-9 and '-'",
    })
    void invalid(String country, String taxId, String problem) {
        assertThat(VatNumbers.problem(country, taxId)).contains(problem);
    }

    @Test
    void theEuHas27MemberStates_GreeceUsesEl() {
        assertThat(EuMemberStates.count()).isEqualTo(27);
        assertThat(EuMemberStates.vatPrefix("GR")).isEqualTo("EL");
        assertThat(EuMemberStates.contains("GB")).isFalse();
        assertThat(EuMemberStates.contains("XI")).isFalse();
        for (String state : new String[] {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
                "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}) {
            assertThat(EuMemberStates.contains(state)).as(state).isTrue();
            assertThat(VatNumbers.hasFormat(state)).as(state).isTrue();
        }
    }
}
