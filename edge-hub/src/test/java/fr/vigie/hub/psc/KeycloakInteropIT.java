package fr.vigie.hub.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PSC gateway against a real Keycloak 26 instead of the sandbox: CIBA in poll mode through an
 * HTTP authentication channel served here, and the authorization code with PKCE through
 * Keycloak's own login form. Keycloak is the distribution Maven unpacked into {@code target/},
 * run on a JDK 21+ found on the machine; its log is kept in {@code target/keycloak-interop/}.
 */
class KeycloakInteropIT {
    static final IdNatPs DOCTOR = id("810099900010");
    static final IdNatPs NURSE = id("810099900028");
    static final String CLIENT = "vigie-site";
    static final String SECRET = "keycloak-interop-secret";
    static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
    static CibaAuthenticationDevice device;

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
        device = new CibaAuthenticationDevice();
        keycloak = KeycloakServer.start(Path.of(home), java.get(), "/keycloak/vigie-realm.json", device.channelUri(),
                Path.of("target", "keycloak-interop", "keycloak.log"));
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
        CibaRequest request = flow.start(who, channel);
        CibaAuthenticationDevice.Relayed relayed = device.next();
        assertEquals(who.value(), relayed.loginHint());
        assertEquals(request.bindingMessage(), relayed.bindingMessage());
        assertInstanceOf(CibaPoll.Pending.class, flow.poll(request), "authorization_pending before the answer");
        assertEquals(200, device.answer(keycloak.issuer(), relayed, status));
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
}
