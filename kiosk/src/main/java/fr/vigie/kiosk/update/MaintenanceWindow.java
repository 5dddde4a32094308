package fr.vigie.kiosk.update;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a kiosk may update its software: a daily window of local time such as {@code 02:00-05:00} (it may cross
 * midnight, {@code 22:30-04:00}), or any time when none is set. Immutable.
 *
 * <pre>{@code
 * MaintenanceWindow w = MaintenanceWindow.parse("02:00-05:00");
 * w.allows(LocalTime.of(3, 15));   // true
 * }</pre>
 *
 * @param start the first minute of the window, or empty for any time
 * @param end the first minute after it (exclusive)
 */
public record MaintenanceWindow(Optional<LocalTime> start, Optional<LocalTime> end) {
    /** Any time of day. */
    public static final MaintenanceWindow ANY_TIME = new MaintenanceWindow(Optional.empty(), Optional.empty());

    public MaintenanceWindow {
        if (start.isPresent() != end.isPresent()) {
            throw new IllegalArgumentException("a maintenance window has both a start and an end, or neither");
        }
        if (start.isPresent() && start.get().equals(end.get())) {
            throw new IllegalArgumentException("a maintenance window cannot start and end at the same time");
        }
    }

    /**
     * Reads {@code HH:MM-HH:MM}; blank means any time.
     *
     * @throws IllegalArgumentException naming the value, for anything else
     */
    public static MaintenanceWindow parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY_TIME;
        }
        String[] parts = text.strip().split("-", -1);
        if (parts.length != 2 || !parts[0].strip().matches("\\d{2}:\\d{2}") || !parts[1].strip().matches("\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("maintenance window '" + text + "' is not HH:MM-HH:MM (e.g. 02:00-05:00)");
        }
        try {
            return new MaintenanceWindow(Optional.of(LocalTime.parse(parts[0].strip())),
                    Optional.of(LocalTime.parse(parts[1].strip())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("maintenance window '" + text + "' names a time that does not exist", e);
        }
    }

    /** Whether an update may start at {@code time}. */
    public boolean allows(LocalTime time) {
        if (start.isEmpty()) {
            return true;
        }
        LocalTime s = start.get();
        LocalTime e = end.get();
        return s.isBefore(e) ? !time.isBefore(s) && time.isBefore(e) : !time.isBefore(s) || time.isBefore(e);
    }

    @Override
    public String toString() {
        return start.isEmpty() ? "any time" : start.get() + "-" + end.get();
    }
}
