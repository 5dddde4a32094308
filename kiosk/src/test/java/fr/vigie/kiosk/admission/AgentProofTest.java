package fr.vigie.kiosk.admission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.psc.CibaStart;
import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.kiosk.psc.PscHub;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.session.CardSignature;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.CpsCardAuthenticator;
import fr.vigie.kiosk.session.PresentedCard;
import fr.vigie.kiosk.session.PscConnector;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.session.SessionTimers;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DeviceError;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.ProofMethod;
import fr.vigie.protocol.device.Refusal;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kiosk side of the agent proof, with a real session, real virtual CPS cards read through the CPS
 * profile, and a hub stand-in that checks each signature against the certificate it comes with.
 */
class AgentProofTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String PIN = "2468";
    private static final CpsCredential LEROY = TestIgcSante.shared().issuePersonne("810001234565", "LEROY", "Anne");
    private static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(15));

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final VirtualReaders readers = new VirtualReaders("Contact", "Tap");
    private final VirtualCpsCard card = VirtualCpsCard.builder(LEROY).pin(PIN).build();
    private final Hub hub = new Hub();
    private ClinicianSession session = ClinicianSession.builder(TIMEOUTS, t -> { }).timers(SessionTimers.of(scheduler))
            .build();
    private AgentProof proof;

    /** What the hub saw, in order: {@code nonce <session>}, {@code card <session> <idNatPs>}, {@code end <session> <reason>}… */
    final class Hub implements AgentHub {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<byte[]> nonces = new CopyOnWriteArrayList<>();
        volatile DeviceError refuseWith;
        volatile boolean unreachable;

        @Override
        public Nonce nonce(String kioskSessionId) throws HubApiException {
            refuseIfAsked();
            byte[] n = new byte[32];
            new SecureRandom().nextBytes(n);
            nonces.add(n);
            seen.add("nonce " + kioskSessionId);
            return new Nonce(n, CLOCK.instant().plusSeconds(120));
        }

        @Override
        public Proven proveWithCard(byte[] nonce, CardSignature s) throws HubApiException {
            assertTrue(nonces.stream().anyMatch(n -> Arrays.equals(n, nonce)), "a nonce the hub issued");
            try {
                Signature rsa = Signature.getInstance("NONEwithRSA");
                rsa.initVerify(s.certificate().getPublicKey());
                rsa.update(nonce);
                assertTrue(rsa.verify(s.signature()), "the card's signature over the nonce");
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
            assertEquals(List.of(TestIgcSante.shared().personnesCertificate()), s.issuers());
            String session = seen.get(seen.size() - 1).substring("nonce ".length());
            String who = LEROY.idNatPs();
            seen.add("card " + session + " " + who);
            return new Proven(who, ProofMethod.CARD, session, CLOCK.instant().plusSeconds(3600));
        }

        @Override
        public Proven proveThroughPsc(String kioskSessionId, String cibaRequestId) throws HubApiException {
            refuseIfAsked();
            seen.add("psc " + kioskSessionId + " " + cibaRequestId);
            return new Proven("810099900028", ProofMethod.PSC, kioskSessionId, CLOCK.instant().plusSeconds(3600));
        }

        @Override
        public void end(String kioskSessionId, EndReason reason) throws HubApiException {
            if (unreachable) {
                seen.add("unheard end " + kioskSessionId);
                throw new HubApiException(0, DeviceApiError.HUB_UNREACHABLE, "down", null);
            }
            seen.add("end " + kioskSessionId + " " + reason);
        }

        private void refuseIfAsked() throws HubApiException {
            if (refuseWith != null) {
                throw new HubApiException(refuseWith.status(), Refusal.of(refuseWith, "refused"));
            }
        }

        long count(String prefix) {
            return seen.stream().filter(e -> e.startsWith(prefix)).count();
        }
    }

    @AfterEach
    void stop() {
        if (proof != null) {
            proof.close();
        }
        scheduler.shutdownNow();
    }

    private void follow(Function<String, Optional<String>> pscRequests) {
        proof = AgentProof.start(session, hub, pscRequests, CLOCK);
    }

    private void signIn() throws Exception {
        readers.insert("Contact", card);
        CpsCard cps = CpsCard.open(readers.open().getTerminal("Contact").connect("*"), null);
        session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                new CpsCardAuthenticator(cps, SandboxCards.certificateCheck(CLOCK), new SecureRandom())));
        assertEquals(SessionState.OPEN, session.submitPin(PIN.toCharArray()));
    }

    private String sessionId() {
        return session.sessionId().orElseThrow();
    }

    @Test
    void anOpenSessionIsProvenOnceByItsOwnCardSigningTheHubsNonce() throws Exception {
        follow(s -> Optional.empty());

        signIn();

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.count("card ") == 1);
        assertEquals("card " + sessionId() + " 810001234565", hub.seen.get(1));
        assertEquals("810001234565", proof.require());
        assertEquals(1, hub.count("nonce "), "kept while the session is open");
        assertTrue(proof.refusal().isEmpty());
    }

    @Test
    void lockingTellsTheHubAndUnlockingWithTheCardAndPinProvesAgain() throws Exception {
        follow(s -> Optional.empty());
        signIn();
        String id = sessionId();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.count("card ") == 1);

        readers.remove("Contact");
        session.cardRemoved();

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.seen.contains("end " + id + " LOCKED"));
        assertEquals(AdmissionFailure.AGENT_NOT_SIGNED_IN, assertThrows(AdmissionFailure.class, proof::require).code());

        signIn();

        assertEquals(id, sessionId(), "the same session, unlocked");
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.count("card ") == 2);
        assertEquals("810001234565", proof.require());
    }

    @Test
    void aSessionUnlockedByATapWithoutItsCardCannotProveAndAsksForNothing() throws Exception {
        follow(s -> Optional.empty());
        signIn();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.count("card ") == 1);
        readers.remove("Contact");
        session.cardRemoved();
        readers.insert("Tap", card.contactless());
        CpsCard tapped = CpsCard.open(readers.open().getTerminal("Tap").connect("*"), null);
        session.tap(new PresentedCard(tapped.holder(), PresentedCard.Interface.CONTACTLESS,
                new CpsCardAuthenticator(tapped, SandboxCards.certificateCheck(CLOCK), new SecureRandom())));
        assertEquals(SessionState.OPEN, session.state());

        assertEquals(AgentProof.CARD_NEEDED, assertThrows(AdmissionFailure.class, proof::require).code());
        assertEquals(1, hub.count("nonce "), "no nonce asked for a card that is not there");
        assertEquals(AgentProof.CARD_NEEDED, proof.refusal().orElseThrow().code());
    }

    @Test
    void theHubsRefusalIsKeptForTheScreenAndTheAgentsNextStepTriesAgain() throws Exception {
        follow(s -> Optional.empty());
        hub.refuseWith = AgentError.NOT_AN_ADMISSION_DESK;

        signIn();

        await().atMost(Duration.ofSeconds(10)).until(() -> proof.refusal().isPresent());
        assertTrue(proof.refusal().get().is(AgentError.NOT_AN_ADMISSION_DESK));
        assertEquals("NOT_AN_ADMISSION_DESK", assertThrows(AdmissionFailure.class, proof::require).code());
        hub.refuseWith = null;
        assertEquals("810001234565", proof.require());
        assertTrue(proof.refusal().isEmpty());
    }

    @Test
    void anEndTheHubCouldNotHearIsToldAtTheNextProof() throws Exception {
        follow(s -> Optional.empty());
        signIn();
        String first = sessionId();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.count("card ") == 1);
        hub.unreachable = true;

        session.logout();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.count("unheard end ") == 1);
        hub.unreachable = false;
        signIn();

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.count("card ") == 2);
        assertTrue(hub.seen.indexOf("end " + first + " CLOSED") < hub.seen.lastIndexOf("nonce " + sessionId()));
        assertFalse(first.equals(sessionId()));
    }

    @Test
    void anEcpsSessionIsProvenThroughItsPscSignInBoundOnTheHub() throws Exception {
        PscHub psc = new PscHub() {
            @Override
            public CibaStart start(String idNatPs, String channel, String sessionId) {
                return new CibaStart("req-" + sessionId, "42", Duration.ofMillis(50), CLOCK.instant().plusSeconds(120));
            }

            @Override
            public CibaState state(String requestId) {
                return new CibaState.Bound(new CibaState.Professional("810099900028", "Julie", "PETIT"), List.of(),
                        Optional.empty(), CLOCK.instant().plusSeconds(120));
            }

            @Override
            public void chooseExercice(String requestId, int index) {
            }
        };
        PscConnector connector = new PscConnector(psc, Runnable::run, SessionTimers.of(scheduler), CLOCK);
        session = ClinicianSession.builder(TIMEOUTS, t -> { }).timers(SessionTimers.of(scheduler)).psc(connector).build();
        connector.attach(session);
        follow(connector::requestId);

        connector.phoneSignIn("810099900028");

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.count("psc ") == 1);
        assertEquals("psc " + sessionId() + " req-" + sessionId(), hub.seen.get(0));
        assertEquals("810099900028", proof.require());
    }
}
