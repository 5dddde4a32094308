package fr.vigie.hub.agent;

import fr.vigie.hub.db.Transactions;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.protocol.device.AgentApi;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.KioskAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The one-time nonces the hub gives kiosks for an agent's card to sign ({@code agent_nonces}, by SHA-256):
 * each is bound to the kiosk and the kiosk session it was asked for, lives {@link #LIFETIME}, and is used
 * up by the first proof that presents it, whatever the outcome. Kept in PostgreSQL so that hubs sharing a
 * database refuse a replay made at another hub. Thread-safe.
 */
final class AgentNonces {
    /** How long a nonce may wait for the card's signature. */
    static final Duration LIFETIME = Duration.ofMinutes(2);
    /** Unused, unexpired nonces a kiosk may hold at once. */
    static final int MAX_OUTSTANDING = 16;

    /** A nonce issued. */
    record Issued(byte[] nonce, Instant expiresAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random;

    AgentNonces(DataSource dataSource, Clock clock, SecureRandom random) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.random = random;
    }

    /** A fresh nonce for {@code kiosk}'s session {@code kioskSessionId}; expired nonces are forgotten. */
    Issued issue(KioskAddress kiosk, String kioskSessionId) throws SQLException, DeviceRefused {
        Instant now = clock.instant();
        byte[] nonce = new byte[AgentApi.NONCE_BYTES];
        random.nextBytes(nonce);
        Instant expiresAt = now.plus(LIFETIME);
        Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM agent_nonces WHERE expires_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM agent_nonces WHERE site = ?"
                    + " AND kiosk_id = ? AND used_at IS NULL")) {
                ps.setString(1, kiosk.site());
                ps.setString(2, kiosk.kioskId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= MAX_OUTSTANDING) {
                        throw new DeviceRefused(AgentError.AGENT_NONCE_TOO_MANY, "kiosk " + kiosk
                                + " already holds " + MAX_OUTSTANDING + " unused nonces: present one or wait "
                                + LIFETIME.toSeconds() + " s");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_nonces (nonce_sha256, site, kiosk_id,"
                    + " kiosk_session_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setBytes(1, sha256(nonce));
                ps.setString(2, kiosk.site());
                ps.setString(3, kiosk.kioskId());
                ps.setString(4, kioskSessionId);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(expiresAt));
                ps.executeUpdate();
            }
            return null;
        });
        return new Issued(nonce, expiresAt);
    }

    /**
     * Uses up {@code nonce} for {@code kiosk}.
     *
     * @return the kiosk session it was issued for
     * @throws DeviceRefused {@code AGENT_NONCE_UNKNOWN}, {@code AGENT_NONCE_OTHER_KIOSK} (left unused),
     *     {@code AGENT_NONCE_REPLAYED}, {@code AGENT_NONCE_EXPIRED}
     */
    String consume(KioskAddress kiosk, byte[] nonce) throws SQLException, DeviceRefused {
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT site, kiosk_id, kiosk_session_id, expires_at,"
                    + " used_at FROM agent_nonces WHERE nonce_sha256 = ? FOR UPDATE")) {
                ps.setBytes(1, sha256(nonce));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw refused(AgentError.AGENT_NONCE_UNKNOWN, "the hub did not issue this nonce");
                    }
                    if (!kiosk.site().equals(rs.getString(1)) || !kiosk.kioskId().equals(rs.getString(2))) {
                        throw refused(AgentError.AGENT_NONCE_OTHER_KIOSK, "this nonce was issued to another kiosk");
                    }
                    String session = rs.getString(3);
                    Instant expiresAt = rs.getTimestamp(4).toInstant();
                    if (rs.getTimestamp(5) != null) {
                        throw refused(AgentError.AGENT_NONCE_REPLAYED, "this nonce was already presented, or its"
                                + " kiosk session ended: ask for a new one");
                    }
                    if (!now.isBefore(expiresAt)) {
                        throw refused(AgentError.AGENT_NONCE_EXPIRED, "this nonce expired at " + expiresAt);
                    }
                    markUsed(c, nonce, now); // committed before the signature is checked: one try per nonce
                    return session;
                }
            }
        });
    }

    /** The kiosk session ended: its unused nonces can no longer prove anyone. */
    void endSession(Connection c, KioskAddress kiosk, String kioskSessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE agent_nonces SET used_at = ? WHERE site = ?"
                + " AND kiosk_id = ? AND kiosk_session_id = ? AND used_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, kiosk.site());
            ps.setString(3, kiosk.kioskId());
            ps.setString(4, kioskSessionId);
            ps.executeUpdate();
        }
    }

    private static void markUsed(Connection c, byte[] nonce, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE agent_nonces SET used_at = ? WHERE nonce_sha256 = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setBytes(2, sha256(nonce));
            ps.executeUpdate();
        }
    }

    private static DeviceRefused refused(AgentError code, String message) {
        return new DeviceRefused(code, message);
    }

    private static byte[] sha256(byte[] nonce) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(nonce);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
