package fr.vigie.system.psc;

import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.kiosk.ecps.EcpsScreens;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.psc.HubPscClient;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.CpsCardAuthenticator;
import fr.vigie.kiosk.session.PresentedCard;
import fr.vigie.kiosk.session.PscConnector;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.session.SessionTimers;
import fr.vigie.kiosk.session.ui.SessionUi;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.protocol.EventPayload.SessionTransition;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One kiosk as the application wires it for clinician sign-in: a {@link ClinicianSession} whose
 * open card sessions and e-CPS sign-ins reach PSC through the hub's device API ({@link HubApi},
 * mutual TLS), a virtual contact reader, and the session's events in a list.
 */
final class SignInKiosk implements AutoCloseable {
    static final String PIN = "4321";
    static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(300),
            Duration.ofSeconds(20), Duration.ofSeconds(600), Duration.ofSeconds(900));

    final List<SessionTransition> events = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService io = Executors.newCachedThreadPool();
    final PscConnector psc;
    final ClinicianSession session;
    final EcpsScreens screens;
    private final VirtualReaders readers = new VirtualReaders("Contact");

    SignInKiosk(HubApi hub) {
        this(hub, null);
    }

    /** A kiosk showing the sign-in, e-CPS and PSC screens on {@code ui} (null: no screens). */
    SignInKiosk(HubApi hub, KioskUi ui) {
        SessionTimers timers = SessionTimers.of(scheduler);
        psc = new PscConnector(new HubPscClient(hub), io, timers, Clock.systemUTC());
        session = ClinicianSession.builder(TIMEOUTS, events::add).timers(timers).psc(psc).build();
        psc.attach(session);
        if (ui != null) {
            screens = EcpsScreens.install(ui);
            screens.attach(session, psc, SessionUi.attach(ui, session, null));
        } else {
            screens = null;
        }
    }

    /** Inserts {@code who}'s virtual CPS in the contact reader and types the PIN. */
    void signInWithCard(CpsCredential who) throws Exception {
        readers.insert("Contact", VirtualCpsCard.builder(who).pin(PIN).build());
        CpsCard cps = CpsCard.open(readers.open().getTerminal("Contact").connect("*"), null);
        session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                new CpsCardAuthenticator(cps, SandboxCards.certificateCheck(Clock.systemUTC()), new SecureRandom())));
        session.submitPin(PIN.toCharArray());
    }

    void removeCard() {
        readers.remove("Contact");
        session.cardRemoved();
    }

    /** The reasons of the events of session {@code sessionId}, in order. */
    List<String> reasons(String sessionId) {
        return events.stream().filter(e -> e.sessionId().equals(sessionId)).map(SessionTransition::reason).toList();
    }

    SessionTransition last() {
        return events.get(events.size() - 1);
    }

    @Override
    public void close() {
        if (screens != null) {
            screens.close();
        }
        scheduler.shutdownNow();
        io.shutdownNow();
    }
}
