package fr.vigie.kiosk.ui;

import java.util.Locale;

/** Looks of a big touch button ({@code ui/button.jte}), from the shared stylesheet. */
public enum ButtonStyle {
    PRIMARY, SECONDARY, DANGER;

    /** @return the button's class, e.g. {@code btn-primary} */
    public String css() {
        return "btn-" + name().toLowerCase(Locale.ROOT);
    }
}
