package fr.vigie.hub.psc.kiosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.hub.db.DataSeal;
import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaRequest;
import fr.vigie.hub.psc.IdTokenClaims;
import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.PscTokens;
import fr.vigie.hub.psc.SubjectRefPro;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The kiosks' CIBA sign-ins in PostgreSQL (table {@code psc_ciba_requests}, {@code V80__psc_ciba_requests.sql}),
 * shared by every hub of the site: where each request stands, and who polls PSC for it under a lease that
 * another hub takes over when it runs out. PSC's {@code auth_req_id} and the tokens are sealed with the
 * hubs' {@link DataSeal} before they reach the database, and opened only here. Thread-safe.
 */
final class CibaRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<SubjectRefPro.Exercice>> EXERCICES = new TypeReference<>() {
    };
    private static final String COLUMNS = "request_id, site, kiosk_id, kiosk_session_id, expected, channel,"
            + " binding_message, poll_interval_ms, expires_at, state, code, message, professional, exercices, chosen,"
            + " bound_until, forget_at";

    private final DataSource dataSource;
    private final DataSeal seal;

    CibaRequests(DataSource dataSource, DataSeal seal) {
        this.dataSource = dataSource;
        this.seal = seal;
    }

    /**
     * A request as stored.
     *
     * @param status where it stands, as stored (a pending request whose poller is gone stays pending)
     * @param boundUntil when its tokens expire, for a bound request
     */
    record Stored(String requestId, KioskAddress kiosk, String sessionId, IdNatPs expected, CibaChannel channel,
            String bindingMessage, Duration interval, Instant expiresAt, CibaStatus status, Optional<Instant> boundUntil,
            Instant forgetAt) {
    }

    /** A pending request a hub polls PSC for, with PSC's handle opened. */
    record Polled(Stored stored, CibaRequest request) {
    }

    /** Pending requests of {@code kiosk} that have not expired at {@code now}. */
    int pendingOf(KioskAddress kiosk, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM psc_ciba_requests"
                        + " WHERE site = ? AND kiosk_id = ? AND state = 'PENDING' AND expires_at > ?")) {
            ps.setString(1, kiosk.site());
            ps.setString(2, kiosk.kioskId());
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Records a request PSC accepted, pending, polled by {@code poller} until {@code leaseUntil}. */
    void insert(String requestId, KioskAddress kiosk, String sessionId, CibaRequest request, String poller,
            Instant leaseUntil, Instant forgetAt, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO psc_ciba_requests (request_id, site, kiosk_id,"
                        + " kiosk_session_id, expected, channel, binding_message, poll_interval_ms, expires_at,"
                        + " auth_req_sealed, state, forget_at, poller, poll_lease_until, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)")) {
            int i = 0;
            ps.setString(++i, requestId);
            ps.setString(++i, kiosk.site());
            ps.setString(++i, kiosk.kioskId());
            ps.setString(++i, sessionId);
            ps.setString(++i, request.loginHint().value());
            ps.setString(++i, request.channel().name());
            ps.setString(++i, request.bindingMessage());
            ps.setLong(++i, request.interval().toMillis());
            ps.setTimestamp(++i, Timestamp.from(request.expiresAt()));
            ps.setBytes(++i, seal.seal(request.authReqId(), authReqPlace(requestId)));
            ps.setTimestamp(++i, Timestamp.from(forgetAt));
            ps.setString(++i, poller);
            ps.setTimestamp(++i, Timestamp.from(leaseUntil));
            ps.setTimestamp(++i, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** The request {@code requestId}, whoever's it is. */
    Optional<Stored> find(String requestId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM psc_ciba_requests WHERE request_id = ?")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Ends a pending request with {@code status}, keeping {@code tokens} (sealed) for a bound one.
     *
     * @return false when it had already ended (another hub settled it first)
     */
    boolean settle(String requestId, CibaStatus status, Optional<PscTokens> tokens, Instant forgetAt)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE psc_ciba_requests SET state = ?, code = ?,"
                        + " message = ?, professional = ?::jsonb, exercices = ?::jsonb, chosen = ?, tokens_sealed = ?,"
                        + " bound_until = ?, forget_at = ?, poller = NULL, poll_lease_until = NULL"
                        + " WHERE request_id = ? AND state = 'PENDING'")) {
            int i = 0;
            if (status instanceof CibaStatus.Bound b) {
                ps.setString(++i, "BOUND");
                ps.setNull(++i, Types.VARCHAR);
                ps.setNull(++i, Types.VARCHAR);
                ps.setString(++i, JSON.writeValueAsString(b.who()));
                ps.setString(++i, JSON.writeValueAsString(b.exercices()));
                if (b.chosen().isPresent()) {
                    ps.setInt(++i, b.chosen().get());
                } else {
                    ps.setNull(++i, Types.INTEGER);
                }
                ps.setBytes(++i, seal.seal(tokensJson(tokens.orElseThrow()), tokensPlace(requestId)));
                ps.setTimestamp(++i, Timestamp.from(b.expiresAt()));
            } else {
                boolean refused = status instanceof CibaStatus.Refused;
                PscError code = refused ? ((CibaStatus.Refused) status).code() : ((CibaStatus.Failed) status).code();
                String message = refused ? ((CibaStatus.Refused) status).message()
                        : ((CibaStatus.Failed) status).message();
                ps.setString(++i, refused ? "REFUSED" : "FAILED");
                ps.setString(++i, code.name());
                ps.setString(++i, message);
                ps.setNull(++i, Types.VARCHAR);
                ps.setNull(++i, Types.VARCHAR);
                ps.setNull(++i, Types.INTEGER);
                ps.setNull(++i, Types.BINARY);
                ps.setNull(++i, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            ps.setTimestamp(++i, Timestamp.from(forgetAt));
            ps.setString(++i, requestId);
            return ps.executeUpdate() == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CIBA outcome could not be written as JSON", e);
        }
    }

    /** Records the exercice chosen for a bound request. */
    void choose(String requestId, int index) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE psc_ciba_requests SET chosen = ?"
                        + " WHERE request_id = ? AND state = 'BOUND'")) {
            ps.setInt(1, index);
            ps.setString(2, requestId);
            ps.executeUpdate();
        }
    }

    /** The tokens bound to {@code kiosk}'s session {@code sessionId} that have not expired at {@code now}. */
    Optional<PscTokens> tokensOf(KioskAddress kiosk, String sessionId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT request_id, tokens_sealed FROM psc_ciba_requests"
                        + " WHERE site = ? AND kiosk_id = ? AND kiosk_session_id = ? AND state = 'BOUND'"
                        + " AND bound_until > ? ORDER BY bound_until DESC LIMIT 1")) {
            ps.setString(1, kiosk.site());
            ps.setString(2, kiosk.kioskId());
            ps.setString(3, sessionId);
            ps.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                return Optional.of(tokens(seal.open(rs.getBytes(2), tokensPlace(id))));
            }
        }
    }

    /** Extends {@code poller}'s lease on the pending requests {@code requestIds} it polls to {@code until}. */
    void renew(String poller, Collection<String> requestIds, Instant until) throws SQLException {
        if (requestIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE psc_ciba_requests SET poll_lease_until = ?"
                        + " WHERE poller = ? AND state = 'PENDING' AND request_id = ANY (?)")) {
            ps.setTimestamp(1, Timestamp.from(until));
            ps.setString(2, poller);
            ps.setArray(3, c.createArrayOf("text", requestIds.toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * Takes over polling, for {@code poller} until {@code until}, of at most {@code limit} pending requests
     * that have not expired and whose poller's lease ran out (its hub stopped or died).
     */
    List<Polled> claim(String poller, Instant now, Instant until, int limit) throws SQLException {
        List<Polled> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE psc_ciba_requests SET poller = ?,"
                        + " poll_lease_until = ? WHERE request_id IN (SELECT request_id FROM psc_ciba_requests"
                        + " WHERE state = 'PENDING' AND expires_at > ? AND (poll_lease_until IS NULL"
                        + " OR poll_lease_until < ?) ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING " + COLUMNS + ", auth_req_sealed")) {
            ps.setString(1, poller);
            ps.setTimestamp(2, Timestamp.from(until));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored s = stored(rs);
                    String authReqId = seal.open(rs.getBytes("auth_req_sealed"), authReqPlace(s.requestId()));
                    claimed.add(new Polled(s, new CibaRequest(authReqId, s.bindingMessage(),
                            Duration.between(now, s.expiresAt()), s.interval(), s.expected(), s.channel(),
                            s.expiresAt())));
                }
            }
        }
        return claimed;
    }

    /** Lets another hub take over at once the pending requests {@code poller} stops polling. */
    void release(String poller, Collection<String> requestIds) throws SQLException {
        if (requestIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE psc_ciba_requests SET poll_lease_until = NULL"
                        + " WHERE poller = ? AND state = 'PENDING' AND request_id = ANY (?)")) {
            ps.setString(1, poller);
            ps.setArray(2, c.createArrayOf("text", requestIds.toArray()));
            ps.executeUpdate();
        }
    }

    /** Deletes the requests to forget at {@code now}. */
    int purge(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM psc_ciba_requests WHERE forget_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        }
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        IdNatPs expected;
        try {
            expected = IdNatPs.parse(rs.getString("expected"));
        } catch (IdentityException e) {
            throw new SQLException("psc_ciba_requests.expected of " + rs.getString("request_id") + " is not an idNat_PS",
                    e);
        }
        Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
        String bindingMessage = rs.getString("binding_message");
        Timestamp boundUntil = rs.getTimestamp("bound_until");
        CibaStatus status = switch (rs.getString("state")) {
            case "PENDING" -> new CibaStatus.Pending(bindingMessage, expiresAt);
            case "BOUND" -> bound(rs, boundUntil.toInstant());
            case "REFUSED" -> new CibaStatus.Refused(PscError.valueOf(rs.getString("code")), rs.getString("message"));
            default -> new CibaStatus.Failed(PscError.valueOf(rs.getString("code")), rs.getString("message"));
        };
        return new Stored(rs.getString("request_id"), KioskAddress.of(rs.getString("site"), rs.getString("kiosk_id")),
                rs.getString("kiosk_session_id"), expected, CibaChannel.valueOf(rs.getString("channel")),
                bindingMessage, Duration.ofMillis(rs.getLong("poll_interval_ms")), expiresAt, status,
                Optional.ofNullable(boundUntil).map(Timestamp::toInstant), rs.getTimestamp("forget_at").toInstant());
    }

    private static CibaStatus.Bound bound(ResultSet rs, Instant boundUntil) throws SQLException {
        int chosen = rs.getInt("chosen");
        Optional<Integer> choice = rs.wasNull() ? Optional.empty() : Optional.of(chosen);
        try {
            return new CibaStatus.Bound(JSON.readValue(rs.getString("professional"), CibaStatus.Professional.class),
                    JSON.readValue(rs.getString("exercices"), EXERCICES), choice, boundUntil);
        } catch (JsonProcessingException e) {
            throw new SQLException("psc_ciba_requests of " + rs.getString("request_id") + " holds unreadable JSON", e);
        }
    }

    private static String authReqPlace(String requestId) {
        return "psc_ciba_requests.auth_req_sealed/" + requestId;
    }

    private static String tokensPlace(String requestId) {
        return "psc_ciba_requests.tokens_sealed/" + requestId;
    }

    /** The tokens and their validated claims as JSON, field by field. */
    private static String tokensJson(PscTokens t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("accessToken", t.accessToken());
        n.put("idToken", t.idToken());
        t.refreshToken().ifPresent(r -> n.put("refreshToken", r));
        n.put("expiresInSeconds", t.expiresIn().toSeconds());
        IdTokenClaims claims = t.claims();
        ObjectNode cl = n.putObject("claims");
        cl.put("sub", claims.subject());
        cl.put("subjectNameId", claims.subjectNameId().value());
        cl.put("acr", claims.acr());
        claims.authMode().ifPresent(m -> cl.put("authMode", m));
        claims.sid().ifPresent(s -> cl.put("sid", s));
        cl.put("iat", claims.issuedAt().toString());
        cl.put("exp", claims.expiresAt().toString());
        return n.toString();
    }

    private static PscTokens tokens(String json) throws SQLException {
        try {
            JsonNode n = JSON.readTree(json);
            JsonNode cl = n.path("claims");
            IdTokenClaims claims = new IdTokenClaims(cl.path("sub").asText(),
                    IdNatPs.parse(cl.path("subjectNameId").asText()), cl.path("acr").asText(), optional(cl, "authMode"),
                    optional(cl, "sid"), Instant.parse(cl.path("iat").asText()), Instant.parse(cl.path("exp").asText()));
            return new PscTokens(n.path("accessToken").asText(), n.path("idToken").asText(), optional(n, "refreshToken"),
                    Duration.ofSeconds(n.path("expiresInSeconds").asLong()), claims);
        } catch (JsonProcessingException | IdentityException | RuntimeException e) {
            throw new SQLException("sealed PSC tokens that do not read back", e);
        }
    }

    private static Optional<String> optional(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }
}
