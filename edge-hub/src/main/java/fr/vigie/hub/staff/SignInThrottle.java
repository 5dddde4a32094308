package fr.vigie.hub.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds back password guessing at sign-in, in PostgreSQL (shared by hubs on one database), on two
 * counts that each lock out for a time that doubles with every further failure, up to a cap:
 * <ul>
 * <li><b>per source address</b> ({@link #SOURCE}): after {@value #SOURCE_FREE} failures from one address,
 * whatever the logins tried, that address waits 1 min, then 2, 4… up to 1 h; the count is forgotten
 * after a day without failure. This stops one machine spraying passwords over many accounts, and is
 * checked before any password is hashed;</li>
 * <li><b>per login</b> ({@link #ACCOUNT}): after {@value #ACCOUNT_FREE} failures for one login from
 * anywhere, it waits 30 s, then 60 s… up to 5 min. A stranger can therefore hold an account back for
 * minutes, never for good; and the lock does not apply to an address from which that login signed in
 * successfully in the last {@value #KNOWN_SOURCE_DAYS} days — the owner at their usual workstation gets
 * in while a stranger elsewhere fails on purpose (that address still has its own limit).</li>
 * </ul>
 * IT sees the counts and locks ({@link #locks}) and lifts one ({@link #liftLogin}, {@link #liftSource}).
 * Every method runs on the caller's connection, inside its transaction. Stateless and thread-safe.
 */
public final class SignInThrottle {
    static final int SOURCE_FREE = 10;
    static final int ACCOUNT_FREE = 5;
    static final int KNOWN_SOURCE_DAYS = 30;
    /** The per-address schedule: 10 free failures, then 1 min doubling up to 1 h. */
    static final Schedule SOURCE = new Schedule(SOURCE_FREE, Duration.ofMinutes(1), Duration.ofHours(1));
    /** The per-login schedule: 5 free failures, then 30 s doubling up to 5 min. */
    static final Schedule ACCOUNT = new Schedule(ACCOUNT_FREE, Duration.ofSeconds(30), Duration.ofMinutes(5));
    private static final Duration SOURCE_FORGET = Duration.ofDays(1);

    /**
     * How long the n-th consecutive failure locks out.
     *
     * @param free failures without a lock
     * @param first the lock of the first failure past them, doubled by each further one
     * @param max the longest lock
     */
    record Schedule(int free, Duration first, Duration max) {
        /** The lock after {@code failures} consecutive failures; zero while they are free. */
        Duration lockFor(int failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            Duration d = first.multipliedBy(1L << Math.min(failures - free, 20));
            return d.compareTo(max) > 0 ? max : d;
        }
    }

    /**
     * A login's or an address's failed sign-ins. Immutable.
     *
     * @param kind {@code login} or {@code source}
     * @param name the login, or the address
     * @param failures consecutive failures
     * @param lockedUntil until when further attempts are refused; null or past when not locked
     * @param locked whether it is locked now
     */
    public record Lock(String kind, String name, int failures, Instant lockedUntil, boolean locked) {
    }

    private SignInThrottle() {
    }

    /** Refuses the attempt when {@code source} is locked out; nothing is read of the password before. */
    static void checkSource(Connection c, String source, Instant now) throws SQLException, StaffRejection {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_signin_source_throttle (source, failures,"
                + " last_failure_at) VALUES (?, 0, ?) ON CONFLICT (source) DO NOTHING")) {
            ps.setString(1, source);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT locked_until FROM staff_signin_source_throttle"
                + " WHERE source = ? FOR UPDATE")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                refuseWhileLocked(instant(rs, 1), now, "from this address");
            }
        }
    }

    /** Refuses the attempt while {@code login} is locked out, unless {@code source} is one of its known addresses. */
    static void checkLogin(Connection c, String login, String source, Instant now) throws SQLException, StaffRejection {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_signin_throttle (login, failures)"
                + " VALUES (?, 0) ON CONFLICT (login) DO NOTHING")) {
            ps.setString(1, login);
            ps.executeUpdate();
        }
        Instant lockedUntil;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT locked_until FROM staff_signin_throttle WHERE login = ? FOR UPDATE")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                lockedUntil = instant(rs, 1);
            }
        }
        if (lockedUntil != null && now.isBefore(lockedUntil) && !known(c, login, source, now)) {
            refuseWhileLocked(lockedUntil, now, "for '" + login + "'");
        }
    }

    /** Counts a failed attempt for {@code login} from {@code source}; the locks that follow, if any. */
    static void failed(Connection c, String login, String source, Instant now) throws SQLException {
        int loginFailures;
        try (PreparedStatement ps = c.prepareStatement("UPDATE staff_signin_throttle SET failures = failures + 1"
                + " WHERE login = ? RETURNING failures")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                loginFailures = rs.getInt(1);
            }
        }
        Duration loginLock = ACCOUNT.lockFor(loginFailures);
        if (!loginLock.isZero()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE staff_signin_throttle SET locked_until = ? WHERE login = ?")) {
                ps.setTimestamp(1, Timestamp.from(now.plus(loginLock)));
                ps.setString(2, login);
                ps.executeUpdate();
            }
        }
        int sourceFailures;
        try (PreparedStatement ps = c.prepareStatement("UPDATE staff_signin_source_throttle SET failures ="
                + " CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = ? WHERE source = ?"
                + " RETURNING failures")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(SOURCE_FORGET)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sourceFailures = rs.getInt(1);
            }
        }
        Duration sourceLock = SOURCE.lockFor(sourceFailures);
        if (!sourceLock.isZero()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE staff_signin_source_throttle SET locked_until = ? WHERE source = ?")) {
                ps.setTimestamp(1, Timestamp.from(now.plus(sourceLock)));
                ps.setString(2, source);
                ps.executeUpdate();
            }
        }
    }

    /** A successful sign-in: the login's count starts again, and {@code source} becomes one of its known addresses. */
    static void succeeded(Connection c, String login, String source, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_signin_throttle WHERE login = ?")) {
            ps.setString(1, login);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_signin_known_sources (login, source,"
                + " last_success_at) VALUES (?, ?, ?) ON CONFLICT (login, source) DO UPDATE SET last_success_at ="
                + " EXCLUDED.last_success_at")) {
            ps.setString(1, login);
            ps.setString(2, source);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** Every login and address with failures counted now, locked first. */
    static List<Lock> locks(Connection c, Instant now) throws SQLException {
        List<Lock> out = new ArrayList<>();
        for (String sql : new String[] {
            "SELECT 'login', login, failures, locked_until FROM staff_signin_throttle WHERE failures > 0",
            "SELECT 'source', source, failures, locked_until FROM staff_signin_source_throttle WHERE failures > 0"
                    + " AND (last_failure_at >= ? OR locked_until > ?)"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    ps.setTimestamp(1, Timestamp.from(now.minus(SOURCE_FORGET)));
                    ps.setTimestamp(2, Timestamp.from(now));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant until = instant(rs, 4);
                        out.add(new Lock(rs.getString(1), rs.getString(2), rs.getInt(3), until,
                                until != null && now.isBefore(until)));
                    }
                }
            }
        }
        out.sort((a, b) -> a.locked() != b.locked() ? (a.locked() ? -1 : 1) : a.name().compareTo(b.name()));
        return out;
    }

    /** Forgets {@code login}'s failures and lock; whether there were any. */
    static boolean liftLogin(Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_signin_throttle WHERE login = ? AND failures > 0")) {
            ps.setString(1, login);
            return ps.executeUpdate() > 0;
        }
    }

    /** Forgets {@code source}'s failures and lock; whether there were any. */
    static boolean liftSource(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM staff_signin_source_throttle WHERE source = ? AND failures > 0")) {
            ps.setString(1, source);
            return ps.executeUpdate() > 0;
        }
    }

    private static boolean known(Connection c, String login, String source, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM staff_signin_known_sources WHERE login = ?"
                + " AND source = ? AND last_success_at > ?")) {
            ps.setString(1, login);
            ps.setString(2, source);
            ps.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(KNOWN_SOURCE_DAYS))));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void refuseWhileLocked(Instant lockedUntil, Instant now, String what) throws StaffRejection {
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            Duration wait = Duration.between(now, lockedUntil);
            throw new StaffRejection(StaffError.STAFF_SIGNIN_THROTTLED, "too many failed sign-ins " + what
                    + "; try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s", wait);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
