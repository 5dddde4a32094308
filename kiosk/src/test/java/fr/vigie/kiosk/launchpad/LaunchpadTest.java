package fr.vigie.kiosk.launchpad;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.CpsCardAuthenticator;
import fr.vigie.kiosk.session.PresentedCard;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.session.SessionTimers;
import fr.vigie.protocol.device.AgentApi;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.protocol.device.EndRequest;
import fr.vigie.protocol.device.NonceAnswer;
import fr.vigie.protocol.device.NonceRequest;
import fr.vigie.protocol.device.Refusal;
import fr.vigie.protocol.device.SsoApi;
import fr.vigie.protocol.device.SsoApplication;
import fr.vigie.protocol.device.SsoApplicationsAnswer;
import fr.vigie.protocol.device.SsoCardRequest;
import fr.vigie.protocol.device.SsoSessionAnswer;
import fr.vigie.protocol.device.SsoTicketAnswer;
import fr.vigie.protocol.device.SsoTicketRequest;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launchpad against a recording hub: when it opens the SSO session (only with applications, with the
 * session's own card signing the hub's nonce, as card + PIN), what it shows, what a tap opens, and that a lock
 * ends the SSO session on the hub. Real virtual CPS card and session; the hub is the device API's routes answered
 * in memory.
 */
class LaunchpadTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String PIN = "2468";
    private static final CpsCredential LEROY = TestIgcSante.shared().issuePersonne("810001234565", "LEROY", "Anne");
    private static final SsoApplication DPI = new SsoApplication("dpi", "Dossier patient",
            "https://dpi.chu-nord.local/login", "urn:vigie:acr:cps-pin");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final VirtualReaders readers = new VirtualReaders("Contact");
    private final ClinicianSession session = ClinicianSession.builder(new SessionTimeouts(Duration.ofSeconds(30),
            Duration.ofMinutes(5), Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(15)), t -> { })
            .timers(SessionTimers.of(scheduler)).build();
    private final Hub hub = new Hub();
    private Launchpad launchpad;

    /** The device API's SSO routes, answered in memory; every call recorded. */
    private static final class Hub implements HubApi {
        final List<Object> calls = new CopyOnWriteArrayList<>();
        volatile List<SsoApplication> applications = List.of(DPI);
        volatile boolean refuseSession;
        volatile boolean ssoOff;

        @Override
        @SuppressWarnings("unchecked")
        public <Q, A> A call(DeviceRoute<Q, A> route, Q request, String... parameters) throws HubApiException {
            calls.add(request == null ? route : request);
            if (route == SsoApi.APPLICATIONS) {
                if (ssoOff) {
                    throw new HubApiException(503, Refusal.of(fr.vigie.protocol.device.SsoError.SSO_UNAVAILABLE, "off"));
                }
                return (A) new SsoApplicationsAnswer("https://hub.chu-nord.local:9443", applications);
            }
            if (route == SsoApi.NONCE) {
                return (A) NonceAnswer.of(new byte[AgentApi.NONCE_BYTES], CLOCK.instant().plusSeconds(60));
            }
            if (route == SsoApi.CARD_SESSION) {
                if (refuseSession) {
                    throw new HubApiException(403, Refusal.of(AgentError.AGENT_CERT_REVOKED, "revoked"));
                }
                return (A) new SsoSessionAnswer("810001234565", "s", "urn:vigie:acr:cps-pin", CLOCK.instant());
            }
            if (route == SsoApi.TICKET) {
                return (A) new SsoTicketAnswer("t-" + ((SsoTicketRequest) request).kioskSessionId(),
                        CLOCK.instant().plusSeconds(60), "https://hub.chu-nord.local:9443/authorize");
            }
            if (route == SsoApi.END) {
                return null;
            }
            throw new AssertionError("unexpected route " + route);
        }

        @Override
        public URI base() {
            return URI.create("https://hub.chu-nord.local:8443");
        }

        <T> List<T> of(Class<T> type) {
            return calls.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @AfterEach
    void stop() {
        if (launchpad != null) {
            launchpad.close();
        }
        scheduler.shutdownNow();
    }

    private String signIn() throws Exception {
        readers.insert("Contact", VirtualCpsCard.builder(LEROY).pin(PIN).build());
        CpsCard cps = CpsCard.open(readers.open().getTerminal("Contact").connect("*"), null);
        session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                new CpsCardAuthenticator(cps, SandboxCards.certificateCheck(CLOCK), new SecureRandom())));
        assertEquals(SessionState.OPEN, session.submitPin(PIN.toCharArray()));
        return session.sessionId().orElseThrow();
    }

    @Test
    void anOpenSessionGetsItsApplicationsOnceItsCardHasSignedAndALockEndsItsSsoSession() throws Exception {
        launchpad = Launchpad.start(session, hub, s -> Optional.empty());
        String id = signIn();

        await().atMost(Duration.ofSeconds(10)).until(() -> launchpad.state() instanceof Launchpad.State.Ready);
        Launchpad.State.Ready ready = (Launchpad.State.Ready) launchpad.state();
        assertEquals(List.of(DPI), ready.applications());
        assertEquals(id, ready.sessionId());
        assertEquals(List.of(new NonceRequest(id)), hub.of(NonceRequest.class));
        SsoCardRequest proof = hub.of(SsoCardRequest.class).get(0);
        assertEquals(fr.vigie.protocol.device.SsoFactor.CARD_PIN, proof.factor());
        assertEquals(proof.proof().nonce(), java.util.Base64.getEncoder().encodeToString(new byte[AgentApi.NONCE_BYTES]));

        assertEquals(Optional.empty(), launchpad.open("dpi", "not-the-key"));
        assertEquals(Optional.empty(), launchpad.open("lab", ready.key()));
        URI start = launchpad.open("dpi", ready.key()).orElseThrow();
        assertEquals("https://dpi.chu-nord.local/login?iss=https%3A%2F%2Fhub.chu-nord.local%3A9443&target_link_uri="
                + "https%3A%2F%2Fdpi.chu-nord.local%2Flogin&login_hint_token=t-" + id, start.toString());

        readers.remove("Contact");
        session.cardRemoved();
        assertTrue(launchpad.state() instanceof Launchpad.State.None, "the launchpad outlived the lock");
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.of(EndRequest.class).isEmpty());
        assertEquals(List.of(new EndRequest(id, fr.vigie.protocol.device.EndReason.LOCKED)), hub.of(EndRequest.class));
        assertEquals(Optional.empty(), launchpad.open("dpi", ready.key()));
    }

    @Test
    void withoutApplicationsForTheKioskTheCardIsNotAskedAndNothingIsShown() throws Exception {
        hub.applications = List.of();
        launchpad = Launchpad.start(session, hub, s -> Optional.empty());
        signIn();

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.calls.contains(SsoApi.APPLICATIONS));
        Thread.sleep(200);
        assertTrue(launchpad.state() instanceof Launchpad.State.None);
        assertTrue(hub.of(NonceRequest.class).isEmpty(), hub.calls.toString());
    }

    @Test
    void aHubRefusalIsShownAndNothingCanBeOpened() throws Exception {
        hub.refuseSession = true;
        launchpad = Launchpad.start(session, hub, s -> Optional.empty());
        String id = signIn();

        await().atMost(Duration.ofSeconds(10)).until(() -> launchpad.state() instanceof Launchpad.State.Refused);
        assertEquals(new Launchpad.State.Refused(id, Launchpad.HUB_REFUSED), launchpad.state());
        assertTrue(hub.of(SsoTicketRequest.class).isEmpty());
    }

    @Test
    void aHubWithSingleSignOnOffIsNotAskedAgainAtTheNextSignIn() throws Exception {
        hub.ssoOff = true;
        launchpad = Launchpad.start(session, hub, s -> Optional.empty());
        signIn();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.calls.contains(SsoApi.APPLICATIONS));
        session.logout();
        readers.remove("Contact");
        signIn();
        Thread.sleep(300);

        assertEquals(1, hub.calls.stream().filter(c -> c == SsoApi.APPLICATIONS).count(), hub.calls.toString());
        assertTrue(launchpad.state() instanceof Launchpad.State.None);
    }

    @Test
    void signingOutClosesTheSsoSessionOnTheHub() throws Exception {
        launchpad = Launchpad.start(session, hub, s -> Optional.empty());
        String id = signIn();
        await().atMost(Duration.ofSeconds(10)).until(() -> launchpad.state() instanceof Launchpad.State.Ready);

        session.logout();

        assertTrue(launchpad.state() instanceof Launchpad.State.None, "the launchpad outlived the sign-out");
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.of(EndRequest.class).isEmpty());
        assertEquals(List.of(new EndRequest(id, fr.vigie.protocol.device.EndReason.CLOSED)), hub.of(EndRequest.class));
    }
}
