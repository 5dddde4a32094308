package fr.vigie.hub.admission;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the hub trusts for ApCV tokens ({@code hub.apcv.*}): the issuer's public keys, the expected
 * issuer, the audience tokens must name, the longest token lifetime accepted and the clock skew
 * allowed. Checked when built, naming the key and the value. Without {@code hub.apcv.keys-file} or
 * {@code hub.apcv.keys-url} the hub trusts no ApCV and ApCV steps answer {@code APCV_NOT_CONFIGURED}.
 * Immutable.
 *
 * @param keys the trusted public keys ({@value #KEYS_FILE}, a JWK set file, or {@value #KEYS_URL})
 * @param issuer the expected {@code iss} ({@value #ISSUER})
 * @param audience what {@code aud} must name ({@value #AUDIENCE}); empty: the site of the kiosk where
 *        the token was scanned
 * @param maxLifetime the longest {@code exp − iat} accepted ({@value #MAX_LIFETIME_SECONDS}, 1 to 900, default 300)
 * @param skew the clock difference tolerated on {@code exp} and {@code iat} ({@value #CLOCK_SKEW_SECONDS}, 0 to 120,
 *        default 30)
 */
public record ApcvSettings(ApcvKeys keys, String issuer, Optional<String> audience, Duration maxLifetime,
        Duration skew) {
    public static final String KEYS_FILE = "hub.apcv.keys-file";
    public static final String KEYS_URL = "hub.apcv.keys-url";
    public static final String ISSUER = "hub.apcv.issuer";
    public static final String AUDIENCE = "hub.apcv.audience";
    public static final String MAX_LIFETIME_SECONDS = "hub.apcv.max-lifetime-seconds";
    public static final String CLOCK_SKEW_SECONDS = "hub.apcv.clock-skew-seconds";
    /** Every {@code hub.apcv.*} key. */
    public static final Set<String> KEYS = Set.of(KEYS_FILE, KEYS_URL, ISSUER, AUDIENCE, MAX_LIFETIME_SECONDS,
            CLOCK_SKEW_SECONDS);

    public ApcvSettings {
        Objects.requireNonNull(keys, KEYS_FILE);
        if (issuer == null || issuer.isBlank() || issuer.length() > 255) {
            throw new IllegalArgumentException(ISSUER + " must name the ApCV issuer (iss), got '" + issuer + "'");
        }
        audience = Objects.requireNonNullElse(audience, Optional.empty());
        audience.ifPresent(a -> {
            if (a.isBlank() || a.length() > 255) {
                throw new IllegalArgumentException(AUDIENCE + " must be empty or 1 to 255 characters, got '" + a + "'");
            }
        });
        if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()
                || maxLifetime.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException(MAX_LIFETIME_SECONDS + " must be 1 to 900, got "
                    + (maxLifetime == null ? null : maxLifetime.toSeconds()));
        }
        if (skew == null || skew.isNegative() || skew.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException(CLOCK_SKEW_SECONDS + " must be 0 to 120, got "
                    + (skew == null ? null : skew.toSeconds()));
        }
    }

    /** Trust {@code keys} from {@code issuer}, for the kiosk's site: tokens of at most 5 minutes, 30 s of clock skew. */
    public static ApcvSettings of(List<JWK> keys, String issuer) {
        return new ApcvSettings(ApcvKeys.of(new JWKSet(keys)), issuer, Optional.empty(), Duration.ofMinutes(5),
                Duration.ofSeconds(30));
    }
}
