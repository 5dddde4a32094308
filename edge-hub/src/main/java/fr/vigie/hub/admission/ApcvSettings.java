package fr.vigie.hub.admission;

import fr.vigie.config.SettingsCatalogue;
import fr.vigie.config.Setting;
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
    /** Every {@code hub.apcv.*} setting, described for the settings reference and the hub's reader. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.define(KEYS_FILE).textValue("").words("Clés de l'émetteur ApCV (fichier)", "ApCV keys file",
                    "Clés publiques de l'émetteur ApCV (fichier JWK set) ; sans elles, pas d'ApCV.",
                    "The ApCV issuer's public keys (JWK set file); without them or hub.apcv.keys-url, no ApCV"
                            + " (APCV_NOT_CONFIGURED)."),
            Setting.define(KEYS_URL).textValue("").words("Clés de l'émetteur ApCV (adresse)", "ApCV keys URL",
                    "Adresse https des clés publiques de l'émetteur ApCV (au lieu du fichier).",
                    "https URL of the ApCV issuer's public keys (instead of the file)."),
            Setting.define(ISSUER).textValue("").words("Émetteur ApCV", "ApCV issuer",
                    "Émetteur (iss) des jetons ApCV acceptés.", "The ApCV tokens' issuer (iss)."),
            Setting.define(AUDIENCE).textValue("").words("Destinataire ApCV", "ApCV audience",
                    "Destinataire (aud) exigé des jetons ApCV ; vide : non vérifié.",
                    "The audience (aud) required of ApCV tokens; empty: not checked."),
            Setting.define(MAX_LIFETIME_SECONDS).integer(300, 1, 900).unit("s").words("Durée de vie d'un jeton ApCV",
                    "ApCV token lifetime", "Durée de vie maximale acceptée d'un jeton ApCV.",
                    "Longest lifetime accepted of an ApCV token."),
            Setting.define(CLOCK_SKEW_SECONDS).integer(30, 0, 120).unit("s").words("Décalage d'horloge ApCV",
                    "ApCV clock skew", "Décalage d'horloge toléré.", "Clock skew tolerated."));
    /** Every {@code hub.apcv.*} key. */
    public static final Set<String> KEYS = SettingsCatalogue.keysOf(SETTINGS);

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
