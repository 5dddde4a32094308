package fr.vigie.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.EdgeHub;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.enrolment.EnrolmentJson;
import fr.vigie.provisioning.enrolment.EnrolmentRequest;
import java.nio.file.Path;
import java.time.Clock;

/** What the console and CLI tests need from kiosks: a pending enrolment request. */
public final class TestKiosks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestKiosks() {
    }

    /** A fresh kiosk asks the hub's device API for a certificate, as an unprovisioned kiosk does; its id waits for IT. */
    public static DeviceIdentity requestEnrolment(EdgeHub hub, Path dir, String site, String kioskId) throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir.resolve("id-" + kioskId), KioskAddress.of(site, kioskId),
                "store".toCharArray(), Clock.systemUTC());
        HubApi enrol = HubApi.forEnrolment(hub.deviceApiUri(), hub.siteCa().rootFingerprint());
        JsonNode answer = enrol.post("/enrol/v1/requests", JSON.readTree(new EnrolmentJson().encode(EnrolmentRequest.of(id, null))));
        if (!"PENDING".equals(answer.path("status").asText())) {
            throw new IllegalStateException("enrolment of " + kioskId + " is " + answer);
        }
        return id;
    }
}
