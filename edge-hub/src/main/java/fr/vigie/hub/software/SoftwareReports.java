package fr.vigie.hub.software;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.protocol.EventType;
import fr.vigie.protocol.KioskAddress;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what kiosks reported of a rollout — their {@code software.update} events, as ingest stored them — into the
 * rollout's targets. A target moves only forward, from {@code SENT} or {@code UPDATING}; each kiosk's events are
 * read once (the target keeps the ingest order of the last one). A final report is audited
 * ({@code SOFTWARE_UPDATE_REPORTED}, the kiosk as actor).
 */
final class SoftwareReports {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = EventType.SOFTWARE_UPDATE.wireName();

    private SoftwareReports() {
    }

    private record Waiting(String site, String kioskId, String state, long lastEvent) {
    }

    static void read(Connection c, long rolloutId, AuditLog audit) throws SQLException {
        commandReplies(c, rolloutId, audit);
        List<Waiting> waiting = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT site, kiosk_id, state, last_event FROM"
                + " software_rollout_targets WHERE rollout_id = ? AND state IN ('SENT', 'UPDATING')")) {
            ps.setLong(1, rolloutId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    waiting.add(new Waiting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        for (Waiting w : waiting) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ingest_order, occurred_at, payload::text FROM events"
                    + " WHERE site = ? AND kiosk_id = ? AND ingest_order > ? AND type = ? ORDER BY ingest_order")) {
                ps.setString(1, w.site());
                ps.setString(2, w.kioskId());
                ps.setLong(3, w.lastEvent());
                ps.setString(4, TYPE);
                String state = w.state();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && !SoftwareRollout.FINAL.contains(state)) {
                        JsonNode p = payload(rs.getString(3));
                        if (p == null || p.path("rolloutId").asLong() != rolloutId) {
                            continue;
                        }
                        state = p.path("state").asText();
                        record(c, rolloutId, w, rs.getLong(1), rs.getObject(2, OffsetDateTime.class), p);
                        if (SoftwareRollout.FINAL.contains(state)) {
                            Map<String, String> details = new LinkedHashMap<>();
                            details.put("rollout", Long.toString(rolloutId));
                            details.put("state", state);
                            details.put("code", shown(p.path("code").asText()));
                            details.put("version", shown(p.path("toVersion").asText()));
                            details.put("fromVersion", shown(p.path("fromVersion").asText()));
                            KioskAddress k = KioskAddress.of(w.site(), w.kioskId());
                            audit.append(c, AuditEntry.of(AuditEntry.kiosk(k), "SOFTWARE_UPDATE_REPORTED",
                                    SoftwareRollouts.subject(rolloutId), details));
                        }
                    }
                }
            }
        }
    }

    /**
     * A kiosk that refused the signed command itself (its reply to {@code update-software}) never starts the update:
     * an expired command is sent again, any other refusal ends the target as {@code REFUSED} with the kiosk's code.
     */
    private static void commandReplies(Connection c, long rolloutId, AuditLog audit) throws SQLException {
        List<String[]> refused = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.site, t.kiosk_id, d.code, d.message FROM"
                + " software_rollout_targets t JOIN device_commands d ON d.command_id = t.command_id AND d.site = t.site"
                + " AND d.kiosk_id = t.kiosk_id WHERE t.rollout_id = ? AND t.state = 'SENT'"
                + " AND d.state IN ('REJECTED', 'FAILED')")) {
            ps.setLong(1, rolloutId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refused.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        for (String[] r : refused) {
            boolean expired = "COMMAND_EXPIRED".equals(r[2]);
            try (PreparedStatement ps = c.prepareStatement(expired
                    ? "UPDATE software_rollout_targets SET state = 'PENDING', command_id = NULL, sent_at = NULL,"
                            + " message = ? WHERE rollout_id = ? AND site = ? AND kiosk_id = ?"
                    : "UPDATE software_rollout_targets SET state = 'REFUSED', code = ?, message = ? WHERE rollout_id = ?"
                            + " AND site = ? AND kiosk_id = ?")) {
                int i = 1;
                if (expired) {
                    ps.setString(i++, "the kiosk received the command too late (" + r[3] + "); sent again");
                } else {
                    ps.setString(i++, r[2]);
                    ps.setString(i++, r[3]);
                }
                ps.setLong(i++, rolloutId);
                ps.setString(i++, r[0]);
                ps.setString(i, r[1]);
                ps.executeUpdate();
            }
            if (!expired) {
                audit.append(c, AuditEntry.of(AuditEntry.kiosk(KioskAddress.of(r[0], r[1])), "SOFTWARE_UPDATE_REPORTED",
                        SoftwareRollouts.subject(rolloutId), Map.of("rollout", Long.toString(rolloutId), "state",
                                "REFUSED", "code", shown(r[2]))));
            }
        }
    }

    private static void record(Connection c, long rolloutId, Waiting w, long order, OffsetDateTime at, JsonNode p)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE software_rollout_targets SET state = ?, code = ?,"
                + " message = ?, from_version = ?, reported_at = ?, last_event = ? WHERE rollout_id = ? AND site = ?"
                + " AND kiosk_id = ?")) {
            ps.setString(1, p.path("state").asText());
            ps.setString(2, p.path("code").asText());
            ps.setString(3, p.path("message").asText(""));
            ps.setString(4, p.path("fromVersion").asText());
            ps.setObject(5, at);
            ps.setLong(6, order);
            ps.setLong(7, rolloutId);
            ps.setString(8, w.site());
            ps.setString(9, w.kioskId());
            ps.executeUpdate();
        }
    }

    private static JsonNode payload(String json) {
        try {
            JsonNode p = JSON.readTree(json);
            return p != null && p.isObject() && SoftwareRollout.FINAL.contains(p.path("state").asText())
                    || p != null && "UPDATING".equals(p.path("state").asText()) ? p : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String shown(String text) {
        String line = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
        return line.isEmpty() ? "-" : line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
