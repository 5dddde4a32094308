package fr.vigie.hub.admission;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.TraitsInput;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies an ApCV token as Vigie reads the ApCV (its real content is not public, DOMAIN §7): the
 * text {@code APCV1.} followed by a compact JWS signed ES256 by the ApCV issuer, whose claims are
 * <pre>
 * {"iss": issuer, "aud": site, "iat": s, "exp": s (short-lived), "jti": unique id,
 *  "ins": {"matricule": 15 characters, "oid": "1.2.250.1.213.1.4.x"},
 *  "traits": {"nomNaissance", "listePrenom", "sexe", "dateNaissance", "lieuNaissance"?}}
 * </pre>
 * Checked in this order, each with its {@link ApcvError}: shape, algorithm (ES256 only, so
 * {@code none} and HMAC are refused before any key is touched), key id, signature, issuer, audience
 * (the calling kiosk's site, or {@code hub.apcv.audience}), expiry and issue time with {@link ApcvSettings#skew()}, lifetime, token
 * id, identity. Replays are the {@link ApcvReplayGuard}'s concern. Thread-safe, clock injected.
 *
 * <pre>{@code
 * ApcvIdentity id = new ApcvVerifier(settings, clock).verify(scannedText, caller.kiosk().site());
 * }</pre>
 */
public final class ApcvVerifier {
    /** What starts every ApCV token text (the kiosk's {@code ApcvToken.PREFIX}). */
    public static final String PREFIX = "APCV1.";
    private static final int MAX_LENGTH = 2048;

    private final ApcvSettings settings;
    private final Clock clock;

    public ApcvVerifier(ApcvSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The identity the token vouches for.
     *
     * @param site the site of the kiosk where it was scanned: the audience it must name
     * @throws AdmissionRejection with an {@link ApcvError} code
     */
    public ApcvIdentity verify(String text, String site) throws AdmissionRejection {
        if (text == null || !text.startsWith(PREFIX) || text.length() > MAX_LENGTH) {
            throw reject(ApcvError.APCV_MALFORMED, "an ApCV token is " + PREFIX + " and a compact JWS of at most "
                    + MAX_LENGTH + " characters");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(text.substring(PREFIX.length()));
        } catch (ParseException e) {
            throw reject(ApcvError.APCV_MALFORMED, "the token is not a compact JWS: " + e.getMessage());
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw reject(ApcvError.APCV_ALG_REFUSED, "ApCV tokens are signed ES256, this one "
                    + jwt.getHeader().getAlgorithm());
        }
        String kid = jwt.getHeader().getKeyID();
        ECKey key;
        try {
            key = kid == null ? null : settings.keys().find(kid).orElse(null);
        } catch (IOException e) {
            throw reject(ApcvError.APCV_KEYS_UNAVAILABLE, "the issuer's keys cannot be fetched now: " + e.getMessage());
        }
        if (key == null) {
            throw reject(ApcvError.APCV_UNKNOWN_KEY, "no trusted ApCV key has the id " + kid);
        }
        try {
            if (!jwt.verify(new ECDSAVerifier(key))) {
                throw reject(ApcvError.APCV_SIGNATURE_INVALID, "the signature does not verify with key " + kid);
            }
        } catch (JOSEException e) {
            throw reject(ApcvError.APCV_SIGNATURE_INVALID, "the signature cannot be verified: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw reject(ApcvError.APCV_MALFORMED, "the claims are not a JSON object");
        }
        checkIssuerAndAudience(claims, site);
        Instant exp = checkTimes(claims);
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > 128) {
            throw reject(ApcvError.APCV_MALFORMED, "the token has no usable jti");
        }
        return identity(claims, jti, exp);
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims, String site) throws AdmissionRejection {
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw reject(ApcvError.APCV_WRONG_ISSUER, "the token's issuer is not " + settings.issuer());
        }
        String audience = settings.audience().orElse(site);
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw reject(ApcvError.APCV_WRONG_AUDIENCE, "the token is not meant for " + audience);
        }
    }

    private Instant checkTimes(JWTClaimsSet claims) throws AdmissionRejection {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw reject(ApcvError.APCV_MALFORMED, "the token needs exp and iat");
        }
        Instant now = clock.instant();
        if (!now.isBefore(exp.toInstant().plus(settings.skew()))) {
            throw reject(ApcvError.APCV_EXPIRED, "the token expired at " + exp.toInstant());
        }
        if (iat.toInstant().isAfter(now.plus(settings.skew()))) {
            throw reject(ApcvError.APCV_NOT_YET_VALID, "the token is issued in the future (" + iat.toInstant() + ")");
        }
        Duration lifetime = Duration.between(iat.toInstant(), exp.toInstant());
        if (lifetime.compareTo(settings.maxLifetime()) > 0) {
            throw reject(ApcvError.APCV_LIFETIME_TOO_LONG, "the token lives " + lifetime.toSeconds()
                    + " s, more than " + settings.maxLifetime().toSeconds() + " s");
        }
        return exp.toInstant();
    }

    private static ApcvIdentity identity(JWTClaimsSet claims, String jti, Instant exp) throws AdmissionRejection {
        try {
            Map<String, Object> ins = claims.getJSONObjectClaim("ins");
            Map<String, Object> traits = claims.getJSONObjectClaim("traits");
            if (ins == null || traits == null) {
                throw reject(ApcvError.APCV_IDENTITY_INVALID, "the token carries no ins or traits");
            }
            TraitsInput input = new TraitsInput(text(traits, "nomNaissance"), text(traits, "listePrenom"),
                    text(traits, "sexe"), text(traits, "dateNaissance"), text(traits, "lieuNaissance"), null, null);
            return new ApcvIdentity(jti, exp, InsMatricule.parse(text(ins, "matricule")),
                    InsOid.parse(text(ins, "oid")), input);
        } catch (ParseException e) {
            throw reject(ApcvError.APCV_IDENTITY_INVALID, "ins and traits must be JSON objects");
        } catch (IdentityException e) {
            throw reject(ApcvError.APCV_IDENTITY_INVALID, "the INS in the token is invalid: " + e.error());
        }
    }

    private static String text(Map<String, Object> map, String name) throws AdmissionRejection {
        Object v = map.get(name);
        if (v != null && !(v instanceof String)) {
            throw reject(ApcvError.APCV_IDENTITY_INVALID, name + " must be a string");
        }
        return (String) v;
    }

    private static AdmissionRejection reject(ApcvError error, String message) {
        return new AdmissionRejection(Rejections.code(error), "ApCV: " + message);
    }
}
