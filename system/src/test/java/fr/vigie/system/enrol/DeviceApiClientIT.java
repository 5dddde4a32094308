package fr.vigie.system.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.hub.deviceapi.DeviceApi;
import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.AgentApi;
import fr.vigie.protocol.device.AgentBindingAnswer;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.EndRequest;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.device.PingAnswer;
import fr.vigie.protocol.device.ProofMethod;
import fr.vigie.protocol.device.PscProofRequest;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's {@link HubApi} against the hub's real {@link DeviceApi}: mutual TLS both ways, a route of the
 * contract served by {@link DeviceExchange} on one side and called through the same description on the other.
 */
class DeviceApiClientIT {
    static final String SITE = "chu-nord";
    static final char[] STORE = "store".toCharArray();
    static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");
    @TempDir
    static Path dir;
    static SiteCa ca;
    static DeviceApi api;

    @BeforeAll
    static void start() throws Exception {
        ca = SiteCa.openOrCreate(dir.resolve("ca"), SiteCaSettings.defaults(SITE).withKeyProtectionIterations(10_000),
                "passphrase".toCharArray(), Clock.systemUTC());
        // a stand-in for the agent routes: it answers who called, as the hub knows it from the certificate
        DeviceRoutes echo = app -> {
            DeviceExchange.serve(app, AgentApi.PSC_PROOF, (ctx, request) -> new AgentBindingAnswer(
                    DeviceCaller.of(ctx).kioskId(), ProofMethod.PSC, request.kioskSessionId(), UNTIL));
            DeviceExchange.serve(app, AgentApi.END, (ctx, request) -> null);
        };
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
    void kioskCallsARouteAndTheHubKnowsWhoCalls() throws Exception {
        HubApi hub = HubApi.forDevice(api.uri("localhost"), enrolled("kiosk-a"));

        AgentBindingAnswer answer = hub.call(AgentApi.PSC_PROOF, new PscProofRequest("s-1", "ciba-1"));

        assertEquals(new AgentBindingAnswer("kiosk-a", ProofMethod.PSC, "s-1", UNTIL), answer);
        assertNull(hub.call(AgentApi.END, new EndRequest("s-1", EndReason.CLOSED)), "204: no answer body");
    }

    @Test
    void revokedKioskGetsTheHubsCode() throws Exception {
        DeviceIdentity r = enrolled("kiosk-r");
        HubApi hub = HubApi.forDevice(api.uri("127.0.0.1"), r);
        ca.revoke(r.certificateChain().get(0).getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        HubApiException e = assertThrows(HubApiException.class, () -> hub.call(AgentApi.PSC_PROOF,
                new PscProofRequest("s-1", "ciba-1")));

        assertEquals(403, e.status());
        assertEquals(DeviceApiError.CERT_REVOKED, e.error());
        assertEquals(DeviceApiError.CERT_REVOKED, e.refusal().orElseThrow().error());
    }

    @Test
    void enrolmentClientReachesEnrolRoutesWithThePinnedRoot() throws Exception {
        HubApi hub = HubApi.forEnrolment(api.uri("localhost"), ca.rootFingerprint());

        assertEquals(new PingAnswer(SITE), hub.get(EnrolmentApi.PING));
        HubApiException e = assertThrows(HubApiException.class, () -> hub.call(AgentApi.END,
                new EndRequest("s-1", EndReason.LOCKED)));
        assertEquals(401, e.status());
        assertEquals(DeviceApiError.DEVICE_CERTIFICATE_REQUIRED, e.error());
    }

    @Test
    void aRouteTheHubDoesNotServeIsRefusedNotFound() throws Exception {
        HubApi hub = HubApi.forDevice(api.uri("localhost"), enrolled("kiosk-n"));

        HubApiException e = assertThrows(HubApiException.class, () -> hub.call(AgentApi.NONCE,
                new fr.vigie.protocol.device.NonceRequest("s-1")));

        assertEquals(404, e.status());
        assertEquals(DeviceApiError.NOT_FOUND, e.error());
    }

    @Test
    void enrolmentClientRefusesAHubWithAnotherRoot() {
        HubApi hub = HubApi.forEnrolment(api.uri("localhost"), "00".repeat(32));

        HubApiException e = assertThrows(HubApiException.class, () -> hub.get(EnrolmentApi.PING));

        assertEquals(DeviceApiError.HUB_UNREACHABLE, e.error());
        assertEquals(0, e.status());
    }
}
