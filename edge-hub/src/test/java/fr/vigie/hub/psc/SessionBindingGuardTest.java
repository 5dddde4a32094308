package fr.vigie.hub.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionBindingGuardTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final PscAuditSink.InMemory audit = new PscAuditSink.InMemory();
    final SessionBindingGuard guard = new SessionBindingGuard(audit, clock);

    static PscTokens tokensFor(String idNat) throws Exception {
        IdTokenClaims claims = new IdTokenClaims("sub-uuid", IdNatPs.parse(idNat), "eidas1", Optional.of("CARD"),
                Optional.of("sid-1"), Instant.EPOCH, Instant.EPOCH.plusSeconds(120));
        return new PscTokens("secret-access-token", "secret-id-token", Optional.empty(), Duration.ofSeconds(120),
                claims);
    }

    @Test
    void tokensOfTheCardHolderAreBoundAndAudited() throws Exception {
        PscTokens tokens = tokensFor("810099900010");
        SessionBindingGuard.Binding b = guard.bind("kiosk-7/session-1", IdNatPs.parse("810099900010"), tokens);
        assertEquals(tokens, assertInstanceOf(SessionBindingGuard.Binding.Bound.class, b).tokens());
        PscAuditRecord r = audit.records().get(0);
        assertEquals("BOUND", r.outcome());
        assertEquals(Optional.empty(), r.reason());
    }

    @Test
    void tokensOfAnotherProfessionalAreRefusedWithSubjectMismatch() throws Exception {
        SessionBindingGuard.Binding b = guard.bind("kiosk-7/session-2", IdNatPs.parse("810099900010"),
                tokensFor("810099900028"));
        SessionBindingGuard.Binding.Refused refused = assertInstanceOf(SessionBindingGuard.Binding.Refused.class, b);
        assertEquals(PscError.PSC_SUBJECT_MISMATCH, refused.reason());
        PscAuditRecord r = audit.records().get(0);
        assertEquals("REFUSED", r.outcome());
        assertEquals(Optional.of(PscError.PSC_SUBJECT_MISMATCH), r.reason());
        assertEquals("810099900010", r.expected());
        assertEquals("810099900028", r.presented());
        assertEquals(clock.instant(), r.at());
    }

    @Test
    void neitherTheDecisionNorTheAuditNorTheTokensPrintATokenValue() throws Exception {
        PscTokens tokens = tokensFor("810099900028");
        SessionBindingGuard.Binding b = guard.bind("s", IdNatPs.parse("810099900010"), tokens);
        for (String text : new String[] {b.toString(), audit.records().toString(), tokens.toString()}) {
            assertFalse(text.contains("secret-access-token") || text.contains("secret-id-token"), text);
        }
    }
}
