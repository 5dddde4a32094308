package fr.vigie.kiosk.station;

import fr.vigie.hardware.barcode.PayloadClassifier;
import fr.vigie.hardware.card.ReaderMonitor;
import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.gpio.Delays;
import fr.vigie.hardware.gpio.Pi4jBoard;
import fr.vigie.hardware.print.IppPrinter;
import fr.vigie.kiosk.admission.AdmissionClient;
import fr.vigie.kiosk.admission.AdmissionDesk;
import fr.vigie.kiosk.admission.AdmissionScreens;
import fr.vigie.kiosk.admission.AgentProof;
import fr.vigie.kiosk.admission.HubAgentClient;
import fr.vigie.kiosk.admission.VitaleSource;
import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.ecps.EcpsScreens;
import fr.vigie.kiosk.enrol.EnrolmentScreens;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.launchpad.Launchpad;
import fr.vigie.kiosk.launchpad.LaunchpadScreens;
import fr.vigie.kiosk.psc.HubPscClient;
import fr.vigie.kiosk.psc.PscHub;
import fr.vigie.kiosk.session.CardReaderInputs;
import fr.vigie.kiosk.session.CertificateCheck;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.PscConnector;
import fr.vigie.kiosk.session.PscLink;
import fr.vigie.kiosk.session.SessionSink;
import fr.vigie.kiosk.session.SessionTimers;
import fr.vigie.kiosk.session.ui.SessionUi;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.ScreenPart;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's clinician workstation, wired: card readers ({@link StationReaders}: PC/SC, or the demo's
 * virtual readers) → {@link CardReaderInputs} → {@link ClinicianSession} (events to the {@link SessionSink},
 * LED and buzzer and presence sensor on a Pi4J board) → {@link SessionUi} on the local {@link KioskUi}; with
 * a hub, Pro Santé Connect, the e-CPS screens and the launchpad of single sign-on ({@link Launchpad}); on an
 * admission desk, the admission screens.
 * {@link #startFor} builds the station of a running {@link Kiosk}, as {@code KioskMain} and the demo fleet
 * do. Thread-safe; closing stops the readers, the UI and the board.
 *
 * <pre>{@code
 * try (Kiosk kiosk = Kiosk.start(config);
 *         SignInStation station = SignInStation.startFor(kiosk, config.station(), StationReaders.pcsc(),
 *                 kiosk.cardTrust().certificateCheck())) {
 *     System.out.println(station.uri());
 * }
 * }</pre>
 */
public final class SignInStation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignInStation.class);

    private final KioskUi ui;
    private final ClinicianSession session;
    private final SessionUi sessionUi;
    private final ReaderMonitor monitor;
    private final TerminalSource terminals;
    private final Pi4jBoard board;
    private final ScheduledExecutorService ownScheduler;
    private final ExecutorService pscCalls;
    private final PscConnector psc;
    private final Supplier<ScreenPart> readerControls;
    private volatile AgentProof agentProof;
    private volatile Launchpad launchpad;

    private SignInStation(Builder b, ScheduledExecutorService scheduler, Pi4jBoard board, KioskUi ui) {
        this.board = board;
        this.ui = ui;
        this.ownScheduler = scheduler;
        SessionTimers timers = b.timers != null ? b.timers : SessionTimers.of(scheduler);
        // Hub calls block (up to the HubApi timeout): on their own thread, never the session timers'.
        this.pscCalls = b.pscHub == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigie-psc");
            t.setDaemon(true);
            return t;
        });
        this.psc = b.pscHub == null ? null : new PscConnector(b.pscHub, pscCalls, timers, b.clock);
        this.session = ClinicianSession.builder(b.config.timeouts(), b.sink).clock(b.clock).timers(timers)
                .signals(board.statusLed(), board.buzzer()).psc(psc == null ? PscLink.NONE : psc).build();
        board.presenceSensor().addListener(session::presence);
        this.readerControls = b.readers.mount(ui, board);
        this.sessionUi = SessionUi.attach(ui, session, readerControls);
        if (psc != null) {
            psc.attach(session);
            EcpsScreens.install(ui).attach(session, psc, sessionUi);
        }
        this.terminals = b.readers.terminals();
        this.monitor = new ReaderMonitor(terminals, new CardReaderInputs(terminals, session, b.check,
                new SecureRandom()), b.clock, Duration.ofMillis(100));
        monitor.start();
    }

    /**
     * Starts the workstation of the running {@code kiosk}: its session's events go to the kiosk's outbox; with
     * the hub's device API, card sessions connect to Pro Santé Connect through the hub and e-CPS sign-in is
     * offered; an unenrolled kiosk shows its enrolment code above everything; on an admission desk
     * ({@link StationConfig#admissionDesk()}) a signed-in agent, proven to the hub, qualifies patients.
     *
     * @param config the station's settings (usually {@code kiosk.config().station()})
     * @param readers where cards come from
     * @param check the check of the cards' certificates: on PC/SC readers the kiosk's own
     *        ({@code kiosk.cardTrust().certificateCheck()})
     * @throws IllegalStateException when an admission desk is asked of a kiosk without the hub's device API
     */
    public static SignInStation startFor(Kiosk kiosk, StationConfig config, StationReaders readers,
            CertificateCheck check) {
        if (config.admissionDesk() && kiosk.hubApi().isEmpty()) {
            throw new IllegalStateException(StationConfig.ADMISSION_DESK + " needs a kiosk enrolled with a hub"
                    + " (kiosk.hub.url): admission queries INSi through the hub");
        }
        config = withRolledOut(kiosk, config);
        Builder builder = builder(config, SessionSink.outboxOf(kiosk::accept), readers, check);
        // online, the hub runs Pro Santé Connect CIBA for the session (card sign-in and e-CPS)
        kiosk.hubApi().ifPresent(api -> builder.pscHub(new HubPscClient(api)));
        SignInStation station = builder.start();
        try {
            // the heartbeat names the readers the station watches, real or the demo's virtual ones alike
            kiosk.reportReaders(station::readerNames);
            kiosk.enrolment().ifPresent(state -> EnrolmentScreens.attach(station.ui(), state));
            // single sign-on: the applications of the kiosk's group, opened from the clinician session
            kiosk.hubApi().ifPresent(api -> {
                station.launchpad = Launchpad.start(station.session(), api, station::pscRequest);
                LaunchpadScreens.attach(station.ui(), station.session(), station.launchpad, station.readerControls);
            });
            if (config.admissionDesk()) {
                station.agentProof = admissionDesk(kiosk, kiosk.hubApi().orElseThrow(), station, config);
            }
        } catch (RuntimeException | Error e) {
            station.close();
            throw e;
        }
        return station;
    }

    /**
     * The station's settings with the session time limits of the configuration IT rolled out, when the kiosk has
     * applied one: a rolled-out fleet setting overrides the local file's.
     */
    private static StationConfig withRolledOut(Kiosk kiosk, StationConfig config) {
        var fleet = kiosk.fleet();
        var agent = fleet == null ? null : fleet.config();
        if (agent == null || agent.version() == 0) {
            return config;
        }
        LOG.info("kiosk {}: session time limits from the rolled-out configuration version {} (over the local file's)",
                kiosk.address(), agent.version());
        return config.withFleetSettings(agent.settings());
    }

    /**
     * Puts the admission desk's screens on the station: the agent, once signed in and proven to the hub
     * (card signature over a hub nonce, or the session's PSC sign-in), qualifies patients and prints their INS labels
     * on the configured label printer ({@link StationConfig#labelPrinter()}). The hub must know
     * the kiosk as an admission desk too ({@code PUT /api/v1/devices/{site}/{kioskId}/role}).
     */
    private static AgentProof admissionDesk(Kiosk kiosk, HubApi api, SignInStation station, StationConfig config) {
        Clock clock = Clock.systemUTC();
        AgentProof proof = AgentProof.start(station.session(), new HubAgentClient(api), station::pscRequest, clock);
        // the label printer's job list names the desk that printed
        Optional<IppPrinter> labels = config.labelPrinter().map(uri -> IppPrinter.at(uri,
                kiosk.address().kioskId()));
        AdmissionDesk desk = new AdmissionDesk(station.session(), new AdmissionClient(api, clock), proof,
                kiosk::accept, PayloadClassifier.standard(clock), clock, labels);
        // the demo's sandbox box (cards, the patient's Vitale card) stays under the admission screens too
        AdmissionScreens.attach(station.ui(), station.session(), desk, VitaleSource.anyReader(station.terminals()),
                station.readerControls);
        return proof;
    }

    /**
     * @param config the UI port, GPIO board and session time limits
     * @param sink where the session's transitions go, e.g. {@code SessionSink.outboxOf(kiosk::accept)}
     * @param readers where cards come from
     * @param check the check of the cards' certificates
     * @return a builder of a station
     */
    public static Builder builder(StationConfig config, SessionSink sink, StationReaders readers,
            CertificateCheck check) {
        return new Builder(config, sink, readers, check);
    }

    /** @return the touch UI's address, e.g. {@code http://127.0.0.1:8090/} */
    public URI uri() {
        return ui.uri();
    }

    public KioskUi ui() {
        return ui;
    }

    public ClinicianSession session() {
        return session;
    }

    public SessionUi sessionUi() {
        return sessionUi;
    }

    /** The hub's CIBA request id of session {@code sessionId}'s Pro Santé Connect sign-in, when there is one. */
    public Optional<String> pscRequest(String sessionId) {
        return psc == null ? Optional.empty() : psc.requestId(sessionId);
    }

    /** @return the card readers the session watches (PC/SC, or the demo's virtual readers) */
    public TerminalSource terminals() {
        return terminals;
    }

    /** @return the names of the card readers the station watches now, sorted (what the kiosk's heartbeat reports) */
    public List<String> readerNames() {
        return monitor.readers().stream().sorted().toList();
    }

    /** @return the GPIO board (on the mock platform in the demo and on machines without GPIO) */
    public Pi4jBoard board() {
        return board;
    }

    /** The launchpad of single sign-on, on a kiosk with the hub's device API. */
    public Optional<Launchpad> launchpad() {
        return Optional.ofNullable(launchpad);
    }

    @Override
    public void close() {
        Launchpad pad = launchpad;
        if (pad != null) {
            pad.close();
        }
        AgentProof proof = agentProof;
        if (proof != null) {
            proof.close();
        }
        try {
            monitor.close();
        } finally {
            try {
                ui.close();
            } finally {
                board.close();
                ownScheduler.shutdownNow();
                if (pscCalls != null) {
                    pscCalls.shutdownNow();
                }
            }
        }
    }

    /** Builds and starts a {@link SignInStation}. Not thread-safe. */
    public static final class Builder {
        private final StationConfig config;
        private final SessionSink sink;
        private final StationReaders readers;
        private final CertificateCheck check;
        private Clock clock = Clock.systemUTC();
        private SessionTimers timers;
        private PscHub pscHub;

        private Builder(StationConfig config, SessionSink sink, StationReaders readers, CertificateCheck check) {
            this.config = Objects.requireNonNull(config, "config");
            this.sink = Objects.requireNonNull(sink, "sink");
            this.readers = Objects.requireNonNull(readers, "readers");
            this.check = Objects.requireNonNull(check, "check");
        }

        /** The session's clock and timers (tests advance them by hand); default: system clock, own scheduler. */
        public Builder time(Clock clockValue, SessionTimers timersValue) {
            this.clock = Objects.requireNonNull(clockValue);
            this.timers = Objects.requireNonNull(timersValue);
            return this;
        }

        /**
         * Pro Santé Connect through the hub (e.g. {@code new HubPscClient(hubApi)}): card sessions are
         * connected to PSC when the hub is reachable, and e-CPS sign-in is offered. Default: none.
         */
        public Builder pscHub(PscHub value) {
            this.pscHub = Objects.requireNonNull(value);
            return this;
        }

        /** Starts the UI, the board, the session and the reader monitor. */
        public SignInStation start() {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "vigie-session-timers");
                t.setDaemon(true);
                return t;
            });
            scheduler.setRemoveOnCancelPolicy(true);
            Pi4jBoard board = null;
            KioskUi ui = null;
            try {
                board = board(config, clock, Delays.of(scheduler));
                ui = KioskUi.start(config.uiPort());
                return new SignInStation(this, scheduler, board, ui);
            } catch (RuntimeException | Error e) {
                if (ui != null) {
                    ui.close();
                }
                if (board != null) {
                    board.close();
                }
                scheduler.shutdownNow();
                throw e;
            }
        }

        /**
         * Opens the board on the provider {@value StationConfig#GPIO} asks for and says, in one INFO line, which
         * provider it runs on, why, and on which pins (what IT reads to check a kiosk's GPIO).
         */
        private static Pi4jBoard board(StationConfig config, Clock clock, Delays delays) {
            Pi4jBoard board = config.gpio().choice().open(config.gpioPins(), clock, delays);
            LOG.info("GPIO: {} with {}={}; pins {}", board.choice(), StationConfig.GPIO,
                    config.gpio().name().toLowerCase(java.util.Locale.ROOT), board.pins());
            return board;
        }
    }
}
