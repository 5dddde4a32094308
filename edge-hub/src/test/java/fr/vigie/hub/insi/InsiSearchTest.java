package fr.vigie.hub.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsiSearchTest {
    private static final InsiCaller CALLER = new InsiCaller("agent-7", null, 42L);
    private final Deque<InsiResult> answers = new ArrayDeque<>();
    private final List<String> prenomsSent = new ArrayList<>();
    private final InsiClient fake = new InsiClient() {
        @Override
        public InsiResult rechercherAvecCarteVitale(InsiCaller caller, VitaleQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InsiResult rechercherAvecTraits(InsiCaller caller, TraitsQuery query) {
            prenomsSent.add(query.prenom());
            return answers.poll();
        }
    };
    private final InMemoryInsiAudit audit = new InMemoryInsiAudit();
    private final InsiSearch search = new InsiSearch(fake, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            audit);
    private static final TraitsInput DARTAGNAN = TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Jean", "M", "1950-03-15");

    private static InsiResult one() throws Exception {
        return new InsiResult.OneIdentity(InsMatricule.parse("150033201301166"), InsOid.INS_NIR_TEST,
                new ReturnedTraits("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN JEAN", "M", "1950-03-15", "32013"), List.of());
    }

    @Test
    void severalWithPremierPrenomThenOneWithFullListStopsAtTheFirst00() throws Exception {
        answers.add(new InsiResult.SeveralIdentities());
        answers.add(one());
        InsiSearch.Outcome o = search.search(CALLER, DARTAGNAN);
        assertInstanceOf(InsiResult.OneIdentity.class, o.result());
        assertEquals(List.of("PIERRE-ALAIN", "PIERRE-ALAIN JEAN"), prenomsSent);
        assertEquals(List.of(new InsiSearch.Step(InsiSearch.PrenomSent.PREMIER_PRENOM, "02"),
                new InsiSearch.Step(InsiSearch.PrenomSent.FULL_LIST, "00")), o.steps());
    }

    @Test
    void oneWithPremierPrenomMakesNoSecondCall() throws Exception {
        answers.add(one());
        assertEquals(1, search.search(CALLER, DARTAGNAN).steps().size());
        assertEquals(List.of("PIERRE-ALAIN"), prenomsSent);
    }

    @Test
    void aKeyThatDoesNotVerifyIsStillInsisOneAnswerAndEndsTheSearch() throws Exception {
        answers.add(new InsiResult.KeyNotVerified("1************60", InsOid.INS_NIR_TEST,
                new ReturnedTraits("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN JEAN", "M", "1950-03-15", null),
                List.of("1************60")));
        InsiSearch.Outcome o = search.search(CALLER, DARTAGNAN);
        assertInstanceOf(InsiResult.KeyNotVerified.class, o.result());
        assertEquals(List.of("PIERRE-ALAIN"), prenomsSent, "no second call after a 00");
    }

    @Test
    void singleFirstNameIsAskedOnce() throws Exception {
        answers.add(new InsiResult.NoIdentity());
        InsiSearch.Outcome o = search.search(CALLER, TraitsInput.of("Martin", "Jean", "M", "1975-03-03"));
        assertInstanceOf(InsiResult.NoIdentity.class, o.result());
        assertEquals(1, prenomsSent.size());
    }

    @Test
    void severalThenNoneReportsSeveralSoTheAgentAddsTheBirthPlace() throws Exception {
        answers.add(new InsiResult.SeveralIdentities());
        answers.add(new InsiResult.NoIdentity());
        assertInstanceOf(InsiResult.SeveralIdentities.class, search.search(CALLER, DARTAGNAN).result());
    }

    @Test
    void ligatureInTraitsIsRejectedLocallyWithoutAnyCall() {
        InsiException e = assertThrows(InsiException.class,
                () -> search.search(CALLER, TraitsInput.of("CŒUR", "Anne", "F", "1980-01-01")));
        assertEquals(InsiError.INSI_TRAITS_REJECTED, e.error());
        assertTrue(e.getMessage().contains("ligature"), e.getMessage());
        assertTrue(prenomsSent.isEmpty());
        assertEquals("INSI_TRAITS_REJECTED", audit.last().outcome());
        assertEquals(0, audit.last().attempts());
        assertEquals(42L, audit.last().caller().recordId());
        assertEquals(null, audit.last().query(), "nothing was sent");
    }
}
