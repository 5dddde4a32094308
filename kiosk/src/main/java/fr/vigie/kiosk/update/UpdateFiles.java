package fr.vigie.kiosk.update;

import fr.vigie.protocol.EventPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two files the kiosk and the root update unit ({@code /usr/share/vigie/kiosk/update}) exchange in
 * {@code <data>/updates}: the kiosk's {@code request} ({@code key=value} lines: {@code rolloutId}, {@code package},
 * {@code version}, {@code allowDowngrade}), whose appearance starts the unit, and the unit's {@code result}
 * ({@code rolloutId}, {@code state}, {@code code}, {@code fromVersion}, {@code toVersion}, {@code runningVersion},
 * {@code message}), which the kiosk turns into a {@link EventPayload.SoftwareUpdate} for its outbox, then deletes.
 * Both are written atomically. Not thread-safe.
 */
public final class UpdateFiles {
    /** The request's file name. */
    public static final String REQUEST = "request";
    /** The result's file name. */
    public static final String RESULT = "result";
    /** The pinned repository key's file name, which the root unit pins again on its side on first use. */
    public static final String REPOSITORY_KEY = "repository.asc";
    private static final Pattern VERSION = Pattern.compile("[0-9][A-Za-z0-9.+~:-]{0,63}");

    private final Path dir;

    public UpdateFiles(Path dir) {
        this.dir = dir;
    }

    /** {@code <data>/updates}. */
    public Path dir() {
        return dir;
    }

    /** Leaves the request for the root unit. */
    public void request(long rolloutId, String packageName, String version, boolean allowDowngrade) throws IOException {
        if (!VERSION.matcher(version).matches() || !packageName.matches("[a-z0-9][a-z0-9.+-]{1,63}")) {
            throw new IllegalArgumentException("not a package and a Debian version: " + packageName + " " + version);
        }
        write(REQUEST, "rolloutId=" + rolloutId + "\npackage=" + packageName + "\nversion=" + version
                + "\nallowDowngrade=" + allowDowngrade + "\n");
    }

    /** Whether a request is still waiting for the root unit. */
    public boolean requestPending() {
        return Files.exists(dir.resolve(REQUEST));
    }

    /** Pins the repository key the hub gave at enrolment (kept once: a later, different key is not written). */
    public boolean pinKey(String armoured) throws IOException {
        Path key = dir.resolve(REPOSITORY_KEY);
        if (Files.exists(key)) {
            return Files.readString(key, StandardCharsets.US_ASCII).equals(armoured);
        }
        write(REPOSITORY_KEY, armoured);
        return true;
    }

    /**
     * The root unit's outcome, if one is waiting, as the event the kiosk reports; a result that cannot be read
     * becomes a {@code FAILED} report saying so.
     */
    public Optional<EventPayload.SoftwareUpdate> result(String packageName) throws IOException {
        Path file = dir.resolve(RESULT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        long rollout;
        try {
            rollout = Long.parseLong(f.getOrDefault("rolloutId", ""));
        } catch (NumberFormatException e) {
            return Optional.empty(); // no rollout to report to: nothing the hub could attach it to
        }
        String state = f.getOrDefault("state", "");
        String message = f.getOrDefault("message", "");
        if (!EventPayload.SoftwareUpdate.STATES.contains(state)) {
            message = "the update unit left an unreadable result (state '" + state + "')";
            state = "FAILED";
        }
        return Optional.of(new EventPayload.SoftwareUpdate(rollout, packageName, orNone(f.get("fromVersion")),
                orNone(f.get("toVersion")), state, orNone(f.get("code")), message.length() > 500
                        ? message.substring(0, 500) : message));
    }

    /** Forgets the result once its event is in the outbox. */
    public void resultReported() throws IOException {
        Files.deleteIfExists(dir.resolve(RESULT));
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "none" : s.length() > 64 ? s.substring(0, 64) : s;
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
