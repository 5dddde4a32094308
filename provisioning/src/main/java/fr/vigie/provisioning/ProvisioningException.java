package fr.vigie.provisioning;

import java.util.Objects;

/**
 * Input was rejected by the provisioning module: a CSR, a certificate, a token or a passphrase.
 * The {@link #error() code} is stable; the message says precisely what was wrong in terms a
 * person can act on, and never contains key material or token secrets.
 */
public final class ProvisioningException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ProvisioningError error;

    public ProvisioningException(ProvisioningError error, String reason) {
        super(reason);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ProvisioningException(ProvisioningError error, String reason, Throwable cause) {
        super(reason, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The stable rejection code. */
    public ProvisioningError error() {
        return error;
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}
