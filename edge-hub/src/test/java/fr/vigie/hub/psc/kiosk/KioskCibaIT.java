package fr.vigie.hub.psc.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class KioskCibaTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "kiosk-1");
    static final KioskAddress OTHER_KIOSK = KioskAddress.of("chu-nord", "kiosk-2");
    static final String DOCTOR = "810099900010";
    static final String NURSE = "810099900028";

    final MutableClock clock = new MutableClock(NOW);
    final FakeGateway psc = new FakeGateway();
    final PscAuditSink.InMemory audit = new PscAuditSink.InMemory();
    final List<String> refusals = new ArrayList<>();
    final KioskCiba ciba = new KioskCiba(psc, new SessionBindingGuard(audit, clock),
            (kiosk, session, expected, presented, code) -> refusals.add(kiosk + " " + session + " " + expected + " "
                    + presented + " " + code), clock, new SecureRandom());

    /** A PSC whose polls end when the test says so. */
    static final class FakeGateway implements CibaGateway {
        final List<CompletableFuture<CibaPoll>> polls = new ArrayList<>();
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
        assertFalse(CibaJson.status(b).toString().contains("token-value"), "no token goes to the kiosk");
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
        assertEquals(KioskCibaError.CIBA_REQUEST_UNKNOWN, e.error());
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
        assertEquals(KioskCibaError.CIBA_NOT_BOUND, early.error());
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
        assertEquals(KioskCibaError.CIBA_TOO_MANY_REQUESTS, e.error());
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
}
