package fr.vigie.hub.fleet;

import fr.vigie.hub.db.Transactions;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.protocol.KioskAddress;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Device groups: each kiosk belongs to exactly one group (its {@code device_group}, {@code default}
 * until IT moves it), and a configuration is rolled out to a group. Group names are short ids like
 * site and kiosk ids ({@code [a-z0-9][a-z0-9-]{0,39}}). Thread-safe.
 */
public final class Groups {
    /** The group of a kiosk nobody has moved. */
    public static final String DEFAULT = "default";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final ConfigRollouts rollouts;

    Groups(DataSource dataSource, AuditLog audit, ConfigRollouts rollouts) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.rollouts = rollouts;
    }

    /**
     * Moves {@code kiosk} to {@code group} (audited as {@code DEVICE_GROUP_CHANGED}) and, when the group
     * already has a configuration, issues it to the kiosk as a new version.
     *
     * @return the rollout that brings the kiosk the group's configuration, if the group has one
     * @throws FleetRejection {@code GROUP_INVALID}, or {@code DEVICE_NOT_FOUND} for a kiosk the hub never saw
     */
    public java.util.Optional<Rollout> assign(KioskAddress kiosk, String group, String actor)
            throws SQLException, FleetRejection {
        requireValid(group);
        Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE devices SET device_group = ? WHERE site = ? AND kiosk_id = ?")) {
                ps.setString(1, group);
                ps.setString(2, kiosk.site());
                ps.setString(3, kiosk.kioskId());
                if (ps.executeUpdate() == 0) {
                    throw new FleetRejection(FleetRejection.Kind.NOT_FOUND, "DEVICE_NOT_FOUND",
                            "the hub has never seen kiosk " + kiosk);
                }
            }
            audit.append(c, AuditEntry.of(actor, "DEVICE_GROUP_CHANGED", AuditEntry.kiosk(kiosk), Map.of("group", group)));
            return null;
        });
        return rollouts.catchUp(kiosk, group, actor);
    }

    static void requireValid(String group) throws FleetRejection {
        if (!KioskAddress.isValidId(group)) {
            throw new FleetRejection(FleetRejection.Kind.INVALID, "GROUP_INVALID", "group '" + shown(group)
                    + "' must be 1 to 40 characters of a-z, 0-9 and '-'");
        }
    }

    static String shown(String s) {
        if (s == null) {
            return "null";
        }
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 64 ? clean : clean.substring(0, 64) + "…";
    }
}
