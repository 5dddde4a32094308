package fr.vigie.hub.enrol;

import fr.vigie.protocol.device.EnrolmentStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the {@code enrolment} table; every method runs on the caller's connection. */
final class EnrolmentRows {
    private static final String COLUMNS = "SELECT e.id, e.site, e.kiosk_id, e.enrolment_code, e.status, e.requested_at,"
            + " e.decided_by, e.decided_at, e.reason, e.certificate_serial, e.source,"
            + " CASE WHEN e.status = 'PENDING' THEN (SELECT count(*) FROM enrolment o WHERE o.site = e.site"
            + " AND o.kiosk_id = e.kiosk_id AND o.status = 'PENDING' AND o.id <> e.id) ELSE 0 END FROM enrolment e";

    /** What an issued enrolment hands to its kiosk. */
    record Issued(String chainPem, String firstConfigJson) {
    }

    private EnrolmentRows() {
    }

    static void insert(Connection c, UUID id, String site, String kioskId, String code, String csrPem, Instant at,
            String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrolment (id, site, kiosk_id, enrolment_code,"
                + " csr_pem, status, requested_at, source) VALUES (?,?,?,?,?,'PENDING',?,?)")) {
            ps.setObject(1, id);
            ps.setString(2, site);
            ps.setString(3, kioskId);
            ps.setString(4, code);
            ps.setString(5, csrPem);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, source);
            ps.executeUpdate();
        }
    }

    static Optional<EnrolmentView> find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE e.id = ?" + (forUpdate ? " FOR UPDATE OF e" : ""))) {
            ps.setObject(1, id);
            List<EnrolmentView> rows = read(ps);
            return rows.stream().findFirst();
        }
    }

    /** The request waiting for this kiosk id with this key's code, locked. */
    static Optional<EnrolmentView> pendingOf(Connection c, String site, String kioskId, String code)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE e.site = ? AND e.kiosk_id = ?"
                + " AND e.enrolment_code = ? AND e.status = 'PENDING' FOR UPDATE OF e")) {
            ps.setString(1, site);
            ps.setString(2, kioskId);
            ps.setString(3, code);
            return read(ps).stream().findFirst();
        }
    }

    /** Every request waiting for this kiosk id, oldest first, locked. */
    static List<EnrolmentView> pendingFor(Connection c, String site, String kioskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE e.site = ? AND e.kiosk_id = ?"
                + " AND e.status = 'PENDING' ORDER BY e.requested_at FOR UPDATE OF e")) {
            ps.setString(1, site);
            ps.setString(2, kioskId);
            return read(ps);
        }
    }

    static String csrOf(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT csr_pem FROM enrolment WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static Optional<Issued> issued(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT certificate_chain_pem, first_config FROM enrolment WHERE id = ? AND status = 'ISSUED'")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Issued(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    static List<EnrolmentView> list(Connection c, EnrolmentStatus status, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + (status == null ? "" : " WHERE e.status = ?")
                + " ORDER BY e.requested_at DESC LIMIT " + limit)) {
            if (status != null) {
                ps.setString(1, status.name());
            }
            return read(ps);
        }
    }

    static int countPending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM enrolment WHERE status = 'PENDING'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static int countPendingFrom(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM enrolment WHERE status = 'PENDING' AND source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Serialises, until the transaction ends, the requests of one source (its pending count). */
    static void lockSource(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('enrol-source:' || ?))")) {
            ps.setString(1, source);
            ps.execute();
        }
    }

    static void issue(Connection c, UUID id, String by, Instant at, String serial, String chainPem, String configJson)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE enrolment SET status = 'ISSUED', decided_by = ?,"
                + " decided_at = ?, certificate_serial = ?, certificate_chain_pem = ?, first_config = ? WHERE id = ?")) {
            ps.setString(1, by);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, serial);
            ps.setString(4, chainPem);
            ps.setString(5, configJson);
            ps.setObject(6, id);
            ps.executeUpdate();
        }
    }

    static void reject(Connection c, UUID id, String by, Instant at, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE enrolment SET status = 'REJECTED', decided_by = ?,"
                + " decided_at = ?, reason = ? WHERE id = ?")) {
            ps.setString(1, by);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, reason);
            ps.setObject(4, id);
            ps.executeUpdate();
        }
    }

    private static List<EnrolmentView> read(PreparedStatement ps) throws SQLException {
        List<EnrolmentView> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp decided = rs.getTimestamp(8);
                out.add(new EnrolmentView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), EnrolmentStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        decided == null ? null : decided.toInstant(), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getInt(12)));
            }
        }
        return out;
    }
}
