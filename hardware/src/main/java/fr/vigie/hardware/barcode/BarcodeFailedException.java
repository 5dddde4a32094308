package fr.vigie.hardware.barcode;

import fr.vigie.protocol.ErrorKind;

/**
 * A file or scanning device could not be read: missing file, I/O error, device gone. The same input
 * may be read later.
 */
public final class BarcodeFailedException extends BarcodeException {
    private static final long serialVersionUID = 1L;

    /** Creates a failure, keeping the low-level cause for the logs. */
    public BarcodeFailedException(BarcodeError error, String message, Throwable cause) {
        super(error, message, cause);
        if (error.kind() != ErrorKind.FAILED) {
            throw new IllegalArgumentException(error + " is not a failure");
        }
    }
}
