package fr.vigie.hub.sandbox.psc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.HubServicesFixture;
import fr.vigie.hub.sandbox.SandboxHub;
import fr.vigie.hub.sso.SsoSettings;
import fr.vigie.hub.testing.DeviceHttp;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.protocol.device.SsoApi;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clinician signed in with Pro Santé Connect (kiosk CIBA approved on the sandbox PSC's phone page, bound to the
 * kiosk session) opens the site's applications: the hub's OpenID Provider opens the SSO session through that
 * bound sign-in, and its ID token and userinfo say {@code eidas1} and carry PSC's names and the exercice the
 * clinician chose, as PSC's {@code SubjectRefPro}.
 */
class SsoThroughPscIT {
    private static final MutableClock CLOCK = MutableClock.followingSystemTime();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "poste-3");
    private static final String NURSE = "810099900028";
    private static final String REDIRECT = "https://dpi.chu-nord.invalid/callback";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static SandboxHub sandboxHub;
    static DeviceHttp kiosk;
    static HttpClient browser;

    @BeforeAll
    static void start() throws Exception {
        sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.DEVICE_API_PORT, "0",
                HubPkiConfig.SITE, KIOSK.site(), HubConfig.INGEST_ENABLED, "false", SsoSettings.ENABLED, "true"),
                CLOCK);
        kiosk = new DeviceHttp(sandboxHub.hub().deviceApiUri(), TestDevices.enrolled(sandboxHub.hub().siteCa(),
                dir.resolve("kiosks"), KIOSK, CLOCK).sslContext());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("site-root", sandboxHub.hub().siteCa().rootCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), new SecureRandom());
        browser = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        if (sandboxHub != null) {
            sandboxHub.close();
        }
    }

    @Test
    void aBoundPscSignInOpensTheApplicationsWithEidas1AndThePscExerciceChosen() throws Exception {
        JsonNode started = kiosk.post(CibaApi.START.path(), Map.of("idNatPs", NURSE, "channel", "MOBILE",
                "kioskSessionId", "s-1"), 201);
        String requestId = started.path("requestId").asText();
        approveOnThePhone(started.path("bindingMessage").asText());
        await().atMost(WAIT).until(() -> kiosk.get(CibaApi.STATUS.path(requestId), 200).path("status").asText()
                .equals("BOUND"));
        kiosk.post(CibaApi.EXERCICE.path(requestId), Map.of("index", 1), 200);

        JsonNode opened = kiosk.post(SsoApi.PSC_SESSION.path(), Map.of("kioskSessionId", "s-1", "cibaRequestId",
                requestId), 200);
        assertEquals("eidas1", opened.path("acr").asText());
        assertEquals(NURSE, opened.path("professional").asText());

        URI issuer = HubServicesFixture.singleSignOn(sandboxHub.hub()).issuer().orElseThrow();
        OIDCProviderMetadata op = OIDCProviderMetadata.parse(browser.send(HttpRequest.newBuilder(issuer.resolve(
                "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        StaffClient it = StaffClient.firstAdmin(sandboxHub.hub().httpUri(), dir.resolve("hub"));
        HttpResponse<String> registered = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", "dpi",
                "name", "Dossier patient", "redirectUris", List.of(REDIRECT), "minLevel", "PSC_ECPS",
                "kioskGroups", List.of("urgences")));
        assertEquals(201, registered.statusCode(), registered.body());
        ClientSecretBasic auth = new ClientSecretBasic(new ClientID("dpi"), new Secret(JSON.readTree(
                registered.body()).path("clientSecret").asText()));
        String ticket = kiosk.post(SsoApi.TICKET.path(), Map.of("kioskSessionId", "s-1"), 201).path("ticket").asText();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid",
                "profile"), new ClientID("dpi"), URI.create(REDIRECT)).endpointURI(op.getAuthorizationEndpointURI())
                .state(new State("st-1")).nonce(new Nonce("n-1")).codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("login_hint_token", ticket).build();
        HttpResponse<String> redirected = browser.send(HttpRequest.newBuilder(authorize.toURI()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirected.statusCode(), redirected.body());
        String code = query(URI.create(redirected.headers().firstValue("Location").orElseThrow())).get("code");
        assertNotNull(code);
        HTTPRequest tokenRequest = new TokenRequest.Builder(op.getTokenEndpointURI(), auth, new AuthorizationCodeGrant(
                new AuthorizationCode(code), URI.create(REDIRECT), verifier)).build().toHTTPRequest();
        HttpRequest.Builder b = HttpRequest.newBuilder(tokenRequest.getURI()).POST(HttpRequest.BodyPublishers
                .ofString(tokenRequest.getBody()));
        tokenRequest.getHeaderMap().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        HttpResponse<String> t = browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, t.statusCode(), t.body());
        JsonNode tokens = JSON.readTree(t.body());
        JWKSet jwks = JWKSet.parse(browser.send(HttpRequest.newBuilder(op.getJWKSetURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        IDTokenClaimsSet id = new IDTokenValidator(op.getIssuer(), new ClientID("dpi"), JWSAlgorithm.RS256, jwks)
                .validate(JWTParser.parse(tokens.path("id_token").asText()), new Nonce("n-1"));
        HttpResponse<String> info = browser.send(HttpRequest.newBuilder(op.getUserInfoEndpointURI()).header(
                "Authorization", "Bearer " + tokens.path("access_token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(NURSE, id.getSubject().getValue());
        assertEquals("eidas1", id.getACR().getValue());
        assertEquals(List.of("mca", "mfa"), id.getStringListClaim("amr"));
        assertEquals("JULIEN", id.getStringClaim("given_name"));
        assertEquals("DUBOIS", id.getStringClaim("family_name"));
        JsonNode chosen = JSON.readTree("{\"exercices\":[{\"codeProfession\":\"60\",\"codeCategorieProfessionnelle\":"
                + "\"C\",\"nomDexercice\":\"DUBOIS\",\"prenomDexercice\":\"JULIEN\",\"activities\":[{"
                + "\"codeSecteurDactivite\":\"SA07\",\"raisonSocialeSite\":\"CABINET INFIRMIER DES QUAIS\"}]}]}");
        assertEquals(chosen, JSON.valueToTree(id.getClaim("SubjectRefPro")), "the exercice chosen, not the other");
        assertEquals(200, info.statusCode(), info.body());
        assertEquals(chosen, JSON.readTree(info.body()).path("SubjectRefPro"));
    }

    private static void approveOnThePhone(String bindingMessage) {
        PscSimulator psc = sandboxHub.sandbox().psc();
        await().atMost(WAIT).until(() -> psc.pendingRequests().stream()
                .anyMatch(p -> p.bindingMessage().equals(bindingMessage)));
        List<CibaLedger.Pending> shown = psc.pendingRequests().stream()
                .filter(p -> p.bindingMessage().equals(bindingMessage)).toList();
        assertEquals(1, shown.size(), "one request shows " + bindingMessage + " on the phone");
        assertTrue(psc.ledger.decide(shown.get(0).ref(), true));
    }

    private static Map<String, String> query(URI location) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
