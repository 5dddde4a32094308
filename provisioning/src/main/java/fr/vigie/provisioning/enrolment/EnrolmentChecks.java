package fr.vigie.provisioning.enrolment;

import fr.vigie.protocol.device.EnrolmentRequest;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.device.DeviceCsr;

/**
 * The hub's cryptographic check of an enrolment request (the message itself is the device API's
 * {@link EnrolmentRequest}): its CSR is well formed and self-signed, names the kiosk the request is from,
 * and is for the key whose enrolment code the kiosk shows on its screen. Stateless.
 *
 * <pre>{@code
 * DeviceCsr csr = EnrolmentChecks.checkedCsr(request);   // CSR_*, ENROLMENT_CODE_MISMATCH
 * }</pre>
 */
public final class EnrolmentChecks {
    private EnrolmentChecks() {
    }

    /**
     * Parses the request's CSR and checks that it names the request's kiosk and matches the enrolment code
     * shown.
     *
     * @throws ProvisioningException a {@code CSR_*} code from {@link DeviceCsr#parse},
     *     {@code CSR_SUBJECT_MISMATCH} or {@code ENROLMENT_CODE_MISMATCH}
     */
    public static DeviceCsr checkedCsr(EnrolmentRequest request) throws ProvisioningException {
        DeviceCsr csr = DeviceCsr.parse(request.csrPem());
        if (!csr.kiosk().equals(request.kiosk())) {
            throw new ProvisioningException(ProvisioningError.CSR_SUBJECT_MISMATCH,
                    "request is from kiosk " + request.kiosk() + " but its CSR names kiosk " + csr.kiosk());
        }
        if (!csr.enrolmentCode().equals(request.enrolmentCode())) {
            throw new ProvisioningException(ProvisioningError.ENROLMENT_CODE_MISMATCH, "enrolment code '"
                    + request.enrolmentCode() + "' does not match the CSR's key (" + csr.enrolmentCode() + ")");
        }
        return csr;
    }
}
