package fr.vigie.hub.enrol;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrolment request as IT and the kiosk see it. Immutable.
 *
 * @param id random id, which the kiosk polls
 * @param site the kiosk's site
 * @param kioskId the kiosk's id
 * @param enrolmentCode the code the kiosk shows on its screen; IT approves only when they match
 * @param status {@code PENDING}, {@code ISSUED} or {@code REJECTED}
 * @param requestedAt when the kiosk asked
 * @param decidedBy the IT login, or {@code bootstrap-token:<id>}; null while pending
 * @param decidedAt when; null while pending
 * @param reason why it was rejected; null otherwise
 * @param certificateSerial the issued certificate's serial (hex); null unless issued
 */
public record EnrolmentView(UUID id, String site, String kioskId, String enrolmentCode, String status,
        Instant requestedAt, String decidedBy, Instant decidedAt, String reason, String certificateSerial) {
    public static final String PENDING = "PENDING";
    public static final String ISSUED = "ISSUED";
    public static final String REJECTED = "REJECTED";
}
