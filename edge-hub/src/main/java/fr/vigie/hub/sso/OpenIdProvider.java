package fr.vigie.hub.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.provisioning.siteca.SiteCa;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.security.PublicKey;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's OpenID Provider for the site's applications, on an HTTPS listener of its own ({@code hub.sso.*}):
 * TLS 1.2/1.3 with a server certificate from the site CA for the device API's names, no client certificate
 * asked — browsers (the kiosk's included) and applications' back ends reach it, kiosks keep their mutual-TLS
 * device API, IT keeps the console. Protocol objects are the Nimbus OAuth 2.0 / OpenID Connect SDK's.
 *
 * <pre>
 * GET  /.well-known/openid-configuration   discovery
 * GET  /jwks                                the signing keys (current, and retired ones still valid)
 * GET  /authorize                           code flow, PKCE S256 only; who: login_hint_token (a kiosk's ticket)
 *                                           or the browser's SSO cookie; a session below the needed level gets
 *                                           error=login_required (step-up: sign in again with card and PIN)
 * POST /token                               client_secret_basic or private_key_jwt; code single use (a replay
 *                                           revokes its tokens); RS256 JWT access token (5 min) and ID token;
 *                                           session_state = the sid (what Keycloak as a broker matches logout on)
 * GET|POST /userinfo                        the ID token's person claims for a live access token
 * GET  /logout                              RP-initiated logout (id_token_hint, post_logout_redirect_uri, state)
 * </pre>
 * Thread-safe; started once, closed once.
 */
public final class OpenIdProvider implements AutoCloseable {
    /** Path of the authorization endpoint. */
    public static final String AUTHORIZE = "/authorize";
    static final String TOKEN = "/token";
    static final String USERINFO = "/userinfo";
    static final String JWKS = "/jwks";
    static final String LOGOUT = "/logout";
    static final String DISCOVERY = "/.well-known/openid-configuration";
    /**
     * The scope by which an application says it knows its users only by their local account: without one (none
     * in the directory nor linked by IT) the professional gets a page saying so instead of a code, and IT sees
     * them in the list to link; an unreachable directory refuses the request ({@code temporarily_unavailable}).
     */
    public static final String LOCAL_ACCOUNT = "local_account";
    /** The browser's SSO session cookie (HttpOnly, Secure, SameSite=Lax, this listener only). */
    static final String COOKIE = "vigie_sso";
    /** Lifetime of an access token and of an ID token. */
    public static final Duration TOKEN_TTL = Duration.ofMinutes(5);
    static final Duration CODE_TTL = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(OpenIdProvider.class);
    /** The OP asks for no client certificate and accepts none: browsers and applications authenticate otherwise. */
    private static final X509TrustManager NO_CLIENT_CERTIFICATES = new X509TrustManager() {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("the OpenID Provider takes no client certificate");
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a client");
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    };

    private final Javalin app;
    private final SingleSignOn sso;
    private volatile Issuer issuer;
    private final Map<String, Instant> spentAssertions = new ConcurrentHashMap<>();

    private OpenIdProvider(SingleSignOn sso, Javalin app) {
        this.sso = sso;
        this.app = app;
    }

    /** Starts the listener when {@code hub.sso.enabled}; empty otherwise. */
    public static Optional<OpenIdProvider> start(SingleSignOn sso, List<String> dnsNames, List<String> ipAddresses,
            SiteCa ca) {
        SsoSettings settings = sso.settings();
        if (!settings.enabled()) {
            return Optional.empty();
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(ca.serverTlsContext("hub-sso", dnsNames, ipAddresses, NO_CLIENT_CERTIFICATES));
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.generateEtags = false;
            config.jetty.threadPool = new QueuedThreadPool(16, 2, 60_000);
            config.jetty.addConnector((server, http) -> {
                HttpConfiguration https = new HttpConfiguration(http);
                https.addCustomizer(new SecureRequestCustomizer(false));
                ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                        new HttpConnectionFactory(https));
                connector.setHost(settings.bind());
                connector.setPort(settings.port());
                return connector;
            });
        });
        OpenIdProvider op = new OpenIdProvider(sso, app);
        op.routes();
        app.start();
        URI issuer = settings.issuer().orElseGet(() -> URI.create("https://" + host(dnsNames.isEmpty()
                ? ipAddresses.get(0) : dnsNames.get(0)) + ":" + app.port()));
        op.issuer = new Issuer(issuer);
        sso.issuer(issuer);
        LOG.info("OpenID Provider listening on https://{}:{}, issuer {}", settings.bind(), app.port(), issuer);
        return Optional.of(op);
    }

    private static String host(String name) {
        return name.contains(":") ? "[" + name + "]" : name;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** The issuer. */
    public URI issuer() {
        return URI.create(issuer.getValue());
    }

    private URI endpoint(String path) {
        return URI.create(issuer.getValue() + path);
    }

    private void routes() {
        app.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY"));
        app.get(DISCOVERY, this::discovery);
        app.get(JWKS, ctx -> ctx.header("Cache-Control", "max-age=300").contentType("application/json")
                .result(sso.keys().published().toString()));
        app.get(AUTHORIZE, this::authorize);
        app.post(TOKEN, this::token);
        app.get(USERINFO, this::userinfo);
        app.post(USERINFO, this::userinfo);
        app.get(LOGOUT, this::logout);
        app.exception(SQLException.class, (e, ctx) -> {
            LOG.warn("{} {} failed on the database: {}", ctx.method(), ctx.path(), e.toString());
            error(ctx, 503, new ErrorObject("temporarily_unavailable", "the hub database did not answer"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, OAuth2Error.SERVER_ERROR);
        });
    }

    private void discovery(Context ctx) {
        OIDCProviderMetadata m = new OIDCProviderMetadata(issuer, List.of(SubjectType.PUBLIC), endpoint(JWKS));
        m.setAuthorizationEndpointURI(endpoint(AUTHORIZE));
        m.setTokenEndpointURI(endpoint(TOKEN));
        m.setUserInfoEndpointURI(endpoint(USERINFO));
        m.setEndSessionEndpointURI(endpoint(LOGOUT));
        m.setResponseTypes(List.of(ResponseType.CODE));
        m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE));
        m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        m.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.PRIVATE_KEY_JWT));
        m.setTokenEndpointJWSAlgs(List.of(com.nimbusds.jose.JWSAlgorithm.RS256, com.nimbusds.jose.JWSAlgorithm.ES256,
                com.nimbusds.jose.JWSAlgorithm.PS256));
        m.setIDTokenJWSAlgs(List.of(SigningKeys.ALGORITHM));
        m.setScopes(new Scope("openid", "profile", LOCAL_ACCOUNT));
        m.setACRs(SsoLevel.acrValues().stream().map(ACR::new).toList());
        m.setClaims(IdTokens.CLAIMS);
        m.setSupportsBackChannelLogout(true);
        m.setSupportsBackChannelLogoutSession(true);
        m.setSupportsFrontChannelLogout(true);
        m.setSupportsFrontChannelLogoutSession(true);
        m.setSupportsAuthorizationResponseIssuerParam(true);
        ctx.header("Cache-Control", "max-age=300").contentType("application/json").result(m.toJSONObject().toJSONString());
    }

    // ---- authorization endpoint ------------------------------------------------------------------------

    private void authorize(Context ctx) throws SQLException {
        ctx.header("Cache-Control", "no-store");
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        Map<String, List<String>> params = com.nimbusds.oauth2.sdk.util.URLUtils.parseParameters(query);
        String clientId = first(params, "client_id");
        String redirect = first(params, "redirect_uri");
        Optional<SsoClient> client = clientId == null ? Optional.empty() : sso.clients().find(clientId);
        if (client.isEmpty()) {
            error(ctx, 400, OAuth2Error.INVALID_CLIENT.setDescription("unknown client_id"));
            return;
        }
        if (redirect == null || !client.get().redirectsTo(redirect)) {
            // never redirect to a URI the client did not register
            error(ctx, 400, OAuth2Error.INVALID_REQUEST.setDescription("redirect_uri is not one registered for "
                    + clientId));
            return;
        }
        URI redirectUri = URI.create(redirect);
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(query);
        } catch (ParseException e) {
            redirectError(ctx, redirectUri, OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()),
                    state(params));
            return;
        }
        State state = request.getState();
        if (!request.getResponseType().equals(ResponseType.CODE)) {
            redirectError(ctx, redirectUri, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE, state);
            return;
        }
        if (request.getCodeChallenge() == null) {
            redirectError(ctx, redirectUri, OAuth2Error.INVALID_REQUEST.setDescription("PKCE is required:"
                    + " code_challenge with code_challenge_method=S256"), state);
            return;
        }
        if (!CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            redirectError(ctx, redirectUri, OAuth2Error.INVALID_REQUEST.setDescription("only"
                    + " code_challenge_method=S256 is accepted"), state);
            return;
        }
        Optional<SsoSession> session = Optional.empty();
        String ticket = first(params, "login_hint_token");
        if (ticket != null) {
            session = sso.sessions().redeemTicket(ticket);
            if (session.isPresent()) {
                String cookie = sso.sessions().browserCookie(session.get().sid());
                Cookie c = new Cookie(COOKIE, cookie, "/", -1, true, 0, true, null, null, SameSite.LAX);
                ctx.cookie(c);
            }
        } else if (ctx.cookie(COOKIE) != null) {
            session = sso.sessions().byCookie(ctx.cookie(COOKIE)).filter(s -> s.liveAt(sso.clock().instant()));
        }
        if (session.isEmpty()) {
            redirectError(ctx, redirectUri, OIDCError.LOGIN_REQUIRED.setDescription(ticket != null
                    ? "the kiosk ticket is unknown, used or expired, or its session has ended"
                    : "no kiosk session: open the application from the kiosk"), state);
            return;
        }
        SsoLevel needed = client.get().minLevel();
        if (request.getACRValues() != null) {
            Optional<SsoLevel> asked = SsoLevel.weakestOf(request.getACRValues().stream().map(ACR::getValue).toList());
            if (asked.isPresent() && asked.get().rank() > needed.rank()) {
                needed = asked.get();
            }
        }
        if (!session.get().level().satisfies(needed)) {
            redirectError(ctx, redirectUri, OIDCError.LOGIN_REQUIRED.setDescription("step-up: this application needs "
                    + needed.acr() + ", the kiosk session is " + session.get().level().acr()
                    + "; sign in again with the card and its PIN"), state);
            return;
        }
        if (request.getScope().contains(LOCAL_ACCOUNT)) {
            // the application knows its users only by their local account: no account, no code (fail closed)
            SsoSession s = session.get();
            Optional<IdNatPs> professional = professional(s);
            Optional<LocalAccounts.LocalAccount> account = Optional.empty();
            try {
                if (professional.isPresent()) {
                    account = sso.accounts().find(professional.get());
                }
            } catch (LocalAccounts.LookupFailed e) {
                LOG.warn("authorization refused to {}: {}", clientId, e.getMessage());
                redirectError(ctx, redirectUri, OAuth2Error.TEMPORARILY_UNAVAILABLE.setDescription("the"
                        + " establishment's directory cannot be asked for the local account; try again later"), state);
                return;
            }
            if (account.isEmpty()) {
                professional.ifPresent(p -> sso.accounts().missing(p, s.familyName(), s.givenName(), clientId));
                ctx.status(403).contentType("text/html; charset=utf-8").result(noAccountPage(
                        "en".equals(first(params, "ui_locales")) || "en".equals(ctx.queryParam("lang")),
                        (s.givenName() + " " + s.familyName()).strip(), client.get().name()));
                return;
            }
        }
        String code = sso.sessions().code(session.get(), clientId, redirect, request.getCodeChallenge().getValue(),
                request.getScope().toString(), Optional.ofNullable(request.getNonce()).map(n -> n.getValue()), CODE_TTL);
        AuthenticationSuccessResponse ok = new AuthenticationSuccessResponse(redirectUri, new AuthorizationCode(code),
                null, null, state, null, issuer, null);
        ctx.redirect(ok.toURI().toString(), io.javalin.http.HttpStatus.FOUND);
    }

    private void redirectError(Context ctx, URI redirectUri, ErrorObject error, State state) {
        AuthenticationErrorResponse r = new AuthenticationErrorResponse(redirectUri, error, state, issuer, null);
        ctx.redirect(r.toURI().toString(), io.javalin.http.HttpStatus.FOUND);
    }

    private static State state(Map<String, List<String>> params) {
        String s = first(params, "state");
        return s == null ? null : new State(s);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    // ---- token endpoint --------------------------------------------------------------------------------

    private void token(Context ctx) throws SQLException, JOSEException {
        TokenRequest request;
        try {
            request = TokenRequest.parse(httpRequest(ctx));
        } catch (ParseException e) {
            tokenError(ctx, e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject());
            return;
        }
        ClientAuthentication auth = request.getClientAuthentication();
        if (auth == null) {
            tokenError(ctx, OAuth2Error.INVALID_CLIENT.setDescription("client authentication is required"));
            return;
        }
        Optional<SsoClient> client = authenticate(auth);
        if (client.isEmpty()) {
            tokenError(ctx, OAuth2Error.INVALID_CLIENT);
            return;
        }
        if (!(request.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
            tokenError(ctx, OAuth2Error.UNSUPPORTED_GRANT_TYPE);
            return;
        }
        SsoSessions.Redeemed redeemed = sso.sessions().redeemCode(grant.getAuthorizationCode().getValue(),
                client.get().clientId());
        if (redeemed instanceof SsoSessions.Redeemed.Refused refused) {
            tokenError(ctx, OAuth2Error.INVALID_GRANT.setDescription("the code is " + refused.reason()));
            return;
        }
        SsoSessions.Code code = ((SsoSessions.Redeemed.Valid) redeemed).code();
        if (!code.clientId().equals(client.get().clientId())) {
            tokenError(ctx, OAuth2Error.INVALID_GRANT.setDescription("the code was issued to another client"));
            return;
        }
        if (grant.getRedirectionURI() == null || !grant.getRedirectionURI().toString().equals(code.redirectUri())) {
            tokenError(ctx, OAuth2Error.INVALID_GRANT.setDescription("redirect_uri differs from the authorization"
                    + " request's"));
            return;
        }
        CodeVerifier verifier = grant.getCodeVerifier();
        if (verifier == null || !CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()
                .equals(code.codeChallenge())) {
            tokenError(ctx, OAuth2Error.INVALID_GRANT.setDescription("code_verifier does not match the code_challenge"));
            return;
        }
        Instant now = sso.clock().instant();
        Instant exp = now.plus(TOKEN_TTL);
        String jti = new JWTID().getValue();
        RSAKey key = sso.keys().current();
        SsoSession s = code.session();
        JWTClaimsSet access = new JWTClaimsSet.Builder().issuer(issuer.getValue()).subject(s.subject())
                .audience(client.get().clientId()).issueTime(Date.from(now)).expirationTime(Date.from(exp))
                .jwtID(jti).claim("client_id", client.get().clientId()).claim("scope", code.scope())
                .claim("sid", s.sid()).claim("acr", s.level().acr()).build();
        Optional<LocalAccounts.LocalAccount> account;
        if (List.of(code.scope().split(" ")).contains(LOCAL_ACCOUNT)) {
            try {
                account = sso.accounts().find(IdNatPs.parse(s.subject()));
            } catch (LocalAccounts.LookupFailed | IdentityException e) {
                LOG.warn("tokens refused to {}: {}", client.get().clientId(), e.getMessage());
                account = Optional.empty();
            }
            if (account.isEmpty()) {
                // never a token without the local login to an application that asked for it
                error(ctx, 503, OAuth2Error.TEMPORARILY_UNAVAILABLE.setDescription("the local account cannot be"
                        + " read from the establishment's directory; sign in again"));
                return;
            }
        } else {
            account = localAccount(s);
        }
        JWTClaimsSet id = IdTokens.claims(issuer, s, client.get().clientId(), code.nonce(), now, exp, account);
        SignedJWT accessToken = sign(key, access, "at+jwt");
        SignedJWT idToken = sign(key, id, "JWT");
        sso.sessions().tokensIssued(code, jti, exp);
        OIDCTokens tokens = new OIDCTokens(idToken, new BearerAccessToken(accessToken.serialize(),
                TOKEN_TTL.toSeconds(), new Scope(code.scope().split(" "))), null);
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache").contentType("application/json")
                .result(tokenResponse(tokens, s.sid()).toJSONObject().toJSONString());
    }

    /**
     * The token response: the tokens, and the session's {@code sid} again as {@code session_state}. Keycloak
     * brokering to the hub keys its session by the token response's {@code session_state} and, on a back-channel
     * logout token, looks the session up by the token's {@code sid}: without it the logout finds nothing.
     */
    static OIDCTokenResponse tokenResponse(OIDCTokens tokens, String sid) {
        return new OIDCTokenResponse(tokens, Map.of("session_state", sid));
    }

    /** The session's professional; empty for a subject that is not an idNat_PS (never the case for a kiosk's). */
    private static Optional<IdNatPs> professional(SsoSession s) {
        try {
            return Optional.of(IdNatPs.parse(s.subject()));
        } catch (IdentityException e) {
            return Optional.empty();
        }
    }

    private Optional<LocalAccounts.LocalAccount> localAccount(SsoSession s) {
        try {
            return sso.accounts().find(IdNatPs.parse(s.subject()));
        } catch (LocalAccounts.LookupFailed | IdentityException e) {
            LOG.warn("no local account read for an SSO session: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static SignedJWT sign(RSAKey key, JWTClaimsSet claims, String type) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(SigningKeys.ALGORITHM).keyID(key.getKeyID())
                .type(new JOSEObjectType(type)).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    /** The client {@code auth} proves, if it is registered for that method and the proof holds. */
    private Optional<SsoClient> authenticate(ClientAuthentication auth) throws SQLException {
        Optional<SsoClient> client = sso.clients().find(auth.getClientID().getValue());
        if (client.isEmpty()) {
            return Optional.empty();
        }
        if (auth instanceof ClientSecretBasic basic
                && client.get().authMethod() == SsoClient.AuthMethod.CLIENT_SECRET_BASIC) {
            return sso.clients().secretMatches(client.get().clientId(), basic.getClientSecret().getValue())
                    ? client : Optional.empty();
        }
        if (auth instanceof PrivateKeyJWT jwt && client.get().authMethod() == SsoClient.AuthMethod.PRIVATE_KEY_JWT) {
            return privateKeyJwt(jwt, client.get()) ? client : Optional.empty();
        }
        return Optional.empty();
    }

    private boolean privateKeyJwt(PrivateKeyJWT jwt, SsoClient client) {
        ClientCredentialsSelector<Void> selector = new ClientCredentialsSelector<>() {
            @Override
            public List<com.nimbusds.oauth2.sdk.auth.Secret> selectClientSecrets(ClientID id,
                    ClientAuthenticationMethod method, com.nimbusds.oauth2.sdk.auth.verifier.Context<Void> c)
                    throws InvalidClientException {
                throw InvalidClientException.BAD_ID;
            }

            @Override
            public List<? extends PublicKey> selectPublicKeys(ClientID id, ClientAuthenticationMethod method,
                    JWSHeader header, boolean forceRefresh, com.nimbusds.oauth2.sdk.auth.verifier.Context<Void> c)
                    throws InvalidClientException {
                List<PublicKey> out = new ArrayList<>();
                try {
                    for (JWK k : JWKSet.parse(client.jwks().orElse("{\"keys\":[]}")).getKeys()) {
                        if (header.getKeyID() == null || header.getKeyID().equals(k.getKeyID())) {
                            if (k instanceof RSAKey r) {
                                out.add(r.toPublicKey());
                            } else if (k instanceof com.nimbusds.jose.jwk.ECKey e) {
                                out.add(e.toPublicKey());
                            }
                        }
                    }
                } catch (java.text.ParseException | JOSEException | RuntimeException e) {
                    throw new InvalidClientException("the client's registered keys cannot be read");
                }
                return out;
            }
        };
        ClientAuthenticationVerifier<Void> verifier = new ClientAuthenticationVerifier<>(selector,
                Set.of(new Audience(endpoint(TOKEN)), new Audience(issuer)),
                com.nimbusds.oauth2.sdk.auth.verifier.JWTAudienceCheck.LEGACY);
        try {
            verifier.verify(jwt, null, null);
        } catch (InvalidClientException | JOSEException e) {
            return false;
        }
        // each assertion once (RFC 7523 §3, jti)
        Instant now = sso.clock().instant();
        spentAssertions.values().removeIf(until -> until.isBefore(now));
        String jti = jwt.getJWTAuthenticationClaimsSet().getJWTID() == null ? null
                : jwt.getJWTAuthenticationClaimsSet().getJWTID().getValue();
        if (jti == null) {
            return false;
        }
        Instant until = jwt.getJWTAuthenticationClaimsSet().getExpirationTime().toInstant();
        return spentAssertions.putIfAbsent(client.clientId() + " " + jti, until) == null;
    }

    private static HTTPRequest httpRequest(Context ctx) {
        HTTPRequest r = new HTTPRequest(HTTPRequest.Method.POST, URI.create(ctx.url()));
        for (String name : List.of("Authorization", "Content-Type")) {
            String value = ctx.header(name);
            if (value != null) {
                r.setHeader(name, value);
            }
        }
        r.setBody(ctx.body());
        return r;
    }

    private static void tokenError(Context ctx, ErrorObject error) {
        int status = OAuth2Error.INVALID_CLIENT.getCode().equals(error.getCode()) ? 401 : 400;
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Basic realm=\"vigie-sso\"");
        }
        error(ctx, status, error);
    }

    private static void error(Context ctx, int status, ErrorObject error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getCode());
        if (error.getDescription() != null) {
            body.put("error_description", error.getDescription());
        }
        ctx.status(status).header("Cache-Control", "no-store").contentType("application/json")
                .result(new net.minidev.json.JSONObject(body).toJSONString());
    }

    // ---- userinfo ----------------------------------------------------------------------------------------

    private void userinfo(Context ctx) throws SQLException {
        String auth = ctx.header("Authorization");
        Optional<SsoSession> session = Optional.empty();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            session = accessTokenSession(auth.substring(7).trim());
        }
        if (session.isEmpty()) {
            ctx.status(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\"").header("Cache-Control",
                    "no-store").result("");
            return;
        }
        JWTClaimsSet claims = IdTokens.person(session.get(), localAccount(session.get())).build();
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(claims.toString());
    }

    /** The live session of a valid, unrevoked access token this OP signed. */
    private Optional<SsoSession> accessTokenSession(String token) throws SQLException {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = sso.keys().published().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!issuer.getValue().equals(c.getIssuer()) || c.getExpirationTime() == null
                    || !c.getExpirationTime().toInstant().isAfter(sso.clock().instant()) || c.getJWTID() == null) {
                return Optional.empty();
            }
            return sso.sessions().tokenSession(c.getJWTID()).filter(s -> s.subject().equals(c.getSubject()));
        } catch (java.text.ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    // ---- RP-initiated logout -------------------------------------------------------------------------------

    private void logout(Context ctx) throws SQLException {
        ctx.header("Cache-Control", "no-store");
        String hint = ctx.queryParam("id_token_hint");
        String back = ctx.queryParam("post_logout_redirect_uri");
        String state = ctx.queryParam("state");
        Optional<String> sid = Optional.empty();
        Optional<SsoClient> client = Optional.empty();
        if (hint != null) {
            try {
                SignedJWT jwt = SignedJWT.parse(hint);
                JWK key = sso.keys().published().getKeyByKeyId(jwt.getHeader().getKeyID());
                if (key != null && jwt.verify(new RSASSAVerifier(key.toRSAKey()))
                        && issuer.getValue().equals(jwt.getJWTClaimsSet().getIssuer())) {
                    sid = Optional.ofNullable(jwt.getJWTClaimsSet().getStringClaim("sid"));
                    List<String> aud = jwt.getJWTClaimsSet().getAudience();
                    client = aud.isEmpty() ? Optional.empty() : sso.clients().find(aud.get(0));
                }
            } catch (java.text.ParseException | JOSEException e) {
                error(ctx, 400, OAuth2Error.INVALID_REQUEST.setDescription("id_token_hint is not an ID token of this"
                        + " provider"));
                return;
            }
        } else if (ctx.cookie(COOKIE) != null) {
            sid = sso.sessions().byCookie(ctx.cookie(COOKIE)).map(SsoSession::sid);
        }
        if (sid.isPresent()) {
            sso.endBySid(sid.get(), client.map(c -> "sso-client:" + c.clientId()).orElse("browser"));
        }
        ctx.removeCookie(COOKIE, "/");
        if (back != null && client.isPresent() && client.get().postLogoutRedirectUris().stream()
                .anyMatch(u -> u.toString().equals(back))) {
            ctx.redirect(back + (state == null ? "" : (back.contains("?") ? "&" : "?") + "state="
                    + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8)),
                    io.javalin.http.HttpStatus.FOUND);
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(loggedOutPage("en".equals(ctx.queryParam("lang")),
                sid.isPresent() ? frontChannelUris(sid.get()) : List.of()));
    }

    /**
     * The front-channel logout URIs (with {@code iss} and {@code sid}) of the clients of session {@code sid} that
     * registered no back-channel URI: the logged-out page loads them in hidden frames of the browser that had the
     * session (OIDC Front-Channel Logout 1.0), the fallback for applications the hub cannot call.
     */
    private List<String> frontChannelUris(String sid) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String clientId : sso.sessions().clientsOf(sid)) {
            Optional<SsoClient> c = sso.clients().find(clientId);
            if (c.isPresent() && c.get().backChannelLogoutUri().isEmpty() && c.get().frontChannelLogoutUri().isPresent()) {
                String uri = c.get().frontChannelLogoutUri().get().toString();
                out.add(uri + (uri.contains("?") ? "&" : "?") + "iss=" + encode(issuer.getValue()) + "&sid="
                        + encode(sid));
                sso.sessions().logoutState(sid, clientId, "FRONT", "RENDERED", 1, null);
            }
        }
        return out;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final gg.jte.TemplateEngine TEMPLATES = gg.jte.TemplateEngine.createPrecompiled(null,
            gg.jte.ContentType.Html, OpenIdProvider.class.getClassLoader(), "fr.vigie.hub");

    static String noAccountPage(boolean english, String name, String application) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        TEMPLATES.render("sso/noaccount.jte", Map.of("english", english, "name", name, "application", application),
                out);
        return out.toString();
    }

    static String loggedOutPage(boolean english, List<String> frontChannelUris) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        TEMPLATES.render("sso/loggedout.jte", Map.of("english", english, "frontChannelUris", frontChannelUris), out);
        return out.toString();
    }

    @Override
    public void close() {
        app.stop();
    }
}
