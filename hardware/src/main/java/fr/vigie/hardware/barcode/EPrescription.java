package fr.vigie.hardware.barcode;

import java.util.Objects;

/**
 * The unique number of an e-prescription (ordonnance numérique), read from its QR code or typed
 * from the alphanumeric code printed next to it; it is attached to the patient's visit. The number
 * is normalised: uppercase, group separators (spaces, hyphens) removed. Its alphabet and checksum
 * are not public, so what counts as a number is the {@link EPrescriptionRule} in force. Immutable.
 *
 * @param number the normalised prescription number
 */
public record EPrescription(String number) implements ScannedPayload {

    public EPrescription {
        Objects.requireNonNull(number, "number");
        if (number.isEmpty()) {
            throw new IllegalArgumentException("an e-prescription number cannot be empty");
        }
    }

    @Override
    public String kind() {
        return "e-prescription";
    }
}
