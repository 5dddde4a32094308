package fr.vigie.hub.deviceapi;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The device API's TLS trust decision: let any client certificate through the handshake, and
 * decide per request in {@link DeviceCaller}. The handshake still proves that the client holds the
 * private key of the certificate it presents (TLS 1.3 CertificateVerify); the check against the site
 * CA and its CRL then happens where a refusal can be answered with an HTTP status and a stable code,
 * and where {@code /enrol/v1/} can serve kiosks that have no certificate yet. The CA names offered to
 * clients are the site's issuing CA.
 */
final class PresentedCertificates extends X509ExtendedTrustManager {
    private final X509Certificate issuing;

    PresentedCertificates(X509Certificate issuing) {
        this.issuing = issuing;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // decided per request by DeviceCaller
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // decided per request by DeviceCaller
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // decided per request by DeviceCaller
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the device API only serves");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {issuing};
    }
}
