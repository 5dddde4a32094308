package fr.vigie.kiosk.admission;

import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.session.CardSignature;
import fr.vigie.protocol.device.AgentApi;
import fr.vigie.protocol.device.AgentBindingAnswer;
import fr.vigie.protocol.device.CardProofRequest;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.EndRequest;
import fr.vigie.protocol.device.NonceAnswer;
import fr.vigie.protocol.device.NonceRequest;
import fr.vigie.protocol.device.PscProofRequest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link AgentHub} over the hub's device API ({@link AgentApi}), with the kiosk's device certificate: the hub
 * knows the kiosk from it. Thread-safe.
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
        NonceAnswer a = hub.call(AgentApi.NONCE, new NonceRequest(kioskSessionId));
        return new Nonce(a.value(), a.expiresAt());
    }

    @Override
    public Proven proveWithCard(byte[] nonce, CardSignature signature) throws HubApiException {
        List<byte[]> chain = new ArrayList<>();
        for (X509Certificate c : signature.issuers()) {
            chain.add(der(c));
        }
        return proven(hub.call(AgentApi.PROOF, CardProofRequest.of(nonce, signature.signature(),
                der(signature.certificate()), chain)));
    }

    @Override
    public Proven proveThroughPsc(String kioskSessionId, String cibaRequestId) throws HubApiException {
        return proven(hub.call(AgentApi.PSC_PROOF, new PscProofRequest(kioskSessionId, cibaRequestId)));
    }

    @Override
    public void end(String kioskSessionId, EndReason reason) throws HubApiException {
        hub.call(AgentApi.END, new EndRequest(kioskSessionId, reason));
    }

    private static Proven proven(AgentBindingAnswer a) {
        return new Proven(a.agent(), a.method(), a.kioskSessionId(), a.expiresAt());
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the card certificate cannot be encoded", e);
        }
    }
}
