package fr.vigie.provisioning.device;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.provisioning.EcKeys;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.TestPki;
import fr.vigie.provisioning.TlsContexts;
import fr.vigie.provisioning.siteca.DeviceCertificates;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real TLS 1.3 handshake over loopback between a server holding a certificate from the site CA
 * (as the broker will) and kiosks holding device identities, checked by {@link DeviceCertificates}.
 */
class MutualTlsIT {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atRealNow();
    private SSLServerSocket server;

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void kioskWithValidDeviceCertificateIsAcceptedOverTls13AndNamed() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        DeviceIdentity kiosk = TestPki.enrolled(dir.resolve("kiosk"), KIOSK_A, ca, clock);
        CompletableFuture<String> outcome = serveOnce(ca);

        boolean echoed = connect(kiosk.sslContext());

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("ACCEPTED TLSv1.3 " + KIOSK_A);
        assertThat(echoed).isTrue();
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        CompletableFuture<String> outcome = serveOnce(ca);
        SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
        anonymous.init(null, new TrustManager[] {TlsContexts.trusting(List.of(ca.rootCertificate()))}, null);

        boolean echoed = connect(anonymous);

        assertThat(outcome.get(10, TimeUnit.SECONDS)).startsWith("REFUSED");
        assertThat(echoed).isFalse();
    }

    @Test
    void clientWithCertificateOfAForeignCaIsRefused() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        SiteCa foreign = TestPki.siteCa(dir.resolve("foreign"), clock);
        KeyPair keys = EcKeys.generate(new java.security.SecureRandom());
        X509Certificate cert = foreign.issueDevice(DeviceCsr.parse(DeviceCsr.create(KIOSK_A, keys)), KIOSK_A);
        // The impostor trusts our broker, so the refusal can only come from the broker's side.
        SSLContext impostor = TlsContexts.create(keys.getPrivate(),
                new X509Certificate[] {cert, foreign.issuingCertificate(), foreign.rootCertificate()},
                TlsContexts.trusting(List.of(ca.rootCertificate())));
        CompletableFuture<String> outcome = serveOnce(ca);

        boolean echoed = connect(impostor);

        assertThat(outcome.get(10, TimeUnit.SECONDS)).startsWith("REFUSED").contains("CERT_FOREIGN_CA");
        assertThat(echoed).isFalse();
    }

    @Test
    void kioskWithExpiredCertificateIsRefused() throws Exception {
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(100)));
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), KIOSK_A.site(), Duration.ofDays(90), clock);
        DeviceIdentity kiosk = TestPki.enrolled(dir.resolve("kiosk"), KIOSK_A, ca, clock);
        clock.set(now);
        CompletableFuture<String> outcome = serveOnce(ca);

        boolean echoed = connect(kiosk.sslContext());

        assertThat(outcome.get(10, TimeUnit.SECONDS)).startsWith("REFUSED").contains("CERT_EXPIRED");
        assertThat(echoed).isFalse();
    }

    @Test
    void revokedKioskIsRefused() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        DeviceIdentity kiosk = TestPki.enrolled(dir.resolve("kiosk"), KIOSK_A, ca, clock);
        ca.revoke(kiosk.certificateChain().get(0).getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        CompletableFuture<String> outcome = serveOnce(ca);

        boolean echoed = connect(kiosk.sslContext());

        assertThat(outcome.get(10, TimeUnit.SECONDS)).startsWith("REFUSED").contains("CERT_REVOKED");
        assertThat(echoed).isFalse();
    }

    /** Accepts one connection; completes with ACCEPTED and the kiosk, or REFUSED and every reason in the chain. */
    private CompletableFuture<String> serveOnce(SiteCa ca) throws IOException {
        DeviceCertificates devices = ca.deviceCertificates();
        SSLContext ctx = TestPki.serverContext(ca, devices.trustManager(clock));
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] {"TLSv1.3"});
        server.setNeedClientAuth(true);
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setSoTimeout(5_000);
                s.startHandshake();
                X509Certificate[] peer = Arrays.copyOf(s.getSession().getPeerCertificates(),
                        s.getSession().getPeerCertificates().length, X509Certificate[].class);
                String kiosk = devices.verify(List.of(peer), clock.instant()).toString();
                int b = s.getInputStream().read();
                s.getOutputStream().write(b);
                s.getOutputStream().flush();
                return "ACCEPTED " + s.getSession().getProtocol() + " " + kiosk;
            } catch (Exception e) {
                StringBuilder reasons = new StringBuilder("REFUSED");
                for (Throwable t = e; t != null; t = t.getCause()) {
                    reasons.append(" | ").append(t);
                }
                return reasons.toString();
            }
        });
    }

    /** Connects, sends one byte and waits for it back: true only if the server echoed it. */
    private boolean connect(SSLContext ctx) {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(server.getInetAddress(), server.getLocalPort())) {
            s.setSoTimeout(5_000);
            s.setEnabledProtocols(new String[] {"TLSv1.3"});
            s.startHandshake();
            s.getOutputStream().write(42);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return in.read() == 42;
        } catch (IOException e) {
            return false;
        }
    }
}
