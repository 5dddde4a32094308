package fr.vigie.hub.broker;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import fr.vigie.testing.MutableClock;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A site CA and kiosk credentials for broker tests: valid ones, one that expired two days ago
 * (issued while the CA's clock was set three days back), one from a foreign CA of the same site
 * name, and a TLS context without any client certificate. Every context trusts the real site root,
 * so that a refusal always comes from the broker, never from the client.
 */
final class SitePki {
    static final String SITE = "chu-nord";
    static final KioskAddress A = KioskAddress.of(SITE, "kiosk-a");
    static final KioskAddress B = KioskAddress.of(SITE, "kiosk-b");
    static final KioskAddress REVOKED = KioskAddress.of(SITE, "kiosk-r");
    private static final char[] PASSPHRASE = "test passphrase".toCharArray();
    private static final char[] STORE_PASSWORD = "device store".toCharArray();

    final SiteCa ca;
    final Credential expired;
    private final Path dir;

    /** A kiosk's TLS context and certificate. */
    record Credential(KioskAddress kiosk, X509Certificate certificate, SSLContext ssl) {
    }

    private SitePki(Path dir, SiteCa ca, Credential expired) {
        this.dir = dir;
        this.ca = ca;
        this.expired = expired;
    }

    static SitePki create(Path dir) throws Exception {
        MutableClock clock = MutableClock.followingSystemTime();
        clock.advance(Duration.ofDays(-3));
        SiteCa ca = SiteCa.openOrCreate(dir.resolve("site-ca"), settings(), PASSPHRASE, clock);
        X509Certificate root = ca.caChain().get(ca.caChain().size() - 1);
        Credential expired = enrol(dir.resolve("expired"), ca, KioskAddress.of(SITE, "kiosk-old"), root, clock);
        clock.advance(Duration.ofDays(3));
        return new SitePki(dir, ca, expired);
    }

    private static SiteCaSettings settings() {
        return SiteCaSettings.defaults(SITE).withKeyProtectionIterations(10_000).withDeviceValidity(Duration.ofDays(1));
    }

    /** A kiosk enrolled at this site's CA now. */
    Credential device(KioskAddress kiosk) throws Exception {
        return enrol(dir.resolve("device-" + kiosk.kioskId()), ca, kiosk, root(), Clock.systemUTC());
    }

    /** {@code kiosk}'s certificate from another CA that also calls itself this site's. */
    Credential foreign(KioskAddress kiosk) throws Exception {
        SiteCa other = SiteCa.openOrCreate(dir.resolve("foreign-ca"), settings(), PASSPHRASE, Clock.systemUTC());
        return enrol(dir.resolve("foreign-" + kiosk.kioskId()), other, kiosk, root(), Clock.systemUTC());
    }

    /** Trusts the site root and presents no client certificate. */
    SSLContext noClientCertificate() throws Exception {
        return context(null, root());
    }

    X509Certificate root() {
        return ca.caChain().get(ca.caChain().size() - 1);
    }

    private static Credential enrol(Path home, SiteCa ca, KioskAddress kiosk, X509Certificate trusted, Clock clock)
            throws Exception {
        Files.createDirectories(home);
        DeviceIdentity identity = DeviceIdentity.openOrCreate(home, kiosk, STORE_PASSWORD, clock);
        X509Certificate cert = ca.issueDevice(DeviceCsr.parse(identity.csrPem()), kiosk);
        identity.installCertificateChain(ca.chainPem(cert));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(home.resolve(DeviceIdentity.FILE_NAME))) {
            keys.load(in, STORE_PASSWORD);
        }
        return new Credential(kiosk, cert, context(keys, trusted));
    }

    private static SSLContext context(KeyStore keys, X509Certificate trusted) throws Exception {
        KeyManagerFactory kmf = null;
        if (keys != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, STORE_PASSWORD);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("site-root", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLSv1.3");
        ssl.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ssl;
    }

    static List<KioskAddress> kiosks() {
        return List.of(A, B, REVOKED);
    }
}
