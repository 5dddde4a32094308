package fr.vigie.hub.agent;

import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.device.CardProofRequest;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * What a kiosk presents to prove its agent: the hub's nonce, the agent's card's signature over it
 * (INTERNAL AUTHENTICATE with the authentication key: PKCS#1 v1.5 over the nonce bytes, no digest), the
 * card's authentication certificate and the intermediate CAs the kiosk knows for it. Nothing in it is
 * secret (the PIN never leaves the card). Immutable.
 */
public record CardProof(byte[] nonce, byte[] signature, X509Certificate certificate, List<X509Certificate> chain) {
    public CardProof {
        nonce = Objects.requireNonNull(nonce, "nonce").clone();
        signature = Objects.requireNonNull(signature, "signature").clone();
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * The proof a kiosk sent on the device API (base64, DER certificates).
     *
     * @throws DeviceRefused {@code AGENT_PROOF_INVALID} when a certificate cannot be read
     */
    public static CardProof of(CardProofRequest request) throws DeviceRefused {
        List<X509Certificate> chain = new ArrayList<>();
        for (String c : request.chain().orElse(List.of())) {
            chain.add(certificate(c, "chain"));
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new CardProof(b64.decode(request.nonce()), b64.decode(request.signature()),
                certificate(request.certificate(), "certificate"), chain);
    }

    private static X509Certificate certificate(String base64, String field) throws DeviceRefused {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | ClassCastException e) {
            throw new DeviceRefused(AgentError.AGENT_PROOF_INVALID, field + " is not a DER X.509 certificate");
        }
    }
}
