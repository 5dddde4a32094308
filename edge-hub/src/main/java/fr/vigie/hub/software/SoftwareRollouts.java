package fr.vigie.hub.software;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import fr.vigie.protocol.KioskAddress;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staged software rollouts: a version of a package from the hub's {@link AptRepository} to every kiosk of a
 * group, a first stage of N kiosks (or a percentage) first, the rest only once every first-stage kiosk reported
 * {@code UPDATED} (installed, restarted, healthy). Any other outcome in the first stage ({@code ROLLED_BACK},
 * {@code FAILED}, {@code REFUSED}) halts the rollout: the rest is never sent. IT may pause, resume or abort.
 * Each kiosk is reached by a signed {@code update-software} command ({@link UpdateCommands}) and reports through
 * its outbox ({@code software.update} events, read from the hub's event store by {@link #advance()}), so a kiosk
 * that restarts while updating loses nothing. Every decision is audited (category {@code software}).
 * {@link #advance()} is what moves rollouts: the hub calls it every few seconds (and after each change); it is
 * serialised across hubs sharing the database by an advisory lock. Thread-safe.
 *
 * <pre>{@code
 * SoftwareRollout r = rollouts.start(new SoftwareRollouts.Request("ward-3", "vigie-kiosk", "0.3.0", 2, null, false), "alice");
 * rollouts.advance();              // sends the first stage; later calls read the kiosks' reports
 * rollouts.find(r.rolloutId());    // progress per kiosk
 * }</pre>
 */
public final class SoftwareRollouts {
    private static final Logger LOG = LoggerFactory.getLogger(SoftwareRollouts.class);
    private static final long LOCK = 0x5649474945_14L; // "VIGIE", issue 14
    /** The first stage when IT gives no size: this share of the group, at least one kiosk. */
    public static final int DEFAULT_FIRST_PERCENT = 10;

    private final DataSource dataSource;
    private final AptRepository repository;
    private final UpdateCommands commands;
    private final AuditLog audit;
    private final Clock clock;

    public SoftwareRollouts(DataSource dataSource, AptRepository repository, UpdateCommands commands, AuditLog audit,
            Clock clock) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.commands = commands;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What IT asks for.
     *
     * @param firstKiosks the first stage's size, or null
     * @param firstPercent the first stage as a share of the group (1–100), or null; neither: {@value #DEFAULT_FIRST_PERCENT}%
     * @param allowDowngrade whether kiosks on a newer version go back to this one (otherwise they refuse)
     */
    public record Request(String group, String packageName, String version, Integer firstKiosks, Integer firstPercent,
            boolean allowDowngrade) {
    }

    /**
     * Starts a rollout (audited {@code SOFTWARE_ROLLOUT_STARTED}) and sends its first stage.
     *
     * @throws SoftwareRefusal {@code ROLLOUT_INVALID}, {@code PACKAGE_NOT_FOUND}, {@code GROUP_HAS_NO_KIOSK},
     *     {@code ROLLOUT_STATE_CONFLICT} (the group already has an open rollout of that package)
     */
    public SoftwareRollout start(Request r, String actor) throws SQLException, IOException, SoftwareRefusal {
        if (r.group() == null || !KioskAddress.isValidId(r.group())) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_INVALID, "group must be 1 to 40 characters of a-z,"
                    + " 0-9 and '-'");
        }
        if (r.firstKiosks() != null && r.firstPercent() != null) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_INVALID, "give the first stage as a number of"
                    + " kiosks or as a percentage, not both");
        }
        if (r.firstKiosks() != null && r.firstKiosks() < 1
                || r.firstPercent() != null && (r.firstPercent() < 1 || r.firstPercent() > 100)) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_INVALID, "the first stage is at least one kiosk,"
                    + " or 1 to 100 percent of the group");
        }
        String name = r.packageName() == null ? "vigie-kiosk" : r.packageName();
        boolean known = r.version() != null && repository.packages().stream().anyMatch(p -> p.file().name().equals(name)
                && p.file().version().toString().equals(r.version()));
        if (!known) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.PACKAGE_NOT_FOUND, "the repository has no " + name + " "
                    + r.version() + " (./vigie admin software list shows what it has)");
        }
        Instant now = clock.instant();
        long id = Transactions.run(dataSource, c -> {
            lock(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT rollout_id FROM software_rollouts WHERE"
                    + " device_group = ? AND package_name = ? AND state IN ('FIRST_STAGE', 'REST', 'PAUSED')")) {
                ps.setString(1, r.group());
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_STATE_CONFLICT, "rollout "
                                + rs.getLong(1) + " of " + name + " to group " + r.group()
                                + " is still under way: abort it first");
                    }
                }
            }
            List<KioskAddress> kiosks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT site, kiosk_id FROM devices WHERE device_group = ?"
                    + " ORDER BY site, kiosk_id")) {
                ps.setString(1, r.group());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        kiosks.add(KioskAddress.of(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            if (kiosks.isEmpty()) {
                throw new SoftwareRefusal(SoftwareRefusal.Code.GROUP_HAS_NO_KIOSK, "group " + r.group()
                        + " has no kiosk: the rollout would reach none");
            }
            int first = firstStage(kiosks.size(), r.firstKiosks(), r.firstPercent());
            long rolloutId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO software_rollouts (package_name, version,"
                    + " device_group, first_stage, allow_downgrade, state, actor, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'FIRST_STAGE', ?, ?, ?) RETURNING rollout_id")) {
                ps.setString(1, name);
                ps.setString(2, r.version());
                ps.setString(3, r.group());
                ps.setInt(4, first);
                ps.setBoolean(5, r.allowDowngrade());
                ps.setString(6, actor);
                ps.setObject(7, SoftwareDb.utc(now));
                ps.setObject(8, SoftwareDb.utc(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rolloutId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO software_rollout_targets (rollout_id, site,"
                    + " kiosk_id, stage, state) VALUES (?, ?, ?, ?, 'PENDING')")) {
                for (int i = 0; i < kiosks.size(); i++) {
                    ps.setLong(1, rolloutId);
                    ps.setString(2, kiosks.get(i).site());
                    ps.setString(3, kiosks.get(i).kioskId());
                    ps.setInt(4, i < first ? 1 : 2);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            audit.append(c, AuditEntry.of(actor, "SOFTWARE_ROLLOUT_STARTED", subject(rolloutId), Map.of("package", name,
                    "version", r.version(), "group", r.group(), "kiosks", Integer.toString(kiosks.size()), "firstStage",
                    Integer.toString(first), "allowDowngrade", Boolean.toString(r.allowDowngrade()))));
            return rolloutId;
        });
        advance();
        return find(id).orElseThrow();
    }

    /** The first stage's size for a group of {@code kiosks}. */
    static int firstStage(int kiosks, Integer firstKiosks, Integer firstPercent) {
        if (firstKiosks != null) {
            return Math.min(kiosks, firstKiosks);
        }
        int percent = firstPercent == null ? DEFAULT_FIRST_PERCENT : firstPercent;
        return Math.max(1, Math.min(kiosks, (kiosks * percent + 99) / 100));
    }

    /** Pauses a rollout under way: nothing more is sent until it is resumed ({@code SOFTWARE_ROLLOUT_PAUSED}). */
    public SoftwareRollout pause(long id, String actor) throws SQLException, SoftwareRefusal {
        return change(id, actor, "SOFTWARE_ROLLOUT_PAUSED", null, List.of("FIRST_STAGE", "REST"),
                "UPDATE software_rollouts SET resume_state = state, state = 'PAUSED', updated_at = ? WHERE rollout_id = ?");
    }

    /** Resumes a paused rollout where it was ({@code SOFTWARE_ROLLOUT_RESUMED}). */
    public SoftwareRollout resume(long id, String actor) throws SQLException, SoftwareRefusal {
        SoftwareRollout r = change(id, actor, "SOFTWARE_ROLLOUT_RESUMED", null, List.of("PAUSED"),
                "UPDATE software_rollouts SET state = resume_state, resume_state = NULL, updated_at = ?"
                        + " WHERE rollout_id = ?");
        advance();
        return find(id).orElseThrow();
    }

    /**
     * Aborts a rollout ({@code SOFTWARE_ROLLOUT_ABORTED}): kiosks not sent anything yet are cancelled; a kiosk
     * already updating finishes (a signed command cannot be recalled) and its report is still recorded.
     */
    public SoftwareRollout abort(long id, String reason, String actor) throws SQLException, SoftwareRefusal {
        return change(id, actor, "SOFTWARE_ROLLOUT_ABORTED", reason == null || reason.isBlank() ? "aborted by " + actor
                : reason, List.of("FIRST_STAGE", "REST", "PAUSED"), "UPDATE software_rollouts SET state = 'ABORTED',"
                + " resume_state = NULL, updated_at = ? WHERE rollout_id = ?");
    }

    private SoftwareRollout change(long id, String actor, String action, String reason, List<String> from, String sql)
            throws SQLException, SoftwareRefusal {
        Instant now = clock.instant();
        Transactions.run(dataSource, c -> {
            lock(c);
            String state = stateOf(c, id);
            if (!from.contains(state)) {
                throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_STATE_CONFLICT, "rollout " + id + " is "
                        + state + "; this applies only to a rollout that is " + String.join(" or ", from));
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, SoftwareDb.utc(now));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            if (reason != null) {
                setReason(c, id, reason);
                cancelPending(c, id, reason);
            }
            Map<String, String> details = new LinkedHashMap<>(Map.of("from", state));
            if (reason != null) {
                details.put("reason", reason);
            }
            audit.append(c, AuditEntry.of(actor, action, subject(id), details));
            return null;
        });
        return find(id).orElseThrow();
    }

    /**
     * Moves every open rollout: records what kiosks reported, halts a rollout whose first stage failed, starts the
     * second stage once the first is healthy, closes a rollout whose kiosks all ended, and sends the commands due.
     */
    public void advance() throws SQLException {
        List<Due> due = Transactions.run(dataSource, c -> {
            lock(c);
            List<Due> toSend = new ArrayList<>();
            for (long id : openRollouts(c)) {
                SoftwareReports.read(c, id, audit);
                toSend.addAll(step(c, id));
            }
            return toSend;
        });
        for (Due d : due) {
            send(d);
        }
    }

    /** A command to send: the target was claimed ({@code SENT}) in the transaction that found it due. */
    private record Due(long rolloutId, KioskAddress kiosk, String packageName, String version, boolean allowDowngrade,
            String actor) {
    }

    private List<Due> step(Connection c, long id) throws SQLException {
        Instant now = clock.instant();
        String packageName;
        String version;
        String state;
        String resume;
        boolean downgrade;
        String actor;
        try (PreparedStatement ps = c.prepareStatement("SELECT package_name, version, state, resume_state,"
                + " allow_downgrade, actor FROM software_rollouts WHERE rollout_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                packageName = rs.getString(1);
                version = rs.getString(2);
                state = rs.getString(3);
                resume = rs.getString(4);
                downgrade = rs.getBoolean(5);
                actor = rs.getString(6);
            }
        }
        String stage = state.equals("PAUSED") ? resume : state;
        if (stage.equals("FIRST_STAGE")) {
            Optional<String> failure = firstFailure(c, id);
            if (failure.isPresent()) {
                String reason = "the first stage failed: " + failure.get();
                setState(c, id, "HALTED", now);
                setReason(c, id, reason);
                cancelPending(c, id, "not sent: " + reason);
                audit.append(c, AuditEntry.of(AuditEntry.HUB,
                        "SOFTWARE_ROLLOUT_HALTED", subject(id), Map.of("reason", reason)));
                LOG.warn("software rollout {} halted: {}", id, reason);
                return List.of();
            }
            if (!state.equals("PAUSED") && count(c, id, 1, false) == 0) {
                boolean rest = count(c, id, 2, true) > 0;
                setState(c, id, rest ? "REST" : "DONE", now);
                audit.append(c, AuditEntry.of(AuditEntry.HUB, rest ? "SOFTWARE_ROLLOUT_SECOND_STAGE" : "SOFTWARE_ROLLOUT_DONE",
                        subject(id), Map.of("firstStage", "UPDATED")));
                stage = rest ? "REST" : "DONE";
            }
        }
        if (stage.equals("REST") && !state.equals("PAUSED") && count(c, id, 0, false) == 0) {
            setState(c, id, "DONE", now);
            audit.append(c, AuditEntry.of(AuditEntry.HUB, "SOFTWARE_ROLLOUT_DONE", subject(id), counts(c, id)));
            return List.of();
        }
        if (state.equals("PAUSED") || stage.equals("DONE")) {
            return List.of();
        }
        List<Due> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE software_rollout_targets SET state = 'SENT', sent_at = ?,"
                + " message = NULL WHERE rollout_id = ? AND state = 'PENDING' AND stage <= ? RETURNING site, kiosk_id")) {
            ps.setObject(1, SoftwareDb.utc(now));
            ps.setLong(2, id);
            ps.setInt(3, stage.equals("FIRST_STAGE") ? 1 : 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(id, KioskAddress.of(rs.getString(1), rs.getString(2)), packageName, version,
                            downgrade, actor));
                }
            }
        }
        return due;
    }

    private void send(Due d) throws SQLException {
        String commandId;
        String failure = null;
        try {
            commandId = commands.send(d.kiosk(), Map.of("package", d.packageName(), "version", d.version(),
                    "rolloutId", Long.toString(d.rolloutId()), "allowDowngrade", Boolean.toString(d.allowDowngrade())),
                    d.actor());
        } catch (Exception e) {
            commandId = null;
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("update-software of rollout {} not sent to {} (retried): {}", d.rolloutId(), d.kiosk(), failure);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(commandId != null
                ? "UPDATE software_rollout_targets SET command_id = ? WHERE rollout_id = ? AND site = ? AND kiosk_id = ?"
                : "UPDATE software_rollout_targets SET state = 'PENDING', sent_at = NULL, message = ? WHERE"
                        + " rollout_id = ? AND site = ? AND kiosk_id = ? AND state = 'SENT'")) {
            ps.setString(1, commandId != null ? commandId : "not sent yet: " + failure);
            ps.setLong(2, d.rolloutId());
            ps.setString(3, d.kiosk().site());
            ps.setString(4, d.kiosk().kioskId());
            ps.executeUpdate();
        }
    }

    /** A first-stage kiosk that ended in anything but UPDATED, as "site/kiosk: STATE CODE message". */
    private static Optional<String> firstFailure(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT site, kiosk_id, state, code, message FROM"
                + " software_rollout_targets WHERE rollout_id = ? AND stage = 1 AND state IN ('ROLLED_BACK', 'FAILED',"
                + " 'REFUSED') ORDER BY reported_at, site, kiosk_id LIMIT 1")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getString(1) + "/" + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + (rs.getString(5) == null || rs.getString(5).isEmpty() ? ""
                                : " (" + rs.getString(5) + ")"));
            }
        }
    }

    /** Targets of {@code stage} (0: all) not in a final state, or ({@code all}) every target of it. */
    private static int count(Connection c, long id, int stage, boolean all) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM software_rollout_targets WHERE"
                + " rollout_id = ?" + (stage == 0 ? "" : " AND stage = " + stage) + (all ? ""
                        : " AND state NOT IN ('UPDATED', 'ROLLED_BACK', 'FAILED', 'REFUSED', 'CANCELLED')"))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<String, String> counts(Connection c, long id) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM software_rollout_targets WHERE"
                + " rollout_id = ? GROUP BY state ORDER BY state")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Integer.toString(rs.getInt(2)));
                }
            }
        }
        return out;
    }

    private static List<Long> openRollouts(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rollout_id FROM software_rollouts WHERE state IN"
                + " ('FIRST_STAGE', 'REST', 'PAUSED') ORDER BY rollout_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static String stateOf(Connection c, long id) throws SQLException, SoftwareRefusal {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM software_rollouts WHERE rollout_id = ?"
                + " FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_NOT_FOUND, "no software rollout " + id);
                }
                return rs.getString(1);
            }
        }
    }

    private static void setState(Connection c, long id, String state, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE software_rollouts SET state = ?, updated_at = ? WHERE"
                + " rollout_id = ?")) {
            ps.setString(1, state);
            ps.setObject(2, SoftwareDb.utc(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private static void setReason(Connection c, long id, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE software_rollouts SET reason = ? WHERE rollout_id = ?")) {
            ps.setString(1, reason.length() > 500 ? reason.substring(0, 500) + "…" : reason);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void cancelPending(Connection c, long id, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE software_rollout_targets SET state = 'CANCELLED',"
                + " message = ? WHERE rollout_id = ? AND state = 'PENDING'")) {
            ps.setString(1, why.length() > 500 ? why.substring(0, 500) + "…" : why);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK);
            ps.execute();
        }
    }

    static String subject(long id) {
        return "software-rollout:" + id;
    }

    /**
     * Calls {@link #advance()} every {@code period} on a daemon thread until closed; a failure is logged and
     * retried at the next tick.
     */
    public AutoCloseable drive(java.time.Duration period) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "software-rollouts");
                    t.setDaemon(true);
                    return t;
                });
        timer.scheduleWithFixedDelay(() -> {
            try {
                advance();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("software rollouts not advanced (retried): {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    /** A rollout with its progress per kiosk. */
    public Optional<SoftwareRollout> find(long id) throws SQLException {
        return SoftwareDb.find(dataSource, id);
    }

    /** The latest rollouts, newest first. */
    public List<SoftwareRollout> list(int limit) throws SQLException {
        return SoftwareDb.list(dataSource, limit);
    }
}
