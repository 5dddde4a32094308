package fr.vigie.kiosk.ui;

import java.util.Locale;
import java.util.Optional;

/** The languages of the kiosk screen, French first (the default) then English. */
public enum UiLanguage {
    FR(Locale.FRENCH),
    EN(Locale.ENGLISH);

    private final Locale locale;

    UiLanguage(Locale locale) {
        this.locale = locale;
    }

    /** @return the locale whose bundles ({@code *_fr.properties}, {@code *_en.properties}) hold its texts */
    public Locale locale() {
        return locale;
    }

    /** @return the two-letter code used in {@code ?lang=} and the cookie, e.g. {@code fr} */
    public String code() {
        return locale.getLanguage();
    }

    /** @return the other language, for the language toggle */
    public UiLanguage other() {
        return this == FR ? EN : FR;
    }

    /** @return the language named by a two-letter code (any case), if it is one of ours */
    public static Optional<UiLanguage> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (UiLanguage l : values()) {
            if (l.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
