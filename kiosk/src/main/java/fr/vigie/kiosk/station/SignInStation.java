package fr.vigie.kiosk.station;

import fr.vigie.hardware.card.ReaderMonitor;
import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.pcsc.PcscTerminalSource;
import fr.vigie.hardware.gpio.Delays;
import fr.vigie.hardware.gpio.GpioPins;
import fr.vigie.hardware.gpio.Pi4jBoard;
import fr.vigie.kiosk.sandbox.SandboxCards;
import fr.vigie.kiosk.session.CardReaderInputs;
import fr.vigie.kiosk.session.CertificateCheck;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.DevCertificateCheck;
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
    private final Pi4jBoard board;
    private final SandboxCards sandbox;
    private final ScheduledExecutorService ownScheduler;

    private SignInStation(Builder b, ScheduledExecutorService scheduler, Pi4jBoard board, SandboxCards sandbox,
            KioskUi ui) {
        this.board = board;
        this.sandbox = sandbox;
        this.ui = ui;
        this.ownScheduler = scheduler;
        SessionTimers timers = b.timers != null ? b.timers : SessionTimers.of(scheduler);
        this.session = ClinicianSession.builder(b.config.timeouts(), b.sink).clock(b.clock).timers(timers)
                .signals(board.statusLed(), board.buzzer()).build();
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
            check = b.check != null ? b.check : DevCertificateCheck.permissive(b.clock);
        } else {
            terminals = PcscTerminalSource.system();
            // Until the IGC-Santé chain and CRL check is configured, a production kiosk refuses every card.
            check = b.check != null ? b.check : DevCertificateCheck.refusingAll();
        }
        this.sessionUi = SessionUi.attach(ui, session, sandbox == null ? null : sandbox::controls);
        this.monitor = new ReaderMonitor(terminals, new CardReaderInputs(terminals, session, check, new SecureRandom()),
                b.clock, Duration.ofMillis(100));
        monitor.start();
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

    /** @return the sandbox cards and readers, when {@code kiosk.card.readers=sandbox} */
    public Optional<SandboxCards> sandbox() {
        return Optional.ofNullable(sandbox);
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

        /** The certificate check; default: permissive in the sandbox, refusing every card with PC/SC. */
        public Builder certificateCheck(CertificateCheck value) {
            this.check = Objects.requireNonNull(value);
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
