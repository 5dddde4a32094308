package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.psc.CibaState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PSC binding on its own, over the state machine: what PSC's answers do to the session they are for. */
class PscBindingTest {
    private static final String NURSE = "810099900028";

    private final Parts parts = new Parts();
    private final PscBinding psc = parts.psc;

    private CibaState.Bound bound(String idNatPs, int exercices) {
        List<CibaState.Exercice> list = new ArrayList<>();
        for (int i = 0; i < exercices; i++) {
            list.add(new CibaState.Exercice("10", "SM26", "MARTIN" + i, "CLAIRE", List.of("CH DE VIGIE - SITE NORD")));
        }
        return new CibaState.Bound(new CibaState.Professional(idNatPs, "CLAIRE", "MARTIN"), list, Optional.empty(),
                parts.timers.instant().plusSeconds(120));
    }

    private String last(SessionRecord a) {
        List<String> path = parts.path(a.id);
        return path.get(path.size() - 1);
    }

    @Test
    void aCardSessionAsksPscOnceAndAgainOnlyAfterGoingOffline() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        assertEquals(List.of("s1 " + Rig.MARTIN.idNatPs()), parts.askedOfPsc);
        assertEquals(PscView.Status.CONNECTING, martin.psc.status());

        psc.cardSignedIn(martin);
        assertEquals(1, parts.askedOfPsc.size(), "already asked");
        psc.unavailable(martin.id);
        assertEquals("OPEN:PSC_OFFLINE", last(martin));
        psc.cardSignedIn(martin);

        assertEquals(2, parts.askedOfPsc.size(), "offline: asked again");
        assertTrue(psc.awaiting(martin.id));
    }

    @Test
    void aKioskWithoutAHubNeverAsksPscNorSaysAnythingAboutIt() {
        Parts alone = new Parts(false);

        SessionRecord martin = alone.signIn(Rig.MARTIN);

        assertTrue(alone.askedOfPsc.isEmpty());
        assertEquals(PscView.Status.NOT_ASKED, martin.psc.status());
        assertFalse(alone.psc.awaiting(martin.id));
    }

    @Test
    void tokensBoundForAParkedSessionConnectItWithoutTouchingTheSignInInFront() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.cards.removed();
        parts.insert(Rig.DUBOIS);

        psc.bound(martin.id, bound(Rig.MARTIN.idNatPs(), 1));

        assertEquals("LOCKED:PSC_CONNECTED", last(martin));
        assertEquals(PscView.Status.CONNECTED, martin.psc.status());
        SessionView shown = parts.machine.view(-1);
        assertEquals(SessionState.PIN_ENTRY, shown.state());
        assertEquals(SessionReason.PIN_REQUESTED, shown.reason(), "the screen still asks DUBOIS's PIN");
        assertEquals(PscView.NONE, shown.psc());
    }

    @Test
    void tokensOfAnotherProfessionalForAParkedSessionCloseItAndItsCliniciansWindow() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.cards.removed();
        parts.insert(Rig.DUBOIS);

        psc.bound(martin.id, bound(Rig.DUBOIS.idNatPs(), 1));

        assertEquals("CLOSED:PSC_SUBJECT_MISMATCH", last(martin));
        assertEquals(SessionState.PIN_ENTRY, parts.machine.state());
        assertFalse(parts.window.open(Rig.MARTIN.idNatPs(), parts.timers.instant()), "no tap signs them in again");
    }

    @Test
    void answersForASessionThatEndedOrWasRefusedChangeNothing() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.machine.logout();
        SessionRecord dubois = parts.signIn(Rig.DUBOIS);
        psc.refused(dubois.id, "PSC_SUBJECT_MISMATCH");
        assertEquals(SessionState.REFUSED, parts.machine.state());
        int events = parts.events.size();

        psc.bound(martin.id, bound(Rig.MARTIN.idNatPs(), 1));
        psc.unavailable(martin.id);
        psc.bound(dubois.id, bound(Rig.DUBOIS.idNatPs(), 1));
        psc.unavailable(dubois.id);
        psc.phoneBinding(dubois.id, "42");

        assertEquals(events, parts.events.size());
        assertFalse(psc.awaiting(martin.id));
        assertFalse(psc.awaiting(dubois.id));
    }

    @Test
    void theBindingMessageShowsOnlyForTheCardlessSignInInFront() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        psc.phoneBinding(martin.id, "42");
        assertEquals(Optional.empty(), martin.psc.bindingMessage(), "a card session has no binding message");
        parts.machine.logout();

        String phone = psc.phoneSignInStarted(NURSE).orElseThrow();
        psc.phoneBinding(phone, "42");
        psc.phoneBinding(phone, "17");

        assertEquals(List.of("VERIFYING:ECPS_REQUESTED", "AWAITING_PHONE:ECPS_BINDING"), parts.path(phone));
        assertEquals(Optional.of("42"), parts.machine.view(-1).psc().bindingMessage());
        assertTrue(parts.askedOfPsc.stream().noneMatch(a -> a.startsWith(phone)), "the e-CPS request is PscConnector's");
    }

    @Test
    void choosingAnExerciceTellsPscAndRestartsTheIdleTimeout() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        assertFalse(psc.chooseExercice(0), "not connected yet");
        psc.bound(martin.id, bound(Rig.MARTIN.idNatPs(), 2));
        parts.advance(Duration.ofSeconds(200));

        assertTrue(psc.chooseExercice(1));

        assertEquals("OPEN:EXERCICE_CHOSEN", last(martin));
        assertEquals("10 MARTIN1 CLAIRE — CH DE VIGIE - SITE NORD", parts.last().exercice());
        assertEquals("s1 #1", parts.askedOfPsc.get(parts.askedOfPsc.size() - 1));
        parts.advance(Duration.ofSeconds(299));
        assertEquals(SessionState.OPEN, parts.machine.state());
        parts.advance(Duration.ofSeconds(1));
        assertEquals("LOCKED:IDLE_TIMEOUT", last(martin));
    }
}
