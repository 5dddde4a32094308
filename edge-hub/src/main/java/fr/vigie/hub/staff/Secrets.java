package fr.vigie.hub.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer secrets (session cookies, CSRF and API tokens) and the SHA-256 under which they are stored. */
final class Secrets {
    private Secrets() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    static String random(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * SHA-256 of a high-entropy secret. A fast hash is right here: the secret has 256 random bits, so
     * a stolen table cannot be brute-forced, and lookups stay one indexed query.
     */
    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
