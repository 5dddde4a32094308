package fr.vigie.kiosk.session;

import fr.vigie.kiosk.psc.CibaState;
import java.util.Optional;

/**
 * The Pro Santé Connect side of the clinician session: when a session asks PSC (through the {@link PscLink},
 * i.e. {@link PscConnector} and the hub's CIBA), and what each answer does to the session it is for.
 * <ul>
 * <li>A contact CPS + PIN sign-in opens the session at once, even offline, then asks PSC on the card: bound
 *     tokens connect it, an unreachable hub leaves it open offline, a refusal leaves it open unconnected.
 * <li>An e-CPS sign-in (no card) opens only when PSC binds tokens after the clinician approved on their
 *     phone; a refusal, an expiry or an unreachable hub refuses it.
 * <li>Token binding: the kiosk checks the idNat_PS of bound tokens itself. Tokens of another professional
 *     than the one who signed in refuse the session and close that idNat_PS's re-authentication window.
 * </ul>
 * Answers for a session that ended, or was already refused, change nothing.
 *
 * <p>Not thread-safe, by design: {@link ClinicianSession} calls it under the session's lock; the
 * {@link PscLink} only hands the work to another thread.
 */
final class PscBinding {
    private final SessionStateMachine machine;
    private final ReauthWindow window;
    private final PscLink link;

    PscBinding(SessionStateMachine machine, ReauthWindow window, PscLink link) {
        this.machine = machine;
        this.window = window;
        this.link = link;
    }

    /** A contact CPS + PIN sign-in opened {@code a}: ask PSC, unless it is connected or being asked already. */
    void cardSignedIn(SessionRecord a) {
        // a kiosk without a hub (PscLink.NONE) never asks PSC, and says nothing about it
        if (link != PscLink.NONE
                && (a.psc.status() == PscView.Status.NOT_ASKED || a.psc.status() == PscView.Status.OFFLINE)) {
            a.psc = PscParts.connecting(a.psc);
            link.cardSignedIn(a.id, a.idNatPs);
        }
    }

    /** Starts an e-CPS sign-in when nobody is signed in or the session is locked; its session id, or empty. */
    Optional<String> phoneSignInStarted(String idNatPs) {
        return machine.cardlessSignIn(idNatPs, PscParts.connecting(PscView.NONE)).map(a -> a.id);
    }

    /** The hub started the e-CPS sign-in: show its binding message. */
    void phoneBinding(String sessionId, String bindingMessage) {
        SessionRecord a = machine.find(sessionId);
        if (a != null && a == machine.foreground() && a.holder == null && a.state == SessionState.VERIFYING) {
            a.psc = PscParts.binding(a.psc, bindingMessage);
            machine.transition(a, SessionState.AWAITING_PHONE, SessionReason.ECPS_BINDING);
        }
    }

    /** PSC tokens were bound on the hub; the kiosk checks the professional once more. */
    void bound(String sessionId, CibaState.Bound bound) {
        SessionRecord a = live(sessionId);
        if (a == null) {
            return;
        }
        if (!bound.who().idNatPs().equals(a.idNatPs)) {
            refused(sessionId, PscParts.SUBJECT_MISMATCH);
            return;
        }
        a.psc = PscParts.connected(bound);
        if (a.state == SessionState.AWAITING_PHONE) {
            machine.signedIn(a, SessionReason.ECPS_APPROVED);
        } else {
            machine.note(a, SessionReason.PSC_CONNECTED);
        }
    }

    /** PSC or the hub refused with {@code code}: a mismatch refuses the session, the rest depends on the path. */
    void refused(String sessionId, String code) {
        SessionRecord a = live(sessionId);
        if (a == null) {
            return;
        }
        a.psc = PscParts.withStatus(a.psc, PscView.Status.NOT_CONNECTED);
        if (PscParts.SUBJECT_MISMATCH.equals(code)) {
            window.close(a.idNatPs);
            machine.refuse(a, SessionReason.PSC_SUBJECT_MISMATCH);
        } else if (a.waitingForPhone()) {
            machine.transition(a, SessionState.REFUSED, PscParts.phoneReason(code));
        } else {
            machine.note(a, SessionReason.PSC_NOT_CONNECTED);
        }
    }

    /** The hub or PSC cannot be reached: a card session goes on offline, an e-CPS sign-in cannot. */
    void unavailable(String sessionId) {
        SessionRecord a = live(sessionId);
        if (a == null) {
            return;
        }
        a.psc = PscParts.withStatus(a.psc, PscView.Status.OFFLINE);
        if (a.waitingForPhone()) {
            machine.transition(a, SessionState.REFUSED, SessionReason.HUB_UNREACHABLE);
        } else {
            machine.note(a, SessionReason.PSC_OFFLINE);
        }
    }

    /** Whether {@code sessionId} still waits for PSC (so that polling goes on). */
    boolean awaiting(String sessionId) {
        SessionRecord a = machine.find(sessionId);
        return a != null && a.state != SessionState.REFUSED && a.state != SessionState.CLOSED
                && a.psc.status() == PscView.Status.CONNECTING;
    }

    /** The clinician chose exercice {@code index} of the open session's PSC exercices; false if there is none. */
    boolean chooseExercice(int index) {
        SessionRecord a = machine.foreground();
        if (a == null || a.state != SessionState.OPEN || a.psc.status() != PscView.Status.CONNECTED
                || index < 0 || index >= a.psc.exercices().size()) {
            return false;
        }
        a.psc = PscParts.chosen(a.psc, index);
        machine.activity();
        machine.note(a, SessionReason.EXERCICE_CHOSEN);
        link.exerciceChosen(a.id, index);
        return true;
    }

    /** Session {@code sessionId} if it is still there and not refused, else null. */
    private SessionRecord live(String sessionId) {
        SessionRecord a = machine.find(sessionId);
        return a == null || a.state == SessionState.REFUSED ? null : a;
    }
}
