package fr.vigie.system.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.deviceapi.DeviceApi;
import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's {@link HubApi} against the hub's real {@link DeviceApi}: mutual TLS both ways. */
class DeviceApiClientIT {
    static final String SITE = "chu-nord";
    static final char[] STORE = "store".toCharArray();
    @TempDir
    static Path dir;
    static SiteCa ca;
    static DeviceApi api;

    @BeforeAll
    static void start() throws Exception {
        ca = SiteCa.openOrCreate(dir.resolve("ca"), SiteCaSettings.defaults(SITE).withKeyProtectionIterations(10_000),
                "passphrase".toCharArray(), Clock.systemUTC());
        DeviceRoutes echo = app -> app.post("/device/v1/echo", ctx -> ctx.json(Map.of(
                "kiosk", DeviceCaller.of(ctx).toString(), "said", ctx.bodyAsClass(Map.class).get("say"))));
        api = DeviceApi.start("127.0.0.1", 0, List.of("localhost"), List.of("127.0.0.1"), ca, Clock.systemUTC(),
                List.of(echo));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static DeviceIdentity enrolled(String kioskId) throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir.resolve(kioskId), KioskAddress.of(SITE, kioskId), STORE,
                Clock.systemUTC());
        ca.enrolInProcess(id);
        return id;
    }

    @Test
    void kioskPostsJsonAndTheHubKnowsWhoCalls() throws Exception {
        HubApi hub = HubApi.forDevice(api.uri("localhost"), enrolled("kiosk-a"));

        JsonNode answer = hub.post("/device/v1/echo", Map.of("say", "bonjour"));

        assertEquals("chu-nord/kiosk-a", answer.get("kiosk").asText());
        assertEquals("bonjour", answer.get("said").asText());
    }

    @Test
    void revokedKioskGetsTheHubsCode() throws Exception {
        DeviceIdentity r = enrolled("kiosk-r");
        HubApi hub = HubApi.forDevice(api.uri("127.0.0.1"), r);
        ca.revoke(r.certificateChain().get(0).getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        HubApiException e = assertThrows(HubApiException.class, () -> hub.post("/device/v1/echo", Map.of("say", "x")));

        assertEquals(403, e.status());
        assertEquals("CERT_REVOKED", e.code());
    }

    @Test
    void enrolmentClientReachesEnrolPathsWithThePinnedRoot() throws Exception {
        HubApi hub = HubApi.forEnrolment(api.uri("localhost"), ca.rootFingerprint());

        assertEquals(SITE, hub.get("/enrol/v1/ping").get("site").asText());
        HubApiException e = assertThrows(HubApiException.class, () -> hub.post("/device/v1/echo", Map.of()));
        assertEquals("DEVICE_CERTIFICATE_REQUIRED", e.code());
    }

    @Test
    void enrolmentClientRefusesAHubWithAnotherRoot() {
        HubApi hub = HubApi.forEnrolment(api.uri("localhost"), "00".repeat(32));

        HubApiException e = assertThrows(HubApiException.class, () -> hub.get("/enrol/v1/ping"));

        assertEquals(HubApiException.UNREACHABLE, e.code());
    }
}
