package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CpsHolder;
import java.time.Duration;

/**
 * What the kiosk should show of the clinician session at one moment, taken under the session's lock
 * by {@link ClinicianSession#view()}. Immutable.
 *
 * @param state the state of the session in front of the kiosk ({@link SessionState#IDLE} if none)
 * @param sessionId its id, or null when idle
 * @param clinician its holder, or null when idle
 * @param reason the reason of the last transition (why the screen is what it is), or null at start
 * @param pinTriesLeft PIN tries left after a wrong PIN, -1 if unknown
 * @param refusalDetail when {@link SessionState#REFUSED} for a card error or a rejected certificate,
 *        the short, secret-free explanation of the check (e.g. "certificate revoked"), else null
 * @param idNatPs the clinician's idNat_PS (card holder or e-CPS identifier), or null when idle
 * @param psc the session's link with Pro Santé Connect (who PSC says signed in, exercices)
 * @param authentication how the clinician in front last proved who they are (card + PIN, contactless tap within
 *        their window, e-CPS), or null when no session is open or locked in front
 * @param pscWaitLeft while a card session in front waits for Pro Santé Connect, how long the kiosk still waits
 *        (then it goes on with the card alone); else null
 * @param cardNeeded a clinician who tapped their card on this locked workstation after their re-authentication
 *        window: the screen asks them to insert their card and type their PIN; else null. Only their name is
 *        shown, and nothing of the locked session changes.
 */
public record SessionView(SessionState state, String sessionId, CpsHolder clinician, SessionReason reason,
        int pinTriesLeft, String refusalDetail, String idNatPs, PscView psc, SessionAuthentication authentication,
        Duration pscWaitLeft, CpsHolder cardNeeded) {
    /**
     * Whether Pro Santé Connect confirmed the clinician in front (tokens bound to this session). Anything that
     * needs PSC must check this: a card session that PSC did not confirm is card only.
     */
    public boolean pscConnected() {
        return psc != null && psc.status() == PscView.Status.CONNECTED;
    }
}
