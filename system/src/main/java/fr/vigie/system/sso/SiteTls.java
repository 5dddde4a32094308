package fr.vigie.system.sso;

import java.net.URI;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS towards the hub's OpenID Provider for tests and benches: a context trusting the site root only, and the
 * pin of the OP's server key (base64 SHA-256 of its SubjectPublicKeyInfo) for Chromium's
 * {@code --ignore-certificate-errors-spki-list}, read from a handshake that the site root validated.
 */
public record SiteTls(SSLContext context, String opKeyPin) {
    public static SiteTls of(X509Certificate siteRoot, URI issuer) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("site-root", siteRoot);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(issuer.getHost(), issuer.getPort())) {
            socket.startHandshake();
            X509Certificate server = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            byte[] spki = MessageDigest.getInstance("SHA-256").digest(server.getPublicKey().getEncoded());
            return new SiteTls(context, Base64.getEncoder().encodeToString(spki));
        }
    }
}
