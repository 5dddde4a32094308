package fr.vigie.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One screen of the kiosk: a stable id (tests and the browser see it as {@code data-screen}) and its
 * parts, each a jte template drawn with a model ({@link ScreenPart}). A screen is rendered once per language
 * each time it is {@linkplain ScreenSlot#show shown}: capture the values it displays in its models when
 * building it (do not read live state while rendering). Immutable.
 *
 * <pre>{@code
 * slot.show(Screen.of("session.pin", "session/ui/pin.jte", new Pin("Claire MARTIN", 2)));
 * }</pre>
 *
 * @param id the screen's id, matching {@link #ID}
 * @param parts what the screen draws, in order (at least one)
 */
public record Screen(String id, List<ScreenPart> parts) {
    /** Screen ids: lower-case words separated by dots or dashes, e.g. {@code session.pin}. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    public Screen {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad screen id: '" + id + "'");
        }
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("screen " + id + " draws nothing");
        }
    }

    /**
     * @param template the template's path under {@code src/main/jte}, e.g. {@code session/ui/pin.jte}
     * @param model what it shows (its parameter {@code m}), or null for a template without one
     * @return a screen with that id, drawn by one template
     */
    public static Screen of(String id, String template, Object model) {
        return new Screen(id, List.of(new ScreenPart(template, model)));
    }

    /** @return this screen with {@code extra} drawn under it (e.g. the demo's sandbox controls); null adds nothing */
    public Screen with(ScreenPart extra) {
        if (extra == null) {
            return this;
        }
        List<ScreenPart> all = new ArrayList<>(parts);
        all.add(extra);
        return new Screen(id, all);
    }

    @Override
    public String toString() {
        return "Screen[" + id + "]";
    }
}
