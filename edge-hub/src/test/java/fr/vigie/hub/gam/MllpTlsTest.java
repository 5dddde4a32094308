package fr.vigie.hub.gam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed over TLS ({@code hub.gam.tls}, {@code hub.gam.tls-trust}) against a GAM whose certificate a hospital CA
 * issued for {@code localhost} (Vigie's site CA playing that CA): the exchange goes through when the hub trusts that
 * CA and reaches the GAM by the name in its certificate; another CA, or another name, ends the handshake.
 */
class MllpTlsTest {
    @TempDir
    Path tmp;

    /** Trusts no client certificate: this GAM asks for none. */
    private static final X509TrustManager NO_CLIENTS = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("no client certificates here");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private SiteCa ca(String name) throws Exception {
        return SiteCa.openOrCreate(tmp.resolve(name), SiteCaSettings.defaults(name), "test passphrase".toCharArray(),
                Clock.systemUTC());
    }

    private Path rootPem(SiteCa ca, String file) throws Exception {
        Path pem = tmp.resolve(file);
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ca.rootCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    private static GamSettings tls(Path trust) {
        return new GamSettings("localhost", 2575, true, List.of(trust), "VIGIE", "", "GAM", "", "", "",
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** A GAM over TLS answering one message with {@code MSA|AA}; the exchange's answer, or its failure. */
    private static String exchange(SSLContext server, String host, GamSettings settings) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> gam = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    InputStream in = s.getInputStream();
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    int b = in.read();
                    while ((b = in.read()) != MllpConnection.END && b >= 0) {
                        got.write(b);
                    }
                    in.read();
                    OutputStream out = s.getOutputStream();
                    out.write(("\u000bMSH|^~\\&|GAM||VIGIE||20260304||ACK^A28^ACK|A1|P|2.5\rMSA|AA|C1\u001c\r")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // the client gave up the handshake
                }
            });
            try (MllpConnection c = MllpConnection.open(host, listener.getLocalPort(), GamTls.socketFactory(settings))) {
                return c.exchange("MSH|^~\\&|VIGIE||GAM||20260304||ADT^A28^ADT_A05|C1|P|2.5", Duration.ofSeconds(5));
            } finally {
                gam.join();
            }
        }
    }

    @Test
    void theExchangeGoesOverTlsToAGamTheHubTrustsByTheNameInItsCertificate() throws Exception {
        SiteCa hospital = ca("hospital");
        SSLContext server = hospital.serverTlsContext("gam", List.of("localhost"), List.of(), NO_CLIENTS);

        String answer = exchange(server, "localhost", tls(rootPem(hospital, "hospital.pem")));

        assertEquals("MSA|AA|C1", answer.substring(answer.indexOf("MSA")));
    }

    @Test
    void anotherCaOrAnotherNameEndsTheHandshake() throws Exception {
        SiteCa hospital = ca("hospital");
        SSLContext server = hospital.serverTlsContext("gam", List.of("localhost"), List.of(), NO_CLIENTS);
        Path elsewhere = rootPem(ca("elsewhere"), "elsewhere.pem");

        assertThrows(IOException.class, () -> exchange(server, "localhost", tls(elsewhere)), "a CA the hub does not trust");
        assertThrows(IOException.class, () -> exchange(server, "127.0.0.1", tls(rootPem(hospital, "hospital.pem"))),
                "the certificate names localhost, not 127.0.0.1");
    }

    @Test
    void aTrustFileWithoutCertificatesIsRefusedNamingTheKey() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.pem"), "nothing here\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GamTls.socketFactory(tls(empty)));
        assertEquals(true, e.getMessage().startsWith(GamSettings.TLS_TRUST), e.getMessage());
    }
}
