package fr.vigie.hub.db;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals what the hubs sharing a site's database store there but must not keep in clear (PSC's CIBA
 * handles and tokens): AES-256-GCM under the hubs' data key, a fresh 96-bit nonce per value, and the
 * row and column the value belongs to as associated data, so that a sealed value copied to another row
 * or column does not open. Every hub holding the same key opens what another sealed. Thread-safe.
 *
 * <pre>{@code
 * byte[] stored = seal.seal(accessToken, "psc_ciba_requests.tokens/" + requestId);
 * String back = seal.open(stored, "psc_ciba_requests.tokens/" + requestId);
 * }</pre>
 */
public final class DataSeal {
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;

    private final SecretKey key;
    private final SecureRandom random;

    public DataSeal(SecretKey key, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@code value} sealed for {@code where} (row and column): version, nonce, ciphertext and tag. */
    public byte[] seal(String value, String where) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance(CIPHER);
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(where.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        }
    }

    /**
     * Opens what {@link #seal} sealed for the same {@code where}.
     *
     * @throws IllegalArgumentException when the value was sealed under another key or for another place,
     *         or was altered
     */
    public String open(byte[] sealed, String where) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed value of this hub (" + where + ")");
        }
        try {
            Cipher c = Cipher.getInstance(CIPHER);
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            c.updateAAD(where.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value of " + where + " does not open with this hub's data"
                    + " key (another site's passphrase, or altered)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        }
    }
}
