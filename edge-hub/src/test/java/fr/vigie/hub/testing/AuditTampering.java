package fr.vigie.hub.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What a database superuser can do to the audit log with SQL alone: switch the append-only trigger
 * off, change or delete rows, and then rebuild the whole hash chain so that it is consistent again
 * (every hash recomputed from the canonical form documented on {@code AuditChain}, in PL/pgSQL with
 * PostgreSQL's own {@code sha256}), the chain head row included.
 */
public final class AuditTampering {
    /** Recomputes every entry's prev_hash and hash in position order, then the chain head. */
    private static final String REBUILD = """
            DO $$
            DECLARE
                r record;
                prev text := repeat('0', 64);
                canonical text;
                h text;
            BEGIN
                FOR r IN SELECT * FROM audit_log ORDER BY seq LOOP
                    canonical := '["vigie-audit-1",' || r.seq || ','
                        || to_json(to_char(r.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
                        || ',' || to_json(r.actor)::text || ',' || to_json(r.action)::text
                        || ',' || to_json(r.subject)::text || ',{'
                        || COALESCE((SELECT string_agg(to_json(key)::text || ':' || to_json(value)::text, ','
                                ORDER BY key COLLATE "C") FROM jsonb_each_text(r.details)), '')
                        || '},' || to_json(prev)::text || ']';
                    h := encode(sha256(convert_to(canonical, 'UTF8')), 'hex');
                    UPDATE audit_log SET prev_hash = prev, hash = h WHERE seq = r.seq;
                    prev := h;
                END LOOP;
                UPDATE audit_chain_head SET seq = (SELECT COALESCE(max(seq), 0) FROM audit_log), hash = prev;
            END $$
            """;

    private AuditTampering() {
    }

    /** Runs {@code statements} with the append-only trigger off. */
    public static void sql(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            try {
                for (String q : statements) {
                    s.execute(q);
                }
            } finally {
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
            }
        }
    }

    /** Runs {@code edits}, then rebuilds the whole chain consistently, as a superuser covering their tracks would. */
    public static void editAndRebuild(DataSource db, String... edits) throws SQLException {
        String[] all = new String[edits.length + 1];
        System.arraycopy(edits, 0, all, 0, edits.length);
        all[edits.length] = REBUILD;
        sql(db, all);
    }
}
