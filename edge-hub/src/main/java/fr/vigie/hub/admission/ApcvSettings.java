package fr.vigie.hub.admission;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the hub trusts for ApCV tokens: the issuer's public EC P-256 keys (a JWK set, private parts
 * refused), the expected issuer, the longest token lifetime accepted and the clock skew allowed.
 * Checked at construction, naming the key and the value. Immutable.
 *
 * @param keys the trusted public keys, each with a {@code kid}
 * @param issuer the expected {@code iss}
 * @param maxLifetime the longest {@code exp − iat} accepted (short-lived tokens only)
 * @param skew the clock difference tolerated on {@code exp} and {@code iat}
 */
public record ApcvSettings(JWKSet keys, String issuer, Duration maxLifetime, Duration skew) {
    /** The issuer name of Vigie's sandbox ApCV. */
    public static final String SANDBOX_ISSUER = "urn:vigie:sandbox:apcv";

    public ApcvSettings {
        Objects.requireNonNull(keys, "apcv.keys");
        if (keys.getKeys().isEmpty()) {
            throw new IllegalArgumentException("apcv.keys holds no key");
        }
        for (JWK k : keys.getKeys()) {
            if (!(k instanceof ECKey ec) || k.isPrivate() || k.getKeyID() == null
                    || !"P-256".equals(ec.getCurve().getName())) {
                throw new IllegalArgumentException("apcv.keys must hold public EC P-256 keys with a kid, got "
                        + k.getKeyType() + " kid=" + k.getKeyID() + (k.isPrivate() ? " (private part present)" : ""));
            }
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("apcv.issuer must not be empty");
        }
        if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()
                || maxLifetime.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("apcv.max-lifetime must be positive and at most 15 minutes, got "
                    + maxLifetime);
        }
        if (skew == null || skew.isNegative() || skew.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("apcv.clock-skew must be 0 to 2 minutes, got " + skew);
        }
    }

    /** Trust {@code keys} from {@code issuer}: tokens of at most 5 minutes, 30 s of clock skew. */
    public static ApcvSettings of(List<JWK> keys, String issuer) {
        return new ApcvSettings(new JWKSet(keys), issuer, Duration.ofMinutes(5), Duration.ofSeconds(30));
    }
}
