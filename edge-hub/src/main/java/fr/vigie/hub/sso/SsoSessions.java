package fr.vigie.hub.sso;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import fr.vigie.hub.psc.SubjectRefPro;
import fr.vigie.protocol.KioskAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the OpenID Provider keeps in PostgreSQL (so that any hub sharing the database answers): SSO sessions
 * ({@code sso_sessions}, at most one live per kiosk), the kiosks' one-time tickets, the browsers' session
 * cookies, authorization codes (single use: a second use revokes every token the first gave) and the tokens
 * issued. Secrets are kept as their SHA-256 only. Opening and ending sessions, tokens issued and replayed
 * codes are audited. Thread-safe.
 */
final class SsoSessions {
    static final String OPENED = "SSO_SESSION_OPENED";
    static final String ENDED = "SSO_SESSION_ENDED";
    static final String TOKENS_ISSUED = "SSO_TOKENS_ISSUED";
    static final String CODE_REPLAYED = "SSO_CODE_REPLAYED";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<List<SubjectRefPro.Exercice>> EXERCICES =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };
    private static final String COLUMNS = "sid, site, kiosk_id, kiosk_session_id, subject, family_name, given_name,"
            + " level, authenticated_at, expires_at, ended_at, exercices";

    /** An authorization code as issued. */
    record Code(String codeHash, SsoSession session, String clientId, String redirectUri, String codeChallenge,
            String scope, Optional<String> nonce) {
    }

    /** What presenting a code gave. */
    sealed interface Redeemed permits Redeemed.Valid, Redeemed.Refused {
        /** A code used for the first time, before it expired, of a live session. */
        record Valid(Code code) implements Redeemed {
        }

        /** Unknown, expired, replayed (tokens revoked) or of an ended session. */
        record Refused(String reason) implements Redeemed {
        }
    }

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;

    SsoSessions(DataSource dataSource, AuditLog audit, Clock clock, SecureRandom random) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Opens a session for {@code kiosk}'s session; a live session of the same kiosk ends first
     * ({@code REPLACED}, fast user switching).
     *
     * @return the new session and the sid of the one it replaced, if any
     */
    Opened open(KioskAddress kiosk, String kioskSessionId, String subject, String familyName, String givenName,
            SsoLevel level, Optional<String> certificateSerial, Instant expiresAt,
            List<SubjectRefPro.Exercice> exercices) throws SQLException {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, "sso-session:" + kiosk);
                ps.execute();
            }
            List<String> replaced = endLive(c, kiosk, Optional.empty(), "REPLACED", AuditEntry.kiosk(kiosk));
            Instant now = clock.instant();
            SsoSession s = new SsoSession(Secrets.random(random), kiosk, kioskSessionId, subject, familyName,
                    givenName, level, now, expiresAt, Optional.empty(), exercices);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sso_sessions (sid, site, kiosk_id,"
                    + " kiosk_session_id, subject, family_name, given_name, level, certificate_serial,"
                    + " authenticated_at, expires_at, exercices) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                ps.setString(1, s.sid());
                ps.setString(2, kiosk.site());
                ps.setString(3, kiosk.kioskId());
                ps.setString(4, kioskSessionId);
                ps.setString(5, subject);
                ps.setString(6, familyName);
                ps.setString(7, givenName);
                ps.setString(8, level.name());
                ps.setString(9, certificateSerial.orElse(null));
                ps.setTimestamp(10, Timestamp.from(now));
                ps.setTimestamp(11, Timestamp.from(expiresAt));
                ps.setString(12, exercices.isEmpty() ? null : json(exercices));
                ps.executeUpdate();
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("kiosk", kiosk.toString());
            details.put("kioskSessionId", kioskSessionId);
            details.put("sid", s.sid());
            details.put("acr", level.acr());
            certificateSerial.ifPresent(v -> details.put("certificateSerial", v));
            details.put("expiresAt", expiresAt.toString());
            audit.append(c, AuditEntry.of(AuditEntry.kiosk(kiosk), OPENED, "agent:" + subject, details));
            return new Opened(s, replaced);
        });
    }

    /** A session just opened, and the sessions of the same kiosk it ended. */
    record Opened(SsoSession session, List<String> replacedSids) {
    }

    /** The live session of {@code kiosk}'s session {@code kioskSessionId}. */
    Optional<SsoSession> live(KioskAddress kiosk, String kioskSessionId) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM sso_sessions WHERE site = ? AND kiosk_id = ? AND kiosk_session_id = ?"
                + " AND ended_at IS NULL ORDER BY authenticated_at DESC LIMIT 1", kiosk.site(), kiosk.kioskId(),
                kioskSessionId).filter(s -> s.liveAt(clock.instant()));
    }

    /** The session {@code sid}, live or not. */
    Optional<SsoSession> bySid(String sid) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM sso_sessions WHERE sid = ?", sid);
    }

    /** When {@code subject} last signed in with card and PIN (any kiosk of the site). */
    Optional<Instant> lastCardPin(String subject) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT"
                + " max(authenticated_at) FROM sso_sessions WHERE subject = ? AND level = ?")) {
            ps.setString(1, subject);
            ps.setString(2, SsoLevel.CARD_PIN.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? Optional.of(rs.getTimestamp(1).toInstant())
                        : Optional.empty();
            }
        }
    }

    /** A one-time ticket for session {@code sid}, valid {@code ttl}. */
    String ticket(String sid, Duration ttl) throws SQLException {
        String ticket = Secrets.random(random);
        update("INSERT INTO sso_tickets (ticket_sha256, sid, expires_at) VALUES (?, ?, ?)", Secrets.sha256(ticket), sid,
                Timestamp.from(clock.instant().plus(ttl)));
        return ticket;
    }

    /** The live session of a ticket presented for the first time before it expired; the ticket is used up. */
    Optional<SsoSession> redeemTicket(String ticket) throws SQLException {
        Optional<String> sid = Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_tickets SET used_at = ? WHERE ticket_sha256 = ?"
                    + " AND used_at IS NULL AND expires_at > ? RETURNING sid")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setString(2, Secrets.sha256(ticket));
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return sid.isEmpty() ? Optional.empty() : bySid(sid.get()).filter(s -> s.liveAt(clock.instant()));
    }

    /** A new browser cookie value for session {@code sid}. */
    String browserCookie(String sid) throws SQLException {
        String cookie = Secrets.random(random);
        update("INSERT INTO sso_browser_sessions (cookie_sha256, sid, created_at) VALUES (?, ?, ?)",
                Secrets.sha256(cookie), sid, Timestamp.from(clock.instant()));
        return cookie;
    }

    /** The session a browser cookie names, live or not. */
    Optional<SsoSession> byCookie(String cookie) throws SQLException {
        return one("SELECT s." + COLUMNS.replace(", ", ", s.") + " FROM sso_sessions s JOIN sso_browser_sessions b"
                + " ON b.sid = s.sid WHERE b.cookie_sha256 = ?", Secrets.sha256(cookie));
    }

    /** A one-time authorization code for {@code session}, valid {@code ttl}. */
    String code(SsoSession session, String clientId, String redirectUri, String codeChallenge, String scope,
            Optional<String> nonce, Duration ttl) throws SQLException {
        String code = Secrets.random(random);
        update("INSERT INTO sso_codes (code_sha256, sid, client_id, redirect_uri, code_challenge, scope, nonce,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Secrets.sha256(code), session.sid(), clientId,
                redirectUri, codeChallenge, scope, nonce.orElse(null), Timestamp.from(clock.instant().plus(ttl)));
        return code;
    }

    /**
     * Presents {@code code}: valid once; a second presentation revokes every token the first gave (audited
     * {@value #CODE_REPLAYED}).
     */
    Redeemed redeemCode(String code, String presentedBy) throws SQLException {
        String hash = Secrets.sha256(code);
        Instant now = clock.instant();
        Presented row = Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sid, client_id, redirect_uri, code_challenge, scope,"
                    + " nonce, expires_at, used_at FROM sso_codes WHERE code_sha256 = ? FOR UPDATE")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Presented.refused("unknown");
                    }
                    if (rs.getTimestamp(8) != null) {
                        try (PreparedStatement revoke = c.prepareStatement("UPDATE sso_tokens SET revoked_at = ?"
                                + " WHERE code_sha256 = ? AND revoked_at IS NULL")) {
                            revoke.setTimestamp(1, Timestamp.from(now));
                            revoke.setString(2, hash);
                            int revoked = revoke.executeUpdate();
                            audit.append(c, AuditEntry.of(AuditEntry.HUB, CODE_REPLAYED, SsoClients.subject(
                                    rs.getString(2)), Map.of("sid", rs.getString(1), "presentedBy", presentedBy,
                                    "tokensRevoked", Integer.toString(revoked))));
                        }
                        return Presented.refused("replayed");
                    }
                    try (PreparedStatement use = c.prepareStatement("UPDATE sso_codes SET used_at = ?"
                            + " WHERE code_sha256 = ?")) {
                        use.setTimestamp(1, Timestamp.from(now));
                        use.setString(2, hash);
                        use.executeUpdate();
                    }
                    if (!rs.getTimestamp(7).toInstant().isAfter(now)) {
                        return Presented.refused("expired");
                    }
                    return new Presented(null, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6));
                }
            }
        });
        if (row.refusal() != null) {
            return new Redeemed.Refused(row.refusal());
        }
        Optional<SsoSession> session = bySid(row.sid()).filter(s -> s.liveAt(now));
        if (session.isEmpty()) {
            return new Redeemed.Refused("of an ended session");
        }
        return new Redeemed.Valid(new Code(hash, session.get(), row.clientId(), row.redirectUri(), row.codeChallenge(),
                row.scope(), Optional.ofNullable(row.nonce())));
    }

    /** A code's row as presented: refused (why), or what it was issued for. */
    private record Presented(String refusal, String sid, String clientId, String redirectUri, String codeChallenge,
            String scope, String nonce) {
        static Presented refused(String why) {
            return new Presented(why, null, null, null, null, null, null);
        }
    }

    /** Records the tokens {@code jti} issued from {@code code}, audited {@value #TOKENS_ISSUED}. */
    void tokensIssued(Code code, String jti, Instant expiresAt) throws SQLException {
        Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sso_tokens (jti, sid, client_id, code_sha256,"
                    + " expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, jti);
                ps.setString(2, code.session().sid());
                ps.setString(3, code.clientId());
                ps.setString(4, code.codeHash());
                ps.setTimestamp(5, Timestamp.from(expiresAt));
                ps.executeUpdate();
            }
            audit.append(c, AuditEntry.of(AuditEntry.kiosk(code.session().kiosk()), TOKENS_ISSUED, "agent:"
                    + code.session().subject(), Map.of("client", code.clientId(), "sid", code.session().sid(),
                    "acr", code.session().level().acr())));
            return null;
        });
    }

    /** Whether access token {@code jti} is unrevoked, unexpired, and its session live. */
    Optional<SsoSession> tokenSession(String jti) throws SQLException {
        Optional<String> sid;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT sid FROM"
                + " sso_tokens WHERE jti = ? AND revoked_at IS NULL AND expires_at > ?")) {
            ps.setString(1, jti);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                sid = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
        return sid.isEmpty() ? Optional.empty() : bySid(sid.get()).filter(s -> s.liveAt(clock.instant()));
    }

    /**
     * Ends the live session of {@code kiosk}'s session {@code kioskSessionId}, and revokes its tokens.
     *
     * @return the ended session's sid, if one was live
     */
    Optional<String> end(KioskAddress kiosk, String kioskSessionId, String reason, String actor) throws SQLException {
        List<String> ended = Transactions.run(dataSource, c -> endLive(c, kiosk, Optional.of(kioskSessionId), reason,
                actor));
        return ended.isEmpty() ? Optional.empty() : Optional.of(ended.get(0));
    }

    /**
     * Ends the sessions past their expiry ({@code EXPIRED}, by the hub), revokes their tokens, and forgets the
     * tickets and codes that expired more than a day ago.
     *
     * @return the sids of the sessions it ended
     */
    List<String> endExpired() throws SQLException {
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            List<String> ended = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_sessions SET ended_at = ?, end_reason = 'EXPIRED'"
                    + " WHERE ended_at IS NULL AND expires_at <= ? RETURNING sid, subject, site, kiosk_id,"
                    + " kiosk_session_id")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ended.add(rs.getString(1));
                        audit.append(c, AuditEntry.of(AuditEntry.HUB, ENDED, "agent:" + rs.getString(2), Map.of(
                                "kiosk", KioskAddress.of(rs.getString(3), rs.getString(4)).toString(), "kioskSessionId",
                                rs.getString(5), "sid", rs.getString(1), "reason", "EXPIRED")));
                    }
                }
            }
            for (String sid : ended) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sso_tokens SET revoked_at = ? WHERE sid = ?"
                        + " AND revoked_at IS NULL")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setString(2, sid);
                    ps.executeUpdate();
                }
            }
            for (String table : List.of("sso_tickets", "sso_codes")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
                    ps.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(1))));
                    ps.executeUpdate();
                }
            }
            return ended;
        });
    }

    /** Ends session {@code sid} if live (RP-initiated logout). */
    boolean endSid(String sid, String reason, String actor) throws SQLException {
        Optional<SsoSession> s = bySid(sid);
        if (s.isEmpty() || s.get().endedAt().isPresent()) {
            return false;
        }
        return end(s.get().kiosk(), s.get().kioskSessionId(), reason, actor).isPresent();
    }

    /** The clients that received tokens in session {@code sid}. */
    List<String> clientsOf(String sid) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT DISTINCT"
                + " client_id FROM sso_tokens WHERE sid = ? ORDER BY client_id")) {
            ps.setString(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Records where the logout notice to {@code clientId} of session {@code sid} stands. */
    void logoutState(String sid, String clientId, String channel, String state, int attempts, String error)
            throws SQLException {
        update("INSERT INTO sso_logouts (sid, client_id, channel, state, attempts, last_error, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sid, client_id) DO UPDATE SET channel = EXCLUDED.channel,"
                + " state = EXCLUDED.state, attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,"
                + " updated_at = EXCLUDED.updated_at", sid, clientId, channel, state, attempts, error,
                Timestamp.from(clock.instant()));
    }

    private List<String> endLive(Connection c, KioskAddress kiosk, Optional<String> kioskSessionId, String reason,
            String actor) throws SQLException {
        List<String> ended = new ArrayList<>();
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("UPDATE sso_sessions SET ended_at = ?, end_reason = ?"
                + " WHERE site = ? AND kiosk_id = ? AND ended_at IS NULL"
                + (kioskSessionId.isPresent() ? " AND kiosk_session_id = ?" : "") + " RETURNING sid, subject,"
                + " kiosk_session_id")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, reason);
            ps.setString(3, kiosk.site());
            ps.setString(4, kiosk.kioskId());
            if (kioskSessionId.isPresent()) {
                ps.setString(5, kioskSessionId.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ended.add(rs.getString(1));
                    audit.append(c, AuditEntry.of(actor, ENDED, "agent:" + rs.getString(2), Map.of("kiosk",
                            kiosk.toString(), "kioskSessionId", rs.getString(3), "sid", rs.getString(1), "reason",
                            reason)));
                }
            }
        }
        for (String sid : ended) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_tokens SET revoked_at = ? WHERE sid = ?"
                    + " AND revoked_at IS NULL")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, sid);
                ps.executeUpdate();
            }
        }
        return ended;
    }

    private Optional<SsoSession> one(String sql, String... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp ended = rs.getTimestamp(11);
                return Optional.of(new SsoSession(rs.getString(1), KioskAddress.of(rs.getString(2), rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        SsoLevel.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10).toInstant(), Optional.ofNullable(ended).map(Timestamp::toInstant),
                        exercices(rs.getString(12))));
            }
        }
    }

    private static String json(List<SubjectRefPro.Exercice> exercices) throws SQLException {
        try {
            return JSON.writeValueAsString(exercices);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("exercices cannot be written as JSON", e);
        }
    }

    private static List<SubjectRefPro.Exercice> exercices(String json) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, EXERCICES);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored exercices are not readable", e);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }
}
