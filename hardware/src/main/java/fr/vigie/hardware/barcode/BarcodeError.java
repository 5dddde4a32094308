package fr.vigie.hardware.barcode;

import fr.vigie.protocol.ErrorKind;

/**
 * Stable codes of the barcode layer, shared by the UI, the audit log and the tests. Each code is
 * either {@linkplain ErrorKind#REJECTED rejected} (what was scanned is refused for a precise reason) or
 * {@linkplain ErrorKind#FAILED failed} (a file or device could not be read at all). Codes never change
 * meaning once published.
 */
public enum BarcodeError {
    /** No QR code or DataMatrix was located in the image. */
    BARCODE_NOT_FOUND(ErrorKind.REJECTED),
    /** A code was located but could not be decoded: damaged, blurred or cut beyond error correction. */
    BARCODE_UNREADABLE(ErrorKind.REJECTED),
    /** The payload ends before its header or a fixed-length field is complete, or a wedge line was cut off. */
    BARCODE_TRUNCATED(ErrorKind.REJECTED),
    /** The payload announces a kind or version it is not, or is carried by the wrong symbology. */
    BARCODE_MISLABELLED(ErrorKind.REJECTED),
    /** The payload is longer than any code Vigie accepts from this source. */
    BARCODE_TOO_LONG(ErrorKind.REJECTED),
    /** The file is not an image Vigie can read (PNG, JPEG, BMP, GIF). */
    IMAGE_UNREADABLE(ErrorKind.REJECTED),

    /** The INS DataMatrix header is not {@code IS01} followed by 22 zeros. */
    INS_DM_BAD_HEADER(ErrorKind.REJECTED),
    /** A field identifier other than S1 to S7 where one is expected. */
    INS_DM_UNKNOWN_FIELD(ErrorKind.REJECTED),
    /** A field appears twice or out of the order S1 … S7. */
    INS_DM_FIELD_ORDER(ErrorKind.REJECTED),
    /** A mandatory field (S1 to S6) is absent or empty. */
    INS_DM_FIELD_MISSING(ErrorKind.REJECTED),
    /** A field is longer than its limit (S2 20, S3 and S4 100), or a fixed-length field is too long. */
    INS_DM_FIELD_TOO_LONG(ErrorKind.REJECTED),
    /** A GS separator where none may stand (after a fixed-length field, doubled, or leading). */
    INS_DM_BAD_SEPARATOR(ErrorKind.REJECTED),
    /** S1 is not a valid INS matricule; the {@link fr.vigie.protocol.identity.IdentityError} says why. */
    INS_DM_BAD_MATRICULE(ErrorKind.REJECTED),
    /** S2 is not one of the INS OIDs. */
    INS_DM_BAD_OID(ErrorKind.REJECTED),
    /** A trait (S3 to S7) is not valid; the {@link fr.vigie.protocol.identity.IdentityError} says why. */
    INS_DM_BAD_TRAIT(ErrorKind.REJECTED),
    /** An INS DataMatrix was asked for an identity that is not qualified: the INS may not be printed. */
    INS_DM_NOT_QUALIFIED(ErrorKind.REJECTED),

    /** The 2D-Doc header is malformed: version, CA or certificate id, document type, périmètre or country. */
    TWODDOC_BAD_HEADER(ErrorKind.REJECTED),
    /** A 2D-Doc header date is not 4 hex digits, or is past the calendar Vigie can show. */
    TWODDOC_BAD_DATE(ErrorKind.REJECTED),
    /** A 2D-Doc message field is malformed (no identifier, empty, control characters). */
    TWODDOC_BAD_FIELD(ErrorKind.REJECTED),
    /** The 2D-Doc has no US separator and so no signature. */
    TWODDOC_SIGNATURE_MISSING(ErrorKind.REJECTED),
    /** The 2D-Doc signature is not base32, or its length is not an ECDSA P-256/384/521 {@code r||s}. */
    TWODDOC_BAD_SIGNATURE(ErrorKind.REJECTED),

    /** Text with the ApCV prefix that is not a compact JWS. */
    APCV_MALFORMED(ErrorKind.REJECTED),

    /** An image file could not be read from disk (missing, unreadable, I/O error). */
    IMAGE_IO(ErrorKind.FAILED),
    /** A scanning device (camera, wedge) stopped delivering input. */
    SCANNER_UNAVAILABLE(ErrorKind.FAILED);

    private final ErrorKind kind;

    BarcodeError(ErrorKind kind) {
        this.kind = kind;
    }

    /** @return whether this code is a rejection or a failure */
    public ErrorKind kind() {
        return kind;
    }
}
