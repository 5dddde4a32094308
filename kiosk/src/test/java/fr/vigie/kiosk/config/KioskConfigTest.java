package fr.vigie.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.outbox.SyncLevel;
import fr.vigie.kiosk.session.SessionTimeouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KioskConfigTest {
    private static final Map<String, String> MINIMAL = Map.of("kiosk.site", "chu-nord", "kiosk.id", "accueil-1");

    @TempDir
    Path dir;

    @Test
    void minimalConfigurationGetsEveryDefault() throws Exception {
        KioskConfig c = KioskConfig.load(null, MINIMAL);

        assertEquals("chu-nord/accueil-1", c.address().toString());
        assertEquals("tcp://127.0.0.1:1883", c.brokerUrl());
        assertEquals(Path.of("data", "kiosk", "accueil-1"), c.dataDir());
        assertEquals(10, c.heartbeatSeconds());
        assertEquals(100_000, c.outboxCapacity());
        assertEquals(SyncLevel.FULL, c.outboxSync());
        assertEquals(KioskConfig.DEFAULT_PUBLISH_WINDOW, c.publishWindow());
        assertEquals("dev", c.softwareVersion());
        assertEquals(c, KioskConfig.defaults("chu-nord", "accueil-1"));
    }

    @Test
    void overridesWinOverTheFile() throws Exception {
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, """
                kiosk.site = chu-nord
                kiosk.id = accueil-1
                kiosk.mqtt.url = tcp://hub.local:1883
                kiosk.heartbeat-seconds = 30
                kiosk.outbox.sync = normal
                kiosk.outbox.capacity = 500
                kiosk.mqtt.window = 64
                kiosk.data-dir = /var/lib/vigie/kiosk
                other.tool.setting = ignored
                """);

        KioskConfig c = KioskConfig.load(file, Map.of("kiosk.id", "accueil-2", "kiosk.heartbeat-seconds", "5"));

        assertEquals("accueil-2", c.kioskId());
        assertEquals(5, c.heartbeatSeconds());
        assertEquals("tcp://hub.local:1883", c.brokerUrl());
        assertEquals(SyncLevel.NORMAL, c.outboxSync());
        assertEquals(500, c.outboxCapacity());
        assertEquals(64, c.publishWindow());
        assertEquals(Path.of("/var/lib/vigie/kiosk"), c.dataDir());
    }

    @Test
    void missingSiteIsRejectedNamingTheKey() {
        KioskConfigException e = assertThrows(KioskConfigException.class,
                () -> KioskConfig.load(null, Map.of("kiosk.id", "accueil-1")));

        assertEquals("kiosk.site", e.key());
        assertNull(e.value());
        assertEquals("kiosk.site: is required", e.getMessage());
        assertEquals("KIOSK_CONFIG_INVALID", e.code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kiosk.id                | Accueil 1           | must be 1 to 40 characters",
        "kiosk.site              | chu/nord            | must be 1 to 40 characters",
        "kiosk.heartbeat-seconds | ten                 | must be a whole number",
        "kiosk.heartbeat-seconds | 0                   | must be between 1 and 3600",
        "kiosk.outbox.capacity   | -5                  | must be between 1 and 10000000",
        "kiosk.outbox.sync       | OFF                 | must be FULL",
        "kiosk.mqtt.window       | 0                   | must be between 1 and 65534",
        "kiosk.mqtt.url          | http://hub:1883     | must look like tcp://host:port",
        "kiosk.mqtt.url          | hub:1883            | must look like tcp://host:port",
        "kiosk.outbox.capcity    | 10                  | unknown configuration key",
        "kiosk.igc-sante.crl-url | ftp://hub/crls      | must be an http:// or https:// URL",
        "kiosk.igc-sante.crl-refresh-minutes | 0       | must be between 1 and 1440 minutes",
        "kiosk.igc-sante.crl-grace-hours | 721         | must be between 0 and 720 hours",
        "kiosk.igc-sante.crl-grace-hours | two days    | must be a whole number",
        "kiosk.igc-sante.anchor  | a.pem               | unknown configuration key",
        "kiosk.ui.port           | 70000               | must be a whole number between 0 and 65535",
        "kiosk.card.readers      | usb                 | must be one of pcsc, sandbox",
        "kiosk.gpio              | yes                 | must be one of auto, gpiod, mock",
        "kiosk.admission-desk    | yes                 | must be true or false",
        "kiosk.session.pin-entry-seconds    | 0        | must be between 10 and 300",
        "kiosk.session.idle-lock-seconds    | 5m       | must be a whole number",
        "kiosk.session.idle-lock-seconds    | 86400    | must be between 15 and 3600",
        "kiosk.session.reauth-window-seconds | 100000  | must be between 10 and 43200",
        "kiosk.session.lock-grace-seconds   | -1       | must be between 10 and 43200",
        "kiosk.session.presence-lock-seconds | 600     | must not exceed kiosk.session.idle-lock-seconds",
        "kiosk.ui.language                  | de       | must be one of fr, en",
        "kiosk.insi.enabled                 | oui      | must be true or false",
        "kiosk.session.presence-lock-second | 20       | unknown configuration key",
    })
    void invalidValueIsRejectedNamingKeyAndValue(String key, String value, String reason) {
        Map<String, String> raw = new HashMap<>(MINIMAL);
        raw.put(key, value);

        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, raw));

        assertEquals(key, e.key());
        assertEquals(value, e.value());
        assertTrue(e.getMessage().startsWith(key + " = '" + value + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void anEnrollingKioskAsksAgainAfterARejectionAfterTheConfiguredDelay() throws Exception {
        Map<String, String> raw = new HashMap<>(MINIMAL);
        raw.put("kiosk.hub.url", "https://hub.local:8443");
        raw.put("kiosk.mqtt.url", "ssl://hub.local:8883");
        assertEquals(java.time.Duration.ofMinutes(1), KioskConfig.load(null, raw).hubAccess().restartAfterRejection());

        raw.put("kiosk.enrol.restart-seconds", "5");
        assertEquals(java.time.Duration.ofSeconds(5), KioskConfig.load(null, raw).hubAccess().restartAfterRejection());

        raw.put("kiosk.enrol.restart-seconds", "0");
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, raw));
        assertEquals("kiosk.enrol.restart-seconds", e.key());
        assertTrue(e.getMessage().contains("between 1 and 3600"), e.getMessage());
    }

    @Test
    void workstationKeysConfigureTheUiReadersGpioAndSessionTimeouts() throws Exception {
        Map<String, String> raw = new HashMap<>(MINIMAL);
        raw.putAll(Map.of("kiosk.ui.port", "0", "kiosk.card.readers", "sandbox", "kiosk.gpio", "MOCK",
                "kiosk.session.pin-entry-seconds", "45", "kiosk.session.idle-lock-seconds", "600",
                "kiosk.session.presence-lock-seconds", "15", "kiosk.session.reauth-window-seconds", "7200",
                "kiosk.session.lock-grace-seconds", "1800"));

        StationConfig s = KioskConfig.load(null, raw).station();

        assertEquals(0, s.uiPort());
        assertEquals(StationConfig.Readers.SANDBOX, s.readers());
        assertEquals(StationConfig.Gpio.MOCK, s.gpio());
        assertEquals(new SessionTimeouts(Duration.ofSeconds(45), Duration.ofSeconds(600), Duration.ofSeconds(15),
                Duration.ofSeconds(7200), Duration.ofSeconds(1800)), s.timeouts());
        assertEquals(StationConfig.defaults(), KioskConfig.load(null, MINIMAL).station());
        assertEquals(8090, StationConfig.defaults().uiPort());
        assertEquals(StationConfig.Readers.PCSC, StationConfig.defaults().readers());
    }

    @Test
    void anAdmissionDeskNamesItsLabelPrinterByItsIppUri() throws Exception {
        Map<String, String> raw = new HashMap<>(MINIMAL);
        raw.put("kiosk.admission-desk", "true");
        assertEquals(java.util.Optional.empty(), KioskConfig.load(null, raw).station().labelPrinter());

        raw.put("kiosk.label-printer", " ipp://localhost:631/printers/etiquettes ");
        assertEquals(java.util.Optional.of(java.net.URI.create("ipp://localhost:631/printers/etiquettes")),
                KioskConfig.load(null, raw).station().labelPrinter());
        assertEquals(KioskConfig.load(null, raw).station().labelPrinter(),
                KioskConfig.load(null, raw).station().withUiPort(9000).labelPrinter());

        for (String wrong : new String[] {"http://localhost:631/printers/etiquettes", "ipp://localhost", "etiquettes"}) {
            raw.put("kiosk.label-printer", wrong);
            KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, raw));
            assertEquals("kiosk.label-printer", e.key());
            assertTrue(e.getMessage().contains("ipp://localhost:631/printers/etiquettes"), e.getMessage());
        }
    }

    @Test
    void aLabelPrinterOnAWorkstationIsRejected() {
        Map<String, String> raw = new HashMap<>(MINIMAL);
        raw.put("kiosk.label-printer", "ipp://localhost:631/printers/etiquettes");

        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, raw));

        assertEquals("kiosk.label-printer", e.key());
        assertTrue(e.getMessage().contains("only used on an admission desk (kiosk.admission-desk=true)"), e.getMessage());
    }

    @Test
    void unreadableFileIsRejectedNamingTheFile() {
        Path missing = dir.resolve("nope.properties");

        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(missing, MINIMAL));

        assertEquals(missing.toString(), e.value());
    }

    @Test
    void constructorRejectsInvalidComponentsNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KioskConfig.defaults("chu-nord", "accueil-1").withBrokerUrl("ftp://x"));

        assertTrue(e.getMessage().startsWith("kiosk.mqtt.url = 'ftp://x'"), e.getMessage());
    }
}
