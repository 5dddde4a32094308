package fr.vigie.system.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLContext;

/**
 * An establishment's web application, as the hub's OpenID Provider sees one, on a loopback HTTP server:
 * <pre>
 * GET  /login?iss&amp;login_hint_token&amp;target_link_uri  third-party-initiated login: starts code + PKCE S256
 *                                                  (state, nonce) at the OP, forwarding the kiosk's ticket
 * GET  /callback?code&amp;state                        the code for tokens (client_secret_basic over TLS), the ID
 *                                                  token checked (signature, iss, aud, nonce): an application session
 * GET  /home                                       "Bonjour &lt;name&gt;" for a live application session, else 401
 * POST /backchannel-logout                         a logout token checked: the session of its sid ends
 * </pre>
 * Sessions live in memory; no password anywhere. Thread-safe.
 */
public final class RelyingParty implements AutoCloseable {
    /** The application session cookie. */
    public static final String COOKIE = "rp_session";

    /** A signed-in application session. */
    public record AppSession(String sid, String subject, String name) {
    }

    private record Pending(CodeVerifier verifier, Nonce nonce) {
    }

    private final HttpServer server;
    private final HttpClient backEnd;
    private final OIDCProviderMetadata op;
    private final JWKSet keys;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, AppSession> sessions = new ConcurrentHashMap<>();
    private final BlockingQueue<LogoutTokenClaimsSet> logouts = new LinkedBlockingQueue<>();
    private volatile ClientID clientId;
    private volatile Secret secret;

    private RelyingParty(HttpServer server, HttpClient backEnd, OIDCProviderMetadata op, JWKSet keys) {
        this.server = server;
        this.backEnd = backEnd;
        this.op = op;
        this.keys = keys;
    }

    /**
     * Starts the application against the OpenID Provider {@code issuer} (discovery and keys read now), its
     * back end trusting {@code tls} (the site root). {@link #credentials} must be set before anyone signs in.
     */
    public static RelyingParty start(URI issuer, SSLContext tls) throws Exception {
        HttpClient backEnd = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        OIDCProviderMetadata op = OIDCProviderMetadata.parse(backEnd.send(HttpRequest.newBuilder(URI.create(
                issuer + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        JWKSet keys = JWKSet.parse(backEnd.send(HttpRequest.newBuilder(op.getJWKSetURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "relying-party");
            t.setDaemon(true);
            return t;
        }));
        RelyingParty rp = new RelyingParty(server, backEnd, op, keys);
        server.createContext("/login", rp::login);
        server.createContext("/callback", rp::callback);
        server.createContext("/home", rp::home);
        server.createContext("/backchannel-logout", rp::backChannelLogout);
        server.start();
        return rp;
    }

    /** The client id and secret IT registered for it. */
    public void credentials(String id, String value) {
        this.clientId = new ClientID(id);
        this.secret = new Secret(value);
    }

    /** Its base, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The start URI (third-party-initiated login) to register. */
    public URI loginUri() {
        return base().resolve("/login");
    }

    /** The redirect URI to register. */
    public URI redirectUri() {
        return base().resolve("/callback");
    }

    /** The back-channel logout URI to register. */
    public URI backChannelLogoutUri() {
        return base().resolve("/backchannel-logout");
    }

    /** The application sessions alive now. */
    public Map<String, AppSession> sessions() {
        return Map.copyOf(sessions);
    }

    /** The logout tokens received, checked, in order. */
    public BlockingQueue<LogoutTokenClaimsSet> logouts() {
        return logouts;
    }

    private void login(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            if (!op.getIssuer().getValue().equals(q.get("iss"))) {
                answer(x, 400, "iss is not this application's OpenID Provider");
                return;
            }
            CodeVerifier verifier = new CodeVerifier();
            State state = new State();
            Nonce nonce = new Nonce();
            pending.put(state.getValue(), new Pending(verifier, nonce));
            AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid",
                    "profile"), clientId, redirectUri()).endpointURI(op.getAuthorizationEndpointURI()).state(state)
                    .nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256);
            if (q.get("login_hint_token") != null) {
                b.customParameter("login_hint_token", q.get("login_hint_token"));
            }
            x.getResponseHeaders().add("Location", b.build().toURI().toString());
            x.sendResponseHeaders(302, -1);
        }
    }

    private void callback(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            Pending p = q.get("state") == null ? null : pending.remove(q.get("state"));
            if (p == null || q.get("code") == null) {
                answer(x, 401, "Connexion refusée : " + Optional.ofNullable(q.get("error")).orElse("unknown state"));
                return;
            }
            HTTPRequest token = new TokenRequest.Builder(op.getTokenEndpointURI(), new ClientSecretBasic(clientId,
                    secret), new AuthorizationCodeGrant(new AuthorizationCode(q.get("code")), redirectUri(),
                    p.verifier())).build().toHTTPRequest();
            HttpRequest.Builder r = HttpRequest.newBuilder(token.getURI()).POST(HttpRequest.BodyPublishers.ofString(
                    token.getBody()));
            token.getHeaderMap().forEach((name, values) -> values.forEach(v -> r.header(name, v)));
            HttpResponse<String> answer = backEnd.send(r.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                answer(x, 401, "Connexion refusée par le fournisseur d'identité (" + answer.statusCode() + ")");
                return;
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser.parse(
                    com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(answer.body()));
            IDTokenClaimsSet id = new IDTokenValidator(op.getIssuer(), clientId, JWSAlgorithm.RS256, keys)
                    .validate(tokens.getOIDCTokens().getIDToken(), p.nonce());
            String name = (Optional.ofNullable(id.getStringClaim("given_name")).orElse("") + " "
                    + Optional.ofNullable(id.getStringClaim("family_name")).orElse("")).trim();
            byte[] c = new byte[24];
            random.nextBytes(c);
            String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(c);
            sessions.put(cookie, new AppSession(id.getStringClaim("sid"), id.getSubject().getValue(), name));
            x.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + cookie + "; Path=/; HttpOnly; SameSite=Lax");
            x.getResponseHeaders().add("Location", "/home");
            x.sendResponseHeaders(302, -1);
        } catch (Exception e) {
            answer(x, 401, "Connexion refusée : " + e.getClass().getSimpleName());
        }
    }

    private void home(HttpExchange x) throws IOException {
        try (x) {
            AppSession s = null;
            for (String h : x.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
                for (String part : h.split(";")) {
                    String p = part.trim();
                    if (p.startsWith(COOKIE + "=")) {
                        s = sessions.get(p.substring(COOKIE.length() + 1));
                    }
                }
            }
            if (s == null) {
                answer(x, 401, "Vous n'êtes pas connecté(e) à cette application.");
                return;
            }
            byte[] page = ("<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Dossier patient</title>"
                    + "<h1 id=\"who\">Bonjour " + html(s.name()) + "</h1></html>").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            x.getResponseHeaders().add("Cache-Control", "no-store");
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
        }
    }

    private void backChannelLogout(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            try {
                LogoutTokenClaimsSet claims = new LogoutTokenValidator(op.getIssuer(), clientId, JWSAlgorithm.RS256,
                        keys).validate(JWTParser.parse(form.get("logout_token")));
                String sid = claims.getSessionID() == null ? null : claims.getSessionID().getValue();
                sessions.values().removeIf(s -> s.sid().equals(sid));
                logouts.add(claims);
                x.getResponseHeaders().add("Cache-Control", "no-store");
                x.sendResponseHeaders(200, -1);
            } catch (Exception e) {
                answer(x, 400, "invalid logout token");
            }
        }
    }

    private static void answer(HttpExchange x, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
