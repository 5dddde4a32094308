package fr.vigie.hub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IT console page, rendered once per language from {@code console/index.html} and the
 * {@code i18n/console_<lang>.properties} bundle. Placeholders {@code {{key}}} take the bundle's text,
 * HTML-escaped; {@code {{@lang}}}, {@code {{@otherLang}}} and {@code {{@i18n}}} (the {@code js.*} texts as
 * JSON for the script) are filled by the page itself, and {@code {{>name}}} includes the shared part
 * {@code console/_name.html} (see {@link #includes}). A placeholder without a text fails at
 * construction, so a missing translation is caught by the first test, not by a user. Immutable.
 */
final class ConsolePage {
    /** Languages of the console, the first being the fallback. */
    static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(@?[a-zA-Z0-9_.-]+)}}");
    private static final Pattern INCLUDE = Pattern.compile("\\{\\{>([a-z0-9-]+)}}");

    private final Map<String, String> pages = new TreeMap<>();

    ConsolePage() {
        this("console/index.html");
    }

    /** A page rendered from the template resource {@code templateName}, e.g. {@code console/vigilance.html}. */
    ConsolePage(String templateName) {
        String template = includes(resource(templateName));
        for (Locale lang : LANGUAGES) {
            pages.put(lang.getLanguage(), render(template, bundle(lang), lang));
        }
    }

    /**
     * The template with every {@code {{>name}}} replaced by the resource {@code console/_name.html}: the
     * parts all console pages share (head, navigation). Includes do not nest.
     */
    static String includes(String template) {
        Matcher m = INCLUDE.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 2048);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resource("console/_" + m.group(1) + ".html")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The page in {@code lang} (one of {@link #LANGUAGES}). */
    String html(Locale lang) {
        return pages.get(lang.getLanguage());
    }

    /**
     * The console language: {@code ?lang=} if it names one of ours, else the best match of the
     * {@code Accept-Language} header, else French.
     */
    static Locale choose(String langParam, String acceptLanguage) {
        if (langParam != null) {
            for (Locale l : LANGUAGES) {
                if (l.getLanguage().equalsIgnoreCase(langParam.trim())) {
                    return l;
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                // malformed header: fall back
            }
        }
        return LANGUAGES.get(0);
    }

    static ResourceBundle bundle(Locale lang) {
        return ResourceBundle.getBundle("i18n.console", lang,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String render(String template, ResourceBundle texts, Locale lang) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 1024);
        while (m.find()) {
            String key = m.group(1);
            String value;
            switch (key) {
                case "@lang":
                    value = lang.getLanguage();
                    break;
                case "@otherLang":
                    value = LANGUAGES.get(LANGUAGES.get(0).equals(lang) ? 1 : 0).getLanguage();
                    break;
                case "@i18n":
                    value = scriptTexts(texts, lang);
                    break;
                default:
                    try {
                        value = escapeHtml(texts.getString(key));
                    } catch (MissingResourceException e) {
                        throw new IllegalStateException("console text '" + key + "' is missing for " + lang, e);
                    }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The {@code js.*} texts as a JSON object safe inside a script element. */
    private static String scriptTexts(ResourceBundle texts, Locale lang) {
        StringBuilder json = new StringBuilder("{\"locale\":").append(jsonString(lang.toLanguageTag()));
        for (String key : new TreeMap<>(toMap(texts)).keySet()) {
            if (key.startsWith("js.")) {
                json.append(',').append(jsonString(key.substring(3))).append(':').append(jsonString(texts.getString(key)));
            }
        }
        return json.append('}').toString();
    }

    private static Map<String, String> toMap(ResourceBundle texts) {
        Map<String, String> out = new TreeMap<>();
        texts.keySet().forEach(k -> out.put(k, texts.getString(k)));
        return out;
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

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
