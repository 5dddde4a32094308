package fr.vigie.provisioning.enrolment;

import fr.vigie.protocol.KioskAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * IT's answer to an enrolment request, or the hub's when a bootstrap token decided. Recorded in
 * the audit log and, when rejected, sent to the kiosk so that its screen can say why. Immutable.
 *
 * @param kiosk the kiosk decided on
 * @param enrolmentCode the code IT saw, matched against the kiosk's screen
 * @param verdict approved or rejected
 * @param reason why; required when rejected, a provisioning error code or a sentence
 * @param decidedBy who decided: an IT account, or {@code bootstrap-token:<id>}
 * @param decidedAt when
 */
public record EnrolmentDecision(KioskAddress kiosk, String enrolmentCode, Verdict verdict, String reason,
        String decidedBy, Instant decidedAt) {

    /** The outcome of a decision. */
    public enum Verdict { APPROVED, REJECTED }

    public EnrolmentDecision {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(enrolmentCode, "enrolmentCode");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (decidedBy == null || decidedBy.isBlank()) {
            throw new IllegalArgumentException("decidedBy must name who decided");
        }
        if (verdict == Verdict.REJECTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        reason = reason == null ? "" : reason;
    }

    public static EnrolmentDecision approve(KioskAddress kiosk, String code, String decidedBy, Instant at) {
        return new EnrolmentDecision(kiosk, code, Verdict.APPROVED, "", decidedBy, at);
    }

    public static EnrolmentDecision reject(KioskAddress kiosk, String code, String reason, String decidedBy, Instant at) {
        return new EnrolmentDecision(kiosk, code, Verdict.REJECTED, reason, decidedBy, at);
    }

    public boolean approved() {
        return verdict == Verdict.APPROVED;
    }
}
