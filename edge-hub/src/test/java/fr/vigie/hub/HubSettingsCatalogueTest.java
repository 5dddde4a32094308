package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.config.Setting;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.enrol.EnrolmentLimits;
import fr.vigie.hub.gam.GamSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.psc.PscGatewaySettings;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hub's catalogue and its readers agree: same keys, same bounds, same defaults. */
class HubSettingsCatalogueTest {
    @Test
    void theReaderAcceptsEveryKeyOfTheCatalogueAndNoOther() throws Exception {
        assertEquals(HubSettingsCatalogue.CATALOGUE.keys(), HubConfigReader.KEYS);
        Set<String> gateways = new HashSet<>();
        gateways.addAll(InsiGatewaySettings.KEYS);
        gateways.addAll(PscGatewaySettings.KEYS);
        gateways.addAll(ApcvSettings.KEYS);
        gateways.addAll(GamSettings.KEYS);
        assertTrue(HubSettingsCatalogue.CATALOGUE.keys().containsAll(gateways), "every gateway key is in the catalogue");
        for (Setting s : HubSettingsCatalogue.CATALOGUE.settings()) {
            String value = s.defaultValue().isEmpty() ? "x" : s.defaultValue();
            try {
                HubConfig.load(null, Map.of(s.key(), value));
            } catch (HubConfigException e) {
                // a gateway key alone is refused for other reasons (its gateway is off): never as unknown
                assertFalse(e.getMessage().contains("unknown configuration key"), s.key() + ": " + e.getMessage());
            }
        }
        HubConfigException e = assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.http.prot", "8080")));
        assertTrue(e.getMessage().contains("unknown configuration key 'hub.http.prot'"), e.getMessage());
    }

    @Test
    void theHubsOwnNumbersAreRefusedOutsideTheCataloguesBounds() throws Exception {
        for (Setting s : HubSettingsCatalogue.CATALOGUE.settings()) {
            if (s.type() != Setting.Type.INTEGER || !s.key().matches("hub\\.(http|mqtt|ingest|devices|audit|enrol|"
                    + "device-api)\\..*")) {
                continue;
            }
            for (long bad : new long[] {s.min().orElseThrow() - 1, s.max().orElseThrow() + 1}) {
                HubConfigException e = assertThrows(HubConfigException.class,
                        () -> HubConfig.load(null, Map.of(s.key(), Long.toString(bad))), s.key() + " = " + bad);
                assertEquals(s.key(), e.key(), e.getMessage());
            }
            if (!s.key().equals(EnrolmentLimits.MAX_PENDING)) { // at its lowest, the per-address limit must follow it
                HubConfig.load(null, Map.of(s.key(), s.min().orElseThrow().toString()));
            }
        }
    }

    @Test
    void theDefaultsAreTheCataloguesDefaults() throws Exception {
        HubConfig c = HubConfig.load(null, Map.of());

        assertEquals(find(HubConfig.HTTP_PORT).defaultInt(), c.httpPort());
        assertEquals(find(HubConfig.HTTP_BIND).defaultValue(), c.httpBind());
        assertEquals(find(HubConfig.MQTT_PORT).defaultInt(), c.embeddedMqttPort());
        assertEquals(find(HubConfig.INGEST_BATCH_SIZE).defaultInt(), c.ingestBatchSize());
        assertEquals(find(HubConfig.OFFLINE_AFTER_HEARTBEATS).defaultInt(), c.offlineAfterHeartbeats());
        assertEquals((long) find(HubConfig.AUDIT_ANCHOR_SECONDS).defaultInt(), c.auditAnchorPeriod().toSeconds());
        assertEquals(find(HubPkiConfig.SITE).defaultValue(), c.pki().site());
        assertEquals(find(EnrolmentLimits.MAX_PENDING).defaultInt(), c.enrolLimits().maxPending());
        assertEquals((long) find(GamSettings.ACK_TIMEOUT_SECONDS).defaultInt(), GamSettings.off().ackTimeout().toSeconds());
        assertEquals(find(GamSettings.PORT).defaultInt(), GamSettings.off().port());
    }

    private static Setting find(String key) {
        return HubSettingsCatalogue.CATALOGUE.find(key).orElseThrow();
    }
}
