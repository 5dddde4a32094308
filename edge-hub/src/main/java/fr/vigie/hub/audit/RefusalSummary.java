package fr.vigie.hub.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests refused in bulk from one source, written to the audit log as one entry per source and
 * window — {@code {source, count, codes: "CODE=n,…", from, to}} under one action such as
 * {@code ENROL_REQUESTS_REFUSED} — instead of one entry per request, which a flood would turn into
 * millions of rows (and serialise on the chain head). The first refusal of a window is logged once at
 * WARN; the entry is appended when the window has passed (checked every second and at each new
 * refusal of that source) and, for what is left, on {@link #close()}. Counting is in memory: a hub
 * stopped hard loses at most the window in progress. At most {@value #MAX_SOURCES} sources are followed
 * at once; more are counted under {@code other}. Thread-safe.
 *
 * <pre>{@code
 * RefusalSummary floods = new RefusalSummary(audit, "ENROL_REQUESTS_REFUSED", Duration.ofMinutes(1), clock);
 * floods.count(source, "ENROLMENT_RATE_LIMITED");   // on each refused request
 * }</pre>
 */
public final class RefusalSummary implements AutoCloseable {
    static final int MAX_SOURCES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RefusalSummary.class);

    private final AuditLog audit;
    private final String action;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Tally> open = new HashMap<>();
    private final ScheduledExecutorService flusher;

    /** The refusals of one source in the window that started at {@code from}. */
    private static final class Tally {
        final Instant from;
        Instant to;
        final Map<String, Long> codes = new TreeMap<>();

        Tally(Instant from) {
            this.from = from;
            this.to = from;
        }

        long total() {
            return codes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param action the audit action of the summaries ({@code [A-Z][A-Z0-9_]{1,63}})
     * @param window how long one entry covers at most
     */
    public RefusalSummary(AuditLog audit, String action, Duration window, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        AuditEntry.of(AuditEntry.HUB, action, "source:check"); // refuses a malformed action now, not at the first flood
        this.action = action;
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigie-refusals-" + action.toLowerCase(java.util.Locale.ROOT));
            t.setDaemon(true);
            return t;
        });
        ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        ex.scheduleWithFixedDelay(() -> flush(false), 1, 1, TimeUnit.SECONDS);
        this.flusher = ex;
    }

    /** Counts one request from {@code source} refused with {@code code}. */
    public void count(String source, String code) {
        Instant now = clock.instant();
        List<Map.Entry<String, Tally>> ended = new ArrayList<>();
        boolean started;
        synchronized (open) {
            String key = open.containsKey(source) || open.size() < MAX_SOURCES ? source : "other";
            Tally t = open.get(key);
            if (t != null && !now.isBefore(t.from.plus(window))) {
                ended.add(Map.entry(key, t));
                t = null;
            }
            started = t == null;
            if (t == null) {
                t = new Tally(now);
                open.put(key, t);
            }
            t.codes.merge(code, 1L, Long::sum);
            t.to = now;
        }
        if (started) {
            LOG.warn("{}: refusing requests from {} ({}); counted in the audit log once per {} s", action, source, code,
                    window.toSeconds());
        }
        ended.forEach(e -> write(e.getKey(), e.getValue()));
    }

    /** Appends the entries of the windows that have passed, or of every window when {@code all}. */
    void flush(boolean all) {
        Instant now = clock.instant();
        List<Map.Entry<String, Tally>> ended = new ArrayList<>();
        synchronized (open) {
            open.entrySet().removeIf(e -> {
                if (all || !now.isBefore(e.getValue().from.plus(window))) {
                    ended.add(Map.entry(e.getKey(), e.getValue()));
                    return true;
                }
                return false;
            });
        }
        ended.forEach(e -> write(e.getKey(), e.getValue()));
    }

    private void write(String source, Tally t) {
        StringBuilder codes = new StringBuilder();
        t.codes.forEach((code, n) -> codes.append(codes.length() == 0 ? "" : ",").append(code).append('=').append(n));
        long total = t.total();
        try {
            audit.append(AuditEntry.of(AuditEntry.HUB, action, "source:" + source, Map.of("source", source,
                    "count", Long.toString(total), "codes", codes.toString(), "from", t.from.toString(),
                    "to", t.to.toString())));
            LOG.info("{}: {} request(s) from {} refused between {} and {} ({})", action, total, source, t.from, t.to,
                    codes);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{}: could not record {} refusal(s) from {} in the audit log: {}", action, total, source,
                    e.toString());
        }
    }

    /** Stops the periodic check and writes what is still counted. */
    @Override
    public void close() {
        flusher.shutdownNow();
        flush(true);
    }
}
