package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CpsHolder;
import java.time.Instant;

/**
 * One clinician session on the kiosk: its id, who opened it (a card holder, or only an idNat_PS for an
 * e-CPS sign-in), its state, how it was authenticated, and its link with Pro Santé Connect. Mutable, and confined to the session's
 * lock like everything the {@link SessionStateMachine} holds (see the package documentation).
 */
final class SessionRecord {
    final String id;
    /** The card holder; null for an e-CPS sign-in (no card). */
    final CpsHolder holder;
    final String idNatPs;
    SessionState state = SessionState.IDLE;
    /** Whether the contact card of this session's clinician is in the reader. */
    boolean contact;
    /** The contact card connection whose PIN opened this session; only it may sign for the session. */
    CardAuthenticator pinCard;
    PscView psc = PscView.NONE;
    /** How the clinician last proved who they are for this session; null before it opened. */
    SessionAuthentication authentication;
    /** While a card session waits for Pro Santé Connect: when the kiosk stops waiting; else null. */
    Instant pscWaitUntil;
    /** The timer that moves the time left and ends that wait, or null. */
    SessionTimers.Timer pscTick;

    SessionRecord(String id, CpsHolder holder) {
        this(id, holder, holder.idNatPs());
    }

    SessionRecord(String id, CpsHolder holder, String idNatPs) {
        this.id = id;
        this.holder = holder;
        this.idNatPs = idNatPs;
    }

    /** This session no longer waits for Pro Santé Connect (answered, given up, or ended). */
    void endPscWait() {
        pscWaitUntil = null;
        if (pscTick != null) {
            pscTick.cancel();
            pscTick = null;
        }
    }

    /** Whether this is an e-CPS sign-in still waiting for the hub or the clinician's phone. */
    boolean waitingForPhone() {
        return holder == null && (state == SessionState.VERIFYING || state == SessionState.AWAITING_PHONE);
    }
}
