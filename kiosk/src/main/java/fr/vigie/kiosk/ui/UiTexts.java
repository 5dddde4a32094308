package fr.vigie.kiosk.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The screen texts: one or more message bundles (the UI's own {@code i18n.kiosk-ui}, then those that
 * features {@linkplain KioskUi#addBundle add}), looked up in order. A text is plain text, never HTML;
 * {@code {0}}, {@code {1}}… are replaced by arguments (no {@link java.text.MessageFormat} quoting, so
 * an apostrophe is just an apostrophe). A missing text is an error, not a silent key on screen.
 * Thread-safe.
 */
final class UiTexts {
    private final List<String> baseNames = new CopyOnWriteArrayList<>();
    private final Map<UiLanguage, List<ResourceBundle>> loaded = new EnumMap<>(UiLanguage.class);

    UiTexts(String firstBaseName) {
        add(firstBaseName);
    }

    /** Adds a bundle; every language must have it, so a missing translation fails at start-up. */
    synchronized void add(String baseName) {
        for (UiLanguage l : UiLanguage.values()) {
            bundle(baseName, l);
        }
        baseNames.add(baseName);
        loaded.clear();
    }

    /** @return the text of {@code key} in {@code lang} with {@code {i}} replaced by {@code args[i]} */
    String text(UiLanguage lang, String key, Object... args) {
        for (ResourceBundle b : bundles(lang)) {
            if (b.containsKey(key)) {
                String text = b.getString(key);
                for (int i = 0; i < args.length; i++) {
                    text = text.replace("{" + i + "}", String.valueOf(args[i]));
                }
                return text;
            }
        }
        throw new MissingResourceException("kiosk UI text '" + key + "' is missing for " + lang.code(), "UiTexts", key);
    }

    private synchronized List<ResourceBundle> bundles(UiLanguage lang) {
        return loaded.computeIfAbsent(lang, l -> {
            List<ResourceBundle> out = new ArrayList<>();
            baseNames.forEach(n -> out.add(bundle(n, l)));
            return List.copyOf(out);
        });
    }

    private static ResourceBundle bundle(String baseName, UiLanguage lang) {
        return ResourceBundle.getBundle(baseName, lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
