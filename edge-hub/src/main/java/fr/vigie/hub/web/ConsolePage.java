package fr.vigie.hub.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * One page of the IT console, rendered once per language when the hub starts, from its jte template
 * {@code src/main/jte/web/<name>.jte} (compiled with the hub: no template is parsed at run time) and the
 * {@code i18n/console_<lang>.properties} bundle. Every page goes through {@code web/layout.jte} (head,
 * header, navigation, footer); tables through {@code web/table.jte}. The engine escapes every text for the
 * place it lands in (element text or attribute). A text missing from a bundle fails construction, so a
 * missing translation is caught by the first test, not by a user. Immutable.
 *
 * <pre>{@code
 * ConsolePage page = new ConsolePage("vigilance");          // web/vigilance.jte
 * String html = page.html(ConsolePage.choose("en", null));
 * }</pre>
 */
final class ConsolePage {
    /** Languages of the console, the first being the fallback. */
    static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);
    /** The templates compiled with the hub: their classes are in this package ({@code fr.vigie.hub} + {@code web/}). */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ConsolePage.class.getClassLoader(), "fr.vigie.hub");

    private final Map<String, String> pages = new TreeMap<>();

    /** The device list ({@code /}). */
    ConsolePage() {
        this("devices");
    }

    /** The page of template {@code web/<name>.jte}, e.g. {@code vigilance}. */
    ConsolePage(String name) {
        for (Locale lang : LANGUAGES) {
            pages.put(lang.getLanguage(), render(name, new ConsoleTexts(bundle(lang), lang)));
        }
    }

    /** The page in {@code lang} (one of {@link #LANGUAGES}). */
    String html(Locale lang) {
        return pages.get(lang.getLanguage());
    }

    /** Renders template {@code web/<name>.jte} with {@code texts}. */
    static String render(String name, ConsoleTexts texts) {
        StringOutput out = new StringOutput(8192);
        TEMPLATES.render("web/" + name + ".jte", texts, out);
        return out.toString();
    }

    /**
     * The console language: {@code ?lang=} if it names one of ours (the language switch, carried from page to
     * page by the navigation links), else French. The browser's {@code Accept-Language} is deliberately not
     * consulted: the console speaks French first, and English only when the user chose it.
     */
    static Locale choose(String langParam) {
        if (langParam != null) {
            for (Locale l : LANGUAGES) {
                if (l.getLanguage().equalsIgnoreCase(langParam.trim())) {
                    return l;
                }
            }
        }
        return LANGUAGES.get(0);
    }

    static ResourceBundle bundle(Locale lang) {
        return ResourceBundle.getBundle("i18n.console", lang,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A static asset of the console ({@code console/*.js}, {@code console.css}) from the hub's jar. */
    static String resource(String name) {
        try (InputStream in = ConsolePage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the hub's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
