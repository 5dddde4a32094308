package fr.vigie.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.config.KioskSettings;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.protocol.KioskAddress;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unenrolled kiosk pins the hub's key at enrolment, takes its first configuration, and keeps both. */
class KioskFleetPinningTest {
    @TempDir
    Path data;

    @Test
    void enrolmentPinsTheHubKeyOnceAndTheFirstConfigurationSurvivesARestart() throws Exception {
        Bundles hub = new Bundles(Clock.systemUTC());
        KioskAddress self = KioskAddress.of("chu-nord", "accueil-1");
        Map<String, String> props = Map.of("kiosk.site", self.site(), "kiosk.id", self.kioskId(),
                "kiosk.mqtt.url", "tcp://127.0.0.1:1", "kiosk.data-dir", data.toString());
        try (Kiosk kiosk = Kiosk.start(KioskConfig.load(null, props))) {
            assertNull(kiosk.fleet().config(), "no key pinned before enrolment");
            ConfigAgent agent = kiosk.fleet().pinHubKey((ECPublicKey) hub.hubKey.getPublic());
            agent.onBundle(hub.wire(self, 3, KioskSettings.defaults().withIdleLockSeconds(60)));
            assertEquals(3, agent.version());
            assertSame(agent, kiosk.fleet().pinHubKey((ECPublicKey) hub.hubKey.getPublic()), "same key: nothing changes");
            assertThrows(IllegalStateException.class,
                    () -> kiosk.fleet().pinHubKey((ECPublicKey) Bundles.p256().getPublic()));
        }
        try (Kiosk again = Kiosk.start(KioskConfig.load(null, props))) {
            assertNotNull(again.fleet().config());
            assertEquals(3, again.fleet().config().version());
            assertEquals(60, again.fleet().config().settings().idleLockSeconds());
        }
    }
}
