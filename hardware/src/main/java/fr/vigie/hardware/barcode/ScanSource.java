package fr.vigie.hardware.barcode;

/** Where a {@link ScannedCode} came from. */
public enum ScanSource {
    /** An image file or an in-memory picture given to {@link BarcodeDecoder}. */
    IMAGE,
    /** A camera frame, through {@link CameraScanner}. */
    CAMERA,
    /** A scanner typing into the kiosk like a keyboard, through {@link KeyboardWedgeScanner}. */
    KEYBOARD_WEDGE,
    /** The simulated scanner of the demo and tests ({@code fr.vigie.hardware.sim.barcode.SimulatedScanner}). */
    SIMULATED
}
