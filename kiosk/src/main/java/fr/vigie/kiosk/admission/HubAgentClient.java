package fr.vigie.kiosk.admission;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.session.CardSignature;
import fr.vigie.protocol.AgentProofApi;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link AgentHub} over the hub's device API ({@link AgentProofApi}), with the kiosk's device certificate:
 * the hub knows the kiosk from it. Thread-safe.
 *
 * <pre>{@code
 * AgentHub hub = new HubAgentClient(kiosk.hubApi().orElseThrow());
 * }</pre>
 */
public final class HubAgentClient implements AgentHub {
    private final HubApi hub;

    public HubAgentClient(HubApi hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public Nonce nonce(String kioskSessionId) throws HubApiException {
        JsonNode a = hub.post(AgentProofApi.NONCE, Map.of("kioskSessionId", kioskSessionId));
        try {
            byte[] nonce = Base64.getDecoder().decode(a.path("nonce").asText(""));
            if (nonce.length != AgentProofApi.NONCE_BYTES) {
                throw malformed("a nonce of " + nonce.length + " bytes");
            }
            return new Nonce(nonce, Instant.parse(a.path("expiresAt").asText("")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw malformed("an unreadable nonce");
        }
    }

    @Override
    public Proven proveWithCard(byte[] nonce, CardSignature signature) throws HubApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nonce", base64(nonce));
        body.put("signature", base64(signature.signature()));
        body.put("certificate", der(signature.certificate()));
        List<String> chain = new ArrayList<>();
        for (X509Certificate c : signature.issuers()) {
            chain.add(der(c));
        }
        body.put("chain", chain);
        return proven(hub.post(AgentProofApi.PROOF, body));
    }

    @Override
    public Proven proveThroughPsc(String kioskSessionId, String cibaRequestId) throws HubApiException {
        return proven(hub.post(AgentProofApi.PSC_PROOF, Map.of("kioskSessionId", kioskSessionId, "cibaRequestId",
                cibaRequestId)));
    }

    @Override
    public void end(String kioskSessionId, String reason) throws HubApiException {
        hub.post(AgentProofApi.END, Map.of("kioskSessionId", kioskSessionId, "reason", reason));
    }

    private static Proven proven(JsonNode a) throws HubApiException {
        try {
            return new Proven(a.path("agent").asText(null), a.path("method").asText(""),
                    a.path("kioskSessionId").asText(null), Instant.parse(a.path("expiresAt").asText("")));
        } catch (NullPointerException | DateTimeParseException e) {
            throw malformed("an unreadable binding");
        }
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String der(X509Certificate c) {
        try {
            return base64(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the card certificate cannot be encoded", e);
        }
    }

    private static HubApiException malformed(String what) {
        return new HubApiException(0, HubApiException.MALFORMED_ANSWER, "the hub answered " + what, null);
    }
}
