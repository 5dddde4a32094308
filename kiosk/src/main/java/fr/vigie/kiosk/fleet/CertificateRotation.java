package fr.vigie.kiosk.fleet;

import java.time.Instant;
import java.util.Optional;

/**
 * The kiosk side of certificate renewal, which the {@code rotate-cert} command calls: a new key pair
 * on the device, a CSR to the hub's device API, the new certificate installed. Provided by the
 * enrolment code ({@code fr.vigie.kiosk.enrolment}); until the kiosk is enrolled, {@link #NOT_ENROLLED}.
 */
public interface CertificateRotation {
    /** A kiosk without a device certificate: nothing to rotate. */
    CertificateRotation NOT_ENROLLED = new CertificateRotation() {
        @Override
        public Instant rotate() {
            throw new UnsupportedOperationException("this kiosk has no device certificate (not enrolled)");
        }

        @Override
        public Optional<Instant> currentExpiry() {
            return Optional.empty();
        }
    };

    /**
     * Renews the device certificate now.
     *
     * @return the new certificate's expiry
     * @throws UnsupportedOperationException when the kiosk cannot rotate (not enrolled)
     * @throws Exception when the renewal failed; the current certificate stays in use
     */
    Instant rotate() throws Exception;

    /** Expiry of the device certificate in use, if there is one (reported in the heartbeat). */
    Optional<Instant> currentExpiry();
}
