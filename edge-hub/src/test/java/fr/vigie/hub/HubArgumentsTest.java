package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubArgumentsTest {

    @Test
    void eachOptionSetsItsConfigurationKey() throws Exception {
        HubArguments a = HubArguments.parse(List.of("--data", "/var/lib/hub", "--http-port", "0",
                "--mqtt-port=1884", "--broker-url", "tcp://b:1883", "--jdbc-url", "jdbc:postgresql://d/v",
                "--jdbc-user", "u", "--jdbc-password", "p", "--set", "hub.ingest.batch-size=1000"));

        assertNull(a.configFile());
        assertEquals("/var/lib/hub", a.overrides().get(HubConfig.DATA_DIR));
        assertEquals("0", a.overrides().get(HubConfig.HTTP_PORT));
        assertEquals("1884", a.overrides().get(HubConfig.MQTT_PORT));
        assertEquals("tcp://b:1883", a.overrides().get(HubConfig.MQTT_URL));
        assertEquals("jdbc:postgresql://d/v", a.overrides().get(HubConfig.DB_URL));
        assertEquals("u", a.overrides().get(HubConfig.DB_USER));
        assertEquals("p", a.overrides().get(HubConfig.DB_PASSWORD));
        assertEquals("1000", a.overrides().get(HubConfig.INGEST_BATCH_SIZE));
        assertEquals(1000, a.load().ingestBatchSize());
    }

    @Test
    void configFileIsKept() throws Exception {
        assertEquals(Path.of("hub.properties"), HubArguments.parse(List.of("--config", "hub.properties")).configFile());
    }

    @Test
    void unknownOptionOrMissingValueIsABadConfiguration() {
        HubConfigException unknown = assertThrows(HubConfigException.class,
                () -> HubArguments.parse(List.of("--http-prot", "8080")));
        assertTrue(unknown.getMessage().contains("--http-prot"), unknown.getMessage());

        HubConfigException missing = assertThrows(HubConfigException.class,
                () -> HubArguments.parse(List.of("--data")));
        assertEquals("--data", missing.key());
    }

    @Test
    void badValueIsReportedAtLoadNamingTheKey() throws Exception {
        HubArguments a = HubArguments.parse(List.of("--http-port", "eighty"));

        HubConfigException e = assertThrows(HubConfigException.class, a::load);
        assertEquals("hub.http.port", e.key());
    }

    @Test
    void helpIsRecognised() throws Exception {
        assertTrue(HubArguments.parse(List.of("--help")).help());
    }
}
