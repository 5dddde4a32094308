package fr.vigie.hub.enrol;

import fr.vigie.protocol.KioskAddress;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the {@code device_certificate} table; every method runs on the caller's connection. */
final class DeviceCertificateRows {
    private DeviceCertificateRows() {
    }

    static String serial(X509Certificate c) {
        return c.getSerialNumber().toString(16);
    }

    static void insert(Connection c, KioskAddress kiosk, X509Certificate cert, Instant at, String issuedFor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_certificate (serial, site, kiosk_id,"
                + " not_before, not_after, issued_at, issued_for) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, serial(cert));
            ps.setString(2, kiosk.site());
            ps.setString(3, kiosk.kioskId());
            ps.setTimestamp(4, new Timestamp(cert.getNotBefore().getTime()));
            ps.setTimestamp(5, new Timestamp(cert.getNotAfter().getTime()));
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, issuedFor);
            ps.executeUpdate();
        }
    }

    /** The unrevoked serials of {@code kiosk}, locked, except {@code keep} (may be null). */
    static List<BigInteger> unrevoked(Connection c, KioskAddress kiosk, String keep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT serial FROM device_certificate WHERE site = ?"
                + " AND kiosk_id = ? AND revoked_at IS NULL AND serial <> ? FOR UPDATE")) {
            ps.setString(1, kiosk.site());
            ps.setString(2, kiosk.kioskId());
            ps.setString(3, keep == null ? "" : keep);
            List<BigInteger> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BigInteger(rs.getString(1), 16));
                }
            }
            return out;
        }
    }

    static void revoked(Connection c, BigInteger serial, Instant at, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE device_certificate SET revoked_at = ?, revocation_reason = ? WHERE serial = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, reason);
            ps.setString(3, serial.toString(16));
            ps.executeUpdate();
        }
    }
}
