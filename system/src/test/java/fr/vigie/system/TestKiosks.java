package fr.vigie.system;

import fr.vigie.hub.EdgeHub;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.protocol.device.EnrolmentTicket;
import fr.vigie.provisioning.device.DeviceIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** What the console and CLI tests need from kiosks: a pending enrolment request. */
public final class TestKiosks {
    private TestKiosks() {
    }

    /** A fresh kiosk asks the hub's device API for a certificate, as an unprovisioned kiosk does; its id waits for IT. */
    public static DeviceIdentity requestEnrolment(EdgeHub hub, Path dir, String site, String kioskId) throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir.resolve("id-" + kioskId), KioskAddress.of(site, kioskId),
                "store".toCharArray(), Clock.systemUTC());
        HubApi enrol = HubApi.forEnrolment(hub.deviceApiUri(), hub.siteCa().rootFingerprint());
        EnrolmentTicket answer = enrol.call(EnrolmentApi.SUBMIT, id.enrolmentRequest(Optional.empty()));
        if (answer.status() != EnrolmentStatus.PENDING) {
            throw new IllegalStateException("enrolment of " + kioskId + " is " + answer);
        }
        return id;
    }
}
