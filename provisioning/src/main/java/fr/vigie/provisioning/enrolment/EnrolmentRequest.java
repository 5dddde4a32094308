package fr.vigie.provisioning.enrolment;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.util.Objects;
import java.util.Optional;

/**
 * What an unprovisioned kiosk sends to the hub: who it is, its CSR, the enrolment code it shows
 * on its screen, and optionally a one-time bootstrap token that approves it without IT. Immutable.
 *
 * <pre>{@code
 * // kiosk
 * EnrolmentRequest req = EnrolmentRequest.of(identity, null);
 * // hub
 * DeviceCsr csr = req.checkedCsr();   // CSR_*, ENROLMENT_CODE_MISMATCH
 * }</pre>
 *
 * @param kiosk the kiosk asking
 * @param csrPem its PKCS#10 request, PEM
 * @param enrolmentCode the code on its screen, e.g. {@code K7F2-9QXM}
 * @param bootstrapToken a bootstrap token, or null to wait for IT's approval
 */
public record EnrolmentRequest(KioskAddress kiosk, String csrPem, String enrolmentCode, String bootstrapToken) {

    public EnrolmentRequest {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(csrPem, "csrPem");
        Objects.requireNonNull(enrolmentCode, "enrolmentCode");
    }

    /** The request of a device for its current key. */
    public static EnrolmentRequest of(DeviceIdentity identity, String bootstrapToken) {
        return new EnrolmentRequest(identity.kiosk(), identity.csrPem(), identity.enrolmentCode(), bootstrapToken);
    }

    /** The bootstrap token, when the kiosk presented one. */
    public Optional<String> token() {
        return Optional.ofNullable(bootstrapToken);
    }

    /**
     * Parses the CSR and checks that it names this kiosk and matches the enrolment code shown.
     *
     * @throws ProvisioningException a {@code CSR_*} code from {@link DeviceCsr#parse},
     *     {@code CSR_SUBJECT_MISMATCH} or {@code ENROLMENT_CODE_MISMATCH}
     */
    public DeviceCsr checkedCsr() throws ProvisioningException {
        DeviceCsr csr = DeviceCsr.parse(csrPem);
        if (!csr.kiosk().equals(kiosk)) {
            throw new ProvisioningException(ProvisioningError.CSR_SUBJECT_MISMATCH,
                    "request is from kiosk " + kiosk + " but its CSR names kiosk " + csr.kiosk());
        }
        if (!csr.enrolmentCode().equals(enrolmentCode)) {
            throw new ProvisioningException(ProvisioningError.ENROLMENT_CODE_MISMATCH,
                    "enrolment code '" + enrolmentCode + "' does not match the CSR's key (" + csr.enrolmentCode() + ")");
        }
        return csr;
    }

    @Override
    public String toString() {
        return "EnrolmentRequest[" + kiosk + ", code " + enrolmentCode + (bootstrapToken == null ? "" : ", with token")
                + "]";
    }
}
