package fr.vigie.kiosk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one HTML page of the kiosk ({@code kiosk-ui/shell.html}): header with the language toggle, the
 * current screen in {@code <main>}, the shared stylesheet and script. Placeholders {@code {{ui.*}}}
 * take texts from the bundles (escaped); {@code {{@lang}}}, {@code {{@other}}}, {@code {{@screen}}}
 * are filled here. Immutable.
 */
final class ShellPage {
    static final String CSS = resource("kiosk-ui/kiosk.css");
    static final String JS = resource("kiosk-ui/kiosk.js");
    private static final String TEMPLATE = resource("kiosk-ui/shell.html");

    private final UiTexts texts;

    ShellPage(UiTexts texts) {
        this.texts = texts;
    }

    /** @param screenHtml the current screen, already rendered (and escaped) by {@link Html} */
    String html(UiLanguage lang, String screenHtml) {
        StringBuilder out = new StringBuilder(TEMPLATE.length() + screenHtml.length() + 256);
        int at = 0;
        while (true) {
            int open = TEMPLATE.indexOf("{{", at);
            if (open < 0) {
                out.append(TEMPLATE, at, TEMPLATE.length());
                return out.toString();
            }
            int close = TEMPLATE.indexOf("}}", open);
            out.append(TEMPLATE, at, open);
            String key = TEMPLATE.substring(open + 2, close);
            switch (key) {
                case "@lang" -> out.append(lang.code());
                case "@other" -> out.append(lang.other().code());
                case "@screen" -> out.append(screenHtml);
                default -> Html.escape(texts.text(lang, key), out);
            }
            at = close + 2;
        }
    }

    private static String resource(String name) {
        try (InputStream in = ShellPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the kiosk's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
