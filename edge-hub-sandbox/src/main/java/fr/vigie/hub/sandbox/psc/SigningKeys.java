package fr.vigie.hub.sandbox.psc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sandbox PSC's RSA signing keys. {@link #rotate} makes a new current key and keeps the
 * previous one published for a while, as Keycloak does, so tokens signed before the rotation
 * still verify. Thread-safe.
 */
final class SigningKeys {
    private static final int KEPT = 2;
    private final List<RSAKey> keys = new ArrayList<>();

    SigningKeys() {
        rotate();
    }

    /** Makes a new signing key; the oldest beyond the two most recent is withdrawn. */
    synchronized RSAKey rotate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            keys.add(0, key);
            while (keys.size() > KEPT) {
                keys.remove(keys.size() - 1);
            }
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    synchronized String sign(JWTClaimsSet claims) {
        RSAKey key = keys.get(0);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** Whether {@code jwt} was signed by one of the published keys. */
    synchronized boolean verify(SignedJWT jwt) {
        for (RSAKey k : keys) {
            try {
                if (k.getKeyID().equals(jwt.getHeader().getKeyID()) && jwt.verify(new RSASSAVerifier(k))) {
                    return true;
                }
            } catch (JOSEException e) {
                return false;
            }
        }
        return false;
    }

    /** The public keys, current first, as a JWKS document. */
    synchronized String publicJwks() {
        List<JWK> pub = new ArrayList<>();
        keys.forEach(k -> pub.add(k.toPublicJWK()));
        return new JWKSet(pub).toString(true);
    }

    synchronized String currentKeyId() {
        return keys.get(0).getKeyID();
    }
}
