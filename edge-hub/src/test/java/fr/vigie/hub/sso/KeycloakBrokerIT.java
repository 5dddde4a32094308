package fr.vigie.hub.sso;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.HubServicesFixture;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.psc.KeycloakServer;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.testing.TestAgents;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CardProofRequest;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.SsoApi;
import fr.vigie.protocol.device.SsoFactor;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak as an independent relying party of the hub's OpenID Provider: a real Keycloak 26 (the distribution
 * Maven unpacked for the interop tests, on a JDK 21+) whose realm {@value #REALM} brokers to Vigie as an external
 * OpenID Connect identity provider {@value #IDP}, configured the way an administrator does it — from the hub's
 * discovery document, trusting the site CA ({@code --truststore-paths}), {@code client_secret_basic} with the
 * client IT registered in the hub, PKCE S256, the kiosk's ticket forwarded ({@code forwardParameters}), and the
 * hub's back-channel logout tokens received on Keycloak's
 * {@code /realms/{realm}/protocol/openid-connect/logout/backchannel-logout} (Keycloak takes them from an identity
 * provider whose {@code issuer} is the token's {@code iss} and checks them with its JWKS; {@code backchannelSupported}
 * is the other direction, Keycloak calling the provider, and stays off). A clinician signs in at a kiosk with her
 * card; the kiosk's browser (the JDK's HTTP client, cookies kept by hand, every redirect followed explicitly)
 * opens the realm's application with {@code kc_idp_hint}; no password and no form; removing the card ends her
 * Keycloak session. One hub and one Keycloak for the class; Keycloak's log is in {@code target/keycloak-broker/}.
 */
class KeycloakBrokerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "chu-nord";
    static final String REALM = "chu-nord";
    static final String IDP = "vigie";
    /** The realm's test application (realm resource {@code /keycloak/chu-nord-realm.json}). */
    private static final String APP = "dpi";
    private static final String APP_SECRET = "dpi-test-secret";
    private static final String APP_REDIRECT = "http://127.0.0.1:9/dpi/callback";
    private static final String HUB_CLIENT = "keycloak-chu-nord";
    private static final String FIRST_LOGIN_FLOW = "vigie-first-login";

    @TempDir
    static Path dir;
    static EdgeHub hub;
    static IgcSanteSandboxCa igc;
    static KeycloakServer keycloak;
    static SSLContext siteTls;
    static URI hubIssuer;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> java = KeycloakServer.javaHome();
        Assumptions.assumeTrue(java.isPresent(), "Keycloak 26 needs a JDK " + KeycloakServer.LEAST_JAVA
                + "+; none found (set KEYCLOAK_JAVA_HOME or -Dvigie.keycloak.java)");
        String home = System.getProperty("vigie.keycloak.home");
        assertNotNull(home, "vigie.keycloak.home is unset: run through Maven (mvn verify), which unpacks Keycloak");
        assertTrue(Files.isExecutable(Path.of(home, "bin/kc.sh")), "no Keycloak distribution at " + home);

        igc = IgcSanteSandboxCa.create(MutableClock.followingSystemTime(), new SecureRandom());
        Files.writeString(dir.resolve("anchors.pem"), igc.trust().toPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("crls.pem"), IgcSanteCrls.toPem(igc.crls()), StandardCharsets.US_ASCII);
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, SITE,
                HubPkiConfig.DEVICE_API_PORT, "0", HubConfig.INGEST_ENABLED, "false",
                HubConfig.IGC_SANTE_ANCHORS, dir.resolve("anchors.pem").toString(),
                HubConfig.IGC_SANTE_CRL_FILES, dir.resolve("crls.pem").toString(),
                SsoSettings.ENABLED, "true")), MutableClock.followingSystemTime());
        hubIssuer = HubServicesFixture.singleSignOn(hub).issuer().orElseThrow();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("site-root", hub.siteCa().rootCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        siteTls = SSLContext.getInstance("TLS");
        siteTls.init(null, tmf.getTrustManagers(), new SecureRandom());

        // Keycloak trusts the site CA, as a site's Keycloak would, for the hub's discovery, token and JWKS calls
        Path siteCa = dir.resolve("site-ca.pem");
        Files.writeString(siteCa, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(
                StandardCharsets.US_ASCII)).encodeToString(hub.siteCa().rootCertificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        keycloak = KeycloakServer.start(Path.of(home), java.get(), REALM, "/keycloak/chu-nord-realm.json",
                List.of("--truststore-paths=" + siteCa), Path.of("target", "keycloak-broker", "keycloak.log"));

        // IT registers Keycloak in the hub as an application: its broker endpoint, its back-channel logout URI
        URI kc = keycloak.issuer();
        HttpResponse<String> reg = StaffClient.firstAdmin(hub.httpUri(), dir.resolve("hub")).send("POST",
                "/api/v1/sso/clients", Map.of("clientId", HUB_CLIENT, "name", "Keycloak du site",
                        "redirectUris", List.of(kc + "/broker/" + IDP + "/endpoint"),
                        "backChannelLogoutUri", kc + "/protocol/openid-connect/logout/backchannel-logout"));
        assertEquals(201, reg.statusCode(), reg.body());
        String hubSecret = JSON.readTree(reg.body()).path("clientSecret").asText();
        configureRealm(hubSecret);
    }

    /**
     * The realm's side, through Keycloak's admin REST API: a first-broker-login flow that creates the account
     * without a review form, a user profile where e-mail is optional (clinicians' cards carry none), and the
     * identity provider read from the hub's discovery document.
     */
    private static void configureRealm(String hubSecret) throws Exception {
        JsonNode profile = admin("GET", "/users/profile", null).get();
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("email")) {
                ((ObjectNode) attribute).remove("required");
            }
        }
        admin("PUT", "/users/profile", profile);
        admin("POST", "/authentication/flows", Map.of("alias", FIRST_LOGIN_FLOW, "description",
                "accounts of card holders signed in by Vigie", "providerId", "basic-flow", "topLevel", true,
                "builtIn", false));
        admin("POST", "/authentication/flows/" + FIRST_LOGIN_FLOW + "/executions/execution",
                Map.of("provider", "idp-create-user-if-unique"));
        ObjectNode create = (ObjectNode) admin("GET", "/authentication/flows/" + FIRST_LOGIN_FLOW + "/executions",
                null).get().get(0);
        create.put("requirement", "REQUIRED");
        admin("PUT", "/authentication/flows/" + FIRST_LOGIN_FLOW + "/executions", create);

        ObjectNode config = (ObjectNode) admin("POST", "/identity-provider/import-config", Map.of("providerId", "oidc",
                "fromUrl", hubIssuer + "/.well-known/openid-configuration")).get();
        assertEquals(hubIssuer.toString(), config.path("issuer").asText(), config.toString());
        config.put("clientId", HUB_CLIENT).put("clientSecret", hubSecret).put("clientAuthMethod", "client_secret_basic")
                .put("pkceEnabled", "true").put("pkceMethod", "S256").put("defaultScope", "openid profile")
                .put("forwardParameters", "login_hint_token").put("validateSignature", "true")
                .put("useJwksUrl", "true").put("syncMode", "FORCE").put("backchannelSupported", "false");
        admin("POST", "/identity-provider/instances", Map.of("alias", IDP, "displayName", "Carte CPS (Vigie)",
                "providerId", "oidc", "enabled", true, "trustEmail", false, "storeToken", false,
                "firstBrokerLoginFlowAlias", FIRST_LOGIN_FLOW, "config", config));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    // ---- Keycloak's admin REST API ------------------------------------------------------------------------

    private static Optional<JsonNode> admin(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(keycloak.issuer().resolve("/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + keycloak.adminToken());
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body().isBlank() ? Optional.empty() : Optional.of(JSON.readTree(r.body()));
    }

    // ---- the kiosk: its device identity, the clinician's card -------------------------------------------

    private record Kiosk(DeviceIdentity identity) {
        JsonNode post(String path, Object body, int expected) throws Exception {
            HttpClient client = HttpClient.newBuilder().sslContext(identity.sslContext())
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(hub.deviceApiUri().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, r.statusCode(), path + ": " + r.body());
            return r.body().isBlank() ? null : JSON.readTree(r.body());
        }

        /** The clinician's card (and PIN) signs the hub's nonce: the SSO session opens. */
        void signIn(TestAgents.Card card, String session) throws Exception {
            byte[] nonce = Base64.getDecoder().decode(post(SsoApi.NONCE.path(), Map.of("kioskSessionId", session), 201)
                    .path("nonce").asText());
            CardProofRequest proof = CardProofRequest.of(nonce, card.sign(nonce), card.certificate().getEncoded(),
                    List.of());
            post(SsoApi.CARD_SESSION.path(), Map.of("proof", Map.of("nonce", proof.nonce(), "signature",
                    proof.signature(), "certificate", proof.certificate()), "factor", SsoFactor.CARD_PIN.name()), 200);
        }

        String ticket(String session) throws Exception {
            return post(SsoApi.TICKET.path(), Map.of("kioskSessionId", session), 201).path("ticket").asText();
        }

        /** The card is withdrawn: the kiosk locks and ends the session. */
        void cardRemoved(String session) throws Exception {
            post(SsoApi.END.path(), Map.of("kioskSessionId", session, "reason", EndReason.LOCKED.name()), 204);
        }
    }

    private static Kiosk kiosk(String name) throws Exception {
        KioskAddress address = KioskAddress.of(SITE, name);
        DeviceIdentity identity = DeviceIdentity.openOrCreate(dir.resolve(address.kioskId()), address,
                "store".toCharArray(), Clock.systemUTC());
        hub.siteCa().enrolInProcess(identity);
        return new Kiosk(identity);
    }

    private static TestAgents.Card card(String idNatPs, String familyName, String givenName) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        return new TestAgents.Card(idNatPs, keys, igc.certify(idNatPs, familyName, givenName, keys.getPublic()));
    }

    // ---- the kiosk's browser ---------------------------------------------------------------------------

    /**
     * A browser that trusts the site CA, follows each redirect itself and keeps cookies per origin by hand
     * (Keycloak marks its cookies {@code Secure} even over loopback HTTP, which {@link java.net.CookieManager}
     * would then withhold). Stops at the first redirect to {@code stopAt}.
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().sslContext(siteTls)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, Map<String, String>> cookies = new HashMap<>();
        final List<String> visited = new ArrayList<>();

        /** Follows redirects up to {@code stopAt}, where it returns the redirect; a page on the way fails. */
        URI follow(URI start, String stopAt) throws Exception {
            URI at = start;
            for (int hops = 0; hops < 20; hops++) {
                visited.add(at.getScheme() + "://" + at.getAuthority() + at.getPath());
                HttpResponse<String> r = get(at);
                String location = r.headers().firstValue("Location").orElse(null);
                if (r.statusCode() / 100 != 3 || location == null) {
                    throw new AssertionError("HTTP " + r.statusCode() + " at " + at + " after " + visited + ":\n"
                            + r.body());
                }
                at = at.resolve(location);
                if (at.toString().startsWith(stopAt)) {
                    visited.add(stopAt);
                    return at;
                }
            }
            throw new AssertionError("more than 20 redirects: " + visited);
        }

        private HttpResponse<String> get(URI uri) throws Exception {
            Map<String, String> jar = cookies.computeIfAbsent(uri.getAuthority(), a -> new LinkedHashMap<>());
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            if (!jar.isEmpty()) {
                StringBuilder header = new StringBuilder();
                jar.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
                b.header("Cookie", header.toString());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    jar.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return r;
        }
    }

    /** The application asks Keycloak whether the browser is signed in, without any page ({@code prompt=none}). */
    private static URI silentLogin() {
        return URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + form(new LinkedHashMap<>(Map.of(
                "client_id", APP, "redirect_uri", APP_REDIRECT, "response_type", "code", "scope", "openid",
                "state", "silent", "prompt", "none", "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256,
                        new CodeVerifier()).getValue(), "code_challenge_method", "S256"))));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k,
                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** The realm's application calls Keycloak with its own secret (token, introspection). */
    private static JsonNode appPost(String endpoint, Map<String, String> fields) throws Exception {
        HttpResponse<String> r = appSend(endpoint, fields);
        assertEquals(200, r.statusCode(), endpoint + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** The application's refresh, whatever Keycloak answers. */
    private static JsonNode appRefresh(String refreshToken) throws Exception {
        return JSON.readTree(appSend("token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .body());
    }

    private static HttpResponse<String> appSend(String endpoint, Map<String, String> fields) throws Exception {
        String basic = Base64.getEncoder().encodeToString((APP + ":" + APP_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.issuer()
                + "/protocol/openid-connect/" + endpoint)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        return r;
    }

    // ---- the test --------------------------------------------------------------------------------------

    @Test
    void aClinicianSignsInToTheRealmThroughTheKioskSessionAndRemovingTheCardEndsHerKeycloakSession()
            throws Exception {
        Kiosk kiosk = kiosk("ws-1");
        kiosk.signIn(card("810001234607", "MARTIN", "Claire"), "s-1");
        String ticket = kiosk.ticket("s-1");
        CodeVerifier verifier = new CodeVerifier();
        URI login = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + form(new LinkedHashMap<>(Map.of(
                "client_id", APP, "redirect_uri", APP_REDIRECT, "response_type", "code", "scope", "openid profile",
                "state", "app-state-1", "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier)
                        .getValue(), "code_challenge_method", "S256", "kc_idp_hint", IDP,
                "login_hint_token", ticket))));

        Browser browser = new Browser();
        URI back = browser.follow(login, APP_REDIRECT);

        // the browser went realm → hub (no password, no form) → realm's broker endpoint → application
        assertTrue(browser.visited.contains(hubIssuer + OpenIdProvider.AUTHORIZE), browser.visited.toString());
        assertTrue(browser.visited.contains(keycloak.issuer() + "/broker/" + IDP + "/endpoint"),
                browser.visited.toString());
        Map<String, String> answer = query(back);
        assertEquals("app-state-1", answer.get("state"), back.toString());
        assertNotNull(answer.get("code"), back.toString());
        JsonNode tokens = appPost("token", Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", APP_REDIRECT, "code_verifier", verifier.getValue()));
        JWTClaimsSet id = SignedJWT.parse(tokens.path("id_token").asText()).getJWTClaimsSet();
        assertEquals(keycloak.issuer().toString(), id.getIssuer());
        assertEquals("810001234607", id.getStringClaim("preferred_username"));
        assertEquals("Claire", id.getStringClaim("given_name"));
        assertEquals("MARTIN", id.getStringClaim("family_name"));

        // Keycloak's account is the card holder, linked to the hub's subject (her idNat_PS)
        JsonNode users = admin("GET", "/users?exact=true&username=810001234607", null).orElseThrow();
        assertEquals(1, users.size(), users.toString());
        String userId = users.get(0).path("id").asText();
        JsonNode links = admin("GET", "/users/" + userId + "/federated-identity", null).orElseThrow();
        assertEquals(IDP, links.get(0).path("identityProvider").asText(), links.toString());
        assertEquals("810001234607", links.get(0).path("userId").asText(), links.toString());
        assertEquals(1, admin("GET", "/users/" + userId + "/sessions", null).orElseThrow().size());
        String access = tokens.path("access_token").asText();
        assertTrue(appPost("token/introspect", Map.of("token", access)).path("active").asBoolean());
        Map<String, String> silent = query(browser.follow(silentLogin(), APP_REDIRECT));
        assertNotNull(silent.get("code"), "the browser's Keycloak session opens the application silently: " + silent);

        kiosk.cardRemoved("s-1");

        // without a kiosk session the hub answers Keycloak login_required, which Keycloak passes on to the app
        Browser stranger = new Browser();
        Map<String, String> refused = query(stranger.follow(login, APP_REDIRECT));
        assertTrue(stranger.visited.contains(hubIssuer + OpenIdProvider.AUTHORIZE), stranger.visited.toString());
        assertEquals("login_required", refused.get("error"), refused.toString());
        assertFalse(refused.containsKey("code"), refused.toString());

        // Keycloak answers the hub once its own logout is done; the three views settle within moments
        await("Keycloak's session of the clinician ended").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertTrue(admin("GET", "/users/" + userId + "/sessions", null).orElseThrow().isEmpty(),
                            "Keycloak still lists a session of the clinician");
                    JsonNode introspected = appPost("token/introspect", Map.of("token", access));
                    assertFalse(introspected.path("active").asBoolean(), "the application's access token is still"
                            + " active: " + introspected);
                    assertFalse(HubServicesFixture.auditLog(hub).find(new AuditQuery(null, BackChannelLogout.SENT,
                            null, null, null, 0, 10)).entries().isEmpty(), "the hub recorded no logout token sent");
                });
        JsonNode refreshed = appRefresh(tokens.path("refresh_token").asText());
        assertEquals("invalid_grant", refreshed.path("error").asText(), refreshed.toString());
        // the kiosk's browser still holds Keycloak's cookies: they no longer open anything
        Map<String, String> after = query(browser.follow(silentLogin(), APP_REDIRECT));
        assertEquals("login_required", after.get("error"), after.toString());
        assertFalse(after.containsKey("code"), after.toString());
    }
}
