package fr.vigie.hub.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.protocol.device.EnrolmentError;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import org.junit.jupiter.api.Test;

/**
 * A bootstrap token or a CSR the hub refuses reaches the kiosk as the device API's {@link EnrolmentError} of
 * the same name: 403 for a token or a CSR naming another kiosk, 400 for a CSR that is not right.
 */
class EnrolmentRefusalsTest {
    @Test
    void everyTokenAndCsrRefusalKeepsItsNameAndStatus() {
        int checked = 0;
        for (ProvisioningError e : ProvisioningError.values()) {
            if (e.name().startsWith("TOKEN_") || e.name().startsWith("CSR_")
                    || e == ProvisioningError.ENROLMENT_CODE_MISMATCH) {
                EnrolmentRefused refused = Enrolments.refused(new ProvisioningException(e, "x"));
                int expected = e.name().startsWith("TOKEN_") || e == ProvisioningError.CSR_SUBJECT_MISMATCH ? 403 : 400;

                assertEquals(EnrolmentError.valueOf(e.name()), refused.contractError().orElseThrow());
                assertEquals(expected, refused.status(), e.name());
                checked++;
            }
        }
        assertEquals(10, checked);
    }
}
