package fr.vigie.kiosk.station;

import fr.vigie.hardware.card.ReaderMonitor;
import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.pcsc.PcscTerminalSource;
import fr.vigie.hardware.gpio.Delays;
import fr.vigie.hardware.gpio.GpioPins;
import fr.vigie.hardware.gpio.Pi4jBoard;
import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.ecps.EcpsScreens;
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
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's clinician workstation, wired: card readers (PC/SC, or the sandbox's virtual readers) →
 * {@link CardReaderInputs} → {@link ClinicianSession} (events to the {@link SessionSink}, LED and
 * buzzer and presence sensor on a Pi4J board) → {@link SessionUi} on the local {@link KioskUi}. The
 * composition root of issue 5 on the kiosk; {@code KioskMain} starts one per kiosk. Thread-safe;
 * closing stops the readers, the UI and the board.
 *
 * <pre>{@code
 * try (SignInStation station = SignInStation.builder(config.station(), SessionSink.outboxOf(kiosk)).start()) {
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
    private final SandboxCards sandbox;
    private final ScheduledExecutorService ownScheduler;
    private final ExecutorService pscCalls;
    private final PscConnector psc;

    private SignInStation(Builder b, ScheduledExecutorService scheduler, Pi4jBoard board, SandboxCards sandbox,
            KioskUi ui) {
        this.board = board;
        this.sandbox = sandbox;
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
        TerminalSource terminals;
        CertificateCheck check;
        if (sandbox != null) {
            java.util.function.Consumer<Boolean> presence = null;
            try {
                board.simulatePresence(true); // someone is in front at start, so that "walk away" is a change
                presence = board::simulatePresence;
            } catch (IllegalStateException e) {
                LOG.info("sandbox cards on a real GPIO board: the presence sensor is not simulated");
            }
            sandbox.mount(ui, presence);
            terminals = sandbox.terminals();
            check = b.check != null ? b.check : SandboxCards.certificateCheck(b.clock);
        } else {
            terminals = pcsc();
            check = Objects.requireNonNull(b.check, "a PC/SC station needs the kiosk's IGC-Santé check (Kiosk.cardTrust())");
        }
        this.sessionUi = SessionUi.attach(ui, session, sandbox == null ? null : sandbox::controls);
        if (psc != null) {
            psc.attach(session);
            EcpsScreens.install(ui).attach(session, psc, sessionUi);
        }
        this.terminals = terminals;
        this.monitor = new ReaderMonitor(terminals, new CardReaderInputs(terminals, session, check, new SecureRandom()),
                b.clock, Duration.ofMillis(100));
        monitor.start();
    }

    /** The machine's PC/SC readers; without the pcsc-lite library, none (the kiosk still serves its UI). */
    private static TerminalSource pcsc() {
        try {
            return PcscTerminalSource.system();
        } catch (IllegalStateException e) {
            LOG.error("no card reader can be used: {}", e.getMessage());
            return new TerminalSource() {
                @Override
                public javax.smartcardio.CardTerminals open() throws javax.smartcardio.CardException {
                    throw new javax.smartcardio.CardException("PC/SC library not installed");
                }

                @Override
                public String describe() {
                    return "no PC/SC library";
                }
            };
        }
    }

    /** @return a builder for a station configured by {@code config}, its events going to {@code sink} */
    public static Builder builder(StationConfig config, SessionSink sink) {
        return new Builder(config, sink);
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

    /** @return the sandbox cards and readers, when {@code kiosk.card.readers=sandbox} */
    public Optional<SandboxCards> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /** @return the card readers the session watches (PC/SC, or the sandbox's virtual readers) */
    public TerminalSource terminals() {
        return terminals;
    }

    /** @return the GPIO board (on the mock platform in the sandbox and on machines without GPIO) */
    public Pi4jBoard board() {
        return board;
    }

    @Override
    public void close() {
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
        private Clock clock = Clock.systemUTC();
        private SessionTimers timers;
        private SandboxCards sandbox;
        private CertificateCheck check;
        private PscHub pscHub;

        private Builder(StationConfig config, SessionSink sink) {
            this.config = Objects.requireNonNull(config, "config");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** The session's clock and timers (tests advance them by hand); default: system clock, own scheduler. */
        public Builder time(Clock clockValue, SessionTimers timersValue) {
            this.clock = Objects.requireNonNull(clockValue);
            this.timers = Objects.requireNonNull(timersValue);
            return this;
        }

        /** The sandbox cards when {@code kiosk.card.readers=sandbox}; default {@link SandboxCards#demo()}. */
        public Builder sandboxCards(SandboxCards value) {
            this.sandbox = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The certificate check: required with PC/SC readers (the kiosk's {@code cardTrust().certificateCheck()});
         * with sandbox cards, default: the same IGC-Santé validation over the sandbox's local test hierarchy.
         */
        public Builder certificateCheck(CertificateCheck value) {
            this.check = Objects.requireNonNull(value);
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
                board = board(config.gpio(), clock, Delays.of(scheduler));
                SandboxCards cards = config.readers() == StationConfig.Readers.SANDBOX
                        ? (sandbox != null ? sandbox : SandboxCards.demo()) : null;
                ui = KioskUi.start(config.uiPort());
                return new SignInStation(this, scheduler, board, cards, ui);
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

        private static Pi4jBoard board(StationConfig.Gpio gpio, Clock clock, Delays delays) {
            if (gpio == StationConfig.Gpio.AUTO) {
                try {
                    return Pi4jBoard.onDetectedPlatform(GpioPins.defaults(), clock, delays);
                } catch (RuntimeException e) {
                    LOG.warn("no GPIO on this machine ({}): status LED, buzzer and presence sensor simulated", e.toString());
                }
            }
            return Pi4jBoard.onMockPlatform(GpioPins.defaults(), clock, delays);
        }
    }
}
