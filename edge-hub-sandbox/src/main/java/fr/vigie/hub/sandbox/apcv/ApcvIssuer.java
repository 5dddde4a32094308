package fr.vigie.hub.sandbox.apcv;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.admission.ApcvVerifier;
import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The sandbox ApCV: an issuer key (EC P-256, made at start, never leaving this object) that signs
 * short-lived tokens the way Vigie reads the ApCV ({@link ApcvVerifier} documents the format), as a
 * patient's Appli carte Vitale would show them in a QR code. For demos and tests only. Thread-safe.
 *
 * <pre>{@code
 * ApcvIssuer issuer = ApcvIssuer.generate(clock);
 * String qrText = issuer.issue(identity, "chu-nord", Duration.ofMinutes(2));   // APCV1.eyJ…
 * issuer.writePublicKeys(dir.resolve("apcv-keys.jwks"));                      // hub.apcv.keys-file
 * }</pre>
 */
public final class ApcvIssuer {
    /** The issuer name ({@code iss}) of Vigie's sandbox ApCV. */
    public static final String ISSUER = "urn:vigie:sandbox:apcv";

    /**
     * An identity the sandbox ApCV vouches for; values as INSi would give them.
     *
     * @param lieuNaissance INSEE code, or {@code null}
     */
    public record Identity(String matricule, String oid, String nomNaissance, String listePrenom, String sexe,
            String dateNaissance, String lieuNaissance) {
        public Identity {
            Objects.requireNonNull(matricule, "matricule");
            Objects.requireNonNull(oid, "oid");
        }

        @Override
        public String toString() {
            return "ApcvIssuer.Identity[values not shown]";
        }
    }

    private final ECKey key;
    private final Clock clock;

    private ApcvIssuer(ECKey key, Clock clock) {
        this.key = key;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new issuer with a fresh key. */
    public static ApcvIssuer generate(Clock clock) {
        try {
            return new ApcvIssuer(new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID("sandbox-apcv-" + UUID.randomUUID()).generate(), clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the sandbox ApCV key", e);
        }
    }

    /** A token for {@code identity}, meant for {@code site}, valid {@code lifetime} from now. */
    public String issue(Identity identity, String site, Duration lifetime) {
        Instant now = clock.instant();
        return sign(identity, site, now, now.plus(lifetime), UUID.randomUUID().toString());
    }

    /** A token with every time and id given, for tests of expiry, lifetime and replay. */
    public String sign(Identity identity, String site, Instant issuedAt, Instant expiresAt, String tokenId) {
        Map<String, Object> ins = new LinkedHashMap<>();
        ins.put("matricule", identity.matricule());
        ins.put("oid", identity.oid());
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("nomNaissance", identity.nomNaissance());
        traits.put("listePrenom", identity.listePrenom());
        traits.put("sexe", identity.sexe());
        traits.put("dateNaissance", identity.dateNaissance());
        if (identity.lieuNaissance() != null) {
            traits.put("lieuNaissance", identity.lieuNaissance());
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(site)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).jwtID(tokenId)
                .claim("ins", ins).claim("traits", traits).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return ApcvVerifier.PREFIX + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a sandbox ApCV token", e);
        }
    }

    /** The public key, as a JWK set a hub can be configured with. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** Writes {@link #publicKeys()} to {@code file}, the JWK set a hub's {@code hub.apcv.keys-file} names. */
    public void writePublicKeys(Path file) throws IOException {
        AtomicFiles.write(file, publicKeys().toString(true).getBytes(StandardCharsets.UTF_8));
    }

    /** What a hub trusts to accept this issuer's tokens. */
    public ApcvSettings trust() {
        return ApcvSettings.of(List.of(key.toPublicJWK()), ISSUER);
    }

    @Override
    public String toString() {
        return "ApcvIssuer[" + key.getKeyID() + "]";
    }
}
