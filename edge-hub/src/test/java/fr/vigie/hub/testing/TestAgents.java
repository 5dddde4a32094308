package fr.vigie.hub.testing;


import static fr.vigie.hub.HubServicesFixture.provenAgents;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.agent.AgentBinding;
import fr.vigie.hub.agent.CardProof;
import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Agents' cards for hub tests without the hardware module: an RSA 2048 key kept in the test (as on a
 * card), certified by a test IGC-Santé, signing a nonce exactly as a CPS card's INTERNAL AUTHENTICATE does
 * (PKCS#1 v1.5 over the nonce bytes, no digest). {@link #prove} runs the hub's proof as a kiosk would.
 *
 * <pre>{@code
 * TestAgents.Card card = TestAgents.issue(sandbox.igcSante().ca(), "810001234565");
 * AgentBinding bound = TestAgents.prove(hub, kiosk, card);
 * }</pre>
 */
public final class TestAgents {
    private TestAgents() {
    }

    /** A card: its holder's idNat_PS, its key pair and its authentication certificate. */
    public record Card(String idNatPs, KeyPair keys, X509Certificate certificate) {
        /** The card's answer to {@code challenge}. */
        public byte[] sign(byte[] challenge) throws GeneralSecurityException {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(challenge);
            return rsa.sign();
        }

        /** What a kiosk presents after this card signed {@code nonce}. */
        public CardProof proof(byte[] nonce) throws GeneralSecurityException {
            return new CardProof(nonce, sign(nonce), certificate, List.of());
        }

        @Override
        public String toString() {
            return "Card[" + idNatPs + ", key redacted]";
        }
    }

    /** A new card for {@code idNatPs} certified by {@code ca} ("AC IGC-SANTE ELEMENTAIRE PERSONNES"). */
    public static Card issue(IgcSanteSandboxCa ca, String idNatPs) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        return new Card(idNatPs, keys, ca.certify(idNatPs, "AGENT", "TEST", keys.getPublic()));
    }

    /** Proves {@code card}'s holder at {@code kiosk} (an admission desk) for kiosk session {@code sessionId}. */
    public static AgentBinding prove(EdgeHub hub, KioskAddress kiosk, String sessionId, Card card) throws Exception {
        ProvenAgents.Nonce nonce = provenAgents(hub).nonce(kiosk, sessionId);
        return provenAgents(hub).proveWithCard(kiosk, card.proof(nonce.value()));
    }
}
