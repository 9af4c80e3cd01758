package dev.tokenbill.tax;

/**
 * The published check-digit rules of the national VAT numbers that have a cheap one, each tested against a published
 * valid example (VatNumbersTest). Each takes the national part without the country prefix, already in its format.
 */
final class CheckDigits {

    private CheckDigits() {
    }

    /** Belgium: the last two digits are 97 - (the first eight mod 97). */
    static boolean belgium(String body) {
        long first = Long.parseLong(body.substring(0, 8));
        return 97 - first % 97 == Integer.parseInt(body.substring(8));
    }

    /** Germany: ISO 7064 MOD 11,10 over the first eight digits gives the ninth. */
    static boolean germany(String body) {
        int product = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (digit(body, i) + product) % 10;
            product = (2 * (sum == 0 ? 10 : sum)) % 11;
        }
        return (11 - product) % 10 == digit(body, 8);
    }

    /** France: a numeric key is (SIREN x 100 + 12) mod 97; the newer keys with letters are checked for format only. */
    static boolean france(String body) {
        String key = body.substring(0, 2);
        if (!key.chars().allMatch(Character::isDigit)) {
            return true;
        }
        long siren = Long.parseLong(body.substring(2));
        return (siren * 100 + 12) % 97 == Integer.parseInt(key);
    }

    /**
     * Ireland: the check letter is "WABCDEFGHIJKLMNOPQRSTUV"[sum mod 23], the sum weighting the seven digits 8..2 and
     * a second letter (numbers issued since 2013) by 9; old-style numbers (a letter second) are checked for format only.
     */
    static boolean ireland(String body) {
        if (!Character.isDigit(body.charAt(1))) {
            return true;
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (8 - i) * digit(body, i);
        }
        if (body.length() == 9) {
            sum += 9 * (body.charAt(8) == 'W' ? 0 : body.charAt(8) - 'A' + 1);
        }
        return "WABCDEFGHIJKLMNOPQRSTUV".charAt(sum % 23) == body.charAt(7);
    }

    /** Italy: the Luhn algorithm over the eleven digits. */
    static boolean italy(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = digit(body, body.length() - 1 - i);
            sum += i % 2 == 0 ? d : (d * 2 > 9 ? d * 2 - 9 : d * 2);
        }
        return sum % 10 == 0;
    }

    /**
     * The UK: the nine digits weighted 8,7,6,5,4,3,2,10,1 sum to 0 mod 97, or to 42 or 55 mod 97 (the "9755" series
     * issued since 2010) for numbers from 100 0000 00 on; public bodies (GD, HA) have no check digit.
     */
    static boolean unitedKingdom(String body) {
        if (body.startsWith("GD") || body.startsWith("HA")) {
            return true;
        }
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * digit(body, i);
        }
        int remainder = sum % 97;
        return remainder == 0 || Integer.parseInt(body.substring(0, 3)) >= 100 && (remainder == 42 || remainder == 55);
    }

    private static int digit(String text, int index) {
        return text.charAt(index) - '0';
    }
}
