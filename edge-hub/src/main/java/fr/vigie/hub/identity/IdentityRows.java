package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.hub.identity.rniv.IdentityAttribute;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.hub.identity.rniv.RnivState;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.Sex;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** SQL of the identity tables, on a connection the caller's transaction owns. Stateless. */
final class IdentityRows {
    private static final String COLUMNS = "record_id, nom_naissance, liste_prenom, sexe, date_naissance, lieu_naissance,"
            + " nom_utilise, prenom_utilise, matricule, oid, status, attributes, document, created_by, created_at,"
            + " updated_by, updated_at";

    private static final String DOUBTFUL = "attributes && ARRAY['DOUT', 'FICT']::text[]";

    private IdentityRows() {
    }

    static long insert(Connection c, IdentityRecord r) throws SQLException {
        String sql = "INSERT INTO identity_records (nom_naissance, liste_prenom, sexe, date_naissance, lieu_naissance,"
                + " nom_utilise, prenom_utilise, match_nom_naissance, match_nom_utilise, matricule, oid, status,"
                + " attributes, document, created_by, created_at, updated_by, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING record_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindMutable(c, ps, r);
            ps.setString(++i, r.createdBy());
            ps.setTimestamp(++i, Timestamp.from(r.createdAt()));
            ps.setString(++i, r.updatedBy());
            ps.setTimestamp(++i, Timestamp.from(r.updatedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void update(Connection c, IdentityRecord r) throws SQLException {
        String sql = "UPDATE identity_records SET nom_naissance=?, liste_prenom=?, sexe=?, date_naissance=?,"
                + " lieu_naissance=?, nom_utilise=?, prenom_utilise=?, match_nom_naissance=?, match_nom_utilise=?,"
                + " matricule=?, oid=?, status=?, attributes=?, document=?, updated_by=?, updated_at=? WHERE record_id=?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindMutable(c, ps, r);
            ps.setString(++i, r.updatedBy());
            ps.setTimestamp(++i, Timestamp.from(r.updatedAt()));
            ps.setLong(++i, r.id());
            ps.executeUpdate();
        }
    }

    private static int bindMutable(Connection c, PreparedStatement ps, IdentityRecord r) throws SQLException {
        StrictTraits t = r.traits();
        int i = 0;
        ps.setString(++i, t.nomNaissance());
        ps.setString(++i, t.listePrenomText());
        ps.setString(++i, t.sexe().traitCode());
        ps.setString(++i, t.dateNaissance().toString());
        ps.setString(++i, t.lieuNaissance().map(p -> p.code()).orElse(null));
        ps.setString(++i, t.nomUtilise().orElse(null));
        ps.setString(++i, t.prenomUtilise().orElse(null));
        ps.setString(++i, TraitsMatch.key(t.nomNaissance()));
        ps.setString(++i, t.nomUtilise().map(TraitsMatch::key).orElse(null));
        ps.setString(++i, r.matricule().map(InsMatricule::value).orElse(null));
        ps.setString(++i, r.oid().map(InsOid::oid).orElse(null));
        ps.setString(++i, r.state().status().name());
        ps.setArray(++i, c.createArrayOf("text", r.state().attributes().stream().map(Enum::name).sorted().toArray()));
        ps.setString(++i, r.document().map(Enum::name).orElse(null));
        return i;
    }

    static Optional<IdentityRecord> find(Connection c, long id, boolean forUpdate, LocalDate today) throws SQLException {
        List<IdentityRecord> out = select(c, "SELECT " + COLUMNS + " FROM identity_records WHERE record_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""), today, ps -> ps.setLong(1, id));
        return out.stream().findFirst();
    }

    static List<IdentityRecord> sameMatricule(Connection c, InsMatricule m, long excluded, LocalDate today)
            throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM identity_records WHERE matricule = ? AND record_id <> ?"
                + " AND merged_into IS NULL ORDER BY record_id", today, ps -> {
                    ps.setString(1, m.value());
                    ps.setLong(2, excluded);
                });
    }

    /** Records sharing birth date and sex and a name key with {@code t}: the candidates of {@link TraitsMatch}. */
    static List<IdentityRecord> candidates(Connection c, StrictTraits t, long excluded, LocalDate today)
            throws SQLException {
        String[] names = {TraitsMatch.key(t.nomNaissance()), t.nomUtilise().map(TraitsMatch::key).orElse("")};
        return select(c, "SELECT " + COLUMNS + " FROM identity_records WHERE date_naissance = ? AND sexe = ?"
                + " AND record_id <> ? AND (match_nom_naissance = ANY (?) OR match_nom_utilise = ANY (?))"
                + " AND merged_into IS NULL ORDER BY record_id LIMIT 200", today, ps -> {
                    ps.setString(1, t.dateNaissance().toString());
                    ps.setString(2, t.sexe().traitCode());
                    ps.setLong(3, excluded);
                    ps.setArray(4, c.createArrayOf("text", names));
                    ps.setArray(5, c.createArrayOf("text", names));
                });
    }

    /**
     * Active (not merged) records with the name key {@code nameKey} as birth name or nom utilisé, this birth date and
     * sex, each criterion only when given (not null), by id, at most {@code limit}.
     */
    static List<IdentityRecord> search(Connection c, String nameKey, BirthDate date, Sex sex, int limit, LocalDate today)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM identity_records WHERE merged_into IS NULL");
        List<String> values = new ArrayList<>();
        if (nameKey != null) {
            sql.append(" AND (match_nom_naissance = ? OR match_nom_utilise = ?)");
            values.add(nameKey);
            values.add(nameKey);
        }
        if (date != null) {
            sql.append(" AND date_naissance = ?");
            values.add(date.toString());
        }
        if (sex != null) {
            sql.append(" AND sexe = ?");
            values.add(sex.traitCode());
        }
        sql.append(" ORDER BY record_id LIMIT ?");
        return select(c, sql.toString(), today, ps -> {
            int i = 0;
            for (String v : values) {
                ps.setString(++i, v);
            }
            ps.setInt(++i, limit);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<IdentityRecord> select(Connection c, String sql, LocalDate today, Binder binder)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<IdentityRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, today));
                }
            }
            return out;
        }
    }

    private static IdentityRecord read(ResultSet rs, LocalDate today) throws SQLException {
        long id = rs.getLong("record_id");
        try {
            StrictTraits traits = StrictTraits.check(new TraitsInput(rs.getString("nom_naissance"),
                    rs.getString("liste_prenom"), rs.getString("sexe"), rs.getString("date_naissance"),
                    rs.getString("lieu_naissance"), rs.getString("nom_utilise"), rs.getString("prenom_utilise")),
                    today.plusDays(1)).orThrow();
            String m = rs.getString("matricule");
            String oid = rs.getString("oid");
            EnumSet<IdentityAttribute> attrs = EnumSet.noneOf(IdentityAttribute.class);
            for (String a : (String[]) rs.getArray("attributes").getArray()) {
                attrs.add(IdentityAttribute.valueOf(a));
            }
            String doc = rs.getString("document");
            return new IdentityRecord(id, traits, m == null ? Optional.empty() : Optional.of(InsMatricule.parse(m)),
                    oid == null ? Optional.empty() : Optional.of(InsOid.parse(oid)),
                    RnivState.of(RnivStatus.valueOf(rs.getString("status")), attrs),
                    Optional.ofNullable(doc).map(HighTrustDocument::valueOf), rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant());
        } catch (IdentityException | RnivException e) {
            throw new SQLException("identity record " + id + " holds data the registry would not accept: " + e, e);
        }
    }

    /** The record {@code id} was merged into, if the identity-vigilance cell merged it. */
    static java.util.OptionalLong mergedInto(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT merged_into FROM identity_records WHERE record_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                Long into = rs.next() ? rs.getObject(1, Long.class) : null;
                return into == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(into);
            }
        }
    }

    /** Marks {@code absorbed} merged into {@code survivor} ({@code V70__gam_feed.sql}). */
    static void markMerged(Connection c, long absorbed, long survivor, String by, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE identity_records SET merged_into = ?, merged_by = ?,"
                + " merged_at = ?, updated_by = ?, updated_at = ? WHERE record_id = ? AND merged_into IS NULL")) {
            ps.setLong(1, survivor);
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, by);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setLong(6, absorbed);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("identity record " + absorbed + " could not be marked merged");
            }
        }
    }

    /** Records one fact of a record's INS history, once: the same row again is ignored. */
    static void history(Connection c, long id, InsMatricule m, InsOid oid, LocalDate from, LocalDate to, String source,
            String operator, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identity_ins_history (record_id, matricule, oid,"
                + " valid_from, valid_to, source, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?)"
                + " ON CONFLICT DO NOTHING")) {
            ps.setLong(1, id);
            ps.setString(2, m.value());
            ps.setString(3, oid.oid());
            ps.setObject(4, from, Types.DATE);
            ps.setObject(5, to, Types.DATE);
            ps.setString(6, source);
            ps.setString(7, operator);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** A record's INS history, oldest first. */
    static List<InsHistoryEntry> insHistory(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT matricule, oid, valid_from, valid_to, source, recorded_by,"
                + " recorded_at FROM identity_ins_history WHERE record_id = ? ORDER BY history_id")) {
            ps.setLong(1, id);
            List<InsHistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(new InsHistoryEntry(InsMatricule.parse(rs.getString(1)), InsOid.parse(rs.getString(2)),
                                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
                                rs.getString(6), rs.getTimestamp(7).toInstant()));
                    } catch (IdentityException e) {
                        throw new SQLException("INS history of record " + id + " holds an invalid INS: " + e.error(), e);
                    }
                }
            }
            return out;
        }
    }

    static void documentChecked(Connection c, long id, HighTrustDocument document, String by, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identity_document_checks (record_id, document,"
                + " checked_by, checked_at) VALUES (?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setString(2, document.name());
            ps.setString(3, by);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** A record's document checks, oldest first. */
    static List<DocumentCheck> documentChecks(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT document, checked_by, checked_at FROM"
                + " identity_document_checks WHERE record_id = ? ORDER BY check_id")) {
            ps.setLong(1, id);
            List<DocumentCheck> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DocumentCheck(HighTrustDocument.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getTimestamp(3).toInstant()));
                }
            }
            return out;
        }
    }

    /** DOUT or FICT records holding {@code m} now or once (INS history). */
    static List<IdentityRecord> doubtfulHolding(Connection c, InsMatricule m, LocalDate today) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM identity_records WHERE " + DOUBTFUL + " AND (matricule = ?"
                + " OR record_id IN (SELECT record_id FROM identity_ins_history WHERE matricule = ?))"
                + " ORDER BY record_id LIMIT 20", today, ps -> {
                    ps.setString(1, m.value());
                    ps.setString(2, m.value());
                });
    }

    /** DOUT or FICT records with this birth date and sex whose birth name or nom utilisé has the key {@code name}. */
    static List<IdentityRecord> doubtfulNamed(Connection c, String name, BirthDate date, Sex sex, LocalDate today)
            throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM identity_records WHERE " + DOUBTFUL + " AND date_naissance = ?"
                + " AND sexe = ? AND (match_nom_naissance = ? OR match_nom_utilise = ?) ORDER BY record_id LIMIT 20",
                today, ps -> {
                    ps.setString(1, date.toString());
                    ps.setString(2, sex.traitCode());
                    ps.setString(3, name);
                    ps.setString(4, name);
                });
    }
}
