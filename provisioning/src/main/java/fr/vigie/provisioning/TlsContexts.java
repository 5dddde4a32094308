package fr.vigie.provisioning;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** SSLContexts for TLS 1.3 with one key of ours and a given way of trusting the peer. */
public final class TlsContexts {
    public static final String PROTOCOL = "TLSv1.3";

    private TlsContexts() {
    }

    public static SSLContext create(PrivateKey key, X509Certificate[] chain, TrustManager trust) {
        try {
            SSLContext ctx = SSLContext.getInstance(PROTOCOL);
            ctx.init(new javax.net.ssl.KeyManager[] {new SingleKeyManager(key, chain)}, new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot create a " + PROTOCOL + " context", e);
        }
    }

    /** The JDK's PKIX trust manager trusting exactly {@code anchors}. */
    public static X509TrustManager trusting(List<X509Certificate> anchors) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                ks.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("PKIX trust manager factory returned no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust manager", e);
        }
    }
}
