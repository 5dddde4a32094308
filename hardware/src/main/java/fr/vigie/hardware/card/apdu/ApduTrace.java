package fr.vigie.hardware.card.apdu;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded record of the last APDU exchanges, for support diagnostics and tests.
 *
 * <p>Entries are stored already rendered with {@link CommandApdu#toString()}, which redacts PIN
 * data, so the trace never holds a secret. Each exchange is also logged at DEBUG level under
 * {@code fr.vigie.hardware.card.apdu.ApduTrace}. Thread-safe.
 */
public final class ApduTrace {
    private static final Logger LOG = LoggerFactory.getLogger(ApduTrace.class);

    /** One exchange: when it started, the redacted command, the response, how long it took. */
    public record Entry(Instant at, String command, String response, long micros) {
        @Override
        public String toString() {
            return at + " > " + command + " < " + response + " (" + micros + " µs)";
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final int capacity;
    private final Clock clock;

    /** Creates a trace keeping the last {@code capacity} exchanges. */
    public ApduTrace(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Creates a trace of the last 64 exchanges on the system clock. */
    public ApduTrace() {
        this(64, Clock.systemUTC());
    }

    /** Records one exchange; {@code response} is the response or the failure's message. */
    public void record(CommandApdu command, String response, long micros) {
        Entry entry = new Entry(clock.instant(), command.toString(), response, micros);
        LOG.debug("APDU {}", entry);
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    /** @return a snapshot of the recorded exchanges, oldest first */
    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Forgets every recorded exchange. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
