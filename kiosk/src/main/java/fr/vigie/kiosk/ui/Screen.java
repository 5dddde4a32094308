package fr.vigie.kiosk.ui;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One screen of the kiosk: a stable id (tests and the browser see it as {@code data-screen}) and a
 * rendering written through {@link Html}, which escapes every text. A screen is rendered once per
 * language each time it is {@linkplain ScreenSlot#show shown}: capture the values it displays when
 * building it (do not read live state while rendering). Implementations must be immutable.
 *
 * <pre>{@code
 * slot.show(Screen.of("session.idle", html -> html.heading("session.idle.title").para("session.idle.hint")));
 * }</pre>
 */
public interface Screen {
    /** Screen ids: lower-case words separated by dots or dashes, e.g. {@code session.pin}. */
    Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    /** @return the screen's id, matching {@link #ID} */
    String id();

    /** Writes the screen's content (inside the page's {@code <section>}). */
    void render(Html html);

    /** @return a screen with that id, drawn by {@code body} */
    static Screen of(String id, Consumer<Html> body) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad screen id: '" + id + "'");
        }
        Objects.requireNonNull(body, "body");
        return new Screen() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void render(Html html) {
                body.accept(html);
            }

            @Override
            public String toString() {
                return "Screen[" + id + "]";
            }
        };
    }
}
