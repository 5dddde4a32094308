package fr.vigie.hub.admission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The e-prescriptions attached to a patient's visits: the {@code prescription.scanned} events the
 * kiosks reported, stored by ingest like every event, read here by identity record id. Thread-safe.
 *
 * <pre>{@code
 * List<Prescriptions.Scanned> rx = new Prescriptions(dataSource).forRecord(1207, 100);
 * }</pre>
 */
public final class Prescriptions {

    /**
     * One prescription scanned for a record.
     *
     * @param eventId the event that reported it
     * @param number the prescription number
     * @param site the kiosk's site
     * @param kioskId the kiosk
     * @param idNatPs the agent who scanned it
     * @param scannedAt when the kiosk saw it
     */
    public record Scanned(UUID eventId, String number, String site, String kioskId, String idNatPs,
            Instant scannedAt) {
    }

    private final DataSource dataSource;

    public Prescriptions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The prescriptions scanned for {@code recordId}, oldest first, at most {@code limit}. */
    public List<Scanned> forRecord(long recordId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT event_id, payload->>'number', site, kiosk_id,"
                        + " payload->>'idNatPs', occurred_at FROM events WHERE type = 'prescription.scanned'"
                        + " AND (payload->>'recordId')::bigint = ? ORDER BY ingest_order LIMIT ?")) {
            ps.setLong(1, recordId);
            ps.setInt(2, limit);
            List<Scanned> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Scanned(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
            return out;
        }
    }
}
