package fr.vigie.hub.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.DataSeal;
import fr.vigie.hub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The OpenID Provider's signing keys ({@code sso_signing_keys}): RSA 2048 keys used with RS256, the private
 * half sealed in PostgreSQL under the hubs' data key ({@link DataSeal}) so that every hub sharing the database
 * signs with the same key. The newest unretired key signs; {@link #rotate} makes a new one current and keeps the
 * previous one published in the JWKS until every token it signed has expired ({@link #RETIRED_PUBLISHED}).
 * Rotations are audited ({@code SSO_KEY_ROTATED}). Thread-safe.
 */
public final class SigningKeys {
    /** RS256: the algorithm every OpenID Connect relying party supports. */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
    /** How long a retired key stays in the JWKS: longer than any token it signed lives. */
    public static final Duration RETIRED_PUBLISHED = Duration.ofMinutes(30);
    /** A key older than this is rotated when the hub starts. */
    public static final Duration MAX_AGE = Duration.ofDays(90);
    static final String ROTATED = "SSO_KEY_ROTATED";

    private final DataSource dataSource;
    private final DataSeal seal;
    private final AuditLog audit;
    private final Clock clock;

    SigningKeys(DataSource dataSource, DataSeal seal, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.seal = seal;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes sure there is a current key no older than {@link #MAX_AGE}. */
    void ensureCurrent() throws SQLException {
        Transactions.run(dataSource, c -> {
            lock(c);
            Instant newest = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT max(created_at) FROM sso_signing_keys"
                    + " WHERE retired_at IS NULL"); ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getTimestamp(1) != null) {
                    newest = rs.getTimestamp(1).toInstant();
                }
            }
            if (newest == null || newest.plus(MAX_AGE).isBefore(clock.instant())) {
                rotate(c, AuditEntry.HUB);
            }
            return null;
        });
    }

    /**
     * A new current key; the previous one stays published for {@link #RETIRED_PUBLISHED}.
     *
     * @return the new key's id
     */
    public String rotate(String actor) throws SQLException {
        return Transactions.run(dataSource, c -> {
            lock(c);
            return rotate(c, actor);
        });
    }

    private String rotate(Connection c, String actor) throws SQLException {
        Instant now = clock.instant();
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("the JDK cannot generate an RSA key", e);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sso_signing_keys SET retired_at = ?, publish_until = ?"
                + " WHERE retired_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now.plus(RETIRED_PUBLISHED)));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sso_signing_keys (kid, sealed_jwk, created_at)"
                + " VALUES (?, ?, ?)")) {
            ps.setString(1, key.getKeyID());
            ps.setBytes(2, seal.seal(key.toJSONString(), where(key.getKeyID())));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sso_signing_keys WHERE publish_until < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.executeUpdate();
        }
        audit.append(c, AuditEntry.of(actor, ROTATED, "sso-key:" + key.getKeyID(), Map.of("algorithm",
                ALGORITHM.getName())));
        return key.getKeyID();
    }

    /** The key that signs now (private). */
    RSAKey current() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT kid,"
                + " sealed_jwk FROM sso_signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the OpenID Provider has no signing key");
            }
            return open(rs.getString(1), rs.getBytes(2));
        }
    }

    /** The public keys applications verify with: the current key and retired keys still published. */
    public JWKSet published() throws SQLException {
        List<JWK> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT kid,"
                + " sealed_jwk FROM sso_signing_keys WHERE retired_at IS NULL OR publish_until > ?"
                + " ORDER BY created_at DESC")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(open(rs.getString(1), rs.getBytes(2)).toPublicJWK());
                }
            }
        }
        return new JWKSet(keys);
    }

    private RSAKey open(String kid, byte[] sealed) throws SQLException {
        try {
            return RSAKey.parse(seal.open(sealed, where(kid)));
        } catch (ParseException | IllegalArgumentException e) {
            throw new SQLException("signing key " + kid + " cannot be opened with this hub's data key", e);
        }
    }

    private static String where(String kid) {
        return "sso_signing_keys.sealed_jwk/" + kid;
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('sso-signing-keys'))")) {
            ps.execute();
        }
    }
}
