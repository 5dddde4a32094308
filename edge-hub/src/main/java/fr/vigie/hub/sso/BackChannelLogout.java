package fr.vigie.hub.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.SessionID;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends OIDC Back-Channel Logout 1.0 logout tokens when an SSO session ends: a signed JWT ({@code typ}
 * {@code logout+jwt}) with {@code iss}, {@code aud} (the client), {@code iat}, {@code exp}, {@code jti},
 * {@code sub}, {@code sid} and the {@code events} claim, never a {@code nonce}, POSTed as the form field
 * {@code logout_token} to every client of the session that registered a back-channel URI; tried
 * {@value #ATTEMPTS} times ({@link #BACKOFF} apart, doubling) on a thread of its own. Each outcome is in
 * {@code sso_logouts} and the audit log ({@code SSO_LOGOUT_SENT}, {@code SSO_LOGOUT_FAILED}); a client with only
 * a front-channel URI is recorded {@code FRONT}, for the hub's logout page to load in the kiosk's browser.
 * Thread-safe.
 */
final class BackChannelLogout implements AutoCloseable {
    static final String SENT = "SSO_LOGOUT_SENT";
    static final String FAILED = "SSO_LOGOUT_FAILED";
    static final int ATTEMPTS = 3;
    static final Duration BACKOFF = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogout.class);

    private final SsoSessions sessions;
    private final SsoClients clients;
    private final SigningKeys keys;
    private final AuditLog audit;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sso-backchannel-logout");
        t.setDaemon(true);
        return t;
    });
    private volatile Issuer issuer;

    BackChannelLogout(SsoSessions sessions, SsoClients clients, SigningKeys keys, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.clients = clients;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    void issuer(Issuer issuer) {
        this.issuer = issuer;
    }

    /** Queues the logout notices of ended session {@code sid}. */
    void sessionEnded(String sid) {
        sender.execute(() -> {
            try {
                notifyClients(sid);
            } catch (SQLException | RuntimeException e) {
                LOG.error("logout notices of SSO session could not be sent", e);
            }
        });
    }

    private void notifyClients(String sid) throws SQLException {
        Optional<SsoSession> session = sessions.bySid(sid);
        if (session.isEmpty()) {
            return;
        }
        for (String clientId : sessions.clientsOf(sid)) {
            Optional<SsoClient> client = clients.find(clientId);
            if (client.isEmpty()) {
                continue;
            }
            if (client.get().backChannelLogoutUri().isPresent()) {
                send(session.get(), client.get(), client.get().backChannelLogoutUri().get());
            } else if (client.get().frontChannelLogoutUri().isPresent()) {
                sessions.logoutState(sid, clientId, "FRONT", "PENDING", 0, null);
            }
        }
    }

    private void send(SsoSession session, SsoClient client, URI uri) throws SQLException {
        String error = null;
        Duration wait = BACKOFF;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                String body = "logout_token=" + URLEncoder.encode(logoutToken(session, client.clientId()),
                        StandardCharsets.US_ASCII);
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 204) {
                    sessions.logoutState(session.sid(), client.clientId(), "BACK", "DELIVERED", attempt, null);
                    audit.append(AuditEntry.of(AuditEntry.HUB, SENT, SsoClients.subject(client.clientId()), Map.of(
                            "sid", session.sid(), "attempts", Integer.toString(attempt))));
                    return;
                }
                error = "HTTP " + r.statusCode();
            } catch (java.io.IOException | JOSEException | ParseException e) {
                error = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            }
            LOG.info("back-channel logout to {} attempt {} failed: {}", client.clientId(), attempt, error);
            if (attempt < ATTEMPTS) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                wait = wait.multipliedBy(2);
            }
        }
        sessions.logoutState(session.sid(), client.clientId(), "BACK", "FAILED", ATTEMPTS, error);
        audit.append(AuditEntry.of(AuditEntry.HUB, FAILED, SsoClients.subject(client.clientId()), Map.of("sid",
                session.sid(), "error", String.valueOf(error))));
        LOG.warn("back-channel logout to {} failed after {} attempts: {}", client.clientId(), ATTEMPTS, error);
    }

    /** The logout token for {@code clientId}, signed with the current key. */
    String logoutToken(SsoSession session, String clientId) throws SQLException, JOSEException, ParseException {
        Instant now = clock.instant();
        LogoutTokenClaimsSet claims = new LogoutTokenClaimsSet(issuer, new Subject(session.subject()),
                List.of(new Audience(clientId)), Date.from(now), Date.from(now.plus(Duration.ofMinutes(2))),
                new JWTID(), new SessionID(session.sid()));
        RSAKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(SigningKeys.ALGORITHM).keyID(key.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims.toJWTClaimsSet());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
    }
}
