package fr.vigie.hub.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.util.PasswordUtil;

/**
 * The hub's own database role on the embedded PostgreSQL: {@value #NAME}, a login without any
 * superuser, role-creating, database-creating or replication right, owner of the {@value #DATABASE}
 * database, of its {@code public} schema and of every object in it. The hub, and Flyway, connect as
 * this role; the {@code postgres} superuser serves only to set it up here.
 *
 * <p>{@link #ensure} also upgrades a database of an earlier hub, whose objects the superuser owns:
 * ownership of the schema, tables, sequences, views, functions and types moves to the role, and
 * {@code PUBLIC} loses its default rights on the database and the schema. Passwords travel as
 * SCRAM verifiers, never in clear. Stateless.
 */
final class HubRole {
    /** The role the hub connects as. */
    static final String NAME = "vigie_hub";
    /** The hub's database. */
    static final String DATABASE = "vigie";

    private HubRole() {
    }

    /**
     * Creates (or updates) the role with {@code password}, and its database, on the cluster that
     * {@code postgresDb} reaches as the superuser (database {@code postgres}); then hands everything
     * in the hub's database, reached through {@code hubDbAsSuperuser}, over to the role.
     */
    static void ensure(DataSource postgresDb, DataSource hubDbAsSuperuser, char[] password) throws SQLException {
        String verifier = scramVerifier(password);
        try (Connection c = postgresDb.getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", NAME)) {
                s.execute("CREATE ROLE " + NAME + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            }
            s.execute("ALTER ROLE " + NAME + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
                    + " PASSWORD '" + verifier + "'");
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + NAME + " ENCODING 'UTF8' TEMPLATE template0");
            } else {
                s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + NAME);
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
        }
        try (Connection c = hubDbAsSuperuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + NAME);
            s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            s.execute(TRANSFER_OWNERSHIP);
        }
    }

    /** Every object of schema {@code public} not owned by the role yet is given to it. */
    private static final String TRANSFER_OWNERSHIP = """
            DO $$
            DECLARE
                o record;
            BEGIN
                FOR o IN SELECT c.relname AS name, c.relkind AS kind FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                        AND pg_get_userbyid(c.relowner) <> '%1$s'
                        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                                AND d.deptype IN ('a', 'i')))
                LOOP
                    EXECUTE format('ALTER %%s %%I OWNER TO %1$s', CASE o.kind WHEN 'v' THEN 'VIEW'
                            WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE'
                            ELSE 'TABLE' END, o.name);
                END LOOP;
                FOR o IN SELECT p.oid::regprocedure AS name, p.prokind AS kind FROM pg_proc p
                        JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s'
                LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %1$s', CASE o.kind WHEN 'p' THEN 'PROCEDURE'
                            WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, o.name);
                END LOOP;
                FOR o IN SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                        WHERE n.nspname = 'public' AND t.typtype IN ('d', 'e', 'r', 'm')
                        AND pg_get_userbyid(t.typowner) <> '%1$s'
                LOOP
                    EXECUTE format('ALTER TYPE %%I OWNER TO %1$s', o.name);
                END LOOP;
            END
            $$""".formatted(NAME);

    /** The SCRAM-SHA-256 verifier PostgreSQL stores for {@code password}; the array is left as it was. */
    static String scramVerifier(char[] password) {
        return PasswordUtil.encodeScramSha256(password.clone()); // pgjdbc wipes the array it is given
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
