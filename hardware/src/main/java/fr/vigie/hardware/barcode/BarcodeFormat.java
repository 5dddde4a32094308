package fr.vigie.hardware.barcode;

/**
 * The symbology a code was read from. A keyboard-wedge scanner reports it only when it is set up
 * to send an AIM symbology identifier ({@code ]Q1}, {@code ]d2}…); otherwise it is {@link #UNKNOWN}.
 */
public enum BarcodeFormat {
    /** QR code (ISO/IEC 18004). */
    QR_CODE,
    /** DataMatrix ECC 200 (ISO/IEC 16022). */
    DATA_MATRIX,
    /** The source did not say (a keyboard wedge without symbology identifiers). */
    UNKNOWN
}
