package fr.vigie.hub.sso;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.directory.DirectorySettings;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.testing.TestAgents;
import fr.vigie.hub.testing.TestCertificates;
import fr.vigie.hub.testing.TestSlapd;
import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CardProofRequest;
import fr.vigie.protocol.device.SsoApi;
import fr.vigie.protocol.device.SsoFactor;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.testing.MutableClock;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local accounts end to end: a hub (embedded PostgreSQL, {@code hub.sso.enabled}) whose {@code hub.directory.*}
 * points at a real OpenLDAP over LDAPS ({@link TestSlapd}), kiosks signing clinicians in with their cards as in
 * {@link OpenIdProviderIT}, a relying party asking for the {@code local_account} scope, IT linking a card holder
 * through the REST API. The last test stops the directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalAccountsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "chu-nord";
    private static final String REDIRECT = "https://dpi.chu-nord.local/callback";
    private static final String CLAIRE = "810001234565";
    private static final String JEAN = "810001234581";
    private static final String LUC = "810001234599";

    @TempDir
    static Path dir;
    static TestSlapd slapd;
    static EdgeHub hub;
    static IgcSanteSandboxCa igc;
    static StaffClient it;
    static HttpClient browser;
    static OIDCProviderMetadata op;
    static JWKSet jwks;
    static String clientId;
    static Secret secret;
    static int kiosks;

    @BeforeAll
    static void start() throws Exception {
        slapd = TestSlapd.start(dir.resolve("ldap"), String.join("\n",
                "dn: uid=cmartin," + TestSlapd.PEOPLE, "objectClass: inetOrgPerson", "uid: cmartin",
                "cn: Claire MARTIN", "sn: MARTIN", "employeeNumber: " + CLAIRE, "",
                "dn: uid=jdurand," + TestSlapd.PEOPLE, "objectClass: inetOrgPerson", "uid: jdurand",
                "cn: Jean DURAND", "sn: DURAND", ""));
        slapd.add(String.join("\n", "dn: cn=urgences," + TestSlapd.GROUPS, "objectClass: groupOfNames",
                "cn: urgences", "member: uid=cmartin," + TestSlapd.PEOPLE, "member: uid=jdurand," + TestSlapd.PEOPLE,
                "", "dn: cn=ide," + TestSlapd.GROUPS, "objectClass: groupOfNames", "cn: ide",
                "member: uid=cmartin," + TestSlapd.PEOPLE, ""));
        Path password = TestCertificates.secretFile(dir, "bind-password", TestSlapd.SERVICE_PASSWORD);
        igc = IgcSanteSandboxCa.create(MutableClock.followingSystemTime(), new SecureRandom());
        Files.writeString(dir.resolve("anchors.pem"), igc.trust().toPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("crls.pem"), IgcSanteCrls.toPem(igc.crls()), StandardCharsets.US_ASCII);
        Map<String, String> settings = new HashMap<>(Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, SITE,
                HubPkiConfig.DEVICE_API_PORT, "0", HubConfig.INGEST_ENABLED, "false",
                HubConfig.IGC_SANTE_ANCHORS, dir.resolve("anchors.pem").toString(),
                HubConfig.IGC_SANTE_CRL_FILES, dir.resolve("crls.pem").toString(),
                SsoSettings.ENABLED, "true"));
        settings.putAll(Map.of(DirectorySettings.URL, slapd.ldapsUrl(), DirectorySettings.BIND_DN, TestSlapd.SERVICE_DN,
                DirectorySettings.BIND_PASSWORD_FILE, password.toString(), DirectorySettings.BASE_DN, TestSlapd.PEOPLE,
                DirectorySettings.ID_ATTRIBUTE, "employeeNumber", DirectorySettings.GROUP_SEARCH_BASE, TestSlapd.GROUPS,
                DirectorySettings.TRUST_ANCHORS, slapd.ca().toString(), DirectorySettings.CACHE_SECONDS, "0"));
        hub = EdgeHub.start(HubConfig.load(null, settings), MutableClock.followingSystemTime());
        it = StaffClient.firstAdmin(hub.httpUri(), dir.resolve("hub"));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("site-root", hub.siteCa().rootCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), new SecureRandom());
        browser = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER).build();
        URI issuer = fr.vigie.hub.HubServicesFixture.singleSignOn(hub).issuer().orElseThrow();
        op = OIDCProviderMetadata.parse(browser.send(HttpRequest.newBuilder(issuer.resolve(
                "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        jwks = JWKSet.parse(browser.send(HttpRequest.newBuilder(op.getJWKSetURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> r = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", "dpi", "name",
                "Dossier patient", "redirectUris", List.of(REDIRECT), "minLevel", "CARD_PIN"));
        assertEquals(201, r.statusCode(), r.body());
        clientId = "dpi";
        secret = new Secret(JSON.readTree(r.body()).path("clientSecret").asText());
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    // ---- fixtures (as OpenIdProviderIT's) ---------------------------------------------------------------------

    /** A kiosk where {@code idNatPs}'s card (names as given) opened SSO session {@code session}: its browser ticket. */
    private static String signedInTicket(String idNatPs, String family, String given) throws Exception {
        KioskAddress address = KioskAddress.of(SITE, "ws-" + (++kiosks));
        DeviceIdentity identity = DeviceIdentity.openOrCreate(dir.resolve(address.kioskId()), address,
                "store".toCharArray(), Clock.systemUTC());
        hub.siteCa().enrolInProcess(identity);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        TestAgents.Card card = new TestAgents.Card(idNatPs, keys, igc.certify(idNatPs, family, given, keys.getPublic()));
        HttpClient device = HttpClient.newBuilder().sslContext(identity.sslContext())
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> n = post(device, SsoApi.NONCE.path(), Map.of("kioskSessionId", "s-1"));
        assertEquals(201, n.statusCode(), n.body());
        byte[] nonce = Base64.getDecoder().decode(JSON.readTree(n.body()).path("nonce").asText());
        CardProofRequest proof = CardProofRequest.of(nonce, card.sign(nonce), card.certificate().getEncoded(),
                List.of());
        HttpResponse<String> s = post(device, SsoApi.CARD_SESSION.path(), Map.of("proof", Map.of("nonce",
                proof.nonce(), "signature", proof.signature(), "certificate", proof.certificate()), "factor",
                SsoFactor.CARD_PIN.name()));
        assertEquals(200, s.statusCode(), s.body());
        HttpResponse<String> t = post(device, SsoApi.TICKET.path(), Map.of("kioskSessionId", "s-1"));
        assertEquals(201, t.statusCode(), t.body());
        return JSON.readTree(t.body()).path("ticket").asText();
    }

    private static HttpResponse<String> post(HttpClient device, String path, Object body) throws Exception {
        return device.send(HttpRequest.newBuilder(hub.deviceApiUri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The browser opens the application with the kiosk's ticket; the redirect's parameters, if any. */
    private static HttpResponse<String> authorize(String ticket, CodeVerifier verifier, String... scope)
            throws Exception {
        AuthenticationRequest r = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(scope),
                new ClientID(clientId), URI.create(REDIRECT)).endpointURI(op.getAuthorizationEndpointURI())
                .state(new State("st")).nonce(new Nonce("n")).codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("login_hint_token", ticket).build();
        return browser.send(HttpRequest.newBuilder(r.toURI()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> redirect(HttpResponse<String> r) {
        Map<String, String> params = new HashMap<>();
        String location = r.headers().firstValue("Location").orElse(null);
        if (location != null) {
            for (String pair : URI.create(location).getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static JsonNode tokens(String code, CodeVerifier verifier) throws Exception {
        HttpResponse<String> r = tokenResponse(code, verifier);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> tokenResponse(String code, CodeVerifier verifier) throws Exception {
        HTTPRequest nimbus = new TokenRequest.Builder(op.getTokenEndpointURI(), new ClientSecretBasic(
                new ClientID(clientId), secret), new AuthorizationCodeGrant(new AuthorizationCode(code),
                URI.create(REDIRECT), verifier)).build().toHTTPRequest();
        HttpRequest.Builder b = HttpRequest.newBuilder(nimbus.getURI()).POST(HttpRequest.BodyPublishers.ofString(
                nimbus.getBody()));
        nimbus.getHeaderMap().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static IDTokenClaimsSet idToken(JsonNode tokens) throws Exception {
        return new IDTokenValidator(op.getIssuer(), new ClientID(clientId), JWSAlgorithm.RS256, jwks)
                .validate(JWTParser.parse(tokens.path("id_token").asText()), new Nonce("n"));
    }

    private static int audited(String action) throws Exception {
        return auditLog(hub).find(new AuditQuery(null, action, null, null, null, 0, 1000)).entries().size();
    }

    // ---- tests ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theIdTokenAndUserinfoCarryTheDirectorysLoginAndGroups() throws Exception {
        assertTrue(op.getScopes().contains("local_account"));
        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> a = authorize(signedInTicket(CLAIRE, "MARTIN", "Claire"), verifier, "openid", "profile",
                "local_account");
        assertEquals(302, a.statusCode(), a.body());

        JsonNode tokens = tokens(redirect(a).get("code"), verifier);

        IDTokenClaimsSet id = idToken(tokens);
        assertEquals(CLAIRE, id.getSubject().getValue());
        assertEquals("cmartin", id.getStringClaim("preferred_username"));
        assertEquals(List.of("ide", "urgences"), id.getStringListClaim("groups"));
        HttpResponse<String> info = browser.send(HttpRequest.newBuilder(op.getUserInfoEndpointURI()).header(
                "Authorization", "Bearer " + tokens.path("access_token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("cmartin", JSON.readTree(info.body()).path("preferred_username").asText());
    }

    @Test
    @Order(2)
    void aCardHolderWithoutAccountGetsAClearPageThenItLinksThemAndTheTokenCarriesTheLinkedLogin()
            throws Exception {
        HttpResponse<String> refused = authorize(signedInTicket(JEAN, "DURAND", "Jean"), new CodeVerifier(), "openid",
                "local_account");

        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("Location").isEmpty(), "no code, no redirect");
        assertTrue(refused.body().contains("Votre carte n&#39;est reliée à aucun compte de l&#39;établissement")
                || refused.body().contains("Votre carte n'est reliée à aucun compte de l'établissement"),
                refused.body());
        assertTrue(refused.body().contains("Jean DURAND"), refused.body());
        assertEquals(1, audited("SSO_NO_LOCAL_ACCOUNT"));
        JsonNode listed = JSON.readTree(it.get("/api/v1/sso/accounts").body());
        assertEquals(JEAN, listed.get(0).path("professional").asText());
        assertEquals("DURAND", listed.get(0).path("familyName").asText());
        assertTrue(listed.get(0).path("login").isMissingNode());
        assertFalse(listed.get(0).path("lastSeen").asText().isEmpty());

        HttpResponse<String> page = it.get("/accounts");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Cartes et comptes de l'établissement")
                || page.body().contains("Cartes et comptes de l&#39;établissement"), page.body());
        assertTrue(it.get("/accounts?lang=en").body().contains("Cards and accounts of the establishment"));

        // IT: a login the directory lacks, a professional the directory already tags, then the right link
        HttpResponse<String> unknown = it.send("POST", "/api/v1/sso/accounts", Map.of("professional", JEAN,
                "login", "nobody"));
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("DIRECTORY_ACCOUNT_NOT_FOUND", JSON.readTree(unknown.body()).path("error").asText());
        HttpResponse<String> tagged = it.send("POST", "/api/v1/sso/accounts", Map.of("professional", CLAIRE,
                "login", "jdurand"));
        assertEquals(409, tagged.statusCode(), tagged.body());
        assertEquals("ACCOUNT_IN_DIRECTORY", JSON.readTree(tagged.body()).path("error").asText());
        HttpResponse<String> bad = it.send("POST", "/api/v1/sso/accounts", Map.of("professional", "81*)(uid=*",
                "login", "jdurand"));
        assertEquals(400, bad.statusCode(), bad.body());
        HttpResponse<String> linked = it.send("POST", "/api/v1/sso/accounts", Map.of("professional", JEAN,
                "login", "jdurand"));
        assertEquals(200, linked.statusCode(), linked.body());
        assertEquals("jdurand", JSON.readTree(linked.body()).path("login").asText());
        assertEquals(1, audited("SSO_ACCOUNT_LINKED"));
        // one account is one person: another professional is never linked to the same login
        HttpResponse<String> twice = it.send("POST", "/api/v1/sso/accounts", Map.of("professional", LUC,
                "login", "jdurand"));
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("ACCOUNT_ALREADY_LINKED", JSON.readTree(twice.body()).path("error").asText());
        assertEquals(1, audited("SSO_ACCOUNT_LINKED"));

        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> a = authorize(signedInTicket(JEAN, "DURAND", "Jean"), verifier, "openid",
                "local_account");
        assertEquals(302, a.statusCode(), a.body());
        IDTokenClaimsSet id = idToken(tokens(redirect(a).get("code"), verifier));
        assertEquals("jdurand", id.getStringClaim("preferred_username"));
        assertEquals(List.of("urgences"), id.getStringListClaim("groups"));

        HttpResponse<String> unlinked = it.send("DELETE", "/api/v1/sso/accounts/" + JEAN, null);
        assertEquals(204, unlinked.statusCode(), unlinked.body());
        assertEquals(1, audited("SSO_ACCOUNT_UNLINKED"));
        assertEquals(403, authorize(signedInTicket(JEAN, "DURAND", "Jean"), new CodeVerifier(), "openid",
                "local_account").statusCode());
    }

    @Test
    @Order(3)
    void theDirectorysAttributeWinsOverAnItLink() throws Exception {
        assertEquals(200, it.send("POST", "/api/v1/sso/accounts", Map.of("professional", JEAN, "login", "jdurand"))
                .statusCode());
        slapd.add(String.join("\n", "dn: uid=jean.durand," + TestSlapd.PEOPLE, "objectClass: inetOrgPerson",
                "uid: jean.durand", "cn: Jean DURAND", "sn: DURAND", "employeeNumber: " + JEAN, ""));
        CodeVerifier verifier = new CodeVerifier();

        HttpResponse<String> a = authorize(signedInTicket(JEAN, "DURAND", "Jean"), verifier, "openid",
                "local_account");

        assertEquals(302, a.statusCode(), a.body());
        IDTokenClaimsSet id = idToken(tokens(redirect(a).get("code"), verifier));
        assertEquals("jean.durand", id.getStringClaim("preferred_username"));
        assertEquals(List.of(), id.getStringListClaim("groups"));
    }

    @Test
    @Order(4)
    void anApplicationThatDoesNotAskForTheLocalAccountGetsTokensWithoutIt() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> a = authorize(signedInTicket(LUC, "PETIT", "Luc"), verifier, "openid");
        assertEquals(302, a.statusCode(), a.body());

        IDTokenClaimsSet id = idToken(tokens(redirect(a).get("code"), verifier));

        assertEquals(LUC, id.getSubject().getValue());
        assertNull(id.getStringClaim("preferred_username"));
    }

    @Test
    @Order(5)
    void anUnreachableDirectoryRefusesTheLocalAccountSignInRatherThanATokenWithoutTheLogin() throws Exception {
        String ticket = signedInTicket(CLAIRE, "MARTIN", "Claire");
        String other = signedInTicket(CLAIRE, "MARTIN", "Claire");
        CodeVerifier early = new CodeVerifier();
        HttpResponse<String> before = authorize(signedInTicket(CLAIRE, "MARTIN", "Claire"), early, "openid",
                "local_account");
        assertEquals(302, before.statusCode(), before.body());
        slapd.close();

        HttpResponse<String> a = authorize(ticket, new CodeVerifier(), "openid", "local_account");
        HttpResponse<String> t = tokenResponse(redirect(before).get("code"), early);

        assertEquals(302, a.statusCode(), a.body());
        assertEquals("temporarily_unavailable", redirect(a).get("error"), redirect(a).toString());
        assertNull(redirect(a).get("code"));
        // a code given while the directory answered gets no token once it does not (cache-seconds=0 here)
        assertEquals(503, t.statusCode(), t.body());
        assertEquals("temporarily_unavailable", JSON.readTree(t.body()).path("error").asText());
        assertTrue(JSON.readTree(t.body()).path("id_token").isMissingNode());
        // an application that did not ask for the local account is not held up by the directory
        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> plain = authorize(other, verifier, "openid");
        String code = redirect(plain).get("code");
        assertNotNull(code, redirect(plain).toString());
        assertNull(idToken(tokens(code, verifier)).getStringClaim("preferred_username"));
    }
}
