package fr.vigie.hub.tls;

import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.TlsContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The CAs a national service's TLS server certificate must chain to: the certificates of configured
 * PEM files, or the JVM's default trust store when none is configured. Host names are verified by the
 * HTTP clients as usual. Immutable.
 *
 * <pre>{@code
 * ServerTrust insi = ServerTrust.anchors("hub.insi.trust-anchors", List.of(Path.of("/etc/vigie/insi-ca.pem")));
 * }</pre>
 */
public final class ServerTrust {
    private final List<X509Certificate> anchors;
    private final List<Path> files;

    private ServerTrust(List<X509Certificate> anchors, List<Path> files) {
        this.anchors = List.copyOf(anchors);
        this.files = List.copyOf(files);
    }

    /** The JVM's default trust store (the public CAs the JDK ships). */
    public static ServerTrust jvmDefault() {
        return new ServerTrust(List.of(), List.of());
    }

    /**
     * Exactly the certificates of {@code files} (PEM or DER bundles); the JVM's default trust store when
     * the list is empty.
     *
     * @throws IllegalArgumentException starting with {@code key}: a file unreadable or holding no certificate
     */
    public static ServerTrust anchors(String key, List<Path> files) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path f : files) {
            try {
                anchors.addAll(Pem.certificateBundle(Files.readAllBytes(f), key + " " + f));
            } catch (IOException e) {
                throw new IllegalArgumentException(key + " " + f + " cannot be read: " + e);
            } catch (ProvisioningException e) {
                throw new IllegalArgumentException(key + " " + f + " holds no usable certificate: " + e.getMessage());
            }
        }
        return new ServerTrust(anchors, files);
    }

    /** Whether the JVM's default trust store is used. */
    public boolean isJvmDefault() {
        return anchors.isEmpty();
    }

    /** The configured anchors; empty for the JVM's default. */
    public List<X509Certificate> certificates() {
        return anchors;
    }

    /** The trust manager checking the server's certificate. */
    public X509TrustManager trustManager() {
        if (!anchors.isEmpty()) {
            return TlsContexts.trusting(anchors);
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's default trust store cannot be used", e);
        }
    }

    /**
     * A TLS context that presents no certificate and trusts these anchors; empty for the JVM's default
     * trust, which HTTP clients use without a context of their own.
     */
    public Optional<SSLContext> contextWithoutClientCertificate() {
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        try {
            SSLContext ctx = SSLContext.getInstance(TlsContexts.PROTOCOL);
            ctx.init(null, new TrustManager[] {trustManager()}, null);
            return Optional.of(ctx);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot create a TLS context", e);
        }
    }

    @Override
    public String toString() {
        return anchors.isEmpty() ? "ServerTrust[JVM default]" : "ServerTrust[" + files + ", " + anchors.size()
                + " certificate(s)]";
    }
}
