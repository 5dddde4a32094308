package fr.vigie.kiosk.ui;

/**
 * What a button of a screen does: the handler of {@code POST /ui/action/<feature>/<name>}, registered
 * with {@link KioskUi#action}. It runs on a web server thread after the Host and Origin checks; it
 * changes the feature's state, which then {@linkplain ScreenSlot#show shows} a new screen (the answer
 * to the browser itself is an empty 204). Throw {@link UiRejected} for bad input.
 */
@FunctionalInterface
public interface UiAction {
    void handle(UiRequest request) throws UiRejected;
}
