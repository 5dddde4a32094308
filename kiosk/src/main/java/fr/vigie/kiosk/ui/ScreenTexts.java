package fr.vigie.kiosk.ui;

/**
 * The kiosk's texts in the language a screen is being rendered in: what a template reads as
 * {@code ${t.text("session.pin.title", m.name())}}. Texts are plain text: the template engine escapes
 * them, and their arguments, for where they land. Immutable.
 */
public final class ScreenTexts {
    private final UiTexts texts;
    private final UiLanguage lang;

    ScreenTexts(UiTexts texts, UiLanguage lang) {
        this.texts = texts;
        this.lang = lang;
    }

    /**
     * @return the text of {@code key} with {@code {0}}, {@code {1}}… replaced by {@code args}
     * @throws java.util.MissingResourceException if no bundle has that text
     */
    public String text(String key, Object... args) {
        return texts.text(lang, key, args);
    }

    /** @return the language being rendered */
    public UiLanguage language() {
        return lang;
    }
}
