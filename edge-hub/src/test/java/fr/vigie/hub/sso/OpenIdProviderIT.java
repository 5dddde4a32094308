package fr.vigie.hub.sso;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.testing.TestAgents;
import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CardProofRequest;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.SsoApi;
import fr.vigie.protocol.device.SsoError;
import fr.vigie.protocol.device.SsoFactor;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.testing.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub as an OpenID Provider, for real: one hub (embedded PostgreSQL) with {@code hub.sso.enabled}, kiosks
 * calling the device API over mutual TLS with their device certificates, clinicians' cards (RSA keys certified by
 * a test IGC-Santé) signing the hub's nonces, a test relying party speaking to the OP over HTTPS with the Nimbus
 * SDK on the client side and receiving back-channel logout tokens on a loopback HTTP server, and a "browser"
 * (the JDK's HTTP client, redirects not followed, cookies kept by hand). No password anywhere.
 */
class OpenIdProviderIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock HUB_CLOCK = MutableClock.followingSystemTime();
    private static final String SITE = "chu-nord";
    private static final String REDIRECT = "https://dpi.chu-nord.local/callback";

    @TempDir
    static Path dir;
    static EdgeHub hub;
    static IgcSanteSandboxCa igc;
    static StaffClient it;
    static SSLContext browserTls;
    static HttpClient browser;
    static OIDCProviderMetadata op;
    static JWKSet jwks;
    static HttpServer rp;
    static final BlockingQueue<String> LOGOUT_TOKENS = new LinkedBlockingQueue<>();
    static int kiosks;
    static int clients;

    @BeforeAll
    static void start() throws Exception {
        igc = IgcSanteSandboxCa.create(MutableClock.followingSystemTime(), new SecureRandom());
        Files.writeString(dir.resolve("anchors.pem"), igc.trust().toPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("crls.pem"), IgcSanteCrls.toPem(igc.crls()), StandardCharsets.US_ASCII);
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, SITE,
                HubPkiConfig.DEVICE_API_PORT, "0", HubConfig.INGEST_ENABLED, "false",
                HubConfig.IGC_SANTE_ANCHORS, dir.resolve("anchors.pem").toString(),
                HubConfig.IGC_SANTE_CRL_FILES, dir.resolve("crls.pem").toString(),
                SsoSettings.ENABLED, "true")), HUB_CLOCK);
        it = StaffClient.firstAdmin(hub.httpUri(), dir.resolve("hub"));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("site-root", hub.siteCa().rootCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        browserTls = SSLContext.getInstance("TLS");
        browserTls.init(null, tmf.getTrustManagers(), new SecureRandom());
        browser = HttpClient.newBuilder().sslContext(browserTls).followRedirects(HttpClient.Redirect.NEVER).build();
        URI issuer = fr.vigie.hub.HubServicesFixture.singleSignOn(hub).issuer().orElseThrow();
        HttpResponse<String> discovery = browser.send(HttpRequest.newBuilder(issuer.resolve(
                "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, discovery.statusCode());
        op = OIDCProviderMetadata.parse(discovery.body());
        jwks = JWKSet.parse(browser.send(HttpRequest.newBuilder(op.getJWKSetURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        rp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rp.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            for (String pair : body.split("&")) {
                if (pair.startsWith("logout_token=")) {
                    LOGOUT_TOKENS.add(URLDecoder.decode(pair.substring(13), StandardCharsets.US_ASCII));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        rp.start();
    }

    @AfterAll
    static void stop() {
        if (rp != null) {
            rp.stop(0);
        }
        if (hub != null) {
            hub.close();
        }
    }

    // ---- fixtures: kiosks, cards, clients, browser ----------------------------------------------------------

    private record Kiosk(KioskAddress address, DeviceIdentity identity) {
        HttpResponse<String> post(String path, Object body) throws Exception {
            HttpClient client = HttpClient.newBuilder().sslContext(identity.sslContext())
                    .version(HttpClient.Version.HTTP_1_1).build();
            return client.send(HttpRequest.newBuilder(hub.deviceApiUri().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The clinician's card signs an SSO nonce; the hub opens the SSO session. */
        HttpResponse<String> signIn(TestAgents.Card card, String session, SsoFactor factor) throws Exception {
            return signIn(card, session, factor, null);
        }

        /** As {@link #signIn}, the kiosk sending the exercice it read from the card ({@code null}: none). */
        HttpResponse<String> signIn(TestAgents.Card card, String session, SsoFactor factor,
                Map<String, String> exercice) throws Exception {
            HttpResponse<String> n = post(SsoApi.NONCE.path(), Map.of("kioskSessionId", session));
            assertEquals(201, n.statusCode(), n.body());
            byte[] nonce = Base64.getDecoder().decode(JSON.readTree(n.body()).path("nonce").asText());
            CardProofRequest proof = CardProofRequest.of(nonce, card.sign(nonce), card.certificate().getEncoded(),
                    List.of());
            Map<String, Object> body = new HashMap<>(Map.of("proof", Map.of("nonce", proof.nonce(), "signature",
                    proof.signature(), "certificate", proof.certificate()), "factor", factor.name()));
            if (exercice != null) {
                body.put("exercice", exercice);
            }
            return post(SsoApi.CARD_SESSION.path(), body);
        }

        String ticket(String session) throws Exception {
            HttpResponse<String> r = post(SsoApi.TICKET.path(), Map.of("kioskSessionId", session));
            assertEquals(201, r.statusCode(), r.body());
            return JSON.readTree(r.body()).path("ticket").asText();
        }

        void end(String session) throws Exception {
            HttpResponse<String> r = post(SsoApi.END.path(), Map.of("kioskSessionId", session, "reason",
                    EndReason.LOCKED.name()));
            assertEquals(204, r.statusCode(), r.body());
        }
    }

    private static synchronized Kiosk kiosk() throws Exception {
        KioskAddress address = KioskAddress.of(SITE, "ws-" + (++kiosks));
        DeviceIdentity identity = DeviceIdentity.openOrCreate(dir.resolve(address.kioskId()), address,
                "store".toCharArray(), Clock.systemUTC());
        hub.siteCa().enrolInProcess(identity);
        return new Kiosk(address, identity);
    }

    private static TestAgents.Card card(String idNatPs) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        return new TestAgents.Card(idNatPs, keys, igc.certify(idNatPs, "MARTIN", "Claire", keys.getPublic()));
    }

    /** A client registered by IT through the REST API, with its secret as shown once. */
    private record Client(String id, Secret secret) {
        ClientAuthentication auth() {
            return new ClientSecretBasic(new ClientID(id), secret);
        }
    }

    private static synchronized Client client(String minLevel, boolean backChannel) throws Exception {
        String id = "app-" + (++clients);
        Map<String, Object> body = new HashMap<>(Map.of("clientId", id, "name", "Dossier patient " + id,
                "redirectUris", List.of(REDIRECT), "minLevel", minLevel, "kioskGroups", List.of("urgences")));
        if (backChannel) {
            body.put("backChannelLogoutUri", "http://127.0.0.1:" + rp.getAddress().getPort() + "/backchannel-logout");
        }
        HttpResponse<String> r = it.send("POST", "/api/v1/sso/clients", body);
        assertEquals(201, r.statusCode(), r.body());
        return new Client(id, new Secret(JSON.readTree(r.body()).path("clientSecret").asText()));
    }

    /** What the browser got back from the authorization endpoint. */
    private record Authorized(HttpResponse<String> response, Map<String, String> redirect, String cookie) {
        String code() {
            return redirect.get("code");
        }

        String error() {
            return redirect.get("error");
        }
    }

    private static Authorized authorize(AuthenticationRequest request, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.toURI());
        if (cookie != null) {
            b.header("Cookie", OpenIdProvider.COOKIE + "=" + cookie);
        }
        HttpResponse<String> r = browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> params = new HashMap<>();
        String location = r.headers().firstValue("Location").orElse(null);
        if (location != null) {
            URI l = URI.create(location);
            for (String pair : l.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            params.put("_base", l.getScheme() + "://" + l.getHost() + l.getPath());
        }
        String set = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(OpenIdProvider.COOKIE + "="))
                .findFirst().orElse(null);
        return new Authorized(r, params, set == null ? null : set.substring(OpenIdProvider.COOKIE.length() + 1,
                set.indexOf(';')));
    }

    private static AuthenticationRequest.Builder request(Client client, CodeVerifier verifier, String ticket) {
        AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid",
                "profile"), new ClientID(client.id()), URI.create(REDIRECT)).endpointURI(op.getAuthorizationEndpointURI())
                .state(new State("st-1")).nonce(new Nonce("n-1"));
        if (verifier != null) {
            b.codeChallenge(verifier, CodeChallengeMethod.S256);
        }
        if (ticket != null) {
            b.customParameter("login_hint_token", ticket);
        }
        return b;
    }

    private static HttpResponse<String> token(ClientAuthentication auth, String code, CodeVerifier verifier)
            throws Exception {
        HTTPRequest nimbus = new TokenRequest.Builder(op.getTokenEndpointURI(), auth, new AuthorizationCodeGrant(
                new AuthorizationCode(code), URI.create(REDIRECT), verifier)).build().toHTTPRequest();
        HttpRequest.Builder b = HttpRequest.newBuilder(nimbus.getURI()).POST(HttpRequest.BodyPublishers.ofString(
                nimbus.getBody()));
        nimbus.getHeaderMap().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static IDTokenClaimsSet validIdToken(String clientId, String idToken, String nonce) throws Exception {
        IDTokenValidator v = new IDTokenValidator(op.getIssuer(), new ClientID(clientId), JWSAlgorithm.RS256, jwks);
        return v.validate(JWTParser.parse(idToken), nonce == null ? null : new Nonce(nonce));
    }

    private static HttpResponse<String> userinfo(String accessToken) throws Exception {
        return browser.send(HttpRequest.newBuilder(op.getUserInfoEndpointURI()).header("Authorization", "Bearer "
                + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The logout token the test RP received for session {@code sid} (others' are passed over), or null. */
    private static String logoutTokenFor(String sid) throws Exception {
        for (String t = LOGOUT_TOKENS.poll(10, TimeUnit.SECONDS); t != null; t = LOGOUT_TOKENS.poll(10, TimeUnit.SECONDS)) {
            if (sid.equals(JWTParser.parse(t).getJWTClaimsSet().getStringClaim("sid"))) {
                return t;
            }
        }
        return null;
    }

    private static List<AuditRecord> audit(String action) throws Exception {
        return auditLog(hub).find(new AuditQuery(null, action, null, null, null, 0, 1000)).entries();
    }

    // ---- tests ---------------------------------------------------------------------------------------------

    @Test
    void discoveryAnnouncesCodeFlowWithS256OnlyTheLevelsAndBackChannelLogout() {
        assertEquals(List.of(ResponseType.CODE), op.getResponseTypes());
        assertEquals(List.of(CodeChallengeMethod.S256), op.getCodeChallengeMethods());
        assertTrue(op.getACRs().contains(new ACR("urn:vigie:acr:cps-pin")));
        assertTrue(op.getACRs().contains(new ACR("eidas1")));
        assertTrue(op.supportsBackChannelLogout());
        assertTrue(op.supportsBackChannelLogoutSession());
        assertFalse(jwks.getKeys().isEmpty());
        assertTrue(jwks.getKeys().stream().noneMatch(k -> k.isPrivate()));
    }

    @Test
    void theKioskSessionOpensTheApplicationWithoutAPasswordThroughCodeAndPkce() throws Exception {
        Kiosk k = kiosk();
        TestAgents.Card claire = card("810001234565");
        HttpResponse<String> signedIn = k.signIn(claire, "s-1", SsoFactor.CARD_PIN);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertEquals("urn:vigie:acr:cps-pin", JSON.readTree(signedIn.body()).path("acr").asText());
        Client app = client("CARD_PIN", false);
        CodeVerifier verifier = new CodeVerifier();

        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);

        assertEquals(302, a.response().statusCode(), a.response().body());
        assertEquals(REDIRECT, a.redirect().get("_base"));
        assertEquals("st-1", a.redirect().get("state"));
        assertEquals(op.getIssuer().getValue(), a.redirect().get("iss"));
        assertNotNull(a.code(), a.redirect().toString());
        assertNotNull(a.cookie());
        String setCookie = a.response().headers().allValues("Set-Cookie").get(0);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("Secure") && setCookie.contains("SameSite=Lax"),
                setCookie);
        HttpResponse<String> t = token(app.auth(), a.code(), verifier);
        assertEquals(200, t.statusCode(), t.body());
        JsonNode tokens = JSON.readTree(t.body());
        assertTrue(tokens.path("refresh_token").isMissingNode(), "no refresh token");
        assertEquals(300, tokens.path("expires_in").asInt());
        IDTokenClaimsSet id = validIdToken(app.id(), tokens.path("id_token").asText(), "n-1");
        assertEquals("810001234565", id.getSubject().getValue());
        assertEquals("810001234565", id.getStringClaim("SubjectNameID"));
        assertEquals("Claire", id.getStringClaim("given_name"));
        assertEquals("MARTIN", id.getStringClaim("family_name"));
        assertEquals("urn:vigie:acr:cps-pin", id.getACR().getValue());
        assertEquals(List.of("sc", "pin", "mfa"), id.getStringListClaim("amr"));
        assertNotNull(id.getStringClaim("sid"));
        SignedJWT access = SignedJWT.parse(tokens.path("access_token").asText());
        assertEquals(List.of(app.id()), access.getJWTClaimsSet().getAudience());
        HttpResponse<String> info = userinfo(tokens.path("access_token").asText());
        assertEquals(200, info.statusCode(), info.body());
        assertEquals("810001234565", JSON.readTree(info.body()).path("sub").asText());
        assertNull(id.getClaim("SubjectRefPro"), "the kiosk read no exercice");
        assertTrue(JSON.readTree(info.body()).path("SubjectRefPro").isMissingNode(), info.body());
        assertFalse(audit(SsoSessions.TOKENS_ISSUED).isEmpty());

        // the same browser opens a second application with its SSO cookie, no new ticket
        Client other = client("CARD_PIN", false);
        CodeVerifier v2 = new CodeVerifier();
        Authorized again = authorize(request(other, v2, null).build(), a.cookie());
        assertNotNull(again.code(), again.redirect().toString());
        assertEquals(200, token(other.auth(), again.code(), v2).statusCode());
    }

    @Test
    void theExerciceTheKioskReadFromTheCardReachesTheIdTokenAndUserinfoAsPscNamesIt() throws Exception {
        Kiosk k = kiosk();
        HttpResponse<String> signedIn = k.signIn(card("810001234698"), "s-1", SsoFactor.CARD_PIN, Map.of(
                "codeProfession", "60", "numeroFinessSite", "750712184", "raisonSocialeSite",
                "CHU de Paris - Site Nord"));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        Client app = client("CARD_PIN", false);
        CodeVerifier verifier = new CodeVerifier();
        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        HttpResponse<String> t = token(app.auth(), a.code(), verifier);
        assertEquals(200, t.statusCode(), t.body());
        JsonNode tokens = JSON.readTree(t.body());

        IDTokenClaimsSet id = validIdToken(app.id(), tokens.path("id_token").asText(), "n-1");
        HttpResponse<String> info = userinfo(tokens.path("access_token").asText());

        JsonNode expected = JSON.readTree("{\"exercices\":[{\"codeProfession\":\"60\",\"activities\":["
                + "{\"numeroFinessSite\":\"750712184\",\"raisonSocialeSite\":\"CHU de Paris - Site Nord\"}]}]}");
        assertEquals(expected, JSON.valueToTree(id.getClaim("SubjectRefPro")));
        assertEquals(200, info.statusCode(), info.body());
        assertEquals(expected, JSON.readTree(info.body()).path("SubjectRefPro"));
        assertTrue(op.getClaims().contains("SubjectRefPro"), op.getClaims().toString());

        HttpResponse<String> wrong = kiosk().signIn(card("810001234706"), "s-1", SsoFactor.CARD_PIN, Map.of(
                "codeProfession", "infirmier"));
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals(SsoError.SSO_REQUEST_INVALID.name(), JSON.readTree(wrong.body()).path("error").asText(),
                wrong.body());
    }

    @Test
    void aRedirectUriNotRegisteredExactlyIsRefusedWithoutRedirecting() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234581"), "s-1", SsoFactor.CARD_PIN).statusCode());
        Client app = client("CARD_PIN", false);
        AuthenticationRequest r = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(app.id()), URI.create(REDIRECT + "/../evil")).endpointURI(op.getAuthorizationEndpointURI())
                .state(new State("x")).codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .customParameter("login_hint_token", k.ticket("s-1")).build();

        Authorized a = authorize(r, null);

        assertEquals(400, a.response().statusCode());
        assertTrue(a.response().headers().firstValue("Location").isEmpty());
        assertEquals("invalid_request", JSON.readTree(a.response().body()).path("error").asText());
    }

    @Test
    void missingOrPlainPkceIsRefusedWithInvalidRequest() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234599"), "s-1", SsoFactor.CARD_PIN).statusCode());
        Client app = client("CARD_PIN", false);

        Authorized none = authorize(request(app, null, k.ticket("s-1")).build(), null);
        Authorized plain = authorize(request(app, null, k.ticket("s-1")).codeChallenge(new CodeVerifier(),
                CodeChallengeMethod.PLAIN).build(), null);

        assertEquals("invalid_request", none.error(), none.redirect().toString());
        assertNull(none.code());
        assertEquals("invalid_request", plain.error(), plain.redirect().toString());
        assertTrue(plain.redirect().get("error_description").contains("S256"));
        assertNull(plain.code());
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesTheTokensItGave() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234607"), "s-1", SsoFactor.CARD_PIN).statusCode());
        Client app = client("CARD_PIN", false);
        CodeVerifier verifier = new CodeVerifier();
        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        HttpResponse<String> first = token(app.auth(), a.code(), verifier);
        assertEquals(200, first.statusCode(), first.body());
        String access = JSON.readTree(first.body()).path("access_token").asText();
        assertEquals(200, userinfo(access).statusCode());

        HttpResponse<String> replay = token(app.auth(), a.code(), verifier);

        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", JSON.readTree(replay.body()).path("error").asText());
        assertEquals(401, userinfo(access).statusCode());
        assertFalse(audit(SsoSessions.CODE_REPLAYED).isEmpty());
    }

    @Test
    void anotherClientCanNeitherRedeemTheCodeNorAcceptTheIdToken() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234615"), "s-1", SsoFactor.CARD_PIN).statusCode());
        Client app = client("CARD_PIN", false);
        Client intruder = client("CARD_PIN", false);
        CodeVerifier verifier = new CodeVerifier();
        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);

        HttpResponse<String> stolen = token(intruder.auth(), a.code(), verifier);
        assertEquals(400, stolen.statusCode());
        assertEquals("invalid_grant", JSON.readTree(stolen.body()).path("error").asText());

        Authorized b = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        String idToken = JSON.readTree(token(app.auth(), b.code(), verifier).body()).path("id_token").asText();
        assertThrows(BadJOSEException.class, () -> validIdToken(intruder.id(), idToken, "n-1"));
        assertNotNull(validIdToken(app.id(), idToken, "n-1"));

        HttpResponse<String> wrongSecret = token(new ClientSecretBasic(new ClientID(app.id()), new Secret("guess")),
                b.code(), verifier);
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("invalid_client", JSON.readTree(wrongSecret.body()).path("error").asText());
    }

    @Test
    void anExpiredTicketOrAnEndedKioskSessionGivesNoCode() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234623"), "s-1", SsoFactor.CARD_PIN).statusCode());
        Client app = client("CARD_PIN", false);
        String late = k.ticket("s-1");
        HUB_CLOCK.advance(SingleSignOn.TICKET_TTL.plusSeconds(1));
        Authorized expired;
        try {
            expired = authorize(request(app, new CodeVerifier(), late).build(), null);
        } finally {
            HUB_CLOCK.advance(SingleSignOn.TICKET_TTL.plusSeconds(1).negated()); // the RPs' clocks are the real one
        }
        assertEquals("login_required", expired.error(), expired.redirect().toString());

        String once = k.ticket("s-1");
        Authorized ok = authorize(request(app, new CodeVerifier(), once).build(), null);
        assertNotNull(ok.code());
        Authorized reused = authorize(request(app, new CodeVerifier(), once).build(), null);
        assertEquals("login_required", reused.error());

        k.end("s-1");

        Authorized byCookie = authorize(request(app, new CodeVerifier(), null).build(), ok.cookie());
        assertEquals("login_required", byCookie.error());
        HttpResponse<String> ticket = k.post(SsoApi.TICKET.path(), Map.of("kioskSessionId", "s-1"));
        assertEquals(403, ticket.statusCode());
        assertEquals(SsoError.SSO_SESSION_UNKNOWN.name(), JSON.readTree(ticket.body()).path("error").asText());
    }

    @Test
    void aKioskGetsTicketsForItsOwnSessionsOnly() throws Exception {
        Kiosk mine = kiosk();
        Kiosk other = kiosk();
        assertEquals(200, mine.signIn(card("810001234631"), "s-1", SsoFactor.CARD_PIN).statusCode());

        HttpResponse<String> r = other.post(SsoApi.TICKET.path(), Map.of("kioskSessionId", "s-1"));

        assertEquals(403, r.statusCode());
        assertEquals(SsoError.SSO_SESSION_UNKNOWN.name(), JSON.readTree(r.body()).path("error").asText());
    }

    @Test
    void aTapSessionGetsAStepUpDemandFromAnApplicationThatNeedsCardAndPin() throws Exception {
        Kiosk k = kiosk();
        TestAgents.Card paul = card("810001234649");
        HttpResponse<String> tapFirst = k.signIn(paul, "s-0", SsoFactor.CONTACTLESS_TAP);
        assertEquals(403, tapFirst.statusCode());
        assertEquals(SsoError.SSO_TAP_REFUSED.name(), JSON.readTree(tapFirst.body()).path("error").asText());
        assertEquals(200, k.signIn(paul, "s-1", SsoFactor.CARD_PIN).statusCode());
        HttpResponse<String> tap = k.signIn(paul, "s-2", SsoFactor.CONTACTLESS_TAP);
        assertEquals(200, tap.statusCode(), tap.body());
        assertEquals("urn:vigie:acr:cps-tap", JSON.readTree(tap.body()).path("acr").asText());
        Client strict = client("CARD_PIN", false);
        Client lenient = client("CONTACTLESS_TAP", false);

        Authorized stepUp = authorize(request(strict, new CodeVerifier(), k.ticket("s-2")).build(), null);
        Authorized asked = authorize(request(lenient, new CodeVerifier(), k.ticket("s-2"))
                .acrValues(List.of(new ACR("urn:vigie:acr:cps-pin"))).build(), null);
        CodeVerifier v = new CodeVerifier();
        Authorized allowed = authorize(request(lenient, v, k.ticket("s-2")).build(), null);

        assertEquals("login_required", stepUp.error());
        assertTrue(stepUp.redirect().get("error_description").contains("urn:vigie:acr:cps-pin"));
        assertNull(stepUp.code());
        assertEquals("login_required", asked.error());
        assertNotNull(allowed.code());
        IDTokenClaimsSet id = validIdToken(lenient.id(), JSON.readTree(token(lenient.auth(), allowed.code(), v)
                .body()).path("id_token").asText(), "n-1");
        assertEquals("urn:vigie:acr:cps-tap", id.getACR().getValue());
    }

    @Test
    void lockingTheKioskSessionSendsEveryClientASignedBackChannelLogoutToken() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234573"), "s-1", SsoFactor.CARD_PIN).statusCode());
        Client app = client("CARD_PIN", true);
        CodeVerifier verifier = new CodeVerifier();
        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        String idToken = JSON.readTree(token(app.auth(), a.code(), verifier).body()).path("id_token").asText();
        String sid = validIdToken(app.id(), idToken, "n-1").getStringClaim("sid");

        k.end("s-1");

        String logout = logoutTokenFor(sid);
        assertNotNull(logout, "no logout token received");
        JWT jwt = JWTParser.parse(logout);
        assertEquals("logout+jwt", ((SignedJWT) jwt).getHeader().getType().getType());
        LogoutTokenClaimsSet claims = new LogoutTokenValidator(op.getIssuer(), new ClientID(app.id()),
                JWSAlgorithm.RS256, jwks).validate(jwt);
        assertEquals(sid, claims.getSessionID().getValue());
        assertEquals("810001234573", claims.getSubject().getValue());
        assertNull(jwt.getJWTClaimsSet().getClaim("nonce"));
        assertTrue(jwt.getJWTClaimsSet().getJSONObjectClaim("events")
                .containsKey("http://schemas.openid.net/event/backchannel-logout"));
        for (int i = 0; i < 50 && audit(BackChannelLogout.SENT).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertFalse(audit(BackChannelLogout.SENT).isEmpty());
    }

    @Test
    void anApplicationWithOnlyAFrontChannelUriIsLoggedOutByTheKioskBrowsersLogoutPage() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234664"), "s-1", SsoFactor.CARD_PIN).statusCode());
        HttpResponse<String> reg = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", "app-front", "name",
                "Laboratoire", "redirectUris", List.of(REDIRECT), "frontChannelLogoutUri",
                "https://labo.chu-nord.local/logout"));
        assertEquals(201, reg.statusCode(), reg.body());
        Client app = new Client("app-front", new Secret(JSON.readTree(reg.body()).path("clientSecret").asText()));
        CodeVerifier verifier = new CodeVerifier();
        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        String idToken = JSON.readTree(token(app.auth(), a.code(), verifier).body()).path("id_token").asText();
        String sid = validIdToken(app.id(), idToken, "n-1").getStringClaim("sid");

        k.end("s-1");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(op.getEndSessionEndpointURI())
                .header("Cookie", OpenIdProvider.COOKIE + "=" + a.cookie()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Vous êtes déconnecté des applications."), page.body());
        String frame = "https://labo.chu-nord.local/logout?iss=" + java.net.URLEncoder.encode(op.getIssuer().getValue(),
                StandardCharsets.UTF_8) + "&amp;sid=" + sid;
        assertTrue(page.body().contains("<iframe src=\"" + frame + "\""), page.body());
    }

    @Test
    void anApplicationEndsTheSessionWithRpInitiatedLogoutAndItsTokensStopWorking() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234672"), "s-1", SsoFactor.CARD_PIN).statusCode());
        HttpResponse<String> reg = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", "app-rp-logout", "name",
                "Pharmacie", "redirectUris", List.of(REDIRECT), "postLogoutRedirectUris",
                List.of("https://pharma.chu-nord.local/bye")));
        assertEquals(201, reg.statusCode(), reg.body());
        Client app = new Client("app-rp-logout", new Secret(JSON.readTree(reg.body()).path("clientSecret").asText()));
        CodeVerifier verifier = new CodeVerifier();
        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        JsonNode tokens = JSON.readTree(token(app.auth(), a.code(), verifier).body());

        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(URI.create(op.getEndSessionEndpointURI()
                + "?id_token_hint=" + tokens.path("id_token").asText() + "&post_logout_redirect_uri="
                + java.net.URLEncoder.encode("https://pharma.chu-nord.local/bye", StandardCharsets.UTF_8)
                + "&state=bye-1")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(302, out.statusCode());
        assertEquals("https://pharma.chu-nord.local/bye?state=bye-1", out.headers().firstValue("Location").orElse(""));
        assertEquals(401, userinfo(tokens.path("access_token").asText()).statusCode());
        Authorized again = authorize(request(app, new CodeVerifier(), null).build(), a.cookie());
        assertEquals("login_required", again.error());
    }

    @Test
    void aSessionPastItsLongestLifeIsEndedByTheHubAndItsApplicationsLoggedOut() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234680"), "s-1", SsoFactor.CARD_PIN).statusCode());
        Client app = client("CARD_PIN", true);
        CodeVerifier verifier = new CodeVerifier();
        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        String sid = validIdToken(app.id(), JSON.readTree(token(app.auth(), a.code(), verifier).body())
                .path("id_token").asText(), "n-1").getStringClaim("sid");

        Duration beyond = SingleSignOn.MAX_SESSION.plusMinutes(1);
        HUB_CLOCK.advance(beyond);
        try {
            assertTrue(fr.vigie.hub.HubServicesFixture.singleSignOn(hub).sweep() >= 1);
        } finally {
            HUB_CLOCK.advance(beyond.negated());
        }

        assertNotNull(logoutTokenFor(sid), "no logout token for the expired session");
        HttpResponse<String> ticket = k.post(SsoApi.TICKET.path(), Map.of("kioskSessionId", "s-1"));
        assertEquals(SsoError.SSO_SESSION_UNKNOWN.name(), JSON.readTree(ticket.body()).path("error").asText());
    }

    @Test
    void privateKeyJwtAuthenticatesAClientThatHoldsNoSecret() throws Exception {
        Kiosk k = kiosk();
        assertEquals(200, k.signIn(card("810001234656"), "s-1", SsoFactor.CARD_PIN).statusCode());
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("rp-1").generate();
        HttpResponse<String> reg = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", "app-jwt", "name",
                "Pharmacie", "redirectUris", List.of(REDIRECT), "tokenEndpointAuthMethod", "private_key_jwt", "jwks",
                new JWKSet(key.toPublicJWK()).toString()));
        assertEquals(201, reg.statusCode(), reg.body());
        assertTrue(JSON.readTree(reg.body()).path("clientSecret").isMissingNode());
        Client app = new Client("app-jwt", null);
        CodeVerifier verifier = new CodeVerifier();
        Authorized a = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        PrivateKeyJWT assertion = new PrivateKeyJWT(new ClientID("app-jwt"), op.getTokenEndpointURI(),
                JWSAlgorithm.RS256, key.toPrivateKey(), "rp-1", null);

        HttpResponse<String> t = token(assertion, a.code(), verifier);
        assertEquals(200, t.statusCode(), t.body());
        Authorized b = authorize(request(app, verifier, k.ticket("s-1")).build(), null);
        HttpResponse<String> replayedAssertion = token(assertion, b.code(), verifier);
        assertEquals(401, replayedAssertion.statusCode());
    }

    @Test
    void clientsAreRegisteredByAdminsWithTheSecretShownOnceAndAudited() throws Exception {
        Client app = client("CARD_PIN", true);
        JsonNode read = it.getJson("/api/v1/sso/clients/" + app.id());
        assertTrue(read.path("clientSecret").isMissingNode());
        assertEquals(List.of("urgences"), List.of(read.path("kioskGroups").get(0).asText()));
        HttpResponse<String> bad = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", "bad-app", "name", "x",
                "redirectUris", List.of("http://evil.example/cb")));
        assertEquals(400, bad.statusCode());
        HttpResponse<String> dup = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", app.id(), "name", "x",
                "redirectUris", List.of(REDIRECT)));
        assertEquals(409, dup.statusCode());
        assertFalse(audit(SsoClients.REGISTERED).isEmpty());
        assertTrue(fr.vigie.hub.audit.AuditCategory.SSO.actions().contains(SsoClients.REGISTERED));
        assertTrue(audit(SsoClients.REGISTERED).stream().noneMatch(r -> r.details().toString()
                .contains(app.secret().getValue())));
    }

    @Test
    void theConsolePageSpeaksFrenchFirst() throws Exception {
        HttpResponse<String> fr = it.get("/sso");
        HttpResponse<String> en = it.get("/sso?lang=en");

        assertEquals(200, fr.statusCode());
        assertTrue(fr.body().contains("Applications ouvertes sans mot de passe"), fr.body());
        assertTrue(fr.body().contains("id=\"client-form\""));
        assertTrue(en.body().contains("Applications opened without a password"));
    }

    @Test
    void aRotatedKeyStaysPublishedBesideTheNewOne() throws Exception {
        HttpResponse<String> r = it.send("POST", "/api/v1/sso/keys/rotate", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        String kid = JSON.readTree(r.body()).path("kid").asText();
        JWKSet now = JWKSet.parse(browser.send(HttpRequest.newBuilder(op.getJWKSetURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertNotNull(now.getKeyByKeyId(kid));
        for (com.nimbusds.jose.jwk.JWK old : jwks.getKeys()) {
            assertNotNull(now.getKeyByKeyId(old.getKeyID()), "the previous key is still published");
        }
        jwks = now;
    }

    // ---- the kiosk's launchpad (SsoApi.APPLICATIONS) ------------------------------------------------------------

    private static void group(Kiosk k, String group) throws Exception {
        try (java.sql.Connection c = hub.dataSource().getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO devices (site, kiosk_id, state, first_seen_at, updated_at, device_group)"
                        + " VALUES (?, ?, 'UNKNOWN', now(), now(), ?)")) {
            ps.setString(1, k.address().site());
            ps.setString(2, k.address().kioskId());
            ps.setString(3, group);
            ps.executeUpdate();
        }
    }

    private static JsonNode applications(Kiosk k) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(k.identity().sslContext())
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(hub.deviceApiUri().resolve(
                SsoApi.APPLICATIONS.path())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void aKioskListsOnlyTheApplicationsOfItsOwnGroupThatHaveAStartUri() throws Exception {
        Kiosk ward = kiosk();
        Kiosk desk = kiosk();
        group(ward, "urgences");
        group(desk, "accueil");
        Client listed = client("CARD_PIN", true);
        Client noStart = client("CARD_PIN", true);
        String start = "https://dpi.chu-nord.local/login";
        HttpResponse<String> set = it.send("PUT", "/api/v1/sso/clients/" + listed.id() + "/start-uri",
                Map.of("startUri", start));
        assertEquals(204, set.statusCode(), set.body());
        assertEquals(400, it.send("PUT", "/api/v1/sso/clients/" + noStart.id() + "/start-uri",
                Map.of("startUri", "ftp://dpi.chu-nord.local/")).statusCode());
        assertEquals(404, it.send("PUT", "/api/v1/sso/clients/nobody-here/start-uri", Map.of("startUri", start))
                .statusCode());

        JsonNode wardApps = applications(ward);
        assertEquals(op.getIssuer().getValue(), wardApps.path("issuer").asText());
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode a : wardApps.path("applications")) {
            ids.add(a.path("clientId").asText());
            if (a.path("clientId").asText().equals(listed.id())) {
                assertEquals("Dossier patient " + listed.id(), a.path("name").asText());
                assertEquals(start, a.path("startUri").asText());
                assertEquals("urn:vigie:acr:cps-pin", a.path("acr").asText());
            }
        }
        assertTrue(ids.contains(listed.id()), ids.toString());
        assertFalse(ids.contains(noStart.id()), ids.toString());
        for (JsonNode a : applications(desk).path("applications")) {
            assertFalse(a.path("clientId").asText().equals(listed.id()), "a kiosk of another group sees it");
        }
        assertFalse(audit("SSO_CLIENT_START_URI_CHANGED").isEmpty());
    }
}
