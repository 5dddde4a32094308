package fr.vigie.provisioning.device;

import fr.vigie.provisioning.TlsContexts;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How a kiosk that has no certificate yet trusts its hub for enrolment: the hub's TLS chain must end
 * at a self-signed site root whose SHA-256 fingerprint was given to the kiosk beforehand (with its
 * bootstrap token, its image or its configuration). Without a pin the first root seen is trusted
 * (trust on first use) for the life of the context, which IT's check of the enrolment code shown on
 * the kiosk does not cover: prefer a pin. After enrolment the kiosk trusts only the root of its
 * installed chain ({@link DeviceIdentity#sslContext()}). Thread-safe.
 *
 * <pre>{@code
 * SSLContext tls = RootPin.enrolmentContext(config.hubCaFingerprint());   // null: trust on first use
 * }</pre>
 */
public final class RootPin {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private RootPin() {
    }

    /** SHA-256 of the certificate's DER, lowercase hex (64 characters). */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Whether {@code value} looks like a fingerprint (64 hex digits, colons and case ignored). */
    public static boolean isFingerprint(String value) {
        return value != null && FINGERPRINT.matcher(normalise(value)).matches();
    }

    /**
     * A TLS 1.3 client context presenting no certificate and trusting a server whose chain ends at
     * the pinned root.
     *
     * @param pinnedFingerprint 64 hex digits (colons allowed), or null to trust the first root seen
     */
    public static SSLContext enrolmentContext(String pinnedFingerprint) {
        if (pinnedFingerprint != null && !isFingerprint(pinnedFingerprint)) {
            throw new IllegalArgumentException("root fingerprint '" + pinnedFingerprint + "' is not 64 hex digits");
        }
        String pin = pinnedFingerprint == null ? null : normalise(pinnedFingerprint);
        try {
            SSLContext ctx = SSLContext.getInstance(TlsContexts.PROTOCOL);
            ctx.init(null, new TrustManager[] {new PinnedRootTrust(pin)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot create a " + TlsContexts.PROTOCOL + " context", e);
        }
    }

    private static String normalise(String value) {
        return value.replace(":", "").toLowerCase(Locale.ROOT).strip();
    }

    private static final class PinnedRootTrust implements X509TrustManager {
        private final AtomicReference<String> pin;

        PinnedRootTrust(String pin) {
            this.pin = new AtomicReference<>(pin);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the hub presented no certificate");
            }
            X509Certificate root = chain[chain.length - 1];
            try {
                root.verify(root.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new CertificateException("the hub's chain does not end at a self-signed root", e);
            }
            String seen = fingerprint(root);
            pin.compareAndSet(null, seen);
            if (!seen.equals(pin.get())) {
                throw new CertificateException("the hub's root " + seen + " is not the pinned site root " + pin.get());
            }
            TlsContexts.trusting(List.of(root)).checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only checks the hub");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
