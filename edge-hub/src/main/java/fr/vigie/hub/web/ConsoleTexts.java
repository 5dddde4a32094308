package fr.vigie.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * The console's texts in one language, as the page templates ({@code src/main/jte/web}) read them:
 * {@code ${t.text("nav.devices")}} (plain text, escaped by the template engine), the language and the other
 * one (the language switch), and the {@code js.*} texts for the pages' scripts. A text missing from the
 * bundle fails the rendering, so a missing translation is caught when the hub starts, not by a user.
 * Immutable.
 */
final class ConsoleTexts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResourceBundle bundle;
    private final Locale lang;

    ConsoleTexts(ResourceBundle bundle, Locale lang) {
        this.bundle = bundle;
        this.lang = lang;
    }

    /**
     * @return the text of {@code key}
     * @throws IllegalStateException if the bundle has no such text
     */
    String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("console text '" + key + "' is missing for " + lang, e);
        }
    }

    /** The settings a rollout carries, for the configuration form (labels and help read with {@link #lang()}). */
    java.util.List<fr.vigie.config.Setting> fleetSettings() {
        return fr.vigie.config.KioskFleetSettings.ALL;
    }

    /** @return the page's language code, e.g. {@code fr} */
    String lang() {
        return lang.getLanguage();
    }

    /** @return the code of the language the switch leads to */
    String otherLang() {
        return ConsolePage.LANGUAGES.get(ConsolePage.LANGUAGES.get(0).equals(lang) ? 1 : 0).getLanguage();
    }

    /**
     * The {@code js.*} texts (without the prefix) and the locale as a JSON object, for the page's
     * {@code <meta id="i18n">} (the template engine escapes it as the attribute value it is).
     */
    String scriptTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("locale", lang.toLanguageTag());
        for (String key : new TreeSet<>(bundle.keySet())) {
            if (key.startsWith("js.")) {
                texts.put(key.substring(3), bundle.getString(key));
            }
        }
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("console texts cannot be written as JSON", e);
        }
    }
}
