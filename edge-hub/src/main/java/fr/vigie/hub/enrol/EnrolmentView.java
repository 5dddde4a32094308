package fr.vigie.hub.enrol;

import fr.vigie.protocol.device.EnrolmentStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * An enrolment request as IT and the kiosk see it. Immutable.
 *
 * <p>Several requests may wait for one kiosk id at once, each with its own key (so its own code):
 * the real kiosk and, say, a machine pretending to be it. None cancels another; {@link #conflicts()}
 * tells IT how many others wait for the same kiosk id, and IT approves the one whose code the kiosk in
 * front of them shows, which closes the others as {@code SUPERSEDED}.
 *
 * @param id random id, which the kiosk polls
 * @param site the kiosk's site
 * @param kioskId the kiosk's id
 * @param enrolmentCode the code the kiosk shows on its screen; IT approves only when they match
 * @param status where it stands (what the kiosk reads too)
 * @param requestedAt when the kiosk asked
 * @param decidedBy the IT login, or {@code bootstrap-token:<id>}; null while pending
 * @param decidedAt when; null while pending
 * @param reason why it was rejected ({@code SUPERSEDED} when another key was approved for the kiosk id);
 *        null otherwise
 * @param certificateSerial the issued certificate's serial (hex); null unless issued
 * @param source the address the request came from ({@link fr.vigie.hub.http.SourceAddress}); null for
 *        requests stored before it was recorded
 * @param conflicts for a pending request, how many other requests wait for the same kiosk id; 0 otherwise
 */
public record EnrolmentView(UUID id, String site, String kioskId, String enrolmentCode, EnrolmentStatus status,
        Instant requestedAt, String decidedBy, Instant decidedAt, String reason, String certificateSerial,
        String source, int conflicts) {
}
