package fr.vigie.hub.sandbox.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.psc.AuthCodeFlow;
import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaFlow;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.CibaPoller;
import fr.vigie.hub.psc.CibaRequest;
import fr.vigie.hub.psc.IdTokenValidator;
import fr.vigie.hub.psc.PscAuditSink;
import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscProvider;
import fr.vigie.hub.psc.PscTokenClient;
import fr.vigie.hub.psc.PscTokens;
import fr.vigie.hub.psc.PscUserInfo;
import fr.vigie.hub.psc.SessionBindingGuard;
import fr.vigie.hub.psc.UserInfoClient;
import fr.vigie.hub.sandbox.psc.PscSimulator;
import fr.vigie.hub.sandbox.psc.SandboxProfessionals;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against the sandbox PSC on loopback, over real HTTP. */
class PscGatewayIT {
    static final IdNatPs DOCTOR = id("810099900010");
    static final IdNatPs NURSE = id("810099900028");
    final MutableClock pscClock = MutableClock.followingSystemTime();
    final Clock hubClock = Clock.systemUTC();
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    PscSimulator psc;
    PscGatewayConfig config;
    PscProvider provider;
    IdTokenValidator validator;
    CibaFlow ciba;

    static IdNatPs id(String s) {
        try {
            return IdNatPs.parse(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void start() throws Exception {
        psc = PscSimulator.start("127.0.0.1", 0, PscSimulator.Options.defaults(), SandboxProfessionals.bundled(),
                pscClock, new SecureRandom());
        config = PscGatewayConfig.withSecret(psc.issuer(), "vigie-sandbox", "sandbox-secret")
                .withJwksMinRefetch(Duration.ZERO);
        provider = PscProvider.discover(config);
        validator = IdTokenValidator.forProvider(config, provider, hubClock);
        ciba = new CibaFlow(config, provider, validator, new SecureRandom(), hubClock);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        psc.close();
    }

    /** Approves or refuses, through the phone page's HTML and its form endpoint, the request showing {@code code}. */
    int decideOnPhone(String code, String decision) throws Exception {
        String html = browser.send(HttpRequest.newBuilder(psc.phonePage()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("data-ref=\"([0-9a-f]+)\">.*?<strong class=\"code\">" + code
                + "</strong>.*?name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        assertTrue(m.find(), "the phone shows the binding message " + code);
        String form = "ref=" + m.group(1) + "&csrf=" + m.group(2) + "&decision=" + decision;
        return browser.send(HttpRequest.newBuilder(URI.create(psc.phonePage() + "/decision"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    PscTokens signInWithCiba(IdNatPs who, CibaChannel channel) throws Exception {
        CibaRequest req = ciba.start(who, channel);
        assertEquals(303, decideOnPhone(req.bindingMessage(), "approve"));
        CibaPoll end = new CibaPoller(ciba, scheduler, hubClock).await(req).get(30, TimeUnit.SECONDS);
        return assertInstanceOf(CibaPoll.Tokens.class, end).tokens();
    }

    @Test
    void discoveryFindsEveryPscEndpointUnderTheIssuer() {
        assertEquals(psc.issuer(), provider.issuer());
        assertTrue(provider.cibaEndpoint().toString().endsWith("/protocol/openid-connect/ext/ciba/auth"));
        assertTrue(provider.introspectionEndpoint().toString().endsWith("/protocol/openid-connect/token/introspect"));
        PscException e = assertThrows(PscException.class, () -> PscProvider.discover(
                PscGatewayConfig.withSecret(URI.create(psc.issuer() + "-other"), "vigie-sandbox", "x")));
        assertEquals(PscError.PSC_DISCOVERY_FAILED, e.error());
    }

    @Test
    void cibaWithTheCardIsApprovedOnThePhoneAndBindsToTheCardHoldersSession() throws Exception {
        PscTokens tokens = signInWithCiba(DOCTOR, CibaChannel.CARD);
        assertEquals(DOCTOR, tokens.claims().subjectNameId());
        assertEquals(Optional.of("CARD"), tokens.claims().authMode());
        assertEquals(Duration.ofSeconds(120), tokens.expiresIn());
        PscAuditSink.InMemory audit = new PscAuditSink.InMemory();
        SessionBindingGuard guard = new SessionBindingGuard(audit, hubClock);
        assertInstanceOf(SessionBindingGuard.Binding.Bound.class, guard.bind("kiosk-1/s1", DOCTOR, tokens));
        PscUserInfo info = new UserInfoClient(config, provider, validator, hubClock).fetch(tokens);
        assertFalse(info.signed());
        assertEquals("MARTIN", info.familyName());
        assertEquals(2, info.subjectRefPro().exercices().size());
    }

    @Test
    void cibaOnTheMobileGivesSignedUserinfoWhenPscSendsAJwt() throws Exception {
        PscTokens tokens = signInWithCiba(NURSE, CibaChannel.MOBILE);
        assertEquals(Optional.of("MOBILE"), tokens.claims().authMode());
        psc.userinfoAsJwt(true);
        PscUserInfo info = new UserInfoClient(config, provider, validator, hubClock).fetch(tokens);
        assertTrue(info.signed());
        assertEquals(NURSE, info.subjectNameId());
        assertEquals("60", info.subjectRefPro().choose(0).codeProfession());
    }

    @Test
    void tokensOfAnotherProfessionalAreRefusedForTheSession() throws Exception {
        PscTokens nurse = signInWithCiba(NURSE, CibaChannel.MOBILE);
        PscAuditSink.InMemory audit = new PscAuditSink.InMemory();
        SessionBindingGuard.Binding b = new SessionBindingGuard(audit, hubClock).bind("kiosk-1/s2", DOCTOR, nurse);
        assertEquals(PscError.PSC_SUBJECT_MISMATCH,
                assertInstanceOf(SessionBindingGuard.Binding.Refused.class, b).reason());
        assertEquals("REFUSED", audit.records().get(0).outcome());
    }

    @Test
    void refusalOnThePhoneEndsTheRequestWithAccessDenied() throws Exception {
        CibaRequest req = ciba.start(DOCTOR, CibaChannel.MOBILE);
        assertEquals(303, decideOnPhone(req.bindingMessage(), "refuse"));
        CibaPoll end = new CibaPoller(ciba, scheduler, hubClock).await(req).get(30, TimeUnit.SECONDS);
        assertEquals(PscError.PSC_ACCESS_DENIED, assertInstanceOf(CibaPoll.Denied.class, end).error());
    }

    @Test
    void unapprovedRequestExpiresWithExpiredToken() throws Exception {
        CibaRequest req = ciba.start(DOCTOR, CibaChannel.CARD);
        assertInstanceOf(CibaPoll.Pending.class, ciba.poll(req));
        pscClock.advance(Duration.ofSeconds(121));
        CibaPoll end = ciba.poll(req);
        assertEquals(PscError.PSC_REQUEST_EXPIRED, assertInstanceOf(CibaPoll.Expired.class, end).error());
    }

    @Test
    void pollingFasterThanTheIntervalAnswersSlowDownWithFiveMoreSeconds() throws Exception {
        CibaRequest req = ciba.start(DOCTOR, CibaChannel.CARD);
        assertEquals(Duration.ofSeconds(1), req.interval());
        assertInstanceOf(CibaPoll.Pending.class, ciba.poll(req));
        CibaPoll.SlowDown slow = assertInstanceOf(CibaPoll.SlowDown.class, ciba.poll(req));
        assertEquals(Duration.ofSeconds(6), slow.interval());
    }

    @Test
    void unknownProfessionalOrWrongSecretIsRefused() throws Exception {
        PscException unknown = assertThrows(PscException.class,
                () -> ciba.start(IdNatPs.parse("810099900036"), CibaChannel.CARD));
        assertEquals(PscError.PSC_REQUEST_REFUSED, unknown.error());
        PscGatewayConfig wrong = PscGatewayConfig.withSecret(psc.issuer(), "vigie-sandbox", "not-the-secret");
        CibaFlow bad = new CibaFlow(wrong, provider, validator, new SecureRandom(), hubClock);
        assertEquals(PscError.PSC_CLIENT_UNAUTHORIZED,
                assertThrows(PscException.class, () -> bad.start(DOCTOR, CibaChannel.CARD)).error());
    }

    AuthCodeFlow.Attempt browserSignIn(AuthCodeFlow flow, IdNatPs who, String[] codeAndState) throws Exception {
        URI redirect = URI.create("http://127.0.0.1:9/callback");
        AuthCodeFlow.Attempt attempt = flow.begin(redirect, Optional.of(who.value()));
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(attempt.authorizationUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirect.toString()));
        Matcher code = Pattern.compile("code=([^&]+)").matcher(location);
        Matcher state = Pattern.compile("state=([^&]+)").matcher(location);
        assertTrue(code.find() && state.find());
        codeAndState[0] = java.net.URLDecoder.decode(code.group(1), java.nio.charset.StandardCharsets.UTF_8);
        codeAndState[1] = java.net.URLDecoder.decode(state.group(1), java.nio.charset.StandardCharsets.UTF_8);
        return attempt;
    }

    @Test
    void authorizationCodeWithPkceRoundTripsAndTheCodeWorksOnce() throws Exception {
        AuthCodeFlow flow = new AuthCodeFlow(config, provider, validator, new SecureRandom());
        String[] cs = new String[2];
        AuthCodeFlow.Attempt attempt = browserSignIn(flow, NURSE, cs);
        PscTokens tokens = flow.finish(attempt, cs[0], cs[1]);
        assertEquals(NURSE, tokens.claims().subjectNameId());
        assertEquals(PscError.PSC_GRANT_INVALID,
                assertThrows(PscException.class, () -> flow.finish(attempt, cs[0], cs[1])).error());
        assertEquals(PscError.PSC_GRANT_INVALID,
                assertThrows(PscException.class, () -> flow.finish(attempt, cs[0], "forged-state")).error());
    }

    @Test
    void authorizationCodeWithAnotherVerifierIsRefused() throws Exception {
        AuthCodeFlow flow = new AuthCodeFlow(config, provider, validator, new SecureRandom());
        String[] cs = new String[2];
        AuthCodeFlow.Attempt a = browserSignIn(flow, DOCTOR, cs);
        AuthCodeFlow.Attempt tampered = new AuthCodeFlow.Attempt(a.authorizationUri(), a.state(), a.nonce(),
                "another-verifier-another-verifier-another-verifier", a.redirectUri());
        assertEquals(PscError.PSC_GRANT_INVALID,
                assertThrows(PscException.class, () -> flow.finish(tampered, cs[0], cs[1])).error());
    }

    @Test
    void refreshGivesNewTokensOnceAndIntrospectionAndLogoutEndTheSession() throws Exception {
        PscTokenClient client = new PscTokenClient(config, provider, validator);
        PscTokens first = signInWithCiba(DOCTOR, CibaChannel.CARD);
        PscTokens second = client.refresh(first);
        assertNotEquals(first.accessToken(), second.accessToken());
        assertEquals(first.claims().sid(), second.claims().sid());
        assertEquals(PscError.PSC_GRANT_INVALID, assertThrows(PscException.class, () -> client.refresh(first)).error());

        PscTokenClient.Introspection live = client.introspect(second.accessToken());
        assertTrue(live.active());
        assertEquals(Optional.of(DOCTOR.value()), live.subjectNameId());

        client.logout(second);
        assertFalse(client.introspect(second.accessToken()).active());
        assertFalse(client.introspect(second.refreshToken().orElseThrow()).active());
        UserInfoClient userinfo = new UserInfoClient(config, provider, validator, hubClock);
        assertThrows(PscException.class, () -> userinfo.fetch(second));
    }

    @Test
    void afterPscRotatesItsKeyTheValidatorRefetchesTheJwksOnce() throws Exception {
        signInWithCiba(DOCTOR, CibaChannel.CARD);
        assertEquals(1, psc.jwksFetches());
        String oldKid = psc.currentKeyId();
        psc.rotateKeys();
        assertNotEquals(oldKid, psc.currentKeyId());
        PscTokens after = signInWithCiba(DOCTOR, CibaChannel.CARD);
        assertEquals(DOCTOR, after.claims().subjectNameId());
        assertEquals(2, psc.jwksFetches());
        signInWithCiba(NURSE, CibaChannel.MOBILE);
        assertEquals(2, psc.jwksFetches(), "the new key is cached");
    }
}
