package fr.vigie.kiosk.fleet;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The kiosk's last few notable errors (refused bundles and commands, failed health checks), for the
 * diagnostics bundle. Holds codes and short reasons only, never secrets. Thread-safe.
 */
public final class RecentErrors {
    /** How many are kept. */
    public static final int CAPACITY = 10;
    private static final int MAX_CHARS = 200;

    private final Clock clock;
    private final Deque<String> errors = new ArrayDeque<>();

    public RecentErrors(Clock clock) {
        this.clock = clock;
    }

    /** Records {@code code}: {@code reason}, with the time. */
    public synchronized void add(String code, String reason) {
        String line = clock.instant() + " " + code + ": " + reason;
        errors.addFirst(line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) + "…" : line);
        while (errors.size() > CAPACITY) {
            errors.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<String> list() {
        return new ArrayList<>(errors);
    }
}
