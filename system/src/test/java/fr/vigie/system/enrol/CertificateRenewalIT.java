package fr.vigie.system.enrol;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.kiosk.enrol.CertificateRenewal;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.testing.MutableClock;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk renews its certificate at two thirds of its lifetime, with a new key, over the device API. */
class CertificateRenewalIT {
    @TempDir
    Path tmp;


    @Test
    void renewalWaitsForTwoThirdsOfTheLifetimeThenReKeys() throws Exception {
        try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", tmp.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", "chu-nord")))) {
            MutableClock kioskClock = MutableClock.followingSystemTime();
            DeviceIdentity identity = DeviceIdentity.openOrCreate(tmp.resolve("kiosk"),
                    KioskAddress.of("chu-nord", "accueil-1"), "secret".toCharArray(), kioskClock);
            hub.siteCa().enrolInProcess(identity);
            X509Certificate first = identity.certificateChain().get(0);
            CertificateRenewal renewal = new CertificateRenewal(identity, HubApi.forDevice(hub.deviceApiUri(), identity),
                    () -> { });

            kioskClock.advance(Duration.ofDays(59));
            assertFalse(renewal.renewIfDue());
            assertEquals(first, identity.certificateChain().get(0));

            kioskClock.advance(Duration.ofDays(2)); // 61 days later
            assertTrue(renewal.renewIfDue());

            X509Certificate renewed = identity.certificateChain().get(0);
            assertNotEquals(first.getSerialNumber(), renewed.getSerialNumber());
            assertNotEquals(first.getPublicKey(), renewed.getPublicKey());
            assertTrue(auditLog(hub).find(AuditQuery.all(100)).entries().stream()
                    .anyMatch(r -> r.action().equals("CERT_ROTATED") && r.actor().equals("kiosk:chu-nord/accueil-1")));
        }
    }
}
