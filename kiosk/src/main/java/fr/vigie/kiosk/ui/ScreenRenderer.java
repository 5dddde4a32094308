package fr.vigie.kiosk.ui;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * Draws screens and the page around them with the kiosk's jte templates ({@code kiosk/src/main/jte},
 * compiled with the kiosk: nothing is parsed at run time, which suits a Raspberry Pi). The engine escapes
 * every value a template outputs for where it lands (element text, attribute value), so a card holder's
 * name or a scanned code never becomes markup; the strict Content-Security-Policy of {@link KioskUi} backs
 * it up.
 *
 * <p>A screen travels as one server-sent event, so its HTML is one line: line breaks in a template, and the
 * indentation after them, are not output (put inline content that needs a space between two parts on one
 * line), and a line break in a value is written as a character reference. Thread-safe.
 */
final class ScreenRenderer {
    /** The kiosk's templates: {@code <dir>/<name>.jte} is the class {@code fr.vigie.kiosk.<dir>.Jte<name>Generated}. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ScreenRenderer.class.getClassLoader(), "fr.vigie.kiosk");

    private final UiTexts texts;

    ScreenRenderer(UiTexts texts) {
        this.texts = texts;
    }

    /** @return the HTML of every part of {@code screen} in {@code lang}, on one line */
    String screen(Screen screen, UiLanguage lang) {
        ScreenTexts t = new ScreenTexts(texts, lang);
        OneLine out = new OneLine();
        for (ScreenPart part : screen.parts()) {
            Map<String, Object> params = new HashMap<>(4);
            params.put("t", t);
            params.put("m", part.model());
            TEMPLATES.render(part.template(), params, out.html);
        }
        return out.toString();
    }

    /**
     * @return the element a screen travels in ({@code ui/screen.jte}): its id and version around
     *     {@code screenHtml}, already rendered by {@link #screen}, on one line
     */
    String section(String id, long version, String screenHtml) {
        Map<String, Object> params = new HashMap<>(4);
        params.put("id", id);
        params.put("version", version);
        params.put("content", (Content) output -> output.writeContent(screenHtml));
        OneLine out = new OneLine();
        TEMPLATES.render("ui/screen.jte", params, out.html);
        return out.toString();
    }

    /** @return the kiosk's page ({@code ui/shell.jte}) in {@code lang} around {@code screenHtml}, already rendered */
    String page(UiLanguage lang, String screenHtml) {
        Map<String, Object> params = new HashMap<>(4);
        params.put("t", new ScreenTexts(texts, lang));
        params.put("screen", (Content) output -> output.writeContent(screenHtml));
        StringOutput out = new StringOutput(4096 + screenHtml.length());
        TEMPLATES.render("ui/shell.jte", params, out);
        return out.toString();
    }

    /** Output of one screen: template line breaks dropped, value line breaks as character references. */
    private static final class OneLine implements TemplateOutput {
        private final StringBuilder out = new StringBuilder(2048);
        /** What templates write to: their own text is compacted here, escaped values go straight to {@code out}. */
        final OwaspHtmlTemplateOutput html = new OwaspHtmlTemplateOutput(this) {
            @Override
            public void writeContent(String value) {
                compact(value, 0, value.length());
            }

            @Override
            public void writeContent(String value, int beginIndex, int endIndex) {
                compact(value, beginIndex, endIndex);
            }
        };

        /** Template text without its line breaks and the indentation that follows them. */
        private void compact(String value, int from, int to) {
            int at = from;
            while (at < to) {
                int lineBreak = lineBreak(value, at, to);
                out.append(value, at, lineBreak);
                at = lineBreak;
                while (at < to && Character.isWhitespace(value.charAt(at))) {
                    at++;
                }
            }
        }

        @Override
        public void writeContent(String value) {
            writeContent(value, 0, value.length());
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            int at = beginIndex;
            while (at < endIndex) {
                int lineBreak = lineBreak(value, at, endIndex);
                out.append(value, at, lineBreak);
                if (lineBreak < endIndex) {
                    out.append(value.charAt(lineBreak) == '\n' ? "&#10;" : "&#13;");
                }
                at = lineBreak + 1;
            }
        }

        /** @return the index of the first {@code \n} or {@code \r} in {@code value[from, to)}, or {@code to} */
        private static int lineBreak(String value, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = value.charAt(i);
                if (c == '\n' || c == '\r') {
                    return i;
                }
            }
            return to;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
