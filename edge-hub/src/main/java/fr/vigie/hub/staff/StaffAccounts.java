package fr.vigie.hub.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IT staff accounts in PostgreSQL, and sign-in by login and password held back per source address and
 * per login ({@link SignInThrottle}; every malformed or unknown login counts as one login, {@code ?},
 * for the per-login lock). Attempts from one address, and for one login, are serialised by row locks,
 * so parallel guesses gain nothing. Thread-safe.
 *
 * <pre>{@code
 * accounts.create("alice", StaffRole.VIEWER, password, "admin");
 * StaffRole role = accounts.signIn("alice", password, "10.0.4.17");   // or STAFF_SIGNIN_FAILED / _THROTTLED
 * }</pre>
 */
public final class StaffAccounts {
    /** Shortest password accepted for a new account. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger LOG = LoggerFactory.getLogger(StaffAccounts.class);
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final DataSource dataSource;
    private final Clock clock;
    private final PasswordHash hashes;
    private final String dummyHash;

    /**
     * One account, without its hash.
     *
     * @param login the login
     * @param role its role
     * @param createdAt when it was created
     * @param createdBy who created it ({@code hub} for the first admin)
     */
    public record Account(String login, StaffRole role, Instant createdAt, String createdBy) {
    }

    public StaffAccounts(DataSource dataSource, Clock clock, PasswordHash hashes) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.hashes = hashes;
        this.dummyHash = hashes.hash("not-a-password".toCharArray());
    }

    /** Creates an account; the password is stored only as its Argon2id hash. */
    public void create(String login, StaffRole role, char[] password, String createdBy) throws StaffRejection, SQLException {
        String l = checkLogin(login);
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new StaffRejection(StaffError.STAFF_PASSWORD_TOO_SHORT,
                    "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String hash = hashes.hash(password);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO staff_accounts (login, role, password_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (login) DO NOTHING")) {
            ps.setString(1, l);
            ps.setString(2, role.name());
            ps.setString(3, hash);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setString(5, createdBy);
            if (ps.executeUpdate() == 0) {
                throw new StaffRejection(StaffError.STAFF_LOGIN_TAKEN, "login '" + l + "' is already taken");
            }
        }
        LOG.info("staff account '{}' ({}) created by {}", l, role, createdBy);
    }

    /** Replaces the password of {@code login}. */
    public void changePassword(String login, char[] password) throws StaffRejection, SQLException {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new StaffRejection(StaffError.STAFF_PASSWORD_TOO_SHORT,
                    "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE staff_accounts SET password_hash = ? WHERE login = ?")) {
            ps.setString(1, hashes.hash(password));
            ps.setString(2, login);
            if (ps.executeUpdate() == 0) {
                throw new StaffRejection(StaffError.STAFF_NOT_FOUND, "no staff account '" + login + "'");
            }
        }
    }

    /** Deletes an account, its sessions and tokens; {@code false} when there was none. */
    public boolean delete(String login) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM staff_accounts WHERE login = ?")) {
            ps.setString(1, login);
            return ps.executeUpdate() == 1;
        }
    }

    /** Every account, by login. */
    public List<Account> list() throws SQLException {
        List<Account> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT login, role, created_at, created_by FROM staff_accounts ORDER BY login");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Account(rs.getString(1), StaffRole.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
            }
        }
        return out;
    }

    /** The role of {@code login}, if the account exists. */
    public Optional<StaffRole> role(String login) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT role FROM staff_accounts WHERE login = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(StaffRole.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * Checks a login and password from {@code source} (the caller's address,
     * {@link fr.vigie.hub.http.SourceAddress}), under the {@link SignInThrottle}: a locked-out address or
     * login is refused before the password is looked at. Wrong login and wrong password answer the same,
     * after the same work.
     *
     * @return the account's role
     * @throws StaffRejection {@code STAFF_SIGNIN_FAILED}, or {@code STAFF_SIGNIN_THROTTLED} with the delay
     */
    public StaffRole signIn(String login, char[] password, String source) throws StaffRejection, SQLException {
        String l = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StaffRole role = signIn(c, l, password, source, now);
                c.commit();
                if (role == null) {
                    throw failed();
                }
                return role;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (StaffRejection e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Within the transaction: the role, or {@code null} after recording a failure. */
    private StaffRole signIn(Connection c, String login, char[] password, String source, Instant now)
            throws SQLException, StaffRejection {
        SignInThrottle.checkSource(c, source, now);
        String counted = LOGIN.matcher(login).matches() ? login : "?";
        SignInThrottle.checkLogin(c, counted, source, now);
        String stored = null;
        StaffRole role = null;
        if (counted.equals(login)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash, role FROM staff_accounts WHERE login = ?")) {
                ps.setString(1, login);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        stored = rs.getString(1);
                        role = StaffRole.valueOf(rs.getString(2));
                    }
                }
            }
        }
        boolean ok = hashes.verify(password == null ? new char[0] : password, stored != null ? stored : dummyHash)
                && stored != null && password != null;
        if (ok) {
            SignInThrottle.succeeded(c, login, source, now);
            return role;
        }
        SignInThrottle.failed(c, counted, source, now);
        LOG.warn("staff sign-in failed for '{}' from {}", counted, source);
        return null;
    }

    /** Every login and address with failed sign-ins counted now, those locked out first. */
    public List<SignInThrottle.Lock> signInLocks() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SignInThrottle.locks(c, clock.instant());
        }
    }

    /** IT lets {@code login} try again at once; whether it had failures counted. */
    public boolean liftLoginLock(String login) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SignInThrottle.liftLogin(c, login);
        }
    }

    /** IT lets the address {@code source} try again at once; whether it had failures counted. */
    public boolean liftSourceLock(String source) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SignInThrottle.liftSource(c, source);
        }
    }

    static String checkLogin(String login) throws StaffRejection {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new StaffRejection(StaffError.STAFF_LOGIN_INVALID,
                    "a login is 2 to 64 characters among a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        return login;
    }

    private static StaffRejection failed() {
        return new StaffRejection(StaffError.STAFF_SIGNIN_FAILED, "wrong login or password");
    }
}
