package fr.vigie.hub.staff;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API bearer tokens for the admin CLI ({@code Authorization: Bearer vigie_…}), issued by an admin to a
 * login with a role no higher than that login's. Only the SHA-256 of a token is stored: the token is
 * shown once, when issued. A token stops working when revoked, when its account is deleted, or (for its
 * admin rights) when its account is made a viewer. Thread-safe.
 */
public final class ApiTokens {
    /** Prefix of every token, so that secret scanners and people recognise one. */
    public static final String PREFIX = "vigie_";

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * A token just issued.
     *
     * @param id its id, to list or revoke it
     * @param token the secret (shown once)
     */
    public record Issued(long id, String token) {
    }

    /**
     * A token as listed, without its secret.
     *
     * @param id its id
     * @param login the account it acts as
     * @param role its role
     * @param label what it is for, e.g. {@code cli on it-laptop-3}
     * @param createdAt when it was issued
     * @param createdBy the admin who issued it
     * @param revokedAt when it was revoked, or {@code null}
     */
    public record Token(long id, String login, StaffRole role, String label, Instant createdAt, String createdBy,
            Instant revokedAt) {
    }

    public ApiTokens(DataSource dataSource, Clock clock, SecureRandom random) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.random = random;
    }

    /** Issues a token acting as {@code login} with {@code role}. */
    public Issued issue(String login, StaffRole role, String label, String issuedBy) throws StaffRejection, SQLException {
        String token = PREFIX + Secrets.random(random, 32);
        String l = label == null || label.isBlank() ? "api token" : label.strip();
        if (l.length() > 100) {
            l = l.substring(0, 100);
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT role FROM staff_accounts WHERE login = ?")) {
                ps.setString(1, login);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StaffRejection(StaffError.STAFF_NOT_FOUND, "no staff account '" + login + "'");
                    }
                    if (!StaffRole.valueOf(rs.getString(1)).covers(role)) {
                        throw new StaffRejection(StaffError.STAFF_ROLE_INVALID, "'" + login + "' is a "
                                + rs.getString(1).toLowerCase(java.util.Locale.ROOT) + " and cannot hold an " + role
                                + " token");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_api_tokens"
                    + " (token_hash, login, role, label, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setBytes(1, Secrets.sha256(token));
                ps.setString(2, login);
                ps.setString(3, role.name());
                ps.setString(4, l);
                ps.setTimestamp(5, Timestamp.from(clock.instant()));
                ps.setString(6, issuedBy);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Issued(keys.getLong(1), token);
                }
            }
        }
    }

    /** Who a live token acts as; empty for an unknown or revoked token. */
    public Optional<StaffPrincipal> find(String token) throws SQLException {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT t.login, t.role, a.role FROM staff_api_tokens t JOIN staff_accounts a ON a.login = t.login"
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL")) {
            ps.setBytes(1, Secrets.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                StaffRole tokenRole = StaffRole.valueOf(rs.getString(2));
                StaffRole accountRole = StaffRole.valueOf(rs.getString(3));
                return Optional.of(new StaffPrincipal(rs.getString(1),
                        accountRole.covers(tokenRole) ? tokenRole : accountRole, null));
            }
        }
    }

    /** Every token, newest first. */
    public List<Token> list() throws SQLException {
        List<Token> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT token_id, login, role, label, created_at, created_by, revoked_at FROM staff_api_tokens"
                        + " ORDER BY token_id DESC");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp revoked = rs.getTimestamp(7);
                out.add(new Token(rs.getLong(1), rs.getString(2), StaffRole.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), revoked == null ? null : revoked.toInstant()));
            }
        }
        return out;
    }

    /** Revokes a token; {@code false} when there is no live token with that id. */
    public boolean revoke(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE staff_api_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        }
    }
}
