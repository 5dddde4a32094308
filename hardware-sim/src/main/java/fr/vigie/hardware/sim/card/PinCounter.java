package fr.vigie.hardware.sim.card;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A card PIN with its try counter: {@code max} wrong tries in a row block it, a right one resets
 * the counter. Compares in constant time. Not thread-safe: the owning card serialises access.
 */
final class PinCounter {
    private final byte[] pin;
    private final int max;
    private int left;

    PinCounter(String digits, int max) {
        if (!digits.matches("[0-9]{4,8}")) {
            throw new IllegalArgumentException("a PIN is 4 to 8 digits");
        }
        this.pin = digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.max = max;
        this.left = max;
    }

    int max() {
        return max;
    }

    int left() {
        return left;
    }

    boolean blocked() {
        return left == 0;
    }

    /** @return whether the candidate (ASCII digits, optionally padded with FF or 00) is the PIN */
    boolean verify(byte[] candidate) {
        if (blocked()) {
            return false;
        }
        int n = candidate.length;
        while (n > 0 && (candidate[n - 1] == (byte) 0xFF || candidate[n - 1] == 0)) {
            n--;
        }
        boolean ok = MessageDigest.isEqual(pin, Arrays.copyOf(candidate, n));
        left = ok ? max : left - 1;
        return ok;
    }
}
