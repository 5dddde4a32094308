package fr.vigie.protocol.device;

import fr.vigie.protocol.KioskAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@link EnrolmentApi#SUBMIT}, what an unprovisioned kiosk sends the hub: who it is, its CSR,
 * the enrolment code it shows on its screen, and optionally a one-time bootstrap token that approves it
 * without IT. The hub checks the CSR against the kiosk and the code (provisioning's
 * {@code EnrolmentChecks}). Immutable; {@link #toString()} never shows the token.
 *
 * @param schema {@value #SCHEMA_VERSION}
 * @param csrPem the kiosk's PKCS#10 request, PEM
 * @param enrolmentCode the code on its screen, e.g. {@code K7F2-9QXM}
 * @param bootstrapToken a bootstrap token; without one the request waits for IT's approval
 */
public record EnrolmentRequest(int schema, String site, String kioskId, String csrPem, String enrolmentCode,
        Optional<String> bootstrapToken) {
    /** The schema version written and read. */
    public static final int SCHEMA_VERSION = 1;

    public EnrolmentRequest {
        EnrolmentResult.requireSchema(schema);
        KioskAddress.of(site, kioskId);
        Objects.requireNonNull(csrPem, "csrPem is required");
        Objects.requireNonNull(enrolmentCode, "enrolmentCode is required");
        bootstrapToken = Fields.optional(bootstrapToken);
    }

    /** The request of {@code kiosk} for the key of {@code csrPem}. */
    public static EnrolmentRequest of(KioskAddress kiosk, String csrPem, String enrolmentCode,
            Optional<String> bootstrapToken) {
        return new EnrolmentRequest(SCHEMA_VERSION, kiosk.site(), kiosk.kioskId(), csrPem, enrolmentCode,
                bootstrapToken);
    }

    /** The kiosk asking. */
    public KioskAddress kiosk() {
        return KioskAddress.of(site, kioskId);
    }

    @Override
    public String toString() {
        return "EnrolmentRequest[" + kiosk() + ", code " + enrolmentCode
                + (bootstrapToken.isEmpty() ? "" : ", with token") + "]";
    }
}
