package fr.vigie.provisioning.enrolment;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One-time bootstrap tokens that approve a kiosk's enrolment without IT at the console: random,
 * bound to one kiosk, expiring, usable once. The value is {@code <id>.<secret>}: the id (64 bits,
 * hex) finds the stored token, the secret (256 bits, base64url) is checked against the stored
 * SHA-256 with a constant-time comparison. A plain hash suffices because the secret is random,
 * not chosen by a person. Thread-safe when its store is.
 *
 * <pre>{@code
 * BootstrapTokens tokens = new BootstrapTokens(store, clock, new SecureRandom());
 * BootstrapToken t = tokens.issue(kiosk, Duration.ofHours(24));   // give t.value() to the kiosk
 * KioskAddress ok = tokens.redeem(request.bootstrapToken(), request.kiosk());   // TOKEN_* on refusal
 * }</pre>
 */
public final class BootstrapTokens {
    /** Longest lifetime a token may be given. */
    public static final Duration MAX_TTL = Duration.ofDays(30);
    private static final Pattern SHAPE = Pattern.compile("([0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");

    private final BootstrapTokenStore store;
    private final Clock clock;
    private final SecureRandom random;

    public BootstrapTokens(BootstrapTokenStore store, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Issues a token for {@code kiosk}, valid for {@code ttl} (at most {@link #MAX_TTL}). */
    public BootstrapToken issue(KioskAddress kiosk, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("bootstrap token ttl '" + ttl + "' must be more than 0 and at most " + MAX_TTL);
        }
        byte[] idBytes = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        store.add(new StoredBootstrapToken(id, kiosk, sha256(secretText), now, expiresAt, null));
        return new BootstrapToken(id, kiosk, id + "." + secretText, expiresAt);
    }

    /**
     * Uses a presented token for {@code claimed}; after success the token can never be used again.
     *
     * @return the kiosk the token approves
     * @throws ProvisioningException {@code TOKEN_UNKNOWN} (no such token, or a wrong secret),
     *     {@code TOKEN_USED}, {@code TOKEN_EXPIRED}, {@code TOKEN_WRONG_KIOSK}
     */
    public KioskAddress redeem(String presented, KioskAddress claimed) throws ProvisioningException {
        var m = presented == null ? null : SHAPE.matcher(presented);
        if (m == null || !m.matches()) {
            throw new ProvisioningException(ProvisioningError.TOKEN_UNKNOWN, "the bootstrap token is not of the issued form");
        }
        String id = m.group(1);
        StoredBootstrapToken stored = store.find(id).orElse(null);
        // The hash is compared in constant time whether or not the id exists.
        byte[] expected = stored == null ? new byte[32] : stored.secretHash();
        boolean secretMatches = MessageDigest.isEqual(expected, sha256(m.group(2)));
        if (stored == null || !secretMatches) {
            throw new ProvisioningException(ProvisioningError.TOKEN_UNKNOWN, "no bootstrap token " + id + " with this secret");
        }
        Instant now = clock.instant();
        if (stored.usedAt() != null) {
            throw new ProvisioningException(ProvisioningError.TOKEN_USED,
                    "bootstrap token " + id + " was already used at " + stored.usedAt());
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw new ProvisioningException(ProvisioningError.TOKEN_EXPIRED,
                    "bootstrap token " + id + " expired at " + stored.expiresAt());
        }
        if (!stored.kiosk().equals(claimed)) {
            throw new ProvisioningException(ProvisioningError.TOKEN_WRONG_KIOSK,
                    "bootstrap token " + id + " was issued for kiosk " + stored.kiosk() + ", not " + claimed);
        }
        if (!store.markUsed(id, now)) {
            throw new ProvisioningException(ProvisioningError.TOKEN_USED, "bootstrap token " + id + " was already used");
        }
        return stored.kiosk();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
