package fr.vigie.hub.directory;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import fr.vigie.protocol.identity.IdNatPs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * IT's links from professionals' national identities to directory accounts ({@code sso_account_links}), and the
 * professionals seen without a local account. Links and unlinks are audited ({@code SSO_ACCOUNT_LINKED},
 * {@code SSO_ACCOUNT_UNLINKED}, category {@code sso}); a sign-in refused for want of an account is audited
 * ({@code SSO_NO_LOCAL_ACCOUNT}) and listed. Thread-safe.
 */
public final class AccountLinks {
    static final String LINKED = "SSO_ACCOUNT_LINKED";
    static final String UNLINKED = "SSO_ACCOUNT_UNLINKED";
    static final String NO_ACCOUNT = "SSO_NO_LOCAL_ACCOUNT";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * A professional and their link.
     *
     * @param professional the idNat_PS
     * @param familyName the family name as last seen on the card or from PSC
     * @param givenName the given name, likewise
     * @param login the linked account's login, empty when not linked
     * @param lastSeen the last sign-in refused for want of a local account, if any
     */
    public record Link(String professional, String familyName, String givenName, Optional<String> login,
            Optional<Instant> lastSeen, Optional<String> linkedBy) {
    }

    public AccountLinks(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** The login IT linked to {@code professional}, if any. */
    public Optional<String> login(IdNatPs professional) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT login FROM sso_account_links WHERE id_nat_ps = ?"
                        + " AND login IS NOT NULL")) {
            ps.setString(1, professional.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records (and audits) a sign-in refused because {@code professional} has no local account. */
    public void seenWithoutAccount(IdNatPs professional, String familyName, String givenName, String clientId)
            throws SQLException {
        Instant now = clock.instant();
        Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sso_account_links (id_nat_ps, family_name,"
                    + " given_name, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id_nat_ps) DO UPDATE"
                    + " SET family_name = EXCLUDED.family_name, given_name = EXCLUDED.given_name,"
                    + " first_seen = COALESCE(sso_account_links.first_seen, EXCLUDED.first_seen),"
                    + " last_seen = EXCLUDED.last_seen")) {
                ps.setString(1, professional.value());
                ps.setString(2, familyName);
                ps.setString(3, givenName);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
            audit.append(c, AuditEntry.of(AuditEntry.HUB, NO_ACCOUNT, "agent:" + professional.value(),
                    Map.of("client", clientId)));
            return null;
        });
    }

    /** Links {@code professional} to {@code login} (replacing a former link), audited as {@code actor}. */
    public void link(IdNatPs professional, String familyName, String givenName, String login, String actor)
            throws SQLException {
        Instant now = clock.instant();
        Transactions.run(dataSource, c -> {
            Optional<String> before = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT login FROM sso_account_links WHERE id_nat_ps = ?"
                    + " FOR UPDATE")) {
                ps.setString(1, professional.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        before = Optional.ofNullable(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sso_account_links (id_nat_ps, family_name,"
                    + " given_name, login, linked_at, linked_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id_nat_ps)"
                    + " DO UPDATE SET login = EXCLUDED.login, linked_at = EXCLUDED.linked_at,"
                    + " linked_by = EXCLUDED.linked_by,"
                    + " family_name = CASE WHEN EXCLUDED.family_name = '' THEN sso_account_links.family_name"
                    + " ELSE EXCLUDED.family_name END,"
                    + " given_name = CASE WHEN EXCLUDED.given_name = '' THEN sso_account_links.given_name"
                    + " ELSE EXCLUDED.given_name END")) {
                ps.setString(1, professional.value());
                ps.setString(2, familyName);
                ps.setString(3, givenName);
                ps.setString(4, login);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setString(6, actor);
                ps.executeUpdate();
            }
            Map<String, String> details = new java.util.LinkedHashMap<>();
            details.put("login", login);
            before.filter(b -> !b.equals(login)).ifPresent(b -> details.put("previousLogin", b));
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), LINKED, "agent:" + professional.value(), details));
            return null;
        });
    }

    /** Removes {@code professional}'s link; false when there was none. */
    public boolean unlink(IdNatPs professional, String actor) throws SQLException {
        return Transactions.run(dataSource, c -> {
            String login;
            try (PreparedStatement ps = c.prepareStatement("SELECT login FROM sso_account_links WHERE id_nat_ps = ?"
                    + " AND login IS NOT NULL FOR UPDATE")) {
                ps.setString(1, professional.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    login = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_account_links SET login = NULL,"
                    + " linked_at = NULL, linked_by = NULL WHERE id_nat_ps = ?")) {
                ps.setString(1, professional.value());
                ps.executeUpdate();
            }
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), UNLINKED, "agent:" + professional.value(),
                    Map.of("login", login)));
            return true;
        });
    }

    /** Every professional known here: unlinked ones seen at kiosks first (latest first), then the linked ones. */
    public List<Link> list() throws SQLException {
        List<Link> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id_nat_ps, family_name, given_name, login,"
                        + " last_seen, linked_by FROM sso_account_links ORDER BY login IS NOT NULL,"
                        + " last_seen DESC NULLS LAST, family_name, id_nat_ps LIMIT 1000");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp seen = rs.getTimestamp(5);
                out.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                        Optional.ofNullable(seen).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(6))));
            }
        }
        return out;
    }
}
