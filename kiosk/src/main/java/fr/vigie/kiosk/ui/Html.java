package fr.vigie.kiosk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the HTML of one screen. Every text goes through it escaped: bundle texts by key
 * ({@link #heading}, {@link #para}, {@link #button}), their arguments, and raw values
 * ({@link #text}); tags, classes and ids are checked against a strict pattern, so nothing a card, a
 * scanner or a request carries can become markup. The output has no line breaks (it travels as one
 * server-sent event). Not thread-safe: one instance per rendering.
 *
 * <pre>{@code
 * html.heading("session.card.title")
 *     .para("session.card.holder", holder.givenName() + " " + holder.familyName())
 *     .button("logout", "session/logout", "session.logout", Html.Style.SECONDARY);
 * }</pre>
 */
public final class Html {
    /** Button looks from the shared stylesheet. */
    public enum Style { PRIMARY, SECONDARY, DANGER }

    /** Tone of a {@link #notice}: information, success, warning, error. */
    public enum Tone { INFO, OK, WARN, ERROR }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern CLASSES = Pattern.compile("[a-z][a-z0-9- ]{0,79}");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]{0,39}/[a-z][a-z0-9-]{0,39}");

    private final StringBuilder out = new StringBuilder(1024);
    private final Deque<String> open = new ArrayDeque<>();
    private final UiTexts texts;
    private final UiLanguage lang;

    Html(UiTexts texts, UiLanguage lang) {
        this.texts = texts;
        this.lang = lang;
    }

    /** @return the language being rendered */
    public UiLanguage language() {
        return lang;
    }

    /** @return the text of {@code key} in this language, unescaped (for {@link #text} or a computation) */
    public String message(String key, Object... args) {
        return texts.text(lang, key, args);
    }

    /** {@code <h1>} with the text of {@code key}. */
    public Html heading(String key, Object... args) {
        return element("h1", null, null, message(key, args));
    }

    /** {@code <p>} with the text of {@code key}. */
    public Html para(String key, Object... args) {
        return element("p", null, null, message(key, args));
    }

    /** {@code <p class="cls" id="id">} with the text of {@code key}; {@code id} may be null. */
    public Html paragraph(String id, String cls, String key, Object... args) {
        return element("p", id, cls, message(key, args));
    }

    /** A coloured box with the text of {@code key}; {@code id} may be null. */
    public Html notice(String id, Tone tone, String key, Object... args) {
        return element("p", id, "notice notice-" + tone.name().toLowerCase(Locale.ROOT), message(key, args));
    }

    /** Escaped raw text, e.g. a holder's name read from a card. */
    public Html text(String raw) {
        escape(raw == null ? "" : raw);
        return this;
    }

    /** Opens {@code <tag class="cls" id="id">}; {@code id} and {@code cls} may be null. */
    public Html open(String tag, String id, String cls) {
        out.append('<').append(checked(NAME, tag));
        attributes(id, cls);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the last opened element. */
    public Html close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /**
     * A big touch button that POSTs to {@code /ui/action/<action>} (an action registered with
     * {@link KioskUi#action}) with {@code value} (may be null) as the form field {@code value}.
     */
    public Html button(String id, String action, String key, Style style) {
        return button(id, action, null, key, style);
    }

    /** As {@link #button(String, String, String, Style)}, sending {@code value}. */
    public Html button(String id, String action, String value, String key, Style style) {
        out.append("<button type=\"button\"");
        attributes(id, "btn btn-" + style.name().toLowerCase(Locale.ROOT));
        out.append(" data-action=\"").append(checked(ACTION, action)).append('"');
        if (value != null) {
            out.append(" data-value=\"");
            escape(value);
            out.append('"');
        }
        out.append('>');
        escape(message(key));
        out.append("</button>");
        return this;
    }

    /**
     * A labelled one-line text field named {@code name} (letters, digits, '-'), pre-filled with
     * {@code value} (escaped; may be null). A {@link #formButton} sends every field of the screen.
     */
    public Html field(String id, String name, String labelKey, String value) {
        out.append("<label class=\"field\"><span>");
        escape(message(labelKey));
        out.append("</span><input type=\"text\" autocomplete=\"off\" spellcheck=\"false\" data-field");
        attributes(id, null);
        out.append(" name=\"").append(checked(NAME, name)).append("\" maxlength=\"100\" value=\"");
        escape(value == null ? "" : value);
        out.append("\"></label>");
        return this;
    }

    /** An image served by the kiosk itself under {@code /ui/x/<feature>/<name>} (see {@link KioskUi#resource}). */
    public Html image(String id, String cls, String src, String altKey) {
        if (src == null || !src.matches("/ui/x/[a-z][a-z0-9-]{0,39}/[a-z0-9][a-z0-9.-]{0,63}(\\?v=[0-9]{1,19})?")) {
            throw new IllegalArgumentException("images come from /ui/x/<feature>/<name>, got '" + src + "'");
        }
        out.append("<img");
        attributes(id, cls);
        out.append(" src=\"").append(src).append("\" alt=\"");
        escape(message(altKey));
        out.append("\">");
        return this;
    }

    /** As {@link #button(String, String, String, Style)}, also sending every {@link #field} of the screen. */
    public Html formButton(String id, String action, String key, Style style) {
        int at = out.length();
        button(id, action, null, key, style);
        out.insert(out.indexOf(">", at), " data-form");
        return this;
    }

    /**
     * An on-screen keypad for a secret of at most {@code maxDigits} digits (a PIN). The digits stay in
     * the page's memory, shown as dots, until the submit key sends them once, as the raw body of a
     * POST to {@code /ui/action/<action>} (read it with {@link UiRequest#secretDigits()}); the page
     * forgets them right after. Keys are labelled by {@code clearKey} and {@code submitKey}.
     */
    public Html secretPad(String id, String action, int maxDigits, String clearKey, String submitKey) {
        out.append("<div");
        attributes(id, "pad");
        out.append(" data-secret-action=\"").append(checked(ACTION, action)).append("\" data-max=\"")
                .append(Math.max(1, Math.min(maxDigits, 16))).append("\">");
        out.append("<div class=\"pad-dots\" data-pad-dots aria-live=\"polite\"></div><div class=\"pad-keys\">");
        for (String d : new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
            out.append("<button type=\"button\" class=\"key\" data-digit=\"").append(d).append("\">").append(d).append("</button>");
        }
        out.append("<button type=\"button\" class=\"key key-clear\" data-pad-clear>");
        escape(message(clearKey));
        out.append("</button><button type=\"button\" class=\"key\" data-digit=\"0\">0</button>");
        out.append("<button type=\"button\" class=\"key key-submit\" data-pad-submit>");
        escape(message(submitKey));
        out.append("</button></div></div>");
        return this;
    }

    /** @return the HTML written so far; every opened element must be closed */
    String toHtml() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("screen left elements open: " + open);
        }
        return out.toString();
    }

    private Html element(String tag, String id, String cls, String text) {
        out.append('<').append(tag);
        attributes(id, cls);
        out.append('>');
        escape(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    private void attributes(String id, String cls) {
        if (id != null) {
            out.append(" id=\"").append(checked(NAME, id)).append('"');
        }
        if (cls != null) {
            out.append(" class=\"").append(checked(CLASSES, cls)).append('"');
        }
    }

    private static String checked(Pattern p, String s) {
        if (s == null || !p.matcher(s).matches()) {
            throw new IllegalArgumentException("not a safe HTML name: '" + s + "'");
        }
        return s;
    }

    /** Escapes for element content and quoted attribute values; line breaks become character references. */
    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    private void escape(String s) {
        escape(s, out);
    }
}
