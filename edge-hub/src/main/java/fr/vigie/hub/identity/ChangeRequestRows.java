package fr.vigie.hub.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of {@code identity_change_requests}, on a connection the caller's transaction owns. Stateless. */
final class ChangeRequestRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "request_id, record_id, source, nom_naissance, liste_prenom, sexe,"
            + " date_naissance, lieu_naissance, proposed_matricule, proposed_oid, history::text AS history,"
            + " base_updated_at, status, requested_by, requested_at, resolved_by, resolved_at, resolution_note";

    private ChangeRequestRows() {
    }

    /** The open request on {@code record} proposing exactly this identity, else a new one. */
    static ChangeRequest openOrExisting(Connection c, IdentityRecord record, ChangeRequest.Source source,
            StrictTraits proposed, InsMatricule m, InsOid oid, List<RnivRequest.PastIns> history, String by, Instant now,
            LocalDate today) throws SQLException {
        for (ChangeRequest open : select(c, " WHERE record_id = ? AND status = 'OPEN' ORDER BY request_id", today,
                ps -> ps.setLong(1, record.id()))) {
            if (open.source() == source && open.proposed().equals(proposed) && open.matricule().equals(m)
                    && open.oid().equals(oid) && open.baseUpdatedAt().equals(record.updatedAt())) {
                return open;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identity_change_requests (record_id, source,"
                + " nom_naissance, liste_prenom, sexe, date_naissance, lieu_naissance, proposed_matricule, proposed_oid,"
                + " history, base_updated_at, requested_by, requested_at) VALUES (?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?)"
                + " RETURNING request_id")) {
            int i = 0;
            ps.setLong(++i, record.id());
            ps.setString(++i, source.name());
            ps.setString(++i, proposed.nomNaissance());
            ps.setString(++i, proposed.listePrenomText());
            ps.setString(++i, proposed.sexe().traitCode());
            ps.setString(++i, proposed.dateNaissance().toString());
            ps.setString(++i, proposed.lieuNaissance().map(p -> p.code()).orElse(null));
            ps.setString(++i, m.value());
            ps.setString(++i, oid.oid());
            ps.setString(++i, historyJson(history));
            ps.setTimestamp(++i, Timestamp.from(record.updatedAt()));
            ps.setString(++i, by);
            ps.setTimestamp(++i, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ChangeRequest(rs.getLong(1), record.id(), source, proposed, m, oid, history,
                        record.updatedAt(), ChangeRequest.Status.OPEN, by, now, Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
        }
    }

    static Optional<ChangeRequest> find(Connection c, long id, boolean forUpdate, LocalDate today) throws SQLException {
        return select(c, " WHERE request_id = ?" + (forUpdate ? " FOR UPDATE" : ""), today, ps -> ps.setLong(1, id))
                .stream().findFirst();
    }

    /** Requests, newest first; open ones only unless {@code includeClosed}. */
    static List<ChangeRequest> list(Connection c, boolean includeClosed, int limit, LocalDate today)
            throws SQLException {
        return select(c, (includeClosed ? "" : " WHERE status = 'OPEN'") + " ORDER BY request_id DESC LIMIT ?", today,
                ps -> ps.setInt(1, limit));
    }

    static void resolve(Connection c, long id, ChangeRequest.Status status, String by, Instant now, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE identity_change_requests SET status = ?, resolved_by = ?,"
                + " resolved_at = ?, resolution_note = ? WHERE request_id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, note);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<ChangeRequest> select(Connection c, String where, LocalDate today, Binder binder)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM identity_change_requests" + where)) {
            binder.bind(ps);
            List<ChangeRequest> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, today));
                }
            }
            return out;
        }
    }

    private static ChangeRequest read(ResultSet rs, LocalDate today) throws SQLException {
        long id = rs.getLong("request_id");
        try {
            StrictTraits proposed = StrictTraits.check(new TraitsInput(rs.getString("nom_naissance"),
                    rs.getString("liste_prenom"), rs.getString("sexe"), rs.getString("date_naissance"),
                    rs.getString("lieu_naissance"), null, null), today.plusDays(1)).orThrow();
            Timestamp resolvedAt = rs.getTimestamp("resolved_at");
            return new ChangeRequest(id, rs.getLong("record_id"), ChangeRequest.Source.valueOf(rs.getString("source")),
                    proposed, InsMatricule.parse(rs.getString("proposed_matricule")),
                    InsOid.parse(rs.getString("proposed_oid")), history(rs.getString("history")),
                    rs.getTimestamp("base_updated_at").toInstant(),
                    ChangeRequest.Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
                    rs.getTimestamp("requested_at").toInstant(), Optional.ofNullable(rs.getString("resolved_by")),
                    Optional.ofNullable(resolvedAt).map(Timestamp::toInstant),
                    Optional.ofNullable(rs.getString("resolution_note")));
        } catch (IdentityException | JsonProcessingException | RuntimeException e) {
            throw new SQLException("change request " + id + " holds data the registry would not accept: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static String historyJson(List<RnivRequest.PastIns> history) {
        ArrayNode out = JSON.createArrayNode();
        for (RnivRequest.PastIns p : history) {
            out.addObject().put("matricule", p.matricule().value()).put("oid", p.oid().oid())
                    .put("validFrom", p.validFrom() == null ? null : p.validFrom().toString())
                    .put("validTo", p.validTo() == null ? null : p.validTo().toString());
        }
        return out.toString();
    }

    private static List<RnivRequest.PastIns> history(String json) throws JsonProcessingException, IdentityException {
        List<RnivRequest.PastIns> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            out.add(new RnivRequest.PastIns(InsMatricule.parse(n.path("matricule").asText()),
                    InsOid.parse(n.path("oid").asText()), date(n.path("validFrom")), date(n.path("validTo"))));
        }
        return out;
    }

    private static LocalDate date(JsonNode n) {
        return n.isTextual() ? LocalDate.parse(n.asText()) : null;
    }
}
