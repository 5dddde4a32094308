package fr.vigie.hub.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hub.deviceapi.DeviceApi;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.SoftwareApi;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.RootPin;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.testing.MutableClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package repository on the device API over real mutual TLS: what an enrolled kiosk reads, what nobody reads. */
class SoftwareDeviceRoutesIT {
    static final String SITE = "chu-nord";
    @TempDir
    static Path dir;
    static MutableClock clock = MutableClock.followingSystemTime();
    static SiteCa ca;
    static DeviceApi api;
    static RepositorySigningKey key;
    static AptRepository repository;
    static DeviceIdentity kiosk;

    @BeforeAll
    static void start() throws Exception {
        ca = TestDevices.siteCa(dir, SITE, clock);
        key = RepositorySigningKey.openOrCreate(dir.resolve("software"), "test", "pass".toCharArray(), clock);
        repository = new AptRepository(dir.resolve("software/repository"), key, SITE, clock);
        repository.add(TestPackages.build(dir, "vigie-kiosk", "0.1.0", "all"));
        api = DeviceApi.start("127.0.0.1", 0, List.of("localhost"), List.of("127.0.0.1"), ca, clock,
                List.of(new SoftwareDeviceRoutes(repository, key)));
        kiosk = TestDevices.enrolled(ca, dir, KioskAddress.of(SITE, "kiosk-a"), clock);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    static HttpResponse<byte[]> get(SSLContext tls, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(api.uri("localhost").resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anEnrolledKioskReadsTheSignedIndexThePackagesAndTheKey() throws Exception {
        HttpResponse<byte[]> inRelease = get(kiosk.sslContext(), SoftwareApi.REPOSITORY + "/dists/vigie/InRelease");
        assertEquals(200, inRelease.statusCode());
        assertThat(inRelease.body()).isEqualTo(Files.readAllBytes(repository.root().resolve("dists/vigie/InRelease")));
        HttpResponse<byte[]> deb = get(kiosk.sslContext(),
                SoftwareApi.REPOSITORY + "/pool/main/vigie-kiosk/vigie-kiosk_0.1.0_all.deb");
        assertEquals(200, deb.statusCode());
        assertEquals("application/vnd.debian.binary-package", deb.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> pinned = get(kiosk.sslContext(), SoftwareApi.REPOSITORY_KEY.template());
        assertEquals(200, pinned.statusCode());
        assertThat(new String(pinned.body())).contains(key.fingerprint(), "BEGIN PGP PUBLIC KEY BLOCK");
    }

    @Test
    void nothingOutsideTheRepositoryAndNothingWithoutACertificate() throws Exception {
        for (String path : List.of("/../repository-signing.key.asc", "/%2e%2e/repository-signing.key.asc",
                "/dists/../../repository-signing.key.asc", "/pool", "/dists/vigie/NoSuchFile")) {
            HttpResponse<byte[]> r = get(kiosk.sslContext(), SoftwareApi.REPOSITORY + path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(new String(r.body())).as(path).doesNotContain("PGP PRIVATE KEY");
        }
        HttpResponse<byte[]> anonymous = get(RootPin.enrolmentContext(ca.rootFingerprint()),
                SoftwareApi.REPOSITORY + "/dists/vigie/InRelease");
        assertEquals(401, anonymous.statusCode());
    }
}
