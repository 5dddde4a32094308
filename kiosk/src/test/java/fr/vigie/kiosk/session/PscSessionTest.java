package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.psc.CibaStart;
import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.kiosk.psc.HubUnavailableException;
import fr.vigie.kiosk.psc.PscHub;
import fr.vigie.kiosk.psc.PscRejectedException;
import fr.vigie.protocol.device.CibaError;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session's link with PSC through the hub, over manual timers and a scripted hub. */
class PscSessionTest {
    static final String RPPS_NURSE = "810099900028";

    final ScriptedHub hub = new ScriptedHub();
    final Rig rig;
    final PscConnector psc;

    PscSessionTest() {
        Rig[] r = new Rig[1];
        PscConnector[] c = new PscConnector[1];
        r[0] = new Rig(new PscLink() {
            @Override
            public void cardSignedIn(String sessionId, String idNatPs) {
                c[0].cardSignedIn(sessionId, idNatPs);
            }

            @Override
            public void exerciceChosen(String sessionId, int index) {
                c[0].exerciceChosen(sessionId, index);
            }
        });
        c[0] = new PscConnector(hub, Runnable::run, r[0].timers, r[0].timers);
        c[0].attach(r[0].session);
        rig = r[0];
        psc = c[0];
    }

    /** A hub that answers polls from a script; "pending" when the script is empty. */
    final class ScriptedHub implements PscHub {
        final List<String> started = new ArrayList<>();
        final List<String> chosen = new ArrayList<>();
        final Map<String, Deque<Object>> answers = new HashMap<>();
        Exception startFailure;
        Duration expiresIn = Duration.ofSeconds(120);

        @Override
        public CibaStart start(String idNatPs, String channel, String sessionId)
                throws HubUnavailableException, PscRejectedException {
            started.add(idNatPs + " " + channel + " " + sessionId);
            if (startFailure instanceof HubUnavailableException u) {
                throw u;
            }
            if (startFailure instanceof PscRejectedException r) {
                throw r;
            }
            return new CibaStart("req-" + sessionId, "42", Duration.ofSeconds(1),
                    rig.timers.instant().plus(expiresIn));
        }

        @Override
        public CibaState state(String requestId) throws HubUnavailableException {
            Deque<Object> script = answers.computeIfAbsent(requestId, k -> new ArrayDeque<>());
            Object next = script.isEmpty() ? new CibaState.Pending() : script.poll();
            if (next instanceof HubUnavailableException u) {
                throw u;
            }
            return (CibaState) next;
        }

        @Override
        public void chooseExercice(String requestId, int index) {
            chosen.add(requestId + "#" + index);
        }

        /** The next answer to polls of session {@code sessionId}'s request. */
        void answer(String sessionId, Object next) {
            answers.computeIfAbsent("req-" + sessionId, k -> new ArrayDeque<>()).add(next);
        }
    }

    CibaState.Bound bound(String idNatPs, int exercices) {
        List<CibaState.Exercice> list = new ArrayList<>();
        for (int i = 0; i < exercices; i++) {
            list.add(new CibaState.Exercice("10", "SM26", "MARTIN" + i, "CLAIRE", List.of("CH DE VIGIE - SITE NORD")));
        }
        return new CibaState.Bound(new CibaState.Professional(idNatPs, "CLAIRE", "MARTIN"), list, Optional.empty(),
                rig.timers.instant().plusSeconds(120));
    }

    @Test
    void contactSignInAsksCibaForTheCardAndBoundTokensConnectTheSession() {
        rig.signIn(Rig.MARTIN);
        assertEquals(List.of(Rig.MARTIN.idNatPs() + " CARD s1"), hub.started);
        assertEquals(PscView.Status.CONNECTING, rig.session.psc().status());

        rig.advance(Duration.ofSeconds(1));
        assertEquals(PscView.Status.CONNECTING, rig.session.psc().status(), "still pending");
        hub.answer("s1", bound(Rig.MARTIN.idNatPs(), 2));
        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.OPEN, rig.session.state());
        PscView view = rig.session.psc();
        assertEquals(PscView.Status.CONNECTED, view.status());
        assertTrue(view.exerciceToChoose(), "two exercices: the clinician chooses");
        assertEquals("OPEN:PSC_CONNECTED", rig.path("s1").get(rig.path("s1").size() - 1));

        assertTrue(rig.session.chooseExercice(1));

        assertEquals("EXERCICE_CHOSEN", rig.last().reason());
        assertEquals("10 MARTIN1 CLAIRE — CH DE VIGIE - SITE NORD", rig.last().exercice());
        assertEquals(List.of("req-s1#1"), hub.chosen);
        assertFalse(rig.session.chooseExercice(5));
    }

    @Test
    void aSingleExerciceIsChosenWithoutAsking() {
        rig.signIn(Rig.MARTIN);
        hub.answer("s1", bound(Rig.MARTIN.idNatPs(), 1));
        rig.advance(Duration.ofSeconds(1));
        assertFalse(rig.session.psc().exerciceToChoose());
        assertEquals(Optional.of(0), rig.session.psc().chosen());
        assertEquals("10 MARTIN0 CLAIRE — CH DE VIGIE - SITE NORD", rig.last().exercice());
    }

    @Test
    void tokensOfAnotherProfessionalRefuseTheSessionWithTheReasonInAnEvent() {
        rig.signIn(Rig.MARTIN);
        hub.answer("s1", new CibaState.Refused("PSC_SUBJECT_MISMATCH"));
        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.REFUSED, rig.session.state());
        assertEquals("PSC_SUBJECT_MISMATCH", rig.last().reason());
        assertEquals("OPEN", rig.last().from());

        rig.session.cardRemoved();
        assertEquals(SessionState.IDLE, rig.session.state());
    }

    @Test
    void theKioskChecksTheProfessionalOfBoundTokensItself() {
        rig.signIn(Rig.MARTIN);
        hub.answer("s1", bound(Rig.DUBOIS.idNatPs(), 1));
        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.REFUSED, rig.session.state());
        assertEquals("PSC_SUBJECT_MISMATCH", rig.last().reason());
    }

    @Test
    void unreachableHubLeavesTheCardSessionOpenOffline() {
        hub.startFailure = new HubUnavailableException("connection refused", null);
        rig.signIn(Rig.MARTIN);

        assertEquals(SessionState.OPEN, rig.session.state());
        assertEquals(PscView.Status.OFFLINE, rig.session.psc().status());
        assertEquals("PSC_OFFLINE", rig.last().reason());
        assertEquals(0, rig.timers.pending() - 1, "no poll scheduled, only the idle timer");
    }

    @Test
    void aCardRequestNobodyApprovesLeavesTheSessionOpenWithoutPsc() {
        rig.signIn(Rig.MARTIN);
        hub.answer("s1", new CibaState.Refused("PSC_REQUEST_EXPIRED"));
        rig.advance(Duration.ofSeconds(1));
        assertEquals(SessionState.OPEN, rig.session.state());
        assertEquals(PscView.Status.NOT_CONNECTED, rig.session.psc().status());
        assertEquals("PSC_NOT_CONNECTED", rig.last().reason());
    }

    @Test
    void theAnswerForASessionParkedBehindAnotherClinicianStaysWithItAndNeverShowsInFront() {
        rig.signIn(Rig.MARTIN);
        rig.session.cardRemoved();
        rig.signIn(Rig.DUBOIS);
        assertEquals("LOCKED:CARD_REMOVED", rig.path("s1").get(rig.path("s1").size() - 1));
        hub.answer("s1", bound(Rig.MARTIN.idNatPs(), 1));

        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.OPEN, rig.session.state());
        assertEquals(Optional.of(Rig.DUBOIS.idNatPs()), rig.session.idNatPs());
        assertEquals(PscView.Status.CONNECTING, rig.session.psc().status(), "Dubois's own request still waits");
        assertTrue(rig.session.psc().who().isEmpty());
        assertEquals("LOCKED:PSC_CONNECTED", rig.path("s1").get(rig.path("s1").size() - 1), "Martin's, parked");
    }

    @Test
    void ecpsSignInShowsTheBindingMessageAndOpensWhenThePhoneApproves() {
        assertEquals(PscConnector.PhoneSignIn.STARTED, psc.phoneSignIn(" " + RPPS_NURSE + " "));

        assertEquals(List.of(RPPS_NURSE + " MOBILE s1"), hub.started);
        assertEquals(SessionState.AWAITING_PHONE, rig.session.state());
        assertEquals(Optional.of("42"), rig.session.psc().bindingMessage());
        hub.answer("s1", bound(RPPS_NURSE, 2));
        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.OPEN, rig.session.state());
        assertEquals(List.of("VERIFYING:ECPS_REQUESTED", "AWAITING_PHONE:ECPS_BINDING", "OPEN:ECPS_APPROVED"),
                rig.path("s1"));
        assertEquals(Optional.empty(), rig.session.clinician(), "no card");
        assertEquals(Optional.of(RPPS_NURSE), rig.session.idNatPs());
        assertTrue(rig.session.psc().exerciceToChoose());
    }

    @Test
    void ecpsIdentifierIsValidatedBeforeAnythingIsAsked() {
        assertEquals(PscConnector.PhoneSignIn.IDENTIFIER_INVALID, psc.phoneSignIn("810099900029"));
        assertEquals("RPPS_KEY_MISMATCH", psc.lastIdentifierError());
        assertEquals(PscConnector.PhoneSignIn.IDENTIFIER_INVALID, psc.phoneSignIn("9123"));
        assertEquals("IDNAT_TYPE", psc.lastIdentifierError());
        assertTrue(hub.started.isEmpty());
        assertTrue(rig.events.isEmpty());
    }

    @Test
    void phoneRefusalRefusesTheSignInUntilDismissed() {
        psc.phoneSignIn(RPPS_NURSE);
        hub.answer("s1", new CibaState.Refused("PSC_ACCESS_DENIED"));
        rig.advance(Duration.ofSeconds(1));
        assertEquals(SessionState.REFUSED, rig.session.state());
        assertEquals("ECPS_REFUSED", rig.last().reason());

        rig.session.dismiss();

        assertEquals(SessionState.IDLE, rig.session.state());
        assertEquals("CLOSED:DISMISSED", rig.path("s1").get(rig.path("s1").size() - 1));
    }

    @Test
    void ecpsExpiryUnknownIdentifierAndUnreachableHubEachHaveTheirReason() {
        psc.phoneSignIn(RPPS_NURSE);
        hub.answer("s1", new CibaState.Refused("PSC_REQUEST_EXPIRED"));
        rig.advance(Duration.ofSeconds(1));
        assertEquals("ECPS_EXPIRED", rig.last().reason());
        rig.session.dismiss();

        hub.startFailure = new PscRejectedException(CibaError.PSC_REQUEST_REFUSED, "unknown_user_id");
        psc.phoneSignIn(RPPS_NURSE);
        assertEquals("ECPS_UNKNOWN_ID", rig.last().reason());
        rig.session.dismiss();

        hub.startFailure = new HubUnavailableException("connection refused", null);
        psc.phoneSignIn(RPPS_NURSE);
        assertEquals("HUB_UNREACHABLE", rig.last().reason());
        assertEquals(SessionState.REFUSED, rig.session.state());
    }

    @Test
    void aSilentHubIsGivenUpOnAfterTheRequestExpires() {
        psc.phoneSignIn(RPPS_NURSE);
        rig.advance(Duration.ofSeconds(131));
        assertEquals(SessionState.REFUSED, rig.session.state());
        assertEquals("ECPS_EXPIRED", rig.last().reason());
    }

    @Test
    void ecpsIsRefusedWhileASessionIsOpenAndCanBeCancelledOnThePhoneScreen() {
        rig.signIn(Rig.MARTIN);
        assertEquals(PscConnector.PhoneSignIn.BUSY, psc.phoneSignIn(RPPS_NURSE));
        rig.session.logout();

        psc.phoneSignIn(RPPS_NURSE);
        rig.session.dismiss();

        assertEquals(SessionState.IDLE, rig.session.state());
        rig.advance(Duration.ofSeconds(5));
        assertEquals("CLOSED", rig.last().to(), "polling stopped with the session");
    }

    // The wait for PSC after a card + PIN sign-in: the time left, going on with the card alone, the end of the wait.

    @Test
    void whileWaitingForPscTheCardSessionIsOpenCardOnlyAndShowsTheTimeLeftToTheRequestsExpiry() {
        List<SessionView> drawn = new ArrayList<>();
        rig.session.addListener(() -> drawn.add(rig.session.view()));
        rig.signIn(Rig.MARTIN);

        SessionView now = rig.session.view();
        assertEquals(SessionState.OPEN, now.state());
        assertEquals(SessionAuthentication.CARD_PIN, now.authentication());
        assertFalse(now.pscConnected(), "card only until PSC binds tokens");
        assertEquals(Duration.ofSeconds(120), now.pscWaitLeft(), "the hub's request expires in 120 s");
        drawn.clear();
        rig.advance(Duration.ofSeconds(45));

        assertEquals(Duration.ofSeconds(75), rig.session.view().pscWaitLeft());
        assertTrue(drawn.size() >= 45, "the screens are told every second: " + drawn.size());
        assertEquals(List.of("OPEN:PIN_OK"), rig.path("s1").subList(rig.path("s1").size() - 1, rig.path("s1").size()),
                "no event for the ticks");
    }

    @Test
    void goingOnWithTheCardAloneStopsWaitingAndALateApprovalIsDropped() {
        rig.signIn(Rig.MARTIN);
        rig.advance(Duration.ofSeconds(3));

        assertTrue(rig.session.continueWithCard());

        SessionView now = rig.session.view();
        assertEquals(SessionState.OPEN, now.state());
        assertEquals(PscView.Status.CARD_ONLY, now.psc().status());
        assertNull(now.pscWaitLeft());
        assertFalse(now.pscConnected());
        assertEquals("OPEN:PSC_CARD_ONLY", rig.path("s1").get(rig.path("s1").size() - 1));
        hub.answer("s1", bound(Rig.MARTIN.idNatPs(), 1));
        rig.advance(Duration.ofSeconds(130));
        assertEquals(PscView.Status.CARD_ONLY, rig.session.psc().status(), "never upgraded behind her back");
        assertFalse(rig.session.view().pscConnected());
        assertEquals("OPEN:PSC_CARD_ONLY", rig.path("s1").get(rig.path("s1").size() - 1));
        assertFalse(rig.session.continueWithCard(), "nothing is waited for any more");
    }

    @Test
    void whenPscDoesNotAnswerInTimeTheSessionGoesOnWithTheCardAlone() {
        rig.signIn(Rig.MARTIN);

        rig.advance(Duration.ofSeconds(119));
        assertEquals(PscView.Status.CONNECTING, rig.session.psc().status());
        assertEquals(Duration.ofSeconds(1), rig.session.view().pscWaitLeft());
        rig.advance(Duration.ofSeconds(1));

        SessionView now = rig.session.view();
        assertEquals(SessionState.OPEN, now.state(), "still signed in: not a failure of sign-in");
        assertEquals(PscView.Status.NOT_CONNECTED, now.psc().status());
        assertNull(now.pscWaitLeft());
        assertEquals(SessionAuthentication.CARD_PIN, now.authentication());
        assertEquals("OPEN:PSC_TIMED_OUT", rig.path("s1").get(rig.path("s1").size() - 1));
        hub.answer("s1", bound(Rig.MARTIN.idNatPs(), 1));
        rig.advance(Duration.ofSeconds(20));
        assertEquals(PscView.Status.NOT_CONNECTED, rig.session.psc().status(), "a late answer is dropped");
    }

    @Test
    void pscConfirmingWithinTheWaitConnectsTheCardSession() {
        rig.signIn(Rig.MARTIN);
        rig.advance(Duration.ofSeconds(10));
        hub.answer("s1", bound(Rig.MARTIN.idNatPs(), 1));

        rig.advance(Duration.ofSeconds(1));

        SessionView now = rig.session.view();
        assertTrue(now.pscConnected());
        assertNull(now.pscWaitLeft());
        assertEquals(SessionAuthentication.CARD_PIN, now.authentication());
        assertEquals("OPEN:PSC_CONNECTED", rig.path("s1").get(rig.path("s1").size() - 1));
        assertFalse(rig.session.continueWithCard());
        rig.advance(Duration.ofSeconds(200));
        assertTrue(rig.session.view().pscConnected(), "the end of the wait changes nothing once connected");
    }

    @Test
    void theHubsExpirySetsHowLongTheKioskWaits() {
        hub.expiresIn = Duration.ofSeconds(60);
        rig.signIn(Rig.MARTIN);

        assertEquals(Duration.ofSeconds(60), rig.session.view().pscWaitLeft());
        rig.advance(Duration.ofSeconds(60));

        assertEquals(PscView.Status.NOT_CONNECTED, rig.session.psc().status());
        assertEquals("OPEN:PSC_TIMED_OUT", rig.path("s1").get(rig.path("s1").size() - 1));
    }
}
