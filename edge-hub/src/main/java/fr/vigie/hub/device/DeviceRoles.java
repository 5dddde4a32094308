package fr.vigie.hub.device;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import fr.vigie.protocol.KioskAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The roles IT gives kiosks ({@code device_roles}, V60): the hub's authority on which kiosks are
 * admission desks. A kiosk without a row is a {@link DeviceRole#WORKSTATION}. A role may be given before
 * the kiosk ever reported (IT prepares a desk before installing it). Every change is audited as
 * {@code DEVICE_ROLE_CHANGED}; taking the admission-desk role away also runs {@link DeskRemoved} in the
 * same transaction (the hub ends the agent proven there). Thread-safe.
 *
 * <pre>{@code
 * roles.set(KioskAddress.of("chu-nord", "accueil-1"), DeviceRole.ADMISSION_DESK, "it.martin");
 * boolean desk = roles.of(kiosk) == DeviceRole.ADMISSION_DESK;
 * }</pre>
 */
public final class DeviceRoles {
    /** The audit action of a role change. */
    public static final String CHANGED = "DEVICE_ROLE_CHANGED";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final DeskRemoved deskRemoved;

    /** What else ends, in the same transaction, when a kiosk stops being an admission desk. */
    @FunctionalInterface
    public interface DeskRemoved {
        void removed(Connection c, KioskAddress kiosk) throws SQLException;
    }

    /** @param deskRemoved called in the changing transaction when a kiosk loses the admission-desk role */
    public DeviceRoles(DataSource dataSource, AuditLog audit, Clock clock, DeskRemoved deskRemoved) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deskRemoved = Objects.requireNonNull(deskRemoved, "deskRemoved");
    }

    /** The role of {@code kiosk}: {@link DeviceRole#WORKSTATION} unless IT declared another. */
    public DeviceRole of(KioskAddress kiosk) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT role FROM device_roles WHERE site = ? AND kiosk_id = ?")) {
            ps.setString(1, kiosk.site());
            ps.setString(2, kiosk.kioskId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? DeviceRole.valueOf(rs.getString(1)) : DeviceRole.WORKSTATION;
            }
        }
    }

    /**
     * Gives {@code kiosk} the role {@code role}, audited with {@code actor}.
     *
     * @return whether the role changed
     */
    public boolean set(KioskAddress kiosk, DeviceRole role, String actor) throws SQLException {
        Objects.requireNonNull(role, "role");
        return Transactions.run(dataSource, c -> {
            DeviceRole before = current(c, kiosk);
            if (before == role) {
                return false;
            }
            if (role == DeviceRole.WORKSTATION) {
                delete(c, "DELETE FROM device_roles WHERE site = ? AND kiosk_id = ?", kiosk);
            }
            if (before == DeviceRole.ADMISSION_DESK) {
                deskRemoved.removed(c, kiosk);
            }
            if (role != DeviceRole.WORKSTATION) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_roles (site, kiosk_id, role,"
                        + " changed_by, changed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (site, kiosk_id) DO UPDATE"
                        + " SET role = EXCLUDED.role, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at")) {
                    ps.setString(1, kiosk.site());
                    ps.setString(2, kiosk.kioskId());
                    ps.setString(3, role.name());
                    ps.setString(4, actor);
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                    ps.executeUpdate();
                }
            }
            audit.append(c, AuditEntry.of(actor, CHANGED, AuditEntry.kiosk(kiosk), Map.of("role", role.name(),
                    "before", before.name())));
            return true;
        });
    }

    private static DeviceRole current(Connection c, KioskAddress kiosk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT role FROM device_roles WHERE site = ? AND kiosk_id = ? FOR UPDATE")) {
            ps.setString(1, kiosk.site());
            ps.setString(2, kiosk.kioskId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? DeviceRole.valueOf(rs.getString(1)) : DeviceRole.WORKSTATION;
            }
        }
    }

    private static void delete(Connection c, String sql, KioskAddress kiosk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kiosk.site());
            ps.setString(2, kiosk.kioskId());
            ps.executeUpdate();
        }
    }
}
