package fr.vigie.hub.sandbox.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.sandbox.psc.CibaLedger.Answer;
import fr.vigie.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CibaLedgerTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final CibaLedger ledger = new CibaLedger(clock, new SecureRandom(), Duration.ofSeconds(120), Duration.ofSeconds(1));
    final SandboxProfessional doctor = SandboxProfessionals.bundled().byRole("doctor");

    @Test
    void pendingThenSlowDownWhenPolledTooFastThenApprovedOnceThePhoneApproves() {
        String id = ledger.open(doctor, "42", "CARD");
        assertEquals(Answer.PENDING, ledger.poll(id).answer());
        assertEquals(Answer.SLOW_DOWN, ledger.poll(id).answer());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Answer.SLOW_DOWN, ledger.poll(id).answer(), "the interval grew by 5 s to 11 s");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(Answer.PENDING, ledger.poll(id).answer());
        CibaLedger.Pending shown = ledger.pending().get(0);
        assertEquals("42", shown.bindingMessage());
        assertTrue(ledger.decide(shown.ref(), true));
        clock.advance(Duration.ofSeconds(11));
        CibaLedger.PollResult approved = ledger.poll(id);
        assertEquals(Answer.APPROVED, approved.answer());
        assertEquals(doctor, approved.request().orElseThrow().professional());
        assertEquals(Answer.UNKNOWN, ledger.poll(id).answer(), "tokens are given once");
    }

    @Test
    void refusedOnThePhoneAnswersAccessDenied() {
        String id = ledger.open(doctor, "07", "MOBILE");
        assertTrue(ledger.decide(ledger.pending().get(0).ref(), false));
        assertEquals(Answer.DENIED, ledger.poll(id).answer());
        assertTrue(ledger.pending().isEmpty());
    }

    @Test
    void unapprovedRequestExpiresAfterExpiresInAndCanNoLongerBeApproved() {
        String id = ledger.open(doctor, "99", "CARD");
        String ref = ledger.pending().get(0).ref();
        clock.advance(Duration.ofSeconds(121));
        assertTrue(ledger.pending().isEmpty());
        assertFalse(ledger.decide(ref, true));
        assertEquals(Answer.EXPIRED, ledger.poll(id).answer());
    }

    @Test
    void approvingACardRequestWithAnotherCardYieldsThatProfessionalsTokens() {
        SandboxProfessional nurse = SandboxProfessionals.bundled().byRole("nurse");
        String id = ledger.open(doctor, "31", "CARD");
        assertTrue(ledger.decide(ledger.pending().get(0).ref(), true, java.util.Optional.of(nurse)));
        CibaLedger.PollResult approved = ledger.poll(id);
        assertEquals(Answer.APPROVED, approved.answer());
        assertEquals(nurse, approved.request().orElseThrow().professional(), "a card swap, as PSC would see it");
    }

    @Test
    void unknownAuthReqIdIsUnknown() {
        assertEquals(Answer.UNKNOWN, ledger.poll("nope").answer());
    }
}
