package fr.vigie.hub.staff;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Browser sessions of IT staff, in PostgreSQL so that any hub sharing the database honours them. The
 * cookie value is 256 random bits of which only the SHA-256 is stored; each session carries its own CSRF
 * token. A session ends after {@code idle} without a request or {@code absolute} after sign-in,
 * whichever comes first, by the injected clock. The role is read from the account at every request,
 * so a role change or a deleted account takes effect at once. Thread-safe.
 */
public final class StaffSessions {
    /** Default idle expiry. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** Default absolute expiry. */
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration idle;
    private final Duration absolute;

    /**
     * A session just opened.
     *
     * @param cookie the value of the session cookie (secret; never logged)
     * @param principal who it is for, with the CSRF token
     */
    public record Opened(String cookie, StaffPrincipal principal) {
    }

    public StaffSessions(DataSource dataSource, Clock clock, SecureRandom random, Duration idle, Duration absolute) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.random = random;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** How long a session may stay unused. */
    public Duration idle() {
        return idle;
    }

    /** Opens a session for {@code login} with {@code role}, and drops every expired session. */
    public Opened open(String login, StaffRole role) throws SQLException {
        String cookie = Secrets.random(random, 32);
        String csrf = Secrets.random(random, 32);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM staff_sessions WHERE last_seen_at < ? OR created_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(idle)));
                ps.setTimestamp(2, Timestamp.from(now.minus(absolute)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_sessions"
                    + " (id_hash, login, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setBytes(1, Secrets.sha256(cookie));
                ps.setString(2, login);
                ps.setString(3, csrf);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
        }
        return new Opened(cookie, new StaffPrincipal(login, role, csrf));
    }

    /** The live session behind {@code cookie}, which this request keeps alive; empty when unknown or expired. */
    public Optional<StaffPrincipal> find(String cookie) throws SQLException {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) {
            return Optional.empty();
        }
        byte[] id = Secrets.sha256(cookie);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            StaffPrincipal p;
            Instant created;
            Instant lastSeen;
            try (PreparedStatement ps = c.prepareStatement("SELECT s.login, a.role, s.csrf_token, s.created_at,"
                    + " s.last_seen_at FROM staff_sessions s JOIN staff_accounts a ON a.login = s.login WHERE s.id_hash = ?")) {
                ps.setBytes(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    p = new StaffPrincipal(rs.getString(1), StaffRole.valueOf(rs.getString(2)), rs.getString(3));
                    created = rs.getTimestamp(4).toInstant();
                    lastSeen = rs.getTimestamp(5).toInstant();
                }
            }
            if (!now.isBefore(lastSeen.plus(idle)) || !now.isBefore(created.plus(absolute))) {
                delete(c, id);
                return Optional.empty();
            }
            if (Duration.between(lastSeen, now).compareTo(TOUCH_EVERY) >= 0) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setBytes(2, id);
                    ps.executeUpdate();
                }
            }
            return Optional.of(p);
        }
    }

    /** Ends the session behind {@code cookie} (sign-out); nothing when there is none. */
    public void close(String cookie) throws SQLException {
        if (cookie == null || cookie.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            delete(c, Secrets.sha256(cookie));
        }
    }

    private static void delete(Connection c, byte[] id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_sessions WHERE id_hash = ?")) {
            ps.setBytes(1, id);
            ps.executeUpdate();
        }
    }
}
