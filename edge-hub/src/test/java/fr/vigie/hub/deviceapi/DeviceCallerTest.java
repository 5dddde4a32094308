package fr.vigie.hub.deviceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.provisioning.ProvisioningError;
import org.junit.jupiter.api.Test;

/** A kiosk certificate the hub does not accept is refused with the check's own code, 403. */
class DeviceCallerTest {
    @Test
    void everyCertificateAndCrlCheckCodeIsRefused403UnderItsOwnName() {
        int checked = 0;
        for (ProvisioningError e : ProvisioningError.values()) {
            if (e.name().startsWith("CERT_") || e.name().startsWith("CRL_")) {
                assertEquals(e.name(), DeviceCaller.certificateRefusal(e).name());
                assertEquals(403, DeviceCaller.certificateRefusal(e).status());
                checked++;
            }
        }
        assertEquals(13, checked);
    }
}
