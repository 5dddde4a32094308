package fr.vigie.hub.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.config.CommandSigner;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.db.Transactions;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote commands: recorded with the audit entry {@code COMMAND_SENT} in one transaction, signed with
 * the hub's key ({@link CommandSigner}: kiosk, name, arguments, request id, expiry {@link #LIFETIME}
 * after issue, nonce), published at QoS 1 on the kiosk's command topic, then completed once by the
 * kiosk's reply with the same id. Every reply that is not {@code DONE} is audited in the same
 * transaction: {@code COMMAND_REJECTED_BY_KIOSK} when it answers a command the hub sent that kiosk and
 * was still waiting, {@code COMMAND_REFUSED} otherwise (a forged, unsigned, replayed, expired or
 * other kiosk's message that the kiosk refused on its command topic). Thread-safe.
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
    /** How long a kiosk may take to receive a command before refusing it as expired. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** The audit actions of a kiosk's refusals of messages on its command topic. */
    public static final List<String> REFUSAL_ACTIONS = List.of("COMMAND_REJECTED_BY_KIOSK", "COMMAND_REFUSED");
    private static final int MAX_SHOWN = 200;

    private final DataSource dataSource;
    private final Outgoing outgoing;
    private final AuditLog audit;
    private final CommandSigner signer;
    private final ProtocolCodec codec = new ProtocolCodec();

    Commands(DataSource dataSource, Outgoing outgoing, AuditLog audit, CommandSigner signer) {
        this.dataSource = dataSource;
        this.outgoing = outgoing;
        this.audit = audit;
        this.signer = signer;
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
        Command command = signer.prepare(kiosk, id, name, args, LIFETIME);
        Instant now = command.issuedAt();
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
                    "requestId", id, "expiresAt", command.expiresAt().toString())));
            return null;
        });
        try {
            outgoing.publish(Topics.command(kiosk), codec.encode(signer.sign(command)), false);
        } catch (Exception e) {
            LOG.warn("command {} {} not published to {}: {}", name, id, kiosk, e.toString());
            try (Connection c = dataSource.getConnection()) {
                complete(c, id, kiosk, "UNSENT", null, "not published: " + e, Map.of(), now, "SENT");
            }
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

    /**
     * Records a kiosk's reply to a command it was sent (once; later replies are ignored), and audits
     * every reply that is not {@code DONE}.
     */
    void onReply(Reply reply) throws SQLException {
        String state = switch (reply.outcome()) {
            case DONE -> "DONE";
            case REJECTED -> "REJECTED";
            case FAILED -> "FAILED";
        };
        KioskAddress kiosk = KioskAddress.of(reply.site(), reply.kioskId());
        Transactions.run(dataSource, c -> {
            Map<String, String> replyDetails = new HashMap<>();
            reply.details().forEach((k, v) -> replyDetails.put(storable(k), storable(v)));
            int moved = complete(c, reply.commandId(), kiosk, state, storable(reply.code()), storable(reply.message()),
                    replyDetails, reply.repliedAt(), "SENT', 'UNSENT");
            if (reply.outcome() != Reply.Outcome.DONE) {
                Map<String, String> details = new HashMap<>();
                details.put("requestId", reply.commandId());
                details.put("code", shown(reply.code()));
                details.put("outcome", reply.outcome().name());
                details.put("message", shown(reply.message()));
                for (String key : List.of("command", "suppressed")) {
                    if (reply.details().containsKey(key)) {
                        details.put(key, shown(reply.details().get(key)));
                    }
                }
                audit.append(c, AuditEntry.of(AuditEntry.kiosk(kiosk), moved > 0 ? REFUSAL_ACTIONS.get(0)
                        : REFUSAL_ACTIONS.get(1), AuditEntry.kiosk(kiosk), details));
            }
            return null;
        });
    }

    /**
     * What {@code kiosk} refused on its command topic, newest first, from the audit log
     * ({@link #REFUSAL_ACTIONS}): the console's kiosk page shows them.
     */
    public List<AuditRecord> refusals(KioskAddress kiosk, int limit) throws SQLException {
        return audit.latest(AuditEntry.kiosk(kiosk), REFUSAL_ACTIONS, limit);
    }

    /** Text from a kiosk's reply as PostgreSQL can store it (text and jsonb refuse NUL). */
    private static String storable(String text) {
        return text.replace('\0', '\uFFFD');
    }

    /** Text from a kiosk's reply as the audit log keeps it: one line, no control characters, at most 200 characters. */
    private static String shown(String text) {
        String line = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
        if (line.isEmpty()) {
            return "-";
        }
        return line.length() > MAX_SHOWN ? line.substring(0, MAX_SHOWN) + "…" : line;
    }

    private int complete(Connection c, String id, KioskAddress kiosk, String state, String code, String message,
            Map<String, String> details, Instant at, String fromStates) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE device_commands"
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
            return ps.executeUpdate();
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
