package fr.vigie.protocol.identity;

/** The Luhn (mod 10) checksum used by RPPS numbers. */
final class Luhn {
    private Luhn() {
    }

    /**
     * The Luhn sum of a digit string: from the right, every second digit is doubled (minus 9 when
     * over 9). A number with its check digit is valid when the sum is a multiple of 10.
     */
    static int sum(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }
}
