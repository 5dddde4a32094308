package fr.vigie.hub.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.testing.TestCertificates;
import fr.vigie.hub.tls.ServerTrust;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PSC gateway against a real Keycloak 26 instead of the sandbox: CIBA in poll mode through an
 * HTTP authentication channel served here, and the authorization code with PKCE through
 * Keycloak's own login form. The same Keycloak also serves HTTPS with a certificate from a test CA
 * and authenticates the client {@value #MTLS_CLIENT} by its X.509 certificate ({@code client-x509},
 * certificate-bound tokens): the gateway's production mode, {@code tls_client_auth} from a PKCS#12,
 * configured through the {@code hub.psc.*} settings. Keycloak is the distribution Maven unpacked into
 * {@code target/}, run on a JDK 21+ found on the machine; its log is kept in {@code target/keycloak-interop/}.
 */
class KeycloakInteropIT {
    static final IdNatPs DOCTOR = id("810099900010");
    static final IdNatPs NURSE = id("810099900028");
    static final String CLIENT = "vigie-site";
    static final String SECRET = "keycloak-interop-secret";
    static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
    /** The client Keycloak authenticates by the subject of its certificate ({@code x509.subjectdn} in the realm). */
    static final String MTLS_CLIENT = "vigie-site-mtls";
    static final String MTLS_SUBJECT = "CN=vigie-site.chu.example,OU=10B0152872,O=CH DE VIGIE,C=FR";
    static CibaAuthenticationDevice device;
    @TempDir
    static Path pki;
    static TestCertificates.Authority ca;
    static Path caPem;
    static SSLContext trustingCa;
    static TestCertificates.Written registered;

    static IdNatPs id(String s) {
        try {
            return IdNatPs.parse(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static KeycloakServer keycloak;
    static PscGatewayConfig config;
    static PscProvider provider;
    static IdTokenValidator validator;
    static CibaFlow ciba;
    static ScheduledExecutorService scheduler;
    final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void startKeycloak() throws Exception {
        Optional<Path> java = KeycloakServer.javaHome();
        Assumptions.assumeTrue(java.isPresent(), "Keycloak 26 needs a JDK " + KeycloakServer.LEAST_JAVA
                + "+; none found (set KEYCLOAK_JAVA_HOME or -Dvigie.keycloak.java)");
        String home = System.getProperty("vigie.keycloak.home");
        assertNotNull(home, "vigie.keycloak.home is unset: run through Maven (mvn verify), which unpacks Keycloak");
        assertTrue(Files.isExecutable(Path.of(home, "bin/kc.sh")), "no Keycloak distribution at " + home);
        ca = TestCertificates.Authority.create("CN=Vigie interop test CA,O=CH DE VIGIE,C=FR");
        caPem = ca.writePem(pki, "test-ca");
        trustingCa = ServerTrust.anchors(PscGatewaySettings.TRUST_ANCHORS, List.of(caPem))
                .contextWithoutClientCertificate().orElseThrow();
        registered = ca.issueClient(pki, "psc-client", MTLS_SUBJECT);
        Path[] server = ca.issueServer(pki, "keycloak", "127.0.0.1");
        String storePassword = "interop-trust";
        KeycloakServer.Https https = new KeycloakServer.Https(server[0], server[1],
                ca.writeTrustStore(pki, "keycloak-trust", storePassword.toCharArray()), storePassword);
        device = new CibaAuthenticationDevice(trustingCa);
        keycloak = KeycloakServer.start(Path.of(home), java.get(), "/keycloak/vigie-realm.json", device.channelUri(),
                https, Path.of("target", "keycloak-interop", "keycloak.log"));
        // No least time between JWKS refetches: one test rotates the realm's key under the others.
        config = PscGatewayConfig.withSecret(keycloak.issuer(), CLIENT, SECRET)
                .withDiscoveryPath(PscGatewayConfig.OIDC_DISCOVERY_PATH).withJwksMinRefetch(Duration.ZERO);
        provider = PscProvider.discover(config);
        validator = IdTokenValidator.forProvider(config, provider, Clock.systemUTC());
        ciba = new CibaFlow(config, provider, validator, new SecureRandom(), Clock.systemUTC());
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopKeycloak() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (device != null) {
            device.close();
        }
    }

    @BeforeEach
    void forgetUnansweredRequests() {
        device.forgetPending();
    }

    /** Starts CIBA, checks what the device was shown, answers with {@code status}, polls to the end. */
    CibaPoll cibaAnswered(CibaFlow flow, IdNatPs who, CibaChannel channel, String status) throws Exception {
        return cibaAnswered(flow, keycloak.issuer(), who, channel, status);
    }

    /** The same, the device answering at {@code issuer} (Keycloak's HTTP or HTTPS side). */
    CibaPoll cibaAnswered(CibaFlow flow, URI issuer, IdNatPs who, CibaChannel channel, String status)
            throws Exception {
        CibaRequest request = flow.start(who, channel);
        CibaAuthenticationDevice.Relayed relayed = device.next();
        assertEquals(who.value(), relayed.loginHint());
        assertEquals(request.bindingMessage(), relayed.bindingMessage());
        assertInstanceOf(CibaPoll.Pending.class, flow.poll(request), "authorization_pending before the answer");
        assertEquals(200, device.answer(issuer, relayed, status));
        return new CibaPoller(flow, scheduler, clock).await(request).get(60, TimeUnit.SECONDS);
    }

    PscTokens cibaApproved(CibaFlow flow, IdNatPs who, CibaChannel channel) throws Exception {
        return assertInstanceOf(CibaPoll.Tokens.class, cibaAnswered(flow, who, channel, "SUCCEED")).tokens();
    }

    PscTokens cibaApproved(IdNatPs who, CibaChannel channel) throws Exception {
        return cibaApproved(ciba, who, channel);
    }

    @Test
    void discoveryReadsKeycloaksStandardDocumentButNotPscsPath() throws Exception {
        assertEquals(keycloak.issuer(), provider.issuer());
        assertEquals(URI.create(keycloak.issuer() + "/protocol/openid-connect/ext/ciba/auth"), provider.cibaEndpoint());
        PscException atPscPath = assertThrows(PscException.class,
                () -> PscProvider.discover(PscGatewayConfig.withSecret(keycloak.issuer(), CLIENT, SECRET)));
        assertEquals(PscError.PSC_DISCOVERY_FAILED, atPscPath.error());
    }

    @Test
    void cibaApprovedOnTheDeviceGivesValidTokensThatBindOnlyToTheCardHoldersSession() throws Exception {
        PscTokens tokens = cibaApproved(DOCTOR, CibaChannel.CARD);

        assertEquals(DOCTOR, tokens.claims().subjectNameId());
        assertEquals("eidas1", tokens.claims().acr());
        SignedJWT raw = SignedJWT.parse(tokens.idToken());
        assertEquals(keycloak.issuer().toString(), raw.getJWTClaimsSet().getIssuer());
        assertEquals(List.of(CLIENT), raw.getJWTClaimsSet().getAudience());
        assertTrue(tokens.claims().sid().isPresent());
        PscAuditSink.InMemory audit = new PscAuditSink.InMemory();
        SessionBindingGuard guard = new SessionBindingGuard(audit, clock);
        assertInstanceOf(SessionBindingGuard.Binding.Bound.class, guard.bind("kiosk-1/s1", DOCTOR, tokens));
        assertEquals(PscError.PSC_SUBJECT_MISMATCH, assertInstanceOf(SessionBindingGuard.Binding.Refused.class,
                guard.bind("kiosk-1/s2", NURSE, tokens)).reason());
        assertEquals(List.of("BOUND", "REFUSED"), audit.records().stream().map(PscAuditRecord::outcome).toList());

        PscUserInfo info = new UserInfoClient(config, provider, validator, clock).fetch(tokens);
        assertEquals(DOCTOR, info.subjectNameId());
        assertEquals("MARTIN", info.familyName());
        assertEquals("MARTIN-LEROY", info.subjectRefPro().choose(1).nomDexercice());
        assertEquals("SM26", info.subjectRefPro().choose("10", "750100042").codeSavoirFaire());
    }

    @Test
    void cibaRefusedOrCancelledOnTheDeviceEndsWithAccessDenied() throws Exception {
        for (String answer : List.of("UNAUTHORIZED", "CANCELLED")) {
            CibaPoll end = cibaAnswered(ciba, NURSE, CibaChannel.MOBILE, answer);
            assertEquals(PscError.PSC_ACCESS_DENIED, assertInstanceOf(CibaPoll.Denied.class, end).error(), answer);
        }
    }

    @Test
    void pollingFasterThanKeycloaksIntervalIsToldToSlowDown() throws Exception {
        CibaRequest request = ciba.start(NURSE, CibaChannel.MOBILE);
        device.next();
        assertEquals(Duration.ofSeconds(1), request.interval());
        assertInstanceOf(CibaPoll.Pending.class, ciba.poll(request));
        assertEquals(Duration.ofSeconds(6), assertInstanceOf(CibaPoll.SlowDown.class, ciba.poll(request)).interval());
    }

    @Test
    void unknownProfessionalOrWrongSecretIsRefusedByKeycloak() throws Exception {
        assertEquals(PscError.PSC_REQUEST_REFUSED, assertThrows(PscException.class,
                () -> ciba.start(id("810099900036"), CibaChannel.CARD)).error());
        CibaFlow wrong = new CibaFlow(PscGatewayConfig.withSecret(keycloak.issuer(), CLIENT, "not-the-secret")
                .withDiscoveryPath(PscGatewayConfig.OIDC_DISCOVERY_PATH), provider, validator, new SecureRandom(), clock);
        assertEquals(PscError.PSC_CLIENT_UNAUTHORIZED,
                assertThrows(PscException.class, () -> wrong.start(DOCTOR, CibaChannel.CARD)).error());
    }

    @Test
    void keycloaksTokensStillFailEveryCheckTheyShouldFail() throws Exception {
        PscTokens tokens = cibaApproved(DOCTOR, CibaChannel.CARD);
        PscGatewayConfig otherClient = PscGatewayConfig.withSecret(keycloak.issuer(), "another-client", SECRET)
                .withDiscoveryPath(PscGatewayConfig.OIDC_DISCOVERY_PATH);
        assertEquals(PscError.PSC_TOKEN_AUDIENCE_INVALID, assertThrows(PscException.class,
                () -> IdTokenValidator.forProvider(otherClient, provider, clock).validate(tokens.idToken(),
                        Optional.empty())).error());
        PscGatewayConfig higherAcr = new PscGatewayConfig(config.issuer(), CLIENT, config.clientSecret(),
                Optional.empty(), config.scope(), "eidas2", config.clockSkew(), config.jwksMinRefetch(),
                config.httpTimeout(), config.discoveryPath());
        assertEquals(PscError.PSC_TOKEN_ACR_INVALID, assertThrows(PscException.class,
                () -> IdTokenValidator.forProvider(higherAcr, provider, clock).validate(tokens.idToken(),
                        Optional.empty())).error());
        MutableClock later = MutableClock.followingSystemTime();
        later.advance(Duration.ofHours(1));
        assertEquals(PscError.PSC_TOKEN_EXPIRED, assertThrows(PscException.class,
                () -> IdTokenValidator.forProvider(config, provider, later).validate(tokens.idToken(),
                        Optional.empty())).error());
        assertEquals(PscError.PSC_TOKEN_NONCE_INVALID, assertThrows(PscException.class,
                () -> validator.validate(tokens.idToken(), Optional.of("a-nonce-never-sent"))).error());
        String[] parts = tokens.idToken().split("\\.");
        String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
        assertEquals(PscError.PSC_TOKEN_ALG_REJECTED, assertThrows(PscException.class,
                () -> validator.validate(unsigned, Optional.empty())).error());
    }

    /** Signs {@code who} in through Keycloak's login form; returns the attempt with the code and state. */
    static String[] browserSignIn(AuthCodeFlow.Attempt attempt, String username, String password) throws Exception {
        URI back = new KeycloakLoginForm().signIn(attempt.authorizationUri(), username, password);
        assertTrue(back.toString().startsWith(REDIRECT.toString()), "redirected to " + back);
        return new String[] {param(back, "code"), param(back, "state")};
    }

    static String param(URI uri, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(uri.getRawQuery() == null ? ""
                : "?" + uri.getRawQuery());
        assertTrue(m.find(), uri + " has no " + name);
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void authorizationCodeWithPkceSignsInThroughKeycloaksLoginFormAndTheCodeWorksOnce() throws Exception {
        AuthCodeFlow flow = new AuthCodeFlow(config, provider, validator, new SecureRandom());
        AuthCodeFlow.Attempt attempt = flow.begin(REDIRECT, Optional.of(NURSE.value()));
        String[] cs = browserSignIn(attempt, NURSE.value(), "nurse-interop-pass");

        assertEquals(PscError.PSC_GRANT_INVALID,
                assertThrows(PscException.class, () -> flow.finish(attempt, cs[0], "forged-state")).error());
        PscTokens tokens = flow.finish(attempt, cs[0], cs[1]);
        assertEquals(NURSE, tokens.claims().subjectNameId());
        assertEquals("eidas1", tokens.claims().acr());
        assertEquals(attempt.nonce(), SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getStringClaim("nonce"));
        assertEquals("60", new UserInfoClient(config, provider, validator, clock).fetch(tokens).subjectRefPro()
                .single().orElseThrow().codeProfession());

        assertEquals(PscError.PSC_GRANT_INVALID,
                assertThrows(PscException.class, () -> flow.finish(attempt, cs[0], cs[1])).error());
        assertFalse(new PscTokenClient(config, provider, validator).introspect(tokens.accessToken()).active(),
                "Keycloak revokes the tokens a replayed code had given");
    }

    @Test
    void authorizationCodeWithAnotherPkceVerifierIsRefusedByKeycloak() throws Exception {
        AuthCodeFlow flow = new AuthCodeFlow(config, provider, validator, new SecureRandom());
        AuthCodeFlow.Attempt a = flow.begin(REDIRECT, Optional.of(DOCTOR.value()));
        String[] cs = browserSignIn(a, DOCTOR.value(), "doctor-interop-pass");
        AuthCodeFlow.Attempt tampered = new AuthCodeFlow.Attempt(a.authorizationUri(), a.state(), a.nonce(),
                "another-verifier-another-verifier-another-verifier", a.redirectUri());
        assertEquals(PscError.PSC_GRANT_INVALID,
                assertThrows(PscException.class, () -> flow.finish(tampered, cs[0], cs[1])).error());
    }

    @Test
    void refreshIntrospectionAndEndSessionWorkAgainstKeycloak() throws Exception {
        PscTokenClient client = new PscTokenClient(config, provider, validator);
        PscTokens first = cibaApproved(DOCTOR, CibaChannel.CARD);
        PscTokens second = client.refresh(first);
        assertNotEquals(first.accessToken(), second.accessToken());
        assertEquals(DOCTOR, second.claims().subjectNameId());
        assertEquals(first.claims().sid(), second.claims().sid());

        PscTokenClient.Introspection live = client.introspect(second.accessToken());
        assertTrue(live.active());
        assertEquals(Optional.of(DOCTOR.value()), live.subjectNameId());

        client.logout(second);
        assertFalse(client.introspect(second.accessToken()).active());
        assertFalse(client.introspect(second.refreshToken().orElseThrow()).active());
        assertThrows(PscException.class, () -> new UserInfoClient(config, provider, validator, clock).fetch(second));
        assertThrows(PscException.class, () -> client.refresh(second));
    }

    @Test
    void aClientWhoseUserinfoKeycloakSignsGetsAVerifiedJwt() throws Exception {
        PscGatewayConfig jwtClient = PscGatewayConfig.withSecret(keycloak.issuer(), "vigie-site-jwt",
                "keycloak-interop-secret-jwt").withDiscoveryPath(PscGatewayConfig.OIDC_DISCOVERY_PATH);
        IdTokenValidator v = IdTokenValidator.forProvider(jwtClient, provider, clock);
        PscTokens tokens = cibaApproved(new CibaFlow(jwtClient, provider, v, new SecureRandom(), clock), NURSE,
                CibaChannel.MOBILE);
        PscUserInfo info = new UserInfoClient(jwtClient, provider, v, clock).fetch(tokens);
        assertTrue(info.signed());
        assertEquals(NURSE, info.subjectNameId());
        assertEquals("DUBOIS", info.subjectRefPro().single().orElseThrow().nomDexercice());
        assertEquals(PscError.PSC_USERINFO_INVALID, assertThrows(PscException.class,
                () -> new UserInfoClient(config, provider, validator, clock).fetch(tokens)).error(),
                "signed for vigie-site-jwt, not for vigie-site");
    }

    @Test
    void afterKeycloakRotatesItsSigningKeyTheValidatorRefetchesTheJwksOnce() throws Exception {
        RotatingJwkSource keys = new RotatingJwkSource(new PscHttp(config), provider.jwksUri(), clock, Duration.ZERO);
        CibaFlow flow = new CibaFlow(config, provider, new IdTokenValidator(config, keys, clock), new SecureRandom(),
                clock);
        String before = SignedJWT.parse(cibaApproved(flow, DOCTOR, CibaChannel.CARD).idToken()).getHeader().getKeyID();
        assertEquals(1, keys.fetches());

        assertEquals(201, keycloak.addSigningKey("rotated-rs256", 200));
        PscTokens after = cibaApproved(flow, NURSE, CibaChannel.MOBILE);
        assertNotEquals(before, SignedJWT.parse(after.idToken()).getHeader().getKeyID());
        assertEquals(NURSE, after.claims().subjectNameId());
        assertEquals(2, keys.fetches());
        cibaApproved(flow, DOCTOR, CibaChannel.CARD);
        assertEquals(2, keys.fetches(), "the new key is cached");
    }

    /** The gateway's configuration as a site writes it: {@code hub.psc.*} read by the hub's own settings reader. */
    static PscGatewayConfig productionSettings(TestCertificates.Written certificate) throws Exception {
        Map<String, String> settings = Map.of(
                PscGatewaySettings.DISCOVERY_URL, keycloak.httpsIssuer() + PscGatewayConfig.OIDC_DISCOVERY_PATH,
                PscGatewaySettings.CLIENT_ID, MTLS_CLIENT,
                PscGatewaySettings.CLIENT_AUTH, "tls_client_auth",
                PscGatewaySettings.CERTIFICATE, certificate.pkcs12().toString(),
                PscGatewaySettings.CERTIFICATE_PASSWORD_FILE, certificate.passwordFile().toString(),
                PscGatewaySettings.TRUST_ANCHORS, caPem.toString());
        return HubConfig.load(null, settings).gateways().psc().orElseThrow().gatewayConfig();
    }

    /** The SHA-256 thumbprint of a certificate, as {@code cnf.x5t#S256} carries it (RFC 8705 §3.1). */
    static String thumbprint(X509Certificate certificate) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    @Test
    void productionModeOverHttpsAuthenticatesWithTheCertificateFromThePkcs12ForCibaAndTheCodeFlow() throws Exception {
        PscGatewayConfig mtls = productionSettings(registered);
        assertTrue(mtls.clientSecret().isEmpty(), "tls_client_auth sends no secret");
        PscProvider https = PscProvider.discover(mtls);
        assertEquals(keycloak.httpsIssuer(), https.issuer());
        assertEquals(URI.create(keycloak.httpsIssuer() + "/protocol/openid-connect/ext/ciba/auth"),
                https.cibaEndpoint(), "Keycloak's mtls_endpoint_aliases");
        IdTokenValidator v = IdTokenValidator.forProvider(mtls, https, clock);

        CibaFlow flow = new CibaFlow(mtls, https, v, new SecureRandom(), clock);
        PscTokens byCiba = assertInstanceOf(CibaPoll.Tokens.class, cibaAnswered(flow, keycloak.httpsIssuer(), DOCTOR,
                CibaChannel.CARD, "SUCCEED")).tokens();
        assertEquals(DOCTOR, byCiba.claims().subjectNameId());
        assertEquals("eidas1", byCiba.claims().acr());
        assertEquals(List.of(MTLS_CLIENT), SignedJWT.parse(byCiba.idToken()).getJWTClaimsSet().getAudience());
        Map<String, Object> cnf = SignedJWT.parse(byCiba.accessToken()).getJWTClaimsSet().getJSONObjectClaim("cnf");
        assertEquals(thumbprint(registered.certificate()), cnf.get("x5t#S256"),
                "Keycloak bound the access token to the certificate the gateway presented at the token endpoint");
        PscUserInfo info = new UserInfoClient(mtls, https, v, clock).fetch(byCiba);
        assertEquals(DOCTOR, info.subjectNameId());
        assertTrue(new PscTokenClient(mtls, https, v).introspect(byCiba.accessToken()).active());

        AuthCodeFlow code = new AuthCodeFlow(mtls, https, v, new SecureRandom());
        AuthCodeFlow.Attempt attempt = code.begin(REDIRECT, Optional.of(NURSE.value()));
        assertTrue(attempt.authorizationUri().toString().startsWith(keycloak.httpsIssuer().toString()));
        URI back = new KeycloakLoginForm(trustingCa).signIn(attempt.authorizationUri(), NURSE.value(),
                "nurse-interop-pass");
        PscTokens byCode = code.finish(attempt, param(back, "code"), param(back, "state"));
        assertEquals(NURSE, byCode.claims().subjectNameId());
        assertEquals(attempt.nonce(), SignedJWT.parse(byCode.idToken()).getJWTClaimsSet().getStringClaim("nonce"));
        assertEquals("60", new UserInfoClient(mtls, https, v, clock).fetch(byCode).subjectRefPro().single()
                .orElseThrow().codeProfession());
    }

    @Test
    void aCertificateOfAnotherSubjectOrFromAnUntrustedCaIsRefusedAsAnUnauthorizedClient() throws Exception {
        PscGatewayConfig good = productionSettings(registered);
        PscProvider https = PscProvider.discover(good);
        IdTokenValidator v = IdTokenValidator.forProvider(good, https, clock);
        PscTokens tokens = assertInstanceOf(CibaPoll.Tokens.class, cibaAnswered(
                new CibaFlow(good, https, v, new SecureRandom(), clock), keycloak.httpsIssuer(), NURSE,
                CibaChannel.MOBILE, "SUCCEED")).tokens();

        PscGatewayConfig otherSubject = productionSettings(ca.issueClient(pki, "psc-other",
                "CN=another-site.chu.example,OU=10B0152872,O=CH DE VIGIE,C=FR"));
        assertEquals(PscError.PSC_CLIENT_UNAUTHORIZED, assertThrows(PscException.class,
                () -> new CibaFlow(otherSubject, https, v, new SecureRandom(), clock).start(DOCTOR, CibaChannel.CARD))
                .error(), "a certificate the CA issued to someone else: invalid_client");
        assertThrows(PscException.class, () -> new UserInfoClient(otherSubject, https, v, clock).fetch(tokens),
                "the access token is bound to the registered certificate");

        TestCertificates.Written selfSigned = TestCertificates.write(pki, "psc-untrusted", MTLS_SUBJECT);
        PscGatewayConfig untrusted = productionSettings(selfSigned);
        PscException refused = assertThrows(PscException.class, () -> PscProvider.discover(untrusted));
        assertEquals(PscError.PSC_CLIENT_UNAUTHORIZED, refused.error(), refused.getMessage());
        assertTrue(refused.getMessage().contains("TLS handshake"), refused.getMessage());
        PscException ciba = assertThrows(PscException.class,
                () -> new CibaFlow(untrusted, https, v, new SecureRandom(), clock).start(DOCTOR, CibaChannel.CARD));
        assertEquals(PscError.PSC_CLIENT_UNAUTHORIZED, ciba.error(),
                "the registered subject, but not from a CA Keycloak trusts: " + ciba.getMessage());
    }
}
