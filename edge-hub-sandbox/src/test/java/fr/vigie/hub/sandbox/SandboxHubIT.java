package fr.vigie.hub.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.sandbox.igcsante.IgcSanteSandbox;
import fr.vigie.hub.sandbox.psc.PscSimulator;
import fr.vigie.hub.testing.DeviceHttp;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox launcher: the simulators beside a production hub, which reaches them only through the
 * {@code hub.*} settings the sandbox wrote, as a site's hub reaches the real services.
 */
class SandboxHubIT {
    private static final MutableClock CLOCK = MutableClock.followingSystemTime();
    private static final KioskAddress KIOSK = KioskAddress.of("demo", "kiosk-001");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static SandboxHub sandboxHub;

    @BeforeAll
    static void start() throws Exception {
        sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dataDir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.DEVICE_API_PORT, "0",
                HubConfig.INGEST_ENABLED, "false"), CLOCK);
    }

    @AfterAll
    static void stop() {
        if (sandboxHub != null) {
            sandboxHub.close();
        }
    }

    @Test
    void theSandboxWritesASitesFilesOwnerOnlyAndTheSettingsThatNameThem() throws Exception {
        Sandbox sandbox = sandboxHub.sandbox();
        Map<String, String> settings = sandbox.hubSettings();
        assertTrue(settings.keySet().containsAll(Set.of(InsiGatewaySettings.ENDPOINT, InsiGatewaySettings.CERTIFICATE,
                InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, InsiGatewaySettings.TRUST_ANCHORS, InsiGatewaySettings.IDAM,
                PscGatewaySettings.DISCOVERY_URL, PscGatewaySettings.CLIENT_ID, PscGatewaySettings.CLIENT_SECRET_FILE,
                ApcvSettings.KEYS_FILE, ApcvSettings.ISSUER, HubConfig.IGC_SANTE_ANCHORS, HubConfig.IGC_SANTE_CRL_FILES)),
                settings.toString());
        assertEquals(dataDir.resolve("hub").resolve(SandboxHub.DIR), sandbox.dir());
        for (String key : List.of(InsiGatewaySettings.CERTIFICATE, InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE,
                PscGatewaySettings.CLIENT_SECRET_FILE)) {
            Path file = Path.of(settings.get(key));
            assertTrue(file.startsWith(sandbox.dir()), key);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), key);
        }
        assertTrue(sandbox.readyLine().startsWith("VIGIE-SANDBOX READY origin=" + sandbox.origin() + " psc="
                + sandbox.pscIssuer() + " phone=" + sandbox.phonePage()), sandbox.readyLine());
    }

    @Test
    void theSimulatorsServeBesideTheHubWhichServesNoSandboxRoute() throws Exception {
        Sandbox sandbox = sandboxHub.sandbox();
        assertEquals(200, get(URI.create(sandbox.pscIssuer() + "/.well-known/wallet-openid-configuration")).statusCode());
        assertEquals(200, get(sandbox.phonePage()).statusCode());
        assertEquals(200, get(sandbox.origin().resolve("/sandbox/igc-sante/anchors.pem")).statusCode());
        assertEquals(200, get(sandbox.origin().resolve("/sandbox/apcv/keys")).statusCode());
        EdgeHub hub = sandboxHub.hub();
        assertNotEquals(hub.httpUri().getPort(), sandbox.origin().getPort());
        StaffClient admin = StaffClient.firstAdmin(hub.httpUri(), dataDir.resolve("hub"));
        assertEquals(404, admin.get(PscSimulator.DEFAULT_BASE + "/ecps").statusCode());
        assertEquals(404, admin.get(IgcSanteSandbox.BASE + "/anchors.pem").statusCode());
    }

    @Test
    void theSandboxServerRefusesMalformedBodiesWithAStableCode() throws Exception {
        Sandbox sandbox = sandboxHub.sandbox();
        HttpResponse<String> json = post(sandbox.origin().resolve("/sandbox/igc-sante/certify"), "application/json",
                "{\"idNatPs\": ");
        assertEquals(400, json.statusCode());
        assertTrue(json.body().contains("BAD_JSON"), json.body());
        HttpResponse<String> form = post(URI.create(sandbox.pscIssuer() + "/protocol/openid-connect/token"),
                "application/x-www-form-urlencoded", "grant_type=%zz&code=%");
        assertEquals(400, form.statusCode());
        assertTrue(form.body().contains("BAD_FORM"), form.body());
    }

    @Test
    void aKioskSignsInThroughTheHubsPscGatewayBuiltFromTheSandboxSettings() throws Exception {
        EdgeHub hub = sandboxHub.hub();
        sandboxHub.sandbox().psc().autoApprove(true);
        try {
            DeviceIdentity identity = TestDevices.enrolled(hub.siteCa(), dataDir.resolve("kiosks"), KIOSK, CLOCK);
            DeviceHttp kiosk = new DeviceHttp(hub.deviceApiUri(), identity.sslContext());
            JsonNode started = kiosk.post(CibaApi.START.path(), Map.of("idNatPs", "810099900028", "channel", "CARD",
                    "kioskSessionId", "s-1"), 201);
            String path = CibaApi.STATUS.path(started.path("requestId").asText());
            await().atMost(Duration.ofSeconds(20)).until(() -> kiosk.get(path, 200).path("status").asText()
                    .equals("BOUND"));
            assertEquals("810099900028", kiosk.get(path, 200).path("who").path("idNatPs").asText());
        } finally {
            sandboxHub.sandbox().psc().autoApprove(false);
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
