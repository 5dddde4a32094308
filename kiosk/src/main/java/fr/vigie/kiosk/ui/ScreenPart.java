package fr.vigie.kiosk.ui;

import java.util.Objects;

/**
 * One part of a {@link Screen}: a jte template of the kiosk and the model it draws. The template lives under
 * {@code kiosk/src/main/jte} in the directory of its feature's package (relative to {@code fr.vigie.kiosk}:
 * {@code session/ui/pin.jte} is compiled into {@code fr.vigie.kiosk.session.ui}, so it may read the feature's
 * package-private model records). It declares {@code @param ScreenTexts t} (the texts in the language being
 * rendered) and, when it has one, {@code @param <Model> m}. Immutable if the model is.
 *
 * @param template the template's path, e.g. {@code demo/controls.jte}
 * @param model the template's parameter {@code m}, or null
 */
public record ScreenPart(String template, Object model) {
    public ScreenPart {
        Objects.requireNonNull(template, "template");
        if (!template.matches("[a-z][a-z0-9/]*\\.jte")) {
            throw new IllegalArgumentException("not a kiosk template path: '" + template + "'");
        }
    }
}
