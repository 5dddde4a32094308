package fr.vigie.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.demo.VirtualFleet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubAccessTest {
    private static final String PIN = "ab".repeat(32);

    @Test
    void withoutAHubUrlTheKioskNeitherEnrolsNorNeedsTls() throws Exception {
        KioskConfig c = KioskConfig.load(null, Map.of("kiosk.site", "s", "kiosk.id", "k"));

        assertFalse(c.hubAccess().enabled());
    }

    @Test
    void fleetMembersGetTheirOwnTokenAndSecretFiles() throws Exception {
        KioskConfig base = KioskConfig.load(null, Map.of("kiosk.site", "s", "kiosk.id", "kiosk",
                "kiosk.data-dir", "/var/lib/vigie/kiosks", "kiosk.mqtt.url", "ssl://hub:8883",
                "kiosk.hub.url", "https://hub:8443", "kiosk.hub.ca-fingerprint", PIN,
                "kiosk.enrol.token-file", "/etc/vigie/tokens/{id}"));

        KioskConfig member = VirtualFleet.configs(2, base).get(1);

        assertTrue(member.hubAccess().enabled());
        assertEquals(Path.of("/etc/vigie/tokens/kiosk-002"), member.hubAccess().tokenFile());
        assertEquals(Path.of("/var/lib/vigie/kiosks/kiosk-002.secret"), member.hubAccess().deviceSecretFile());
    }

    @Test
    void enrollingKioskMustUseTlsAndAValidPin() {
        KioskConfigException plain = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, Map.of(
                "kiosk.site", "s", "kiosk.id", "k", "kiosk.hub.url", "https://hub:8443")));
        assertEquals("kiosk.mqtt.url", plain.key());

        KioskConfigException pin = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, Map.of(
                "kiosk.site", "s", "kiosk.id", "k", "kiosk.mqtt.url", "ssl://hub:8883", "kiosk.hub.url",
                "https://hub:8443", "kiosk.hub.ca-fingerprint", "abc")));
        assertEquals("kiosk.hub.ca-fingerprint", pin.key());

        KioskConfigException http = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, Map.of(
                "kiosk.site", "s", "kiosk.id", "k", "kiosk.mqtt.url", "ssl://hub:8883", "kiosk.hub.url",
                "http://hub:8080")));
        assertEquals("kiosk.hub.url", http.key());
    }
}
