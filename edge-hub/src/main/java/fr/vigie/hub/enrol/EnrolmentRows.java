package fr.vigie.hub.enrol;

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
    private static final String COLUMNS = "SELECT id, site, kiosk_id, enrolment_code, status, requested_at, decided_by,"
            + " decided_at, reason, certificate_serial FROM enrolment";

    /** What an issued enrolment hands to its kiosk. */
    record Issued(String chainPem, String firstConfigJson) {
    }

    private EnrolmentRows() {
    }

    static void insert(Connection c, UUID id, String site, String kioskId, String code, String csrPem, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrolment (id, site, kiosk_id, enrolment_code,"
                + " csr_pem, status, requested_at) VALUES (?,?,?,?,?,'PENDING',?)")) {
            ps.setObject(1, id);
            ps.setString(2, site);
            ps.setString(3, kioskId);
            ps.setString(4, code);
            ps.setString(5, csrPem);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    static Optional<EnrolmentView> find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setObject(1, id);
            List<EnrolmentView> rows = read(ps);
            return rows.stream().findFirst();
        }
    }

    static Optional<EnrolmentView> pendingOf(Connection c, String site, String kioskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS
                + " WHERE site = ? AND kiosk_id = ? AND status = 'PENDING' FOR UPDATE")) {
            ps.setString(1, site);
            ps.setString(2, kioskId);
            return read(ps).stream().findFirst();
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

    static List<EnrolmentView> list(Connection c, String status, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + (status == null ? "" : " WHERE status = ?")
                + " ORDER BY requested_at DESC LIMIT " + limit)) {
            if (status != null) {
                ps.setString(1, status);
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
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        decided == null ? null : decided.toInstant(), rs.getString(9), rs.getString(10)));
            }
        }
        return out;
    }
}
