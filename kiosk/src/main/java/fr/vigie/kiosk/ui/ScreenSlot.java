package fr.vigie.kiosk.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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
    private volatile Supplier<Screen> source = () -> null;

    ScreenSlot(String name, int priority, Runnable changed) {
        this.name = name;
        this.priority = priority;
        this.changed = changed;
    }

    /** Shows {@code next} from this slot (replacing what it showed). */
    public void show(Screen next) {
        Objects.requireNonNull(next, "screen");
        source = () -> next;
        changed.run();
    }

    /**
     * Shows whatever {@code latest} returns (null for nothing), asked on the push thread each time
     * this slot {@linkplain #refresh is refreshed}: for a feature whose state changes under its own
     * lock, the screen then shows the state as it is when pushed, and quick successive changes are
     * pushed once. {@code latest} must be quick and must not block on the browser.
     */
    public void showLatest(Supplier<Screen> latest) {
        source = Objects.requireNonNull(latest, "latest");
        changed.run();
    }

    /** Asks for the screen again (after the state behind {@link #showLatest} changed). Never blocks. */
    public void refresh() {
        changed.run();
    }

    /** This slot shows nothing any more: a lower-priority slot's screen comes back. */
    public void clear() {
        source = () -> null;
        changed.run();
    }

    /** @return what this slot shows, if anything */
    public Optional<Screen> screen() {
        return Optional.ofNullable(source.get());
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
