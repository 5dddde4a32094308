package fr.vigie.hub.psc.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.db.DataSeal;
import fr.vigie.hub.db.HubDatabase;
import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.CibaRequest;
import fr.vigie.hub.psc.IdTokenClaims;
import fr.vigie.hub.psc.PscAuditSink;
import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.PscTokens;
import fr.vigie.hub.psc.PscUserInfo;
import fr.vigie.hub.psc.SessionBindingGuard;
import fr.vigie.hub.psc.SubjectRefPro;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CibaError;
import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiosk CIBA sign-ins against a PSC whose answers the test gives, with the requests in a real PostgreSQL
 * shared by two hubs' services ({@code ciba} as hub A, {@code otherHub} as hub B): what one hub started,
 * the other answers for, and takes polling over when the first stops.
 */
class KioskCibaIT {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "kiosk-1");
    static final KioskAddress OTHER_KIOSK = KioskAddress.of("chu-nord", "kiosk-2");
    static final String DOCTOR = "810099900010";
    static final String NURSE = "810099900028";
    static final SecretKey DATA_KEY = new SecretKeySpec(new byte[32], "AES");

    @TempDir
    static Path dir;
    static HubDatabase db;

    final MutableClock clock = new MutableClock(NOW);
    final FakeGateway psc = new FakeGateway();
    final PscAuditSink.InMemory audit = new PscAuditSink.InMemory();
    final List<String> refusals = new ArrayList<>();
    final KioskCiba ciba = hub("hub-a", psc);

    @BeforeAll
    static void startDatabase() throws Exception {
        db = HubDatabase.embedded(dir.resolve("pg"));
    }

    @AfterAll
    static void stopDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void noRequests() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM psc_ciba_requests");
        }
    }

    /** The CIBA service of hub {@code instance} on the shared database, polling through {@code gateway}. */
    KioskCiba hub(String instance, CibaGateway gateway) {
        return new KioskCiba(gateway, new SessionBindingGuard(audit, clock),
                (kiosk, session, expected, presented, code) -> refusals.add(kiosk + " " + session + " " + expected + " "
                        + presented + " " + code), new CibaRequests(db.dataSource(), new DataSeal(DATA_KEY,
                        new SecureRandom())), instance, clock, new SecureRandom());
    }

    /** A PSC whose polls end when the test says so. */
    static final class FakeGateway implements CibaGateway {
        final List<CompletableFuture<CibaPoll>> polls = new ArrayList<>();
        final List<CibaRequest> polled = new ArrayList<>();
        PscException startFailure;

        @Override
        public CibaRequest start(IdNatPs who, CibaChannel channel) throws PscException {
            if (startFailure != null) {
                throw startFailure;
            }
            return new CibaRequest("auth-req-" + polls.size(), "42", Duration.ofSeconds(120), Duration.ofSeconds(1),
                    who, channel, NOW.plusSeconds(120));
        }

        @Override
        public CompletableFuture<CibaPoll> await(CibaRequest request) {
            CompletableFuture<CibaPoll> f = new CompletableFuture<>();
            polls.add(f);
            polled.add(request);
            return f;
        }

        @Override
        public PscUserInfo userinfo(PscTokens tokens) {
            String who = tokens.claims().subjectNameId().value();
            return new PscUserInfo(tokens.claims().subject(), tokens.claims().subjectNameId(),
                    who.equals(DOCTOR) ? "CLAIRE" : "JULIEN", who.equals(DOCTOR) ? "MARTIN" : "DUBOIS",
                    new SubjectRefPro(List.of(exercice("10", "MARTIN"), exercice("10", "MARTIN-LEROY"))), false);
        }

        void approveAs(int index, String idNatPs) throws Exception {
            polls.get(index).complete(new CibaPoll.Tokens(tokens(idNatPs)));
        }
    }

    static SubjectRefPro.Exercice exercice(String profession, String name) {
        return new SubjectRefPro.Exercice(profession, "C", "SM26", name, "CLAIRE",
                List.of(new SubjectRefPro.Activite("SA01", "FON-01", "750100042", "CH DE VIGIE - SITE NORD")));
    }

    static PscTokens tokens(String idNatPs) throws Exception {
        return new PscTokens("access-token-value", "id-token-value", Optional.empty(), Duration.ofSeconds(120),
                new IdTokenClaims("sub-" + idNatPs, IdNatPs.parse(idNatPs), "eidas1", Optional.of("CARD"),
                        Optional.of("sid"), NOW, NOW.plusSeconds(120)));
    }

    CibaStarted start(KioskAddress kiosk, String who, CibaChannel channel, String session) throws Exception {
        return ciba.start(kiosk, IdNatPs.parse(who), channel, session);
    }

    @Test
    void approvedCardSignInIsBoundToTheSessionWithWhoAndEveryExercice() throws Exception {
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.CARD, "s1");
        assertEquals("42", s.bindingMessage());
        assertInstanceOf(CibaStatus.Pending.class, ciba.status(KIOSK, s.requestId()).orElseThrow());

        psc.approveAs(0, DOCTOR);

        CibaStatus.Bound b = assertInstanceOf(CibaStatus.Bound.class, ciba.status(KIOSK, s.requestId()).orElseThrow());
        assertEquals(new CibaStatus.Professional(DOCTOR, "CLAIRE", "MARTIN"), b.who());
        assertEquals(2, b.exercices().size());
        assertEquals(Optional.empty(), b.chosen(), "two exercices: the clinician chooses");
        assertEquals(NOW.plusSeconds(120), b.expiresAt());
        assertTrue(ciba.tokensOf(KIOSK, "s1").isPresent(), "the tokens stay on the hub, bound to the session");
        assertFalse(new String(new DeviceCodec().encode(PscDeviceRoutes.answer(b)), StandardCharsets.UTF_8)
                .contains("token-value"), "no token goes to the kiosk");
        assertEquals("BOUND", audit.records().get(0).outcome());
    }

    @Test
    void tokensOfAnotherProfessionalAreRefusedDroppedAndTheRefusalRecorded() throws Exception {
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.CARD, "s1");

        psc.approveAs(0, NURSE);

        CibaStatus.Refused r = assertInstanceOf(CibaStatus.Refused.class, ciba.status(KIOSK, s.requestId()).orElseThrow());
        assertEquals(PscError.PSC_SUBJECT_MISMATCH, r.code());
        assertEquals(List.of("chu-nord/kiosk-1 s1 " + DOCTOR + " " + NURSE + " PSC_SUBJECT_MISMATCH"), refusals);
        assertEquals(Optional.empty(), ciba.tokensOf(KIOSK, "s1"));
        assertEquals("REFUSED", audit.records().get(0).outcome());
    }

    @Test
    void onlyABoundSignInNamesItsProfessionalForThatKioskAndSession() throws Exception {
        CibaStarted bound = start(KIOSK, DOCTOR, CibaChannel.MOBILE, "s1");
        CibaStarted mismatched = start(KIOSK, DOCTOR, CibaChannel.CARD, "s2");
        CibaStarted pending = start(KIOSK, NURSE, CibaChannel.MOBILE, "s3");
        psc.approveAs(0, DOCTOR);
        psc.approveAs(1, NURSE);

        assertEquals(Optional.of(IdNatPs.parse(DOCTOR)), ciba.boundProfessional(KIOSK, bound.requestId(), "s1"));
        KioskCiba.BoundSignIn signIn = ciba.boundSignIn(KIOSK, bound.requestId(), "s1").orElseThrow();
        assertEquals("MARTIN", signIn.bound().who().familyName());
        assertEquals(List.of(exercice("10", "MARTIN"), exercice("10", "MARTIN-LEROY")), signIn.bound().exercices());
        assertEquals(Optional.empty(), ciba.boundSignIn(KIOSK, bound.requestId(), "s2"), "another session");
        assertEquals(Optional.empty(), ciba.boundProfessional(KIOSK, bound.requestId(), "s2"), "another session");
        assertEquals(Optional.empty(), ciba.boundProfessional(OTHER_KIOSK, bound.requestId(), "s1"), "another kiosk");
        assertEquals(Optional.empty(), ciba.boundProfessional(KIOSK, mismatched.requestId(), "s2"), "refused binding");
        assertEquals(Optional.empty(), ciba.boundProfessional(KIOSK, pending.requestId(), "s3"), "not approved yet");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), ciba.boundProfessional(KIOSK, bound.requestId(), "s1"), "tokens expired, forgotten");
    }

    @Test
    void aKioskSeesOnlyItsOwnRequests() throws Exception {
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.CARD, "s1");
        psc.approveAs(0, DOCTOR);

        assertEquals(Optional.empty(), ciba.status(OTHER_KIOSK, s.requestId()));
        KioskCibaException e = assertThrows(KioskCibaException.class,
                () -> ciba.chooseExercice(OTHER_KIOSK, s.requestId(), 0));
        assertEquals(CibaError.CIBA_REQUEST_UNKNOWN, e.error());
        assertEquals(Optional.empty(), ciba.tokensOf(OTHER_KIOSK, "s1"));
        assertEquals(Optional.empty(), ciba.status(KIOSK, "no-such-request"));
    }

    @Test
    void refusalOnThePhoneAndExpiryAreRefusedWithPscsCodes() throws Exception {
        CibaStarted refused = start(KIOSK, NURSE, CibaChannel.MOBILE, "s1");
        CibaStarted late = start(KIOSK, NURSE, CibaChannel.MOBILE, "s2");

        psc.polls.get(0).complete(new CibaPoll.Denied(PscError.PSC_ACCESS_DENIED));
        psc.polls.get(1).complete(new CibaPoll.Expired(PscError.PSC_REQUEST_EXPIRED));

        assertEquals(PscError.PSC_ACCESS_DENIED, assertInstanceOf(CibaStatus.Refused.class,
                ciba.status(KIOSK, refused.requestId()).orElseThrow()).code());
        assertEquals(PscError.PSC_REQUEST_EXPIRED, assertInstanceOf(CibaStatus.Refused.class,
                ciba.status(KIOSK, late.requestId()).orElseThrow()).code());
    }

    @Test
    void pscUnreachableWhilePollingIsAFailureNotARefusal() throws Exception {
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.CARD, "s1");
        psc.polls.get(0).completeExceptionally(new PscException(PscError.PSC_UNREACHABLE, "connection refused"));
        assertEquals(PscError.PSC_UNREACHABLE, assertInstanceOf(CibaStatus.Failed.class,
                ciba.status(KIOSK, s.requestId()).orElseThrow()).code());
    }

    @Test
    void theExerciceChosenIsRecordedAndAnIndexOutOfRangeIsRejected() throws Exception {
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.CARD, "s1");
        KioskCibaException early = assertThrows(KioskCibaException.class,
                () -> ciba.chooseExercice(KIOSK, s.requestId(), 0));
        assertEquals(CibaError.CIBA_NOT_BOUND, early.error());
        psc.approveAs(0, DOCTOR);

        assertEquals("MARTIN-LEROY", ciba.chooseExercice(KIOSK, s.requestId(), 1).nomDexercice());

        assertEquals(Optional.of(1), assertInstanceOf(CibaStatus.Bound.class,
                ciba.status(KIOSK, s.requestId()).orElseThrow()).chosen());
        assertEquals(PscError.PSC_EXERCICE_UNKNOWN, assertThrows(PscException.class,
                () -> ciba.chooseExercice(KIOSK, s.requestId(), 2)).error());
    }

    @Test
    void aKioskMayHaveOnlyFourSignInsAwaitingApproval() throws Exception {
        for (int i = 0; i < KioskCiba.MAX_OPEN_PER_KIOSK; i++) {
            start(KIOSK, NURSE, CibaChannel.MOBILE, "s" + i);
        }
        KioskCibaException e = assertThrows(KioskCibaException.class,
                () -> start(KIOSK, NURSE, CibaChannel.MOBILE, "s9"));
        assertEquals(CibaError.CIBA_TOO_MANY_REQUESTS, e.error());
        start(OTHER_KIOSK, NURSE, CibaChannel.MOBILE, "s9");
        psc.polls.get(0).complete(new CibaPoll.Denied(PscError.PSC_ACCESS_DENIED));
        start(KIOSK, NURSE, CibaChannel.MOBILE, "s10");
    }

    @Test
    void endedRequestsAreForgottenFiveMinutesAfterTheyExpire() throws Exception {
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.CARD, "s1");
        psc.polls.get(0).complete(new CibaPoll.Denied(PscError.PSC_ACCESS_DENIED));
        clock.advance(Duration.ofSeconds(120 + 299));
        assertTrue(ciba.status(KIOSK, s.requestId()).isPresent());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), ciba.status(KIOSK, s.requestId()));
    }

    @Test
    void pscRefusingTheRequestIsThrownToTheKiosk() {
        psc.startFailure = new PscException(PscError.PSC_REQUEST_REFUSED, "unknown_user_id");
        assertEquals(PscError.PSC_REQUEST_REFUSED, assertThrows(PscException.class,
                () -> start(KIOSK, DOCTOR, CibaChannel.MOBILE, "s1")).error());
    }
    @Test
    void aRequestStartedThroughOneHubIsAnsweredByAnotherSharingTheDatabase() throws Exception {
        KioskCiba otherHub = hub("hub-b", new FakeGateway());
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.CARD, "s1");
        assertEquals(new CibaStatus.Pending("42", NOW.plusSeconds(120)), otherHub.status(KIOSK, s.requestId()).orElseThrow());

        psc.approveAs(0, DOCTOR);

        CibaStatus.Bound b = assertInstanceOf(CibaStatus.Bound.class, otherHub.status(KIOSK, s.requestId()).orElseThrow());
        assertEquals(new CibaStatus.Professional(DOCTOR, "CLAIRE", "MARTIN"), b.who());
        assertEquals("MARTIN", otherHub.chooseExercice(KIOSK, s.requestId(), 0).nomDexercice());
        assertEquals(Optional.of(0), assertInstanceOf(CibaStatus.Bound.class,
                ciba.status(KIOSK, s.requestId()).orElseThrow()).chosen(), "hub A reads the choice made through B");
        assertEquals(Optional.of(IdNatPs.parse(DOCTOR)), otherHub.boundProfessional(KIOSK, s.requestId(), "s1"));
        PscTokens tokens = otherHub.tokensOf(KIOSK, "s1").orElseThrow();
        assertEquals("access-token-value", tokens.accessToken());
        assertEquals(IdNatPs.parse(DOCTOR), tokens.claims().subjectNameId());
        assertEquals(Optional.of("sid"), tokens.claims().sid());
    }

    @Test
    void pscsHandleAndTheTokensAreStoredSealed() throws Exception {
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.CARD, "s1");
        psc.approveAs(0, DOCTOR);

        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT auth_req_sealed, tokens_sealed, psc_ciba_requests::text"
                        + " FROM psc_ciba_requests")) {
            assertTrue(rs.next());
            String row = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)
                    + new String(rs.getBytes(2), StandardCharsets.ISO_8859_1) + rs.getString(3);
            assertFalse(row.contains("auth-req-0"), "PSC's auth_req_id in clear");
            assertFalse(row.contains("access-token-value") || row.contains("id-token-value"), "a token in clear");
            assertTrue(row.contains(s.requestId()));
        }
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        KioskCiba anotherSite = new KioskCiba(new FakeGateway(), new SessionBindingGuard(audit, clock),
                (k, session, e, p, code) -> { }, new CibaRequests(db.dataSource(), new DataSeal(
                new SecretKeySpec(otherKey, "AES"), new SecureRandom())), "hub-x", clock, new SecureRandom());
        assertThrows(IllegalArgumentException.class, () -> anotherSite.tokensOf(KIOSK, "s1"),
                "another data key does not open the tokens");
    }

    @Test
    void whenTheHubThatStartedARequestStopsAnotherTakesPollingOver() throws Exception {
        FakeGateway pscOfB = new FakeGateway();
        KioskCiba otherHub = hub("hub-b", pscOfB);
        CibaStarted s = start(KIOSK, DOCTOR, CibaChannel.MOBILE, "s1");
        otherHub.sweep();
        assertEquals(List.of(), pscOfB.polled, "hub A's lease holds: B does not poll");

        ciba.stop();
        assertTrue(psc.polls.get(0).isCancelled(), "hub A no longer polls");
        otherHub.sweep();

        assertEquals(1, pscOfB.polled.size());
        CibaRequest resumed = pscOfB.polled.get(0);
        assertEquals("auth-req-0", resumed.authReqId(), "B polls PSC with the auth_req_id A was given");
        assertEquals(IdNatPs.parse(DOCTOR), resumed.loginHint());
        assertEquals(NOW.plusSeconds(120), resumed.expiresAt());
        otherHub.sweep();
        assertEquals(1, pscOfB.polled.size(), "B renews its own lease and does not poll twice");

        pscOfB.approveAs(0, DOCTOR);

        assertInstanceOf(CibaStatus.Bound.class, ciba.status(KIOSK, s.requestId()).orElseThrow());
        assertEquals(Optional.of(IdNatPs.parse(DOCTOR)), ciba.boundProfessional(KIOSK, s.requestId(), "s1"));
    }

    @Test
    void aHubThatDiedWithoutReleasingLosesItsRequestsWhenTheLeaseRunsOut() throws Exception {
        FakeGateway pscOfB = new FakeGateway();
        KioskCiba otherHub = hub("hub-b", pscOfB);
        start(KIOSK, NURSE, CibaChannel.MOBILE, "s1");
        clock.advance(Duration.ofSeconds(KioskCiba.LEASE_SECONDS - 1));
        otherHub.sweep();
        assertEquals(List.of(), pscOfB.polled);

        clock.advance(Duration.ofSeconds(2));
        otherHub.sweep();

        assertEquals(1, pscOfB.polled.size());
    }

    @Test
    void aPendingRequestNobodyPollsAnyMoreReadsAsExpiredAfterItsExpiry() throws Exception {
        CibaStarted s = start(KIOSK, NURSE, CibaChannel.MOBILE, "s1");
        ciba.stop();
        clock.advance(Duration.ofSeconds(120 + KioskCiba.ORPHAN_GRACE_SECONDS));
        assertInstanceOf(CibaStatus.Pending.class, ciba.status(KIOSK, s.requestId()).orElseThrow());

        clock.advance(Duration.ofSeconds(1));

        assertEquals(PscError.PSC_REQUEST_EXPIRED, assertInstanceOf(CibaStatus.Refused.class,
                ciba.status(KIOSK, s.requestId()).orElseThrow()).code());
        FakeGateway pscOfB = new FakeGateway();
        hub("hub-b", pscOfB).sweep();
        assertEquals(List.of(), pscOfB.polled, "an expired request is not taken over");
    }
}
