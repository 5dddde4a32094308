package fr.vigie.hub.sso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import fr.vigie.protocol.KioskAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The kiosks' launchpads: which registered applications a kiosk lists after a clinician signs in — those whose
 * {@link SsoClient#kioskGroups()} hold the kiosk's group ({@code devices.device_group}, {@code default} for a
 * kiosk never moved) and that have a start URI — and where the kiosk's browser starts each one: its
 * third-party-initiated login URI (OpenID Connect Core §4), set by IT and audited
 * ({@code SSO_CLIENT_START_URI_CHANGED}). A kiosk only ever learns its own group's applications. Thread-safe.
 */
public final class SsoLaunchpad {
    /** The group of a kiosk the hub has no group for (as {@code fr.vigie.hub.fleet.Groups#DEFAULT}). */
    static final String DEFAULT_GROUP = "default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    SsoLaunchpad(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** An application on a launchpad. */
    public record Application(String clientId, String name, URI startUri, SsoLevel minLevel) {
    }

    /** The applications of {@code kiosk}'s group, by name. */
    public List<Application> applications(KioskAddress kiosk) throws SQLException {
        List<Application> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            String group = DEFAULT_GROUP;
            try (PreparedStatement ps = c.prepareStatement("SELECT device_group FROM devices WHERE site = ?"
                    + " AND kiosk_id = ?")) {
                ps.setString(1, kiosk.site());
                ps.setString(2, kiosk.kioskId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        group = rs.getString(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT client_id, name, min_level, kiosk_groups,"
                    + " initiate_login_uri FROM sso_clients WHERE initiate_login_uri IS NOT NULL ORDER BY name, client_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (groups(rs.getString(4)).contains(group)) {
                        out.add(new Application(rs.getString(1), rs.getString(2), URI.create(rs.getString(5)),
                                SsoLevel.valueOf(rs.getString(3))));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Sets (or, empty, removes) where the kiosk's browser starts application {@code clientId}.
     *
     * @return false when no such client is registered
     * @throws IllegalArgumentException when {@code startUri} is not an absolute https URI (http on a loopback host)
     */
    public boolean startUri(String clientId, Optional<URI> startUri, String actor) throws SQLException {
        startUri.ifPresent(u -> SsoClient.checkUri("startUri", u));
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_clients SET initiate_login_uri = ?,"
                    + " updated_at = ? WHERE client_id = ?")) {
                ps.setString(1, startUri.map(URI::toString).orElse(null));
                ps.setTimestamp(2, java.sql.Timestamp.from(clock.instant()));
                ps.setString(3, clientId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), "SSO_CLIENT_START_URI_CHANGED",
                    SsoClients.subject(clientId), Map.of("startUri", startUri.map(URI::toString).orElse(""))));
            return true;
        });
    }

    /** Where application {@code clientId} starts, if it has a start URI. */
    public Optional<URI> startUri(String clientId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT initiate_login_uri FROM sso_clients WHERE client_id = ?")) {
            ps.setString(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)).map(URI::create) : Optional.empty();
            }
        }
    }

    private static List<String> groups(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("sso_clients holds kiosk groups that are not JSON", e);
        }
    }
}
