package fr.vigie.hub.fleet;

import fr.vigie.hub.db.Transactions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.protocol.Command;
import fr.vigie.protocol.CommandName;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import fr.vigie.protocol.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote commands: recorded with the audit entry {@code COMMAND_SENT} in one transaction, published
 * at QoS 1 on the kiosk's command topic, then completed once by the kiosk's reply with the same id.
 * Thread-safe.
 *
 * <pre>{@code
 * DeviceCommand sent = commands.send(kiosk, "diagnostics", Map.of(), "alice");
 * // later: commands.find(kiosk, sent.requestId()) → state DONE, details {softwareVersion, readers, ...}
 * }</pre>
 */
public final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final int MAX_ARGS = 8;

    private final DataSource dataSource;
    private final Outgoing outgoing;
    private final AuditLog audit;
    private final Clock clock;
    private final ProtocolCodec codec = new ProtocolCodec();

    Commands(DataSource dataSource, Outgoing outgoing, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.outgoing = outgoing;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sends command {@code name} to {@code kiosk}.
     *
     * @throws FleetRejection {@code COMMAND_UNKNOWN} or {@code COMMAND_ARGS_INVALID} (400),
     *     {@code DEVICE_NOT_FOUND} (404)
     */
    public DeviceCommand send(KioskAddress kiosk, String name, Map<String, String> args, String actor)
            throws SQLException, FleetRejection {
        if (CommandName.fromWireName(name).isEmpty()) {
            throw new FleetRejection(FleetRejection.Kind.INVALID, "COMMAND_UNKNOWN", "command '" + Groups.shown(name)
                    + "' is not one of " + Arrays.stream(CommandName.values()).map(CommandName::wireName)
                            .collect(Collectors.joining(", ")));
        }
        if (args.size() > MAX_ARGS || args.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null
                || e.getKey().length() > 64 || e.getValue().length() > 256)) {
            throw new FleetRejection(FleetRejection.Kind.INVALID, "COMMAND_ARGS_INVALID", "at most " + MAX_ARGS
                    + " string arguments, names up to 64 and values up to 256 characters");
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Command command = new Command(id, kiosk.site(), kiosk.kioskId(), name, now, args, ProtocolCodec.SCHEMA_VERSION);
        Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM devices WHERE site = ? AND kiosk_id = ?")) {
                ps.setString(1, kiosk.site());
                ps.setString(2, kiosk.kioskId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new FleetRejection(FleetRejection.Kind.NOT_FOUND, "DEVICE_NOT_FOUND",
                                "the hub has never seen kiosk " + kiosk);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_commands (command_id, site, kiosk_id,"
                    + " name, args, actor, issued_at, state) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, 'SENT')")) {
                ps.setString(1, id);
                ps.setString(2, kiosk.site());
                ps.setString(3, kiosk.kioskId());
                ps.setString(4, name);
                ps.setString(5, json(args));
                ps.setString(6, actor);
                ps.setObject(7, Db.utc(now));
                ps.executeUpdate();
            }
            audit.append(c, AuditEntry.of(actor, "COMMAND_SENT", AuditEntry.kiosk(kiosk), Map.of("command", name,
                    "requestId", id)));
            return null;
        });
        try {
            outgoing.publish(Topics.command(kiosk), codec.encode(command), false);
        } catch (Exception e) {
            LOG.warn("command {} {} not published to {}: {}", name, id, kiosk, e.toString());
            complete(id, kiosk, "UNSENT", null, "not published: " + e, Map.of(), now, "SENT");
        }
        return find(kiosk, id).orElseThrow();
    }

    /** The command {@code requestId} sent to {@code kiosk}, with its reply if any. */
    public Optional<DeviceCommand> find(KioskAddress kiosk, String requestId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT command_id,"
                + " site, kiosk_id, name, args::text AS args, actor, issued_at, state, code, message,"
                + " details::text AS details, replied_at FROM device_commands WHERE command_id = ? AND site = ?"
                + " AND kiosk_id = ?")) {
            ps.setString(1, requestId);
            ps.setString(2, kiosk.site());
            ps.setString(3, kiosk.kioskId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DeviceCommand(rs.getString("command_id"), rs.getString("site"),
                        rs.getString("kiosk_id"), rs.getString("name"), map(rs.getString("args")), rs.getString("actor"),
                        Db.instant(rs, "issued_at"), rs.getString("state"), rs.getString("code"), rs.getString("message"),
                        map(rs.getString("details")), Db.instant(rs, "replied_at")));
            }
        }
    }

    /** Records a kiosk's reply to a command it was sent (once; later replies are ignored). */
    void onReply(Reply reply) throws SQLException {
        String state = switch (reply.outcome()) {
            case DONE -> "DONE";
            case REJECTED -> "REJECTED";
            case FAILED -> "FAILED";
        };
        complete(reply.commandId(), KioskAddress.of(reply.site(), reply.kioskId()), state, reply.code(),
                reply.message(), reply.details(), reply.repliedAt(), "SENT', 'UNSENT");
    }

    private void complete(String id, KioskAddress kiosk, String state, String code, String message,
            Map<String, String> details, Instant at, String fromStates) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE device_commands"
                + " SET state = ?, code = ?, message = ?, details = ?::jsonb, replied_at = ? WHERE command_id = ?"
                + " AND site = ? AND kiosk_id = ? AND state IN ('" + fromStates + "')")) {
            ps.setString(1, state);
            ps.setString(2, code);
            ps.setString(3, message);
            ps.setString(4, json(details));
            ps.setObject(5, "UNSENT".equals(state) ? null : Db.utc(at));
            ps.setString(6, id);
            ps.setString(7, kiosk.site());
            ps.setString(8, kiosk.kioskId());
            ps.executeUpdate();
        }
    }

    private static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> map(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
