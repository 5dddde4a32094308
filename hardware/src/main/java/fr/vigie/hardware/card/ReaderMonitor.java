package fr.vigie.hardware.card;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches card readers and reports {@link ReaderEvent}s: readers plugged or unplugged, cards
 * inserted or removed, the PC/SC service lost and restored.
 *
 * <p>One supervisor thread lists the readers every {@code pollInterval} (the JDK's PC/SC provider
 * does not report new readers otherwise) and runs one watcher thread per reader, which waits for
 * card presence or absence ({@code waitForCardPresent/Absent}, event-driven in pcsc-lite) with a
 * short timeout as a poll fallback. When listing fails, the monitor reports {@code SERVICE_LOST},
 * drops its readers and opens the {@link TerminalSource} again on each poll until it works (a new
 * PC/SC context), then reports {@code SERVICE_RESTORED}. Listener calls come from the monitor's
 * threads, one at a time; a listener that throws is logged and does not stop the monitor.
 * Thread-safe; {@link #close()} stops every thread it started.
 *
 * <pre>{@code
 * try (ReaderMonitor monitor = new ReaderMonitor(source, event -> ui.show(event), Clock.systemUTC(),
 *         Duration.ofMillis(500))) {
 *     monitor.start();
 *     ...
 * }
 * }</pre>
 */
public final class ReaderMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderMonitor.class);

    private final TerminalSource source;
    private final Consumer<ReaderEvent> listener;
    private final Clock clock;
    private final long pollMillis;
    private final Map<String, ReaderWatcher> watchers = new HashMap<>();
    private final Object emitLock = new Object();
    private volatile boolean running;
    private Thread supervisor;
    private CardTerminals terminals;
    private boolean serviceLost;

    /** @param pollInterval how often readers are listed and how long a watcher waits before re-checking */
    public ReaderMonitor(TerminalSource source, Consumer<ReaderEvent> listener, Clock clock, Duration pollInterval) {
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollMillis = Math.max(10, pollInterval.toMillis());
    }

    /** Starts the supervisor thread. */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("already started");
        }
        running = true;
        supervisor = new Thread(this::supervise, "vigie-reader-monitor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** @return the names of the readers being watched */
    public synchronized Set<String> readers() {
        return Set.copyOf(watchers.keySet());
    }

    private void supervise() {
        while (running) {
            try {
                CardTerminals current = currentTerminals();
                List<CardTerminal> listed = current.list();
                if (serviceLost) {
                    serviceLost = false;
                    emit(ReaderEvent.Type.SERVICE_RESTORED, "", source.describe());
                }
                syncWatchers(current, listed);
            } catch (CardException | RuntimeException e) {
                onServiceLost(e);
            }
            sleep(pollMillis);
        }
        synchronized (this) {
            for (String name : Set.copyOf(watchers.keySet())) {
                watchers.remove(name).stop("monitor closed", false);
            }
        }
    }

    private CardTerminals currentTerminals() throws CardException {
        if (terminals == null) {
            terminals = source.open();
        }
        return terminals;
    }

    private void syncWatchers(CardTerminals current, List<CardTerminal> listed) {
        Set<String> names = new HashSet<>();
        for (CardTerminal t : listed) {
            names.add(t.getName());
            synchronized (this) {
                if (!watchers.containsKey(t.getName()) && running) {
                    emit(ReaderEvent.Type.READER_ADDED, t.getName(), "");
                    ReaderWatcher w = new ReaderWatcher(this, t);
                    watchers.put(t.getName(), w);
                    w.start();
                }
            }
        }
        synchronized (this) {
            for (String gone : Set.copyOf(watchers.keySet())) {
                if (!names.contains(gone)) {
                    stopWatcher(gone, "reader unplugged");
                }
            }
        }
    }

    private void onServiceLost(Exception e) {
        terminals = null; // next poll opens a new context
        if (!serviceLost) {
            serviceLost = true;
            LOG.warn("card reader service lost: {}", e.toString());
            emit(ReaderEvent.Type.SERVICE_LOST, "", String.valueOf(e.getMessage()));
            synchronized (this) {
                for (String name : Set.copyOf(watchers.keySet())) {
                    stopWatcher(name, "service lost");
                }
            }
        }
    }

    /** Called with the monitor held. */
    private void stopWatcher(String name, String why) {
        ReaderWatcher w = watchers.remove(name);
        if (w != null) {
            w.stop(why, true);
            emit(ReaderEvent.Type.READER_REMOVED, name, why);
        }
    }

    long pollMillis() {
        return pollMillis;
    }

    void emit(ReaderEvent.Type type, String reader, String detail) {
        ReaderEvent event = new ReaderEvent(type, reader, clock.instant(), detail);
        synchronized (emitLock) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("reader event listener failed on {}", event, e);
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            if (!running) {
                return;
            }
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the supervisor and every reader thread, and waits for them (at most a few polls). */
    @Override
    public void close() {
        Thread s;
        List<ReaderWatcher> stopping;
        synchronized (this) {
            running = false;
            s = supervisor;
            stopping = List.copyOf(watchers.values());
        }
        try {
            if (s != null) {
                s.interrupt();
                s.join(5 * pollMillis + 1000);
            }
            for (ReaderWatcher w : stopping) {
                w.stop("monitor closed", false);
                w.join(5 * pollMillis + 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
