package fr.vigie.kiosk.ui;

import java.util.Locale;

/** Tone of a coloured notice ({@code ui/notice.jte}): information, success, warning, error. */
public enum Tone {
    INFO, OK, WARN, ERROR;

    /** @return the notice's class, e.g. {@code notice-warn} */
    public String css() {
        return "notice-" + name().toLowerCase(Locale.ROOT);
    }
}
