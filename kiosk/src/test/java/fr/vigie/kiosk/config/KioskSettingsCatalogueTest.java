package fr.vigie.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.config.KioskFleetSettings;
import fr.vigie.config.Setting;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kiosk's catalogue and its readers agree: same keys, same bounds. */
class KioskSettingsCatalogueTest {
    private static final Map<String, String> MINIMAL = Map.of("kiosk.site", "chu-nord", "kiosk.id", "accueil-1");
    /** Values for settings whose default is empty or a placeholder, or that need a companion. */
    private static final Map<String, Map<String, String>> SAMPLES = Map.of(
            "kiosk.site", Map.of("kiosk.site", "chu-sud"),
            "kiosk.id", Map.of("kiosk.id", "accueil-2"),
            "kiosk.data-dir", Map.of("kiosk.data-dir", "/tmp/vigie-kiosk"),
            "kiosk.hub.url", Map.of("kiosk.hub.url", "https://hub:8443", "kiosk.mqtt.url", "ssl://hub:8883"),
            "kiosk.hub.ca-fingerprint", Map.of("kiosk.hub.ca-fingerprint", "ab".repeat(32)),
            "kiosk.device-secret-file", Map.of("kiosk.device-secret-file", "/tmp/k.secret"),
            "kiosk.igc-sante.crl-dir", Map.of("kiosk.igc-sante.crl-dir", "/tmp/crls"),
            "kiosk.label-printer", Map.of("kiosk.label-printer", "ipp://localhost:631/printers/etiquettes",
                    "kiosk.admission-desk", "true"),
            "kiosk.igc-sante.trusted-fingerprints", Map.of("kiosk.igc-sante.trusted-fingerprints", "c".repeat(64)));

    @Test
    void theFileAcceptsEveryKeyOfTheCatalogueAndOnlyThose() throws Exception {
        assertEquals(KioskSettingsCatalogue.CATALOGUE.keys(), KioskConfig.KEYS);
        for (Setting s : KioskSettingsCatalogue.CATALOGUE.settings()) {
            Map<String, String> raw = new HashMap<>(MINIMAL);
            raw.putAll(SAMPLES.getOrDefault(s.key(), Map.of(s.key(), s.defaultValue())));
            assertDoesNotThrow(() -> KioskConfig.load(null, raw), s.key() + " = " + raw.get(s.key()));
        }
        Map<String, String> raw = new HashMap<>(MINIMAL);
        raw.put("kiosk.session.idle-lock", "300");
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, raw));
        assertTrue(e.getMessage().contains("unknown configuration key"), e.getMessage());
    }

    @Test
    void everyFleetSettingIsInTheKiosksCatalogueAndMayBeRolledOut() {
        for (Setting s : KioskFleetSettings.ALL) {
            assertEquals(s, KioskSettingsCatalogue.CATALOGUE.find(s.key()).orElseThrow());
        }
        assertEquals(KioskFleetSettings.ALL, KioskSettingsCatalogue.CATALOGUE.fleet());
    }

    @Test
    void theReadersEnforceTheCataloguesBounds() {
        for (Setting s : KioskSettingsCatalogue.CATALOGUE.settings()) {
            if (s.type() != Setting.Type.INTEGER) {
                continue;
            }
            long min = s.min().orElseThrow();
            long max = s.max().orElseThrow();
            boolean pin = StationConfig.GPIO_PINS.containsValue(s.key());
            assertAccepted(s, min);
            if (!pin) { // the highest BCM pin is a default pin already: two roles may not share it
                assertAccepted(s, max);
            }
            assertRefused(s, min - 1);
            assertRefused(s, max + 1);
        }
    }

    @Test
    void theLocalFilesDefaultsAreTheCataloguesDefaults() throws Exception {
        KioskConfig c = KioskConfig.load(null, MINIMAL);
        StationConfig st = c.station();

        assertEquals(KioskFleetSettings.HEARTBEAT.defaultInt(), c.heartbeatSeconds());
        assertEquals(find("kiosk.outbox.capacity").defaultInt(), c.outboxCapacity());
        assertEquals(find("kiosk.mqtt.window").defaultInt(), c.publishWindow());
        assertEquals(find("kiosk.ui.port").defaultInt(), st.uiPort());
        assertEquals((long) KioskFleetSettings.IDLE_LOCK.defaultInt(), st.timeouts().idleLock().toSeconds());
        assertEquals((long) KioskFleetSettings.PIN_ENTRY.defaultInt(), st.timeouts().pinEntry().toSeconds());
        assertEquals((long) KioskFleetSettings.PRESENCE_LOCK.defaultInt(), st.timeouts().presenceLock().toSeconds());
        assertEquals((long) KioskFleetSettings.REAUTH_WINDOW.defaultInt(), st.timeouts().reauthWindow().toSeconds());
        assertEquals((long) KioskFleetSettings.LOCK_GRACE.defaultInt(), st.timeouts().lockGrace().toSeconds());
        assertEquals((long) find("kiosk.igc-sante.crl-refresh-minutes").defaultInt(), c.cardTrust().refresh().toMinutes());
        assertEquals((long) find("kiosk.igc-sante.crl-grace-hours").defaultInt(), c.cardTrust().staleGrace().toHours());
    }

    private static Setting find(String key) {
        return KioskSettingsCatalogue.CATALOGUE.find(key).orElseThrow();
    }

    private static Map<String, String> with(Setting s, long value) {
        Map<String, String> raw = new HashMap<>(MINIMAL);
        raw.put(s.key(), Long.toString(value));
        if (s.key().startsWith("kiosk.enrol.")) { // read only by a kiosk that enrols
            raw.putAll(SAMPLES.get("kiosk.hub.url"));
        }
        if (s == KioskFleetSettings.IDLE_LOCK) { // the presence lock may not exceed the idle lock
            raw.put(KioskFleetSettings.PRESENCE_LOCK.key(), "1");
        }
        if (s == KioskFleetSettings.PRESENCE_LOCK) {
            raw.put(KioskFleetSettings.IDLE_LOCK.key(), KioskFleetSettings.IDLE_LOCK.max().orElseThrow().toString());
        }
        return raw;
    }

    private static void assertAccepted(Setting s, long value) {
        assertDoesNotThrow(() -> KioskConfig.load(null, with(s, value)), s.key() + " = " + value);
    }

    private static void assertRefused(Setting s, long value) {
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(null, with(s, value)),
                s.key() + " = " + value);
        assertEquals(s.key(), e.key(), e.getMessage());
    }
}
