package fr.vigie.system.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./vigie admin software …}: the hub's package repository and software rollouts, through the REST API
 * ({@code /api/v1/software/…}). {@code rollout --wait} ends with 0 when every kiosk is updated, 1 when the rollout
 * halted, was aborted or a kiosk did not update, and {@link AdminActions#NOT_FINISHED} when time ran out.
 */
final class SoftwareActions {
    private static final String DEB = "application/vnd.debian.binary-package";

    private final AdminClient hub;
    private final PrintStream out;

    SoftwareActions(AdminClient hub, PrintStream out) {
        this.hub = hub;
        this.out = out;
    }

    int run(List<String> w, Map<String, String> options) throws AdminFailure {
        String sub = w.size() < 2 ? "" : w.get(1);
        return switch (sub) {
            case "add" -> add(w);
            case "list" -> list(w);
            case "rollout" -> rollout(w, options);
            case "status" -> status(w);
            case "pause", "resume", "abort" -> change(w, sub);
            default -> throw AdminFailure.usage(sub.isEmpty() ? "software what?" : "unknown command 'software " + sub + "'");
        };
    }

    private int add(List<String> w) throws AdminFailure {
        expect(w, 3);
        Path file = Path.of(w.get(2));
        if (!Files.isRegularFile(file)) {
            throw AdminFailure.usage("no file " + file);
        }
        JsonNode p = hub.postFile("/api/v1/software/packages", file, DEB);
        out.println("added " + p.path("name").asText() + " " + p.path("version").asText() + " ("
                + p.path("size").asLong() + " bytes, sha256 " + p.path("sha256").asText() + ") to the hub's repository");
        return 0;
    }

    private int list(List<String> w) throws AdminFailure {
        expect(w, 2);
        JsonNode r = hub.get("/api/v1/software/packages");
        out.println("repository key " + r.path("repositoryKey").asText());
        out.printf("%-16s %-24s %12s  %s%n", "PACKAGE", "VERSION", "BYTES", "SHA-256");
        for (JsonNode p : r.path("packages")) {
            out.printf("%-16s %-24s %12d  %s%n", p.path("name").asText(), p.path("version").asText(),
                    p.path("size").asLong(), p.path("sha256").asText());
        }
        out.println(r.path("packages").size() + " package(s)");
        return 0;
    }

    private int rollout(List<String> w, Map<String, String> options) throws AdminFailure {
        expect(w, 4);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group", w.get(2));
        body.put("version", w.get(3));
        body.put("package", options.getOrDefault("--package", "vigie-kiosk"));
        if (options.containsKey("--first")) {
            body.put("firstKiosks", whole("--first", options.get("--first")));
        }
        if (options.containsKey("--first-percent")) {
            body.put("firstPercent", whole("--first-percent", options.get("--first-percent")));
        }
        body.put("allowDowngrade", options.containsKey("--downgrade"));
        JsonNode r = hub.post("/api/v1/software/rollouts", body);
        long id = r.path("rolloutId").asLong();
        out.println("software rollout " + id + ": " + r.path("packageName").asText() + " " + r.path("version").asText()
                + " to group " + r.path("group").asText() + ", " + r.path("targets").size() + " kiosk(s), "
                + r.path("firstStage").asInt() + " in the first stage");
        if (!options.containsKey("--wait")) {
            return 0;
        }
        Duration patience = seconds(options.get("--wait"));
        Instant deadline = Instant.now().plus(patience);
        while (isOpen(r) && Instant.now().isBefore(deadline)) {
            pause();
            r = hub.get("/api/v1/software/rollouts/" + id);
        }
        print(r);
        if (isOpen(r)) {
            return AdminActions.NOT_FINISHED;
        }
        return r.path("state").asText().equals("DONE") && r.path("counts").path("UPDATED").asInt()
                == r.path("targets").size() ? 0 : AdminFailure.REFUSED;
    }

    private int status(List<String> w) throws AdminFailure {
        if (w.size() == 3) {
            print(hub.get("/api/v1/software/rollouts/" + number(w.get(2))));
            return 0;
        }
        expect(w, 2);
        JsonNode all = hub.get("/api/v1/software/rollouts").path("rollouts");
        out.printf("%-6s %-12s %-16s %-12s %-12s %s%n", "ID", "STATE", "PACKAGE", "VERSION", "GROUP", "KIOSKS");
        for (JsonNode r : all) {
            out.printf("%-6s %-12s %-16s %-12s %-12s %s%n", r.path("rolloutId").asText(), r.path("state").asText(),
                    r.path("packageName").asText(), r.path("version").asText(), r.path("group").asText(),
                    counts(r.path("counts")));
        }
        out.println(all.size() + " rollout(s)");
        return 0;
    }

    private int change(List<String> w, String action) throws AdminFailure {
        if (w.size() < 3 || w.size() > (action.equals("abort") ? 4 : 3)) {
            throw AdminFailure.usage("software " + action + " takes the rollout's ID" + (action.equals("abort")
                    ? " [REASON]" : ""));
        }
        JsonNode r = hub.post("/api/v1/software/rollouts/" + number(w.get(2)) + "/" + action,
                w.size() == 4 ? Map.of("reason", w.get(3)) : Map.of());
        out.println("software rollout " + r.path("rolloutId").asText() + ": " + r.path("state").asText());
        return 0;
    }

    private void print(JsonNode r) {
        out.println("software rollout " + r.path("rolloutId").asText() + " of " + r.path("packageName").asText() + " "
                + r.path("version").asText() + " to group " + r.path("group").asText() + ": " + r.path("state").asText()
                + (r.hasNonNull("reason") ? " (" + r.path("reason").asText() + ")" : ""));
        out.printf("  %-5s %-32s %-12s %-12s %-12s %s%n", "STAGE", "KIOSK", "STATE", "WAS", "RUNS", "REASON");
        for (JsonNode t : r.path("targets")) {
            out.printf("  %-5s %-32s %-12s %-12s %-12s %s%n", t.path("stage").asInt() == 1 ? "1st" : "rest",
                    t.path("site").asText() + "/" + t.path("kioskId").asText(), t.path("state").asText(),
                    t.path("fromVersion").asText("-"), t.path("runningVersion").asText("-"),
                    t.hasNonNull("code") ? t.path("code").asText() + (t.path("message").asText("").isEmpty() ? ""
                            : " " + t.path("message").asText()) : t.path("message").asText(""));
        }
        out.println("  " + counts(r.path("counts")));
    }

    private static boolean isOpen(JsonNode r) {
        String state = r.path("state").asText();
        return state.equals("FIRST_STAGE") || state.equals("REST") || state.equals("PAUSED");
    }

    private static String counts(JsonNode counts) {
        StringBuilder b = new StringBuilder();
        counts.properties().forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getValue().asInt())
                .append(' ').append(e.getKey()));
        return b.toString();
    }

    private static void expect(List<String> w, int size) throws AdminFailure {
        if (w.size() != size) {
            throw AdminFailure.usage("'" + String.join(" ", w) + "' has " + (w.size() > size ? "too many" : "too few")
                    + " arguments");
        }
    }

    private static long number(String text) throws AdminFailure {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AdminFailure.usage("a rollout ID is a number, got '" + text + "'");
        }
    }

    private static int whole(String option, String text) throws AdminFailure {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw AdminFailure.usage(option + " takes a whole number, got '" + text + "'");
        }
    }

    private static Duration seconds(String text) throws AdminFailure {
        int s = whole("--wait", text);
        if (s < 1 || s > 7200) {
            throw AdminFailure.usage("--wait takes 1 to 7200 seconds, got " + text);
        }
        return Duration.ofSeconds(s);
    }

    private static void pause() throws AdminFailure {
        try {
            Thread.sleep(1000); // polling the hub's rollout progress, not waiting for time to pass in a test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AdminFailure.unreachable("interrupted");
        }
    }
}
