package fr.vigie.kiosk.session;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * A development-only {@link CertificateCheck}: it does <b>not</b> validate the certificate chain nor
 * revocation. When built {@linkplain #permissive(Clock) permissive} it accepts any certificate inside
 * its validity dates; otherwise ({@link #refusingAll()}) it refuses every certificate, so that a kiosk
 * whose configuration did not explicitly allow unvalidated certificates cannot open a session.
 * Immutable and thread-safe. Replace with the IGC-Santé chain and CRL check before production.
 */
public final class DevCertificateCheck implements CertificateCheck {
    private final Clock clock;
    private final boolean permissive;

    private DevCertificateCheck(Clock clock, boolean permissive) {
        this.clock = clock;
        this.permissive = permissive;
    }

    /** Accepts any certificate within its validity dates (chain and CRL NOT checked). */
    public static DevCertificateCheck permissive(Clock clock) {
        return new DevCertificateCheck(clock, true);
    }

    /** Refuses every certificate: the safe default until the real check exists. */
    public static DevCertificateCheck refusingAll() {
        return new DevCertificateCheck(Clock.systemUTC(), false);
    }

    @Override
    public Optional<String> refusal(X509Certificate certificate) {
        if (!permissive) {
            return Optional.of("certificate chain validation is not available and unvalidated certificates are not allowed");
        }
        Date now = Date.from(clock.instant());
        if (now.before(certificate.getNotBefore()) || now.after(certificate.getNotAfter())) {
            return Optional.of("certificate outside its validity dates");
        }
        return Optional.empty();
    }
}
