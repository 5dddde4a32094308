package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CpsHolder;

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
 */
public record SessionView(SessionState state, String sessionId, CpsHolder clinician, SessionReason reason,
        int pinTriesLeft, String refusalDetail) {
}
