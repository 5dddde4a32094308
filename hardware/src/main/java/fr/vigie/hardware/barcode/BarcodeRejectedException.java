package fr.vigie.hardware.barcode;

import fr.vigie.protocol.ErrorKind;
import fr.vigie.protocol.identity.IdentityError;
import fr.vigie.protocol.identity.IdentityException;
import java.util.Optional;

/**
 * What was scanned is refused for a precise reason: no code in the picture, a truncated or
 * mislabelled payload, an INS DataMatrix field out of rules. Scanning again the same thing will not
 * help; acting on the reason may. When an identity rule refused a value (key mismatch, bad trait),
 * {@link #identityError()} gives the protocol's code as well.
 */
public final class BarcodeRejectedException extends BarcodeException {
    private static final long serialVersionUID = 1L;

    private final IdentityError identityError;

    /** Creates a rejection with a reason a person can act on. */
    public BarcodeRejectedException(BarcodeError error, String message) {
        this(error, message, (IdentityError) null);
    }

    private BarcodeRejectedException(BarcodeError error, String message, IdentityError identityError) {
        super(error, message, null);
        if (error.kind() != ErrorKind.REJECTED) {
            throw new IllegalArgumentException(error + " is not a rejection");
        }
        this.identityError = identityError;
    }

    /** A rejection caused by an identity rule; the message starts with {@code where}. */
    public static BarcodeRejectedException of(BarcodeError error, String where, IdentityException cause) {
        return new BarcodeRejectedException(error, where + ": " + cause.error() + ": " + cause.getMessage(),
                cause.error());
    }

    /** @return the identity rule that refused a value, when that is the reason */
    public Optional<IdentityError> identityError() {
        return Optional.ofNullable(identityError);
    }
}
