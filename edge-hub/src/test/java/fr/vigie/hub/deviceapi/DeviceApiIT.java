package fr.vigie.hub.deviceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.device.RootPin;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device API listener over real TLS: who may call which paths, and what a refusal says. */
class DeviceApiIT {
    /** A route of this test only, under the prefix every kiosk route is served at. */
    static final String WHOAMI = DeviceRoute.AUTHENTICATED_PREFIX + "whoami";
    static final String SITE = "chu-nord";
    @TempDir
    static Path dir;
    static MutableClock clock = MutableClock.followingSystemTime();
    static SiteCa ca;
    static DeviceApi api;

    @BeforeAll
    static void start() throws Exception {
        ca = TestDevices.siteCa(dir, SITE, clock);
        DeviceRoutes whoami = app -> app.get(WHOAMI,
                ctx -> ctx.json(Map.of("kiosk", DeviceCaller.of(ctx).toString())));
        api = DeviceApi.start("127.0.0.1", 0, List.of("localhost"), List.of("127.0.0.1"), ca, clock, List.of(whoami));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    static HttpResponse<String> get(SSLContext tls, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(api.uri("localhost").resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void enrolledKioskIsKnownByItsCertificate() throws Exception {
        DeviceIdentity a = TestDevices.enrolled(ca, dir, KioskAddress.of(SITE, "kiosk-a"), clock);

        HttpResponse<String> r = get(a.sslContext(), WHOAMI);

        assertEquals(200, r.statusCode());
        assertEquals("{\"kiosk\":\"chu-nord/kiosk-a\"}", r.body());
    }

    @Test
    void deviceRouteWithoutCertificateIsRefusedWith401() throws Exception {
        HttpResponse<String> r = get(RootPin.enrolmentContext(ca.rootFingerprint()), WHOAMI);

        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"DEVICE_CERTIFICATE_REQUIRED\""), r.body());
    }

    @Test
    void enrolmentPathsNeedNoCertificate() throws Exception {
        HttpResponse<String> r = get(RootPin.enrolmentContext(ca.rootFingerprint()), EnrolmentApi.PING.path());

        assertEquals(200, r.statusCode());
        assertEquals("{\"site\":\"chu-nord\"}", r.body());
    }

    @Test
    void revokedKioskIsRefusedWith403AndItsCode() throws Exception {
        DeviceIdentity r = TestDevices.enrolled(ca, dir, KioskAddress.of(SITE, "kiosk-r"), clock);
        assertEquals(200, get(r.sslContext(), WHOAMI).statusCode());

        ca.revoke(r.certificateChain().get(0).getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        HttpResponse<String> after = get(r.sslContext(), WHOAMI);

        assertEquals(403, after.statusCode());
        assertTrue(after.body().contains("\"error\":\"CERT_REVOKED\""), after.body());
    }

    @Test
    void certificateOfAForeignCaIsRefused() throws Exception {
        SiteCa foreign = TestDevices.siteCa(dir.resolve("foreign"), SITE, clock);
        DeviceIdentity f = TestDevices.enrolled(foreign, dir.resolve("foreign"), KioskAddress.of(SITE, "kiosk-a"), clock);

        HttpResponse<String> r = get(TestDevices.presenting(f, dir.resolve("foreign"), ca.rootCertificate()),
                WHOAMI);

        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"CERT_FOREIGN_CA\""), r.body());
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        DeviceIdentity e = TestDevices.enrolled(ca, dir, KioskAddress.of(SITE, "kiosk-e"), clock);
        MutableClock later = MutableClock.followingSystemTime();
        later.advance(Duration.ofDays(400));
        try (DeviceApi future = DeviceApi.start("127.0.0.1", 0, List.of("localhost"), List.of(), ca, later,
                List.of(app -> app.get(WHOAMI, ctx -> ctx.result("unexpected"))))) {
            HttpClient client = HttpClient.newBuilder().sslContext(e.sslContext()).version(HttpClient.Version.HTTP_1_1)
                    .build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(future.uri("localhost")
                    .resolve(WHOAMI)).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("\"error\":\"CERT_EXPIRED\""), r.body());
        }
    }

    @Test
    void tls12IsRefused() throws Exception {
        SSLParameters tls12 = new SSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(null, null, null);
        HttpClient client = HttpClient.newBuilder().sslContext(ctx).sslParameters(tls12).build();
        URI uri = api.uri("localhost").resolve(EnrolmentApi.PING.path());

        assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
