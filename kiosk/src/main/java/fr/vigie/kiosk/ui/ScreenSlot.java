package fr.vigie.kiosk.ui;

import java.util.Objects;
import java.util.Optional;

/**
 * A feature's place on the kiosk screen. Each feature (enrolment, clinician session, admission…) owns
 * a slot with a priority; the browser shows the screen of the highest-priority slot that has one, so
 * that e.g. the enrolment code wins over the sign-in screens until the kiosk is enrolled. Showing a
 * screen pushes it to every open page at once. Thread-safe; {@link #show} is cheap and never blocks on
 * the browser (it may be called under a feature's own lock).
 */
public final class ScreenSlot {
    private final String name;
    private final int priority;
    private final Runnable changed;
    private volatile Screen screen;

    ScreenSlot(String name, int priority, Runnable changed) {
        this.name = name;
        this.priority = priority;
        this.changed = changed;
    }

    /** Shows {@code next} from this slot (replacing what it showed). */
    public void show(Screen next) {
        screen = Objects.requireNonNull(next, "screen");
        changed.run();
    }

    /** This slot shows nothing any more: a lower-priority slot's screen comes back. */
    public void clear() {
        screen = null;
        changed.run();
    }

    /** @return what this slot shows, if anything */
    public Optional<Screen> screen() {
        return Optional.ofNullable(screen);
    }

    /** @return the slot's name, e.g. {@code session} */
    public String name() {
        return name;
    }

    /** @return its priority; higher wins */
    public int priority() {
        return priority;
    }
}
