package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.enrol.EnrolmentLimits;
import fr.vigie.hub.gam.GamSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubConfigTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsEmbedEverythingUnderTheDataDirectory() {
        HubConfig c = HubConfig.defaults(tmp);

        assertEquals(tmp.toAbsolutePath(), c.dataDir());
        assertEquals("127.0.0.1", c.httpBind());
        assertEquals(8080, c.httpPort());
        assertEquals(1883, c.embeddedMqttPort());
        assertTrue(c.embeddedBroker());
        assertTrue(c.embeddedDatabase());
        assertTrue(c.ingestEnabled());
        assertEquals(500, c.ingestBatchSize());
        assertEquals(3, c.offlineAfterHeartbeats());
        assertEquals(Duration.ofMinutes(5), c.auditAnchorPeriod());
    }

    @Test
    void auditAnchorPeriodIsReadInSecondsAndChecked() throws Exception {
        assertEquals(Duration.ofSeconds(60), HubConfig.load(null, Map.of("hub.audit.anchor-seconds", "60"))
                .auditAnchorPeriod());
        HubConfigException tooOften = assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.audit.anchor-seconds", "5")));
        assertEquals("hub.audit.anchor-seconds", tooOften.key());
        assertTrue(tooOften.getMessage().contains("between 10 and 86400"), tooOften.getMessage());
        assertEquals("hub.audit.anchor-seconds", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.audit.anchor-seconds", "five minutes"))).key());
    }

    @Test
    void igcSanteAnchorsAreAListOfFilesAndNoneByDefault() throws Exception {
        assertEquals(List.of(), HubConfig.load(null, Map.of()).igcSanteAnchors());

        HubConfig c = HubConfig.load(null, Map.of(HubConfig.IGC_SANTE_ANCHORS, "/etc/vigie/racine.pem, /etc/vigie/ac.pem"));

        assertEquals(List.of(Path.of("/etc/vigie/racine.pem"), Path.of("/etc/vigie/ac.pem")), c.igcSanteAnchors());
        HubConfigException e = assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of(HubConfig.IGC_SANTE_ANCHORS, "a.pem,,b.pem")));
        assertTrue(e.getMessage().startsWith(HubConfig.IGC_SANTE_ANCHORS), e.getMessage());
    }

    @Test
    void theGamFeedIsOffWithoutAHostAndItsSettingsAreChecked() throws Exception {
        GamSettings off = HubConfig.load(null, Map.of()).gam();
        assertFalse(off.enabled());
        assertEquals("VIGIE", off.patientIdAuthority());

        Path file = write("hub.gam.host=gam.chu.example\nhub.gam.port=6661\nhub.gam.sending-facility=CHU NORD\n"
                + "hub.gam.patient-id-oid=1.2.250.1.999.1.2\nhub.gam.tls=true\nhub.gam.tls-trust=/etc/vigie/gam-ca.pem\n");
        GamSettings on = HubConfig.load(file, Map.of()).gam();
        assertTrue(on.enabled());
        assertEquals("gam.chu.example:6661", on.destination());
        assertEquals("CHU NORD", on.sendingFacility());
        assertEquals(List.of(Path.of("/etc/vigie/gam-ca.pem")), on.tlsTrust());
        assertEquals(Duration.ofSeconds(30), on.ackTimeout());

        for (Map.Entry<String, String> bad : Map.of(GamSettings.PORT, "0", GamSettings.SENDING_APPLICATION, "VIGIE|X",
                GamSettings.PATIENT_ID_OID, "not.an.oid", GamSettings.ACK_TIMEOUT_SECONDS, "0",
                GamSettings.RETRY_MAX_SECONDS, "7200", GamSettings.HOST, "gam example", GamSettings.TLS_TRUST,
                "/etc/ca.pem").entrySet()) {
            Map<String, String> settings = new java.util.HashMap<>(Map.of(GamSettings.HOST, "gam.example"));
            settings.put(bad.getKey(), bad.getValue());
            HubConfigException e = assertThrows(HubConfigException.class, () -> HubConfig.load(null, settings),
                    bad.toString());
            assertEquals(bad.getKey(), e.key(), e.getMessage());
        }
        assertEquals("hub.gam.hots", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.gam.hots", "gam.example"))).key(), "a typo is refused");
    }

    @Test
    void theOpenIdProviderIsOffByDefaultAndItsSettingsAreChecked() throws Exception {
        fr.vigie.hub.sso.SsoSettings off = HubConfig.load(null, Map.of()).sso();
        assertFalse(off.enabled());
        assertEquals(9443, off.port());
        assertEquals(0, HubConfig.load(null, Map.of(HubConfig.HTTP_PORT, "0")).sso().port());

        fr.vigie.hub.sso.SsoSettings on = HubConfig.load(null, Map.of("hub.sso.enabled", "true", "hub.sso.issuer",
                "https://sso.chu-nord.local", "hub.sso.tap-window-minutes", "120")).sso();
        assertTrue(on.enabled());
        assertEquals(java.util.Optional.of(java.net.URI.create("https://sso.chu-nord.local")), on.issuer());
        assertEquals(Duration.ofHours(2), on.tapWindow());

        for (Map.Entry<String, String> bad : Map.of("hub.sso.issuer", "http://sso.chu-nord.local",
                "hub.sso.tap-window-minutes", "0", "hub.sso.port", "70000").entrySet()) {
            HubConfigException e = assertThrows(HubConfigException.class, () -> HubConfig.load(null,
                    Map.ofEntries(bad)), bad.toString());
            assertEquals(bad.getKey(), e.key(), e.getMessage());
        }
    }

    @Test
    void loadWithoutFileUsesDefaultDataDirUnderTheWorkingDirectory() throws Exception {
        HubConfig c = HubConfig.load(null, Map.of());

        assertEquals(Path.of("data/hub").toAbsolutePath().normalize(), c.dataDir());
        assertEquals(8080, c.httpPort());
    }

    @Test
    void overridesWinOverTheFileWhichWinsOverDefaults() throws Exception {
        Path file = write("hub.http.port=9090\nhub.mqtt.port=1999\nhub.ingest.batch-size=200\nother.component=x\n");

        HubConfig c = HubConfig.load(file, Map.of("hub.http.port", "0", "hub.data-dir", tmp.toString()));

        assertEquals(0, c.httpPort());
        assertEquals(1999, c.embeddedMqttPort());
        assertEquals(200, c.ingestBatchSize());
        assertEquals(tmp.toAbsolutePath(), c.dataDir());
    }

    @Test
    void externalBrokerAndDatabaseAreTakenFromTheirUrls() throws Exception {
        HubConfig c = HubConfig.load(null, Map.of("hub.mqtt.url", "tcp://broker.site:1883",
                "hub.db.url", "jdbc:postgresql://db.site:5432/vigie", "hub.db.user", "hub",
                "hub.db.password", "s3cret", "hub.ingest.enabled", "FALSE"));

        assertFalse(c.embeddedBroker());
        assertFalse(c.embeddedDatabase());
        assertFalse(c.ingestEnabled());
        assertEquals("tcp://broker.site:1883", c.brokerUrl());
    }

    @Test
    void unknownHubKeyIsRejectedNamingIt() throws IOException {
        Path file = write("hub.http.prot=8080\n");

        HubConfigException e = assertThrows(HubConfigException.class, () -> HubConfig.load(file, Map.of()));

        assertEquals("hub.http.prot", e.key());
        assertTrue(e.getMessage().contains("hub.http.prot"), e.getMessage());
        assertTrue(e.getMessage().contains("hub.http.port"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void theFormerSandboxSwitchIsRejectedSayingWhereTheSimulatorsWent() throws IOException {
        Path file = write("hub.sandbox.enabled=true\n");

        HubConfigException e = assertThrows(HubConfigException.class, () -> HubConfig.load(file, Map.of()));

        assertEquals("hub.sandbox.enabled", e.key());
        assertTrue(e.getMessage().contains("./vigie sandbox"), e.getMessage());
    }

    @Test
    void badPortIsRejectedNamingKeyAndValue() {
        HubConfigException e = assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.http.port", "80a")));
        assertEquals("hub.http.port", e.key());
        assertEquals("80a", e.value());
        assertTrue(e.getMessage().contains("'80a'"), e.getMessage());

        HubConfigException range = assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.mqtt.port", "70000")));
        assertEquals("hub.mqtt.port", range.key());
        assertTrue(range.getMessage().contains("70000"), range.getMessage());
    }

    @Test
    void brokerUrlMustBeTcpHostPort() {
        for (String bad : new String[] {"mqtt://h:1883", "tcp://h", "tcp://h:1883/x", "h:1883", "tcp://:1883"}) {
            HubConfigException e = assertThrows(HubConfigException.class,
                    () -> HubConfig.load(null, Map.of("hub.mqtt.url", bad)), bad);
            assertEquals("hub.mqtt.url", e.key());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void booleansBatchSizeAndHeartbeatsAreChecked() {
        assertEquals("hub.ingest.enabled", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.ingest.enabled", "yes"))).key());
        assertEquals("hub.ingest.batch-size", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.ingest.batch-size", "0"))).key());
        assertEquals("hub.devices.offline-after-heartbeats", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.devices.offline-after-heartbeats", "-1"))).key());
        assertEquals("hub.db.url", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.db.url", "jdbc:mysql://x/y"))).key());
    }

    @Test
    void databaseCredentialsWithoutUrlAreRejected() {
        assertEquals("hub.db.user", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.db.user", "hub"))).key());
    }

    @Test
    void passwordIsNeverShown() throws Exception {
        HubConfig c = HubConfig.load(null, Map.of("hub.db.url", "jdbc:postgresql://db/vigie",
                "hub.db.password", "s3cret"));
        assertFalse(c.toString().contains("s3cret"), c.toString());

        HubConfigException e = assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.db.password", "s3cret")));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertFalse(e.value().contains("s3cret"));
    }

    @Test
    void unreadableFileIsRejected() {
        HubConfigException e = assertThrows(HubConfigException.class,
                () -> HubConfig.load(tmp.resolve("missing.properties"), Map.of()));
        assertEquals("config-file", e.key());
    }

    @Test
    void httpNamesDefaultToLoopbackTheBindAddressAndTheDeviceApiNames() throws Exception {
        assertEquals(List.of("localhost", "127.0.0.1", "::1"), HubConfig.load(null, Map.of()).httpNames());
        assertEquals(List.of("localhost", "127.0.0.1", "::1", "10.0.0.5", "hub.chu-nord.local"), HubConfig.load(null,
                Map.of("hub.http.bind", "10.0.0.5", "hub.device-api.names", "hub.chu-nord.local,127.0.0.1")).httpNames());
        assertEquals(List.of("localhost", "127.0.0.1", "::1"), HubConfig.load(null,
                Map.of("hub.http.bind", "0.0.0.0")).httpNames(), "a wildcard is no name");
        assertEquals(List.of("console.chu-nord.local"), HubConfig.load(null,
                Map.of("hub.http.names", " console.chu-nord.local ")).httpNames());
        HubConfigException bad = assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.http.names", "ok.local,evil/name")));
        assertEquals("hub.http.names", bad.key());
    }

    @Test
    void enrolmentLimitsAreCheckedAgainstTheirBounds() throws Exception {
        HubConfig c = HubConfig.load(null, Map.of("hub.enrol.max-pending-per-source", "5",
                "hub.enrol.requests-per-minute-per-source", "600"));
        assertEquals(new EnrolmentLimits(1000, 5, 600), c.enrolLimits());
        assertEquals(EnrolmentLimits.defaults(), HubConfig.load(null, Map.of()).enrolLimits());
        for (Map.Entry<String, String> bad : Map.of("hub.enrol.max-pending", "0",
                "hub.enrol.max-pending-per-source", "2000", "hub.enrol.requests-per-minute-per-source", "x").entrySet()) {
            HubConfigException e = assertThrows(HubConfigException.class, () -> HubConfig.load(null, Map.ofEntries(bad)));
            assertEquals(bad.getKey(), e.key(), e.getMessage());
        }
    }

    @Test
    void buildingABadRecordDirectlyThrowsNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HubConfig(tmp, "127.0.0.1", -1, "", 1883, "", "", "", true, 500, 3, GatewaySettings.none(),
                        HubPkiConfig.defaults(), List.of(), Duration.ofMinutes(5), List.of(), EnrolmentLimits.defaults(), List.of(),
                        fr.vigie.hub.gam.GamSettings.off(), fr.vigie.hub.sso.SsoSettings.off()));
        assertTrue(e.getMessage().startsWith("hub.http.port"), e.getMessage());
    }

    private Path write(String content) throws IOException {
        Path file = tmp.resolve("hub.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void deviceListenersTakeFreePortsWhenTheHttpAndMqttPortsDo() throws Exception {
        HubConfig free = HubConfig.load(null, Map.of("hub.http.port", "0", "hub.mqtt.port", "0"));
        HubConfig fixed = HubConfig.load(null, Map.of("hub.device-api.names", "hub.site.local, 10.0.0.2",
                "hub.mqtt.tls", "true"));

        assertEquals(0, free.pki().deviceApiPort());
        assertEquals(0, free.pki().mqttTlsPort());
        assertEquals(8443, fixed.pki().deviceApiPort());
        assertEquals(8883, fixed.pki().mqttTlsPort());
        assertEquals(java.util.List.of("hub.site.local"), fixed.pki().dnsNames());
        assertEquals(java.util.List.of("10.0.0.2"), fixed.pki().ipAddresses());
        assertTrue(fixed.pki().mqttTls());
    }

    @Test
    void badPkiValuesNameTheirKey() {
        assertEquals("hub.device-api.port", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.device-api.port", "70000"))).key());
        assertEquals("hub.site", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.site", "CHU Nord"))).key());
        assertEquals("hub.device-api.names", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.device-api.names", "a b"))).key());
        assertEquals("hub.mqtt.tls", assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, Map.of("hub.mqtt.tls", "true", "hub.mqtt.url", "tcp://broker:1883"))).key());
    }

    @Test
    void kiosksHaveTheMutualTlsListenerByDefaultOnTheEmbeddedBrokerOnly() throws Exception {
        assertTrue(HubConfig.defaults(tmp).pki().mqttTls());
        assertTrue(HubConfig.load(null, Map.of()).pki().mqttTls());
        assertFalse(HubConfig.load(null, Map.of("hub.mqtt.url", "tcp://broker:1883")).pki().mqttTls());
    }

    @Test
    void aMosquittoTheHubLooksAfterIsOnThisMachineWithAFixedDeviceListener() throws Exception {
        HubConfig c = HubConfig.load(null, Map.of("hub.mqtt.url", "tcp://127.0.0.1:1883", "hub.mqtt.mosquitto-dir",
                "/etc/mosquitto/vigie", "hub.mqtt.mosquitto-pid-file", "/run/mosquitto/mosquitto.pid"));

        assertEquals(Path.of("/etc/mosquitto/vigie"), c.pki().mosquittoDir());
        assertEquals(Path.of("/run/mosquitto/mosquitto.pid"), c.pki().mosquittoPidFile());
        assertEquals(8883, c.pki().mqttTlsPort());
        assertEquals("hub.mqtt.mosquitto-dir", assertThrows(HubConfigException.class, () -> HubConfig.load(null,
                Map.of("hub.mqtt.url", "tcp://broker.site:1883", "hub.mqtt.mosquitto-dir", "/etc/m"))).key());
        assertEquals("hub.mqtt.mosquitto-dir", assertThrows(HubConfigException.class, () -> HubConfig.load(null,
                Map.of("hub.mqtt.mosquitto-dir", "/etc/m"))).key());
        assertEquals("hub.mqtt.mosquitto-pid-file", assertThrows(HubConfigException.class, () -> HubConfig.load(null,
                Map.of("hub.mqtt.url", "tcp://127.0.0.1:1883", "hub.mqtt.mosquitto-pid-file", "/run/m.pid"))).key());
        assertEquals("hub.mqtt.tls-port", assertThrows(HubConfigException.class, () -> HubConfig.load(null,
                Map.of("hub.mqtt.url", "tcp://127.0.0.1:1883", "hub.mqtt.mosquitto-dir", "/etc/m",
                        "hub.mqtt.tls-port", "0"))).key());
    }

    @Test
    void aConfigurationFileWithTheDatabasePasswordMustBeOwnerOnly() throws Exception {
        Path file = write("hub.db.url=jdbc:postgresql://db:5432/vigie\nhub.db.user=vigie_hub\nhub.db.password=s3cret\n");
        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        HubConfigException e = assertThrows(HubConfigException.class, () -> HubConfig.load(file, Map.of()));
        assertEquals("hub.db.password", e.key());
        assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());

        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals("s3cret", HubConfig.load(file, Map.of()).jdbcPassword());
    }
}
