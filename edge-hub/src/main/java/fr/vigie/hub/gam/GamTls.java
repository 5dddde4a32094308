package fr.vigie.hub.gam;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** The TLS socket factory of the feed's connections, from {@link GamSettings#tls()} and its trusted certificates. */
final class GamTls {
    private GamTls() {
    }

    /**
     * {@code null} without TLS; the JVM's default trust without {@link GamSettings#tlsTrust()}; otherwise only the
     * certificates of those PEM files.
     *
     * @throws IllegalArgumentException naming {@value GamSettings#TLS_TRUST} when a file cannot be used
     */
    static SSLSocketFactory socketFactory(GamSettings settings) {
        if (!settings.tls()) {
            return null;
        }
        try {
            if (settings.tlsTrust().isEmpty()) {
                return SSLContext.getDefault().getSocketFactory();
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            int n = 0;
            for (Path file : settings.tlsTrust()) {
                Collection<? extends Certificate> certs;
                try (InputStream in = Files.newInputStream(file)) {
                    certs = x509.generateCertificates(in);
                }
                if (certs.isEmpty()) {
                    throw new IllegalArgumentException(GamSettings.TLS_TRUST + " " + file + " holds no certificate");
                }
                for (Certificate c : certs) {
                    trust.setCertificateEntry("gam-trust-" + n++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(GamSettings.TLS_TRUST + " " + settings.tlsTrust() + " cannot be used: "
                    + e.getMessage(), e);
        }
    }
}
