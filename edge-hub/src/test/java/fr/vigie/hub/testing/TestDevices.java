package fr.vigie.hub.testing;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Device identities for hub tests without the enrolment protocol: a test site CA (fast key
 * protection), kiosks enrolled at it in process, and TLS contexts that present a given kiosk's
 * certificate while trusting a given root (to show a foreign-CA kiosk to the real hub).
 *
 * <pre>{@code
 * SiteCa ca = TestDevices.siteCa(dir, "chu-nord", clock);         // or hub.siteCa()
 * DeviceIdentity a = TestDevices.enrolled(ca, dir, KioskAddress.of("chu-nord", "a"), clock);
 * SSLContext tls = a.sslContext();                                   // mutual TLS to the hub
 * }</pre>
 */
public final class TestDevices {
    /** The store password of every test identity. */
    public static final char[] STORE_PASSWORD = "test device store".toCharArray();

    private TestDevices() {
    }

    /** A site CA in {@code <dir>/ca-<site>} with few PBKDF2 iterations. */
    public static SiteCa siteCa(Path dir, String site, Clock clock) throws Exception {
        return SiteCa.openOrCreate(dir.resolve("ca-" + site), SiteCaSettings.defaults(site)
                .withKeyProtectionIterations(10_000), "test passphrase".toCharArray(), clock);
    }

    /** A kiosk identity in {@code <dir>/<site>-<kioskId>} holding a certificate of {@code ca}. */
    public static DeviceIdentity enrolled(SiteCa ca, Path dir, KioskAddress kiosk, Clock clock) throws Exception {
        DeviceIdentity identity = unenrolled(dir, kiosk, clock);
        ca.enrolInProcess(identity);
        return identity;
    }

    /** A kiosk identity with its key but no certificate yet. */
    public static DeviceIdentity unenrolled(Path dir, KioskAddress kiosk, Clock clock) throws Exception {
        Path home = dir.resolve(kiosk.site() + "-" + kiosk.kioskId());
        return DeviceIdentity.openOrCreate(home, kiosk, STORE_PASSWORD, clock);
    }

    /** A TLS 1.3 context presenting {@code identity}'s certificate and trusting {@code root}. */
    public static SSLContext presenting(DeviceIdentity identity, Path dir, X509Certificate root) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        Path file = dir.resolve(identity.kiosk().site() + "-" + identity.kiosk().kioskId()).resolve(DeviceIdentity.FILE_NAME);
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLSv1.3");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ssl;
    }
}
