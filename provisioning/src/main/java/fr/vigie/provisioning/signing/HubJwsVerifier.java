package fr.vigie.provisioning.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import fr.vigie.provisioning.signing.HubJwsException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Base64;

/**
 * Checks a compact JWS written by {@link HubJwsSigner} against the hub's public key (pinned by a
 * kiosk at enrolment, or the hub's own). In this order, each refusal with its
 * {@link HubJwsException.Reason}: three parts and a readable header with an {@code alg}
 * ({@code MALFORMED}); a signature at all ({@code UNSIGNED}); ES256 and nothing else, decided before
 * any key is used ({@code ALG_NOT_ALLOWED}); the expected {@code typ} ({@code WRONG_TYPE}); a
 * signature that verifies ({@code SIGNATURE_INVALID}). Only then is the payload handed back; what it
 * says is the caller's to check. Thread-safe.
 *
 * <pre>{@code
 * HubJwsVerifier verifier = new HubJwsVerifier(pinnedHubKey);
 * String payload = verifier.verify(jws, "vigie-command+jws");
 * }</pre>
 */
public final class HubJwsVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ECDSAVerifier verifier;

    /**
     * @throws IllegalArgumentException when the key is not an EC P-256 key
     */
    public HubJwsVerifier(ECPublicKey hubKey) {
        try {
            this.verifier = new ECDSAVerifier(hubKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the hub signing key must be EC P-256", e);
        }
    }

    /**
     * @param type the {@code typ} the object must have, e.g. {@code vigie-config+jws}
     * @return the verified payload as text
     * @throws HubJwsException with the reason the object is refused
     */
    public String verify(String compact, String type) throws HubJwsException {
        String[] parts = compact == null ? new String[0] : compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new HubJwsException(Reason.MALFORMED, "not a compact JWS of three parts (got " + parts.length + ")");
        }
        String alg = algorithm(parts[0]);
        if ("none".equalsIgnoreCase(alg) || parts[2].isEmpty()) {
            throw new HubJwsException(Reason.UNSIGNED, "not signed (alg '" + alg + "')");
        }
        if (!"ES256".equals(alg)) {
            throw new HubJwsException(Reason.ALG_NOT_ALLOWED, "algorithm '" + alg + "' is not allowed, only ES256");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new HubJwsException(Reason.MALFORMED, "not readable: " + e.getMessage());
        }
        if (jws.getHeader().getType() == null || !type.equals(jws.getHeader().getType().getType())) {
            throw new HubJwsException(Reason.WRONG_TYPE, "typ '" + jws.getHeader().getType() + "' is not '" + type + "'");
        }
        boolean valid;
        try {
            valid = jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new HubJwsException(Reason.SIGNATURE_INVALID, "signature does not verify with the hub's key");
        }
        return jws.getPayload().toString();
    }

    private static String algorithm(String encodedHeader) throws HubJwsException {
        try {
            JsonNode header = JSON.readTree(new String(Base64.getUrlDecoder().decode(encodedHeader), StandardCharsets.UTF_8));
            JsonNode alg = header == null ? null : header.get("alg");
            if (alg == null || !alg.isTextual()) {
                throw new HubJwsException(Reason.MALFORMED, "header has no 'alg'");
            }
            return alg.textValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new HubJwsException(Reason.MALFORMED, "header is not base64url JSON");
        }
    }
}
