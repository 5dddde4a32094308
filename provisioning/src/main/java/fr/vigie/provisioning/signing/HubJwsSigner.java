package fr.vigie.provisioning.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.security.interfaces.ECPrivateKey;
import java.util.Objects;

/**
 * Hub side of the hub's signatures: signs a payload as a compact JWS with ES256 (EC P-256), a
 * {@code typ} naming what the payload is, and the key id. One signing path for everything the hub
 * signs with its signing key: configuration bundles, remote commands, exported audit heads. The
 * {@code typ} keeps one kind of signed object from passing for another. {@link HubJwsVerifier}
 * checks what this writes. Thread-safe.
 *
 * <pre>{@code
 * HubJwsSigner signer = new HubJwsSigner(hubKey, "config-3f2a…");
 * String jws = signer.sign("vigie-command+jws", "{\"kioskId\":\"accueil-1\",…}");
 * }</pre>
 */
public final class HubJwsSigner {
    private final ECDSASigner signer;
    private final String keyId;

    /**
     * @param key the hub's EC P-256 signing key
     * @param keyId the key id written in every header
     * @throws IllegalArgumentException when the key is not an EC P-256 key
     */
    public HubJwsSigner(ECPrivateKey key, String keyId) {
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the hub signing key must be EC P-256", e);
        }
        if (!signer.supportedJWSAlgorithms().contains(JWSAlgorithm.ES256)) {
            throw new IllegalArgumentException("the hub signing key must be EC P-256 (ES256)");
        }
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** Signs {@code payload} (UTF-8 text, in practice JSON) as a compact JWS of type {@code type}. */
    public String sign(String type, String payload) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type)).keyID(keyId).build();
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with ES256", e);
        }
        return jws.serialize();
    }

    /** The key id written in every header. */
    public String keyId() {
        return keyId;
    }
}
