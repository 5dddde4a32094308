package fr.vigie.hardware.barcode;

import java.util.Objects;

/**
 * A barcode operation did not succeed. Always carries a stable {@link BarcodeError} code; catch
 * {@link BarcodeRejectedException} for refusals with a reason and {@link BarcodeFailedException} for
 * failures to read. Messages never contain a full NIR.
 */
public abstract sealed class BarcodeException extends Exception
        permits BarcodeRejectedException, BarcodeFailedException {
    private static final long serialVersionUID = 1L;

    private final BarcodeError error;

    BarcodeException(BarcodeError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** @return the stable code of this error */
    public BarcodeError error() {
        return error;
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}
