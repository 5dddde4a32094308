package fr.vigie.hardware.gpio;

/**
 * A steady colour of the RGB status LED. Amber lights red and green together, white all three.
 * The kiosk maps each session state to one colour.
 */
public enum LedColour {
    OFF(false, false, false),
    GREEN(false, true, false),
    BLUE(false, false, true),
    AMBER(true, true, false),
    RED(true, false, false),
    WHITE(true, true, true);

    private final boolean red;
    private final boolean green;
    private final boolean blue;

    LedColour(boolean red, boolean green, boolean blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    boolean red() {
        return red;
    }

    boolean green() {
        return green;
    }

    boolean blue() {
        return blue;
    }
}
