package fr.vigie.hub.admission;

import fr.vigie.protocol.device.AdmissionError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Remembers the ApCV tokens already used, in PostgreSQL (so that several hubs sharing the database
 * refuse a replay through any of them): a token id is accepted once. Expired entries are purged as
 * new tokens arrive. Thread-safe.
 */
final class ApcvReplayGuard {
    private final DataSource dataSource;
    private final Clock clock;

    ApcvReplayGuard(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Marks the token used.
     *
     * @throws AdmissionRejection {@link ApcvError#APCV_REPLAYED} when it was used before
     */
    void useOnce(ApcvIdentity token, String usedBy) throws AdmissionRejection, SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM apcv_tokens_used WHERE expires_at < ?")) {
                purge.setTimestamp(1, Timestamp.from(now.minusSeconds(3600)));
                purge.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO apcv_tokens_used (jti, expires_at, used_at,"
                    + " used_by) VALUES (?,?,?,?) ON CONFLICT (jti) DO NOTHING")) {
                ps.setString(1, token.tokenId());
                ps.setTimestamp(2, Timestamp.from(token.expiresAt()));
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, usedBy);
                if (ps.executeUpdate() == 0) {
                    throw new AdmissionRejection(AdmissionError.APCV_REPLAYED,
                            "ApCV: this token was already used; ask the patient to show a new one");
                }
            }
        }
    }

    /** Notes which record the token qualified. */
    void attach(ApcvIdentity token, long recordId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE apcv_tokens_used SET record_id = ? WHERE jti = ?")) {
            ps.setLong(1, recordId);
            ps.setString(2, token.tokenId());
            ps.executeUpdate();
        }
    }
}
