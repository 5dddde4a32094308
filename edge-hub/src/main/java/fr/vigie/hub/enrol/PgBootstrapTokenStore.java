package fr.vigie.hub.enrol;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.enrolment.BootstrapTokenStore;
import fr.vigie.provisioning.enrolment.StoredBootstrapToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bootstrap tokens in PostgreSQL ({@code bootstrap_token}): only the hash of each secret;
 * {@link #markUsed} is one conditional UPDATE, so a token is used once even when hubs race.
 * Thread-safe. Database failures surface as {@link IllegalStateException}.
 */
final class PgBootstrapTokenStore implements BootstrapTokenStore {
    private final DataSource dataSource;

    PgBootstrapTokenStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(StoredBootstrapToken t) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bootstrap_token (id, site, kiosk_id, secret_hash, issued_at, expires_at) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.kiosk().site());
            ps.setString(3, t.kiosk().kioskId());
            ps.setBytes(4, t.secretHash());
            ps.setTimestamp(5, Timestamp.from(t.issuedAt()));
            ps.setTimestamp(6, Timestamp.from(t.expiresAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store bootstrap token " + t.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredBootstrapToken> find(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT site, kiosk_id, secret_hash, issued_at, expires_at, used_at FROM bootstrap_token WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp used = rs.getTimestamp(6);
                return Optional.of(new StoredBootstrapToken(id, KioskAddress.of(rs.getString(1), rs.getString(2)),
                        rs.getBytes(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        used == null ? null : used.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read bootstrap token " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean markUsed(String id, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE bootstrap_token SET used_at = ? WHERE id = ? AND used_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use bootstrap token " + id + ": " + e.getMessage(), e);
        }
    }
}
