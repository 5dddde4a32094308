package fr.vigie.hub.sso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The applications registered with the OpenID Provider ({@code sso_clients}). A {@code client_secret_basic}
 * client gets a random 256-bit secret, returned once ({@link Registered}) and stored as its SHA-256 only.
 * Every change is in the audit log in the same transaction ({@code SSO_CLIENT_REGISTERED},
 * {@code SSO_CLIENT_CHANGED}, {@code SSO_CLIENT_DELETED}, {@code SSO_CLIENT_SECRET_ISSUED}), never with the
 * secret. Thread-safe.
 */
public final class SsoClients {
    static final String REGISTERED = "SSO_CLIENT_REGISTERED";
    static final String CHANGED = "SSO_CLIENT_CHANGED";
    static final String DELETED = "SSO_CLIENT_DELETED";
    static final String SECRET_ISSUED = "SSO_CLIENT_SECRET_ISSUED";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    /** A client just registered or given a new secret, with the secret to show once (empty for private_key_jwt). */
    public record Registered(SsoClient client, Optional<String> secret) {
        @Override
        public String toString() {
            return "Registered[" + client.clientId() + ", secret redacted]";
        }
    }

    /** The client already exists ({@link #register}) or does not ({@link #update}, {@link #newSecret}). */
    public static final class Conflict extends Exception {
        Conflict(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;

    SsoClients(DataSource dataSource, AuditLog audit, Clock clock, SecureRandom random) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /** Registers {@code client} for IT staff {@code actor}. */
    public Registered register(SsoClient client, String actor) throws SQLException, Conflict {
        Optional<String> secret = client.authMethod() == SsoClient.AuthMethod.CLIENT_SECRET_BASIC
                ? Optional.of(newSecretValue()) : Optional.empty();
        Boolean inserted = Transactions.run(dataSource, c -> {
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sso_clients (client_id, name, redirect_uris,"
                    + " min_level, auth_method, jwks, backchannel_logout_uri, frontchannel_logout_uri,"
                    + " post_logout_redirect_uris, kiosk_groups, secret_sha256, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO NOTHING")) {
                ps.setString(1, client.clientId());
                fill(ps, 2, client);
                ps.setString(11, secret.map(Secrets::sha256).orElse(null));
                ps.setTimestamp(12, Timestamp.from(now));
                ps.setTimestamp(13, Timestamp.from(now));
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), REGISTERED, subject(client.clientId()),
                    details(client)));
            return true;
        });
        if (!inserted) {
            throw new Conflict("client " + client.clientId() + " is already registered");
        }
        return new Registered(client, secret);
    }

    /** Replaces what is registered for {@code client.clientId()} (its secret stays). */
    public SsoClient update(SsoClient client, String actor) throws SQLException, Conflict {
        boolean updated = Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_clients SET name = ?, redirect_uris = ?,"
                    + " min_level = ?, auth_method = ?, jwks = ?, backchannel_logout_uri = ?,"
                    + " frontchannel_logout_uri = ?, post_logout_redirect_uris = ?, kiosk_groups = ?, updated_at = ?"
                    + " WHERE client_id = ?")) {
                fill(ps, 1, client);
                ps.setTimestamp(10, Timestamp.from(clock.instant()));
                ps.setString(11, client.clientId());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), CHANGED, subject(client.clientId()),
                    details(client)));
            return true;
        });
        if (!updated) {
            throw new Conflict("no client " + client.clientId());
        }
        return client;
    }

    /** A new secret for {@code clientId} (the old one stops working), shown once. */
    public Registered newSecret(String clientId, String actor) throws SQLException, Conflict {
        SsoClient client = find(clientId).orElseThrow(() -> new Conflict("no client " + clientId));
        if (client.authMethod() != SsoClient.AuthMethod.CLIENT_SECRET_BASIC) {
            throw new Conflict("client " + clientId + " authenticates with private_key_jwt: it has no secret");
        }
        String secret = newSecretValue();
        Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_clients SET secret_sha256 = ?, updated_at = ?"
                    + " WHERE client_id = ?")) {
                ps.setString(1, Secrets.sha256(secret));
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setString(3, clientId);
                ps.executeUpdate();
            }
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), SECRET_ISSUED, subject(clientId)));
            return null;
        });
        return new Registered(client, Optional.of(secret));
    }

    /** Deletes {@code clientId}; false when there was none. */
    public boolean delete(String clientId, String actor) throws SQLException {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sso_clients WHERE client_id = ?")) {
                ps.setString(1, clientId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), DELETED, subject(clientId)));
            return true;
        });
    }

    /** The client {@code clientId}, if registered. */
    public Optional<SsoClient> find(String clientId) throws SQLException {
        List<SsoClient> found = query(" WHERE client_id = ?", clientId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every client, by id. */
    public List<SsoClient> list() throws SQLException {
        return query(" ORDER BY client_id", null);
    }

    /** Whether {@code secret} is {@code clientId}'s current secret (compared by hash, in constant time). */
    boolean secretMatches(String clientId, String secret) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT"
                + " secret_sha256 FROM sso_clients WHERE client_id = ?")) {
            ps.setString(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return false;
                }
                return MessageDigest.isEqual(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        Secrets.sha256(secret).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }

    private List<SsoClient> query(String where, String parameter) throws SQLException {
        List<SsoClient> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT client_id,"
                + " name, redirect_uris, min_level, auth_method, jwks, backchannel_logout_uri, frontchannel_logout_uri,"
                + " post_logout_redirect_uris, kiosk_groups FROM sso_clients" + where)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SsoClient(rs.getString(1), rs.getString(2), uris(rs.getString(3)),
                            SsoLevel.valueOf(rs.getString(4)), SsoClient.AuthMethod.valueOf(rs.getString(5)),
                            Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)).map(URI::create),
                            Optional.ofNullable(rs.getString(8)).map(URI::create), uris(rs.getString(9)),
                            strings(rs.getString(10))));
                }
            }
        }
        return out;
    }

    /** Columns name .. kiosk_groups (9 of them) from {@code first}. */
    private static void fill(PreparedStatement ps, int first, SsoClient client) throws SQLException {
        ps.setString(first, client.name());
        ps.setString(first + 1, json(client.redirectUris().stream().map(URI::toString).toList()));
        ps.setString(first + 2, client.minLevel().name());
        ps.setString(first + 3, client.authMethod().name());
        ps.setString(first + 4, client.jwks().orElse(null));
        ps.setString(first + 5, client.backChannelLogoutUri().map(URI::toString).orElse(null));
        ps.setString(first + 6, client.frontChannelLogoutUri().map(URI::toString).orElse(null));
        ps.setString(first + 7, json(client.postLogoutRedirectUris().stream().map(URI::toString).toList()));
        ps.setString(first + 8, json(client.kioskGroups()));
    }

    private static Map<String, String> details(SsoClient client) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("name", client.name());
        d.put("redirectUris", String.join(" ", client.redirectUris().stream().map(URI::toString).toList()));
        d.put("minLevel", client.minLevel().name());
        d.put("authMethod", client.authMethod().value());
        client.backChannelLogoutUri().ifPresent(u -> d.put("backChannelLogoutUri", u.toString()));
        client.frontChannelLogoutUri().ifPresent(u -> d.put("frontChannelLogoutUri", u.toString()));
        if (!client.kioskGroups().isEmpty()) {
            d.put("kioskGroups", String.join(" ", client.kioskGroups()));
        }
        return d;
    }

    static String subject(String clientId) {
        return "sso-client:" + clientId;
    }

    private String newSecretValue() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("sso_clients holds a list that is not JSON", e);
        }
    }

    private static List<URI> uris(String json) throws SQLException {
        return strings(json).stream().map(URI::create).toList();
    }
}
