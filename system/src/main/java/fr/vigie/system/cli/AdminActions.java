package fr.vigie.system.cli;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.audit.AuditVerifyClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The admin commands that act through the REST API with an API token ({@link AdminCommand} parses them). */
final class AdminActions {
    /** Exit status of {@code config push --wait} when kiosks had not all answered in time. */
    static final int NOT_FINISHED = 5;
    /** Exit status of {@code config push} when the group has no kiosk: recorded, but no kiosk received it. */
    static final int NO_KIOSK = 6;

    private final AdminClient hub;
    private final AdminHome home;
    private final PrintStream out;
    private final PrintStream err;

    AdminActions(AdminClient hub, AdminHome home, PrintStream out, PrintStream err) {
        this.hub = hub;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    int run(List<String> w, Map<String, String> options, Supplier<char[]> password) throws AdminFailure {
        String command = String.join(" ", w.subList(0, Math.min(2, w.size())));
        switch (w.isEmpty() ? "" : w.get(0)) {
            case "devices" -> {
                return devices(w);
            }
            case "revoke" -> {
                return revoke(w);
            }
            case "role" -> {
                return role(w);
            }
            case "software" -> {
                return new SoftwareActions(hub, out).run(w, options);
            }
            default -> {
            }
        }
        return switch (command) {
            case "enrol list" -> enrolList(w);
            // a code typed with spaces and no quotes arrives as several words: the hub ignores case and spacing
            case "enrol approve" -> decide(w, Integer.MAX_VALUE, "approve", Map.of("enrolmentCode",
                    String.join(" ", w.subList(Math.min(3, w.size()), w.size()))));
            case "enrol reject" -> decide(w, 4, "reject", Map.of("reason", w.size() > 3 ? w.get(3) : "rejected from the CLI"));
            case "config push" -> push(w, options.get("--wait"));
            case "audit verify" -> verify(w);
            case "signin locks" -> signInLocks(w);
            case "signin unlock" -> unlock(w, options);
            case "gam status" -> gamStatus(w);
            case "gam resend" -> gamResend(w);
            case "user add" -> AdminLogin.addUser(hub, arg(w, 2), arg(w, 3), password, out);
            case "user password" -> AdminLogin.setPassword(hub, arg(w, 2), password, out);
            case "token create" -> AdminLogin.createToken(hub, arg(w, 2), arg(w, 3), options.get("--label"),
                    options.get("--out"), home, out);
            default -> throw AdminFailure.usage(w.isEmpty() ? "which command?" : "unknown command '" + command + "'");
        };
    }

    private int devices(List<String> w) throws AdminFailure {
        expect(w, 1);
        JsonNode devices = hub.get("/api/v1/devices");
        out.printf("%-32s %-8s %-12s %-14s %8s  %s%n", "KIOSK", "STATE", "GROUP", "ROLE", "CONFIG", "LAST HEARTBEAT");
        for (JsonNode d : devices) {
            out.printf("%-32s %-8s %-12s %-14s %8s  %s%n", d.path("site").asText() + "/" + d.path("kioskId").asText(),
                    d.path("online").asBoolean() ? "online" : "offline", d.path("group").asText("-"),
                    d.path("role").asText("-").toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    d.path("configVersion").isNumber() ? d.path("configVersion").asText() : "-",
                    d.path("lastHeartbeatAt").asText("-"));
        }
        out.println(devices.size() + " kiosk(s)");
        return 0;
    }

    private int enrolList(List<String> w) throws AdminFailure {
        expect(w, 2);
        JsonNode pending = hub.get("/api/v1/enrolments?status=PENDING");
        out.printf("%-36s %-32s %-9s %-24s %-28s %s%n", "ID", "KIOSK", "CODE", "FROM", "REQUESTED", "CONFLICT");
        int conflicts = 0;
        for (JsonNode e : pending) {
            int others = e.path("conflicts").asInt();
            conflicts += others > 0 ? 1 : 0;
            out.printf("%-36s %-32s %-9s %-24s %-28s %s%n", e.path("id").asText(),
                    e.path("site").asText() + "/" + e.path("kioskId").asText(), e.path("enrolmentCode").asText(),
                    e.path("source").asText("-"), e.path("requestedAt").asText(),
                    others > 0 ? others + " other request(s) for this kiosk: approve the code its screen shows" : "");
        }
        out.println(pending.size() + " pending request(s)" + (conflicts > 0 ? ", " + conflicts + " in conflict" : ""));
        return 0;
    }

    private int signInLocks(List<String> w) throws AdminFailure {
        expect(w, 2);
        JsonNode locks = hub.get("/api/v1/staff/signin-locks").path("locks");
        out.printf("%-7s %-40s %8s  %s%n", "KIND", "LOGIN OR ADDRESS", "FAILURES", "LOCKED UNTIL");
        for (JsonNode l : locks) {
            out.printf("%-7s %-40s %8d  %s%n", l.path("kind").asText(), l.path("name").asText(), l.path("failures").asInt(),
                    l.path("locked").asBoolean() ? l.path("lockedUntil").asText() : "-");
        }
        out.println(locks.size() + " login(s) or address(es) with failed sign-ins");
        return 0;
    }

    private int unlock(List<String> w, Map<String, String> options) throws AdminFailure {
        expect(w, 2);
        String login = options.get("--login");
        String source = options.get("--source");
        if ((login == null) == (source == null)) {
            throw AdminFailure.usage("signin unlock takes --login LOGIN or --source ADDRESS");
        }
        hub.post("/api/v1/staff/signin-locks/lift", login != null ? Map.of("login", login) : Map.of("source", source));
        out.println("sign-in lock of " + (login != null ? "login " + login : "address " + source) + " lifted");
        return 0;
    }

    /** {@code gam status}: the identity feed to the GAM, the messages it refused and those waiting. */
    private int gamStatus(List<String> w) throws AdminFailure {
        expect(w, 2);
        JsonNode s = hub.get("/api/v1/gam/status");
        JsonNode counts = s.path("counts");
        if (!s.path("enabled").asBoolean()) {
            out.println("GAM feed: off (no hub.gam.host)");
        } else {
            out.println("GAM feed: " + (s.path("sending").asBoolean() ? "sending to " : "standing by (another hub sends) to ")
                    + s.path("destination").asText() + (s.path("tls").asBoolean() ? " over TLS" : " over TCP") + ", "
                    + (s.path("connected").asBoolean() ? "connected" : "not connected"));
            out.println("last message accepted: " + s.path("lastDeliveredAt").asText("-"));
            out.println("last incident: " + (s.hasNonNull("lastError") ? s.path("lastErrorAt").asText() + " "
                    + s.path("lastError").asText() + (s.hasNonNull("nextAttemptAt") ? " (next attempt "
                    + s.path("nextAttemptAt").asText() + ")" : "") : "none"));
        }
        out.println(counts.path("waiting").asLong() + " waiting" + (counts.hasNonNull("oldestWaitingSince")
                ? " (oldest since " + counts.path("oldestWaitingSince").asText() + ")" : "") + ", "
                + counts.path("failed").asLong() + " refused by the GAM, " + counts.path("delivered").asLong() + " accepted");
        JsonNode failed = hub.get("/api/v1/gam/messages?state=FAILED&limit=500").path("messages");
        if (!failed.isEmpty()) {
            out.println("REFUSED (fix the cause on the GAM's side, then: ./vigie admin gam resend ID)");
            out.printf("%-8s %-5s %-8s %-28s %s%n", "ID", "EVENT", "RECORD", "REFUSED AT", "GAM'S ANSWER");
            for (JsonNode m : failed) {
                out.printf("%-8s %-5s %-8s %-28s %s%n", m.path("messageId").asText(), m.path("event").asText(),
                        m.path("recordId").asText(), m.path("ackedAt").asText(), m.path("ackCode").asText()
                        + (m.hasNonNull("ackText") ? " " + m.path("ackText").asText() : ""));
            }
        }
        JsonNode waiting = hub.get("/api/v1/gam/messages?state=PENDING&limit=500").path("messages");
        if (!waiting.isEmpty()) {
            out.println("WAITING");
            out.printf("%-8s %-5s %-8s %-28s %8s  %s%n", "ID", "EVENT", "RECORD", "SINCE", "ATTEMPTS", "WHY");
            for (JsonNode m : waiting) {
                out.printf("%-8s %-5s %-8s %-28s %8s  %s%n", m.path("messageId").asText(), m.path("event").asText(),
                        m.path("recordId").asText(), m.path("createdAt").asText(), m.path("attempts").asText(),
                        m.hasNonNull("waitingBehind") ? "behind message " + m.path("waitingBehind").asText()
                                : m.hasNonNull("lastError") ? m.path("lastError").asText() : "next to go");
            }
        }
        return 0;
    }

    /** {@code gam resend ID}: a message the GAM refused goes back to its place in the queue. */
    private int gamResend(List<String> w) throws AdminFailure {
        expect(w, 3);
        JsonNode m = hub.post("/api/v1/gam/messages/" + enc(w.get(2)) + "/resend", Map.of());
        out.println("message " + m.path("messageId").asText() + " (" + m.path("event").asText() + " of record "
                + m.path("recordId").asText() + ") sent again: it waits at its place in the queue");
        return 0;
    }

    private int decide(List<String> w, int maxWords, String action, Map<String, String> body) throws AdminFailure {
        if (w.size() < (action.equals("approve") ? 4 : 3) || w.size() > maxWords) {
            throw AdminFailure.usage("enrol " + action + " takes an ID" + (action.equals("approve") ? " and the CODE" : ""));
        }
        JsonNode e = hub.post("/api/v1/enrolments/" + enc(w.get(2)) + "/" + action, body);
        out.println("enrolment " + e.path("id").asText() + " of " + e.path("site").asText() + "/" + e.path("kioskId").asText()
                + ": " + e.path("status").asText() + (e.hasNonNull("certificateSerial")
                        ? " (certificate " + e.path("certificateSerial").asText() + ")" : ""));
        return 0;
    }

    private int push(List<String> w, String wait) throws AdminFailure {
        expect(w, 4);
        byte[] settings;
        try {
            settings = Files.readAllBytes(Path.of(w.get(3)));
        } catch (IOException e) {
            throw AdminFailure.usage("cannot read " + w.get(3) + ": " + e.getMessage());
        }
        JsonNode r = hub.put("/api/v1/config/groups/" + enc(w.get(2)), settings);
        long version = r.path("version").asLong();
        int targeted = r.path("targeted").asInt(r.path("targets").size());
        out.println("rolled out version " + version + " to group " + r.path("group").asText() + ": "
                + targeted + " kiosk(s)");
        if (targeted == 0) {
            err.println("attention : aucune borne dans le groupe « " + r.path("group").asText() + " » : la version "
                    + version + " n'a été envoyée à aucune borne. Elle devient la configuration du groupe et ira aux"
                    + " bornes qu'on y déplacera (./vigie admin devices montre le groupe de chaque borne).");
            return NO_KIOSK;
        }
        if (wait == null) {
            return 0;
        }
        Duration patience = seconds(wait);
        Instant deadline = Instant.now().plus(patience);
        while (!r.path("targets").isEmpty() && r.path("counts").path("PENDING").asInt(0) > 0 && Instant.now().isBefore(deadline)) {
            sleep();
            r = hub.get("/api/v1/config/rollouts/" + version);
        }
        boolean bad = false;
        for (JsonNode t : r.path("targets")) {
            String state = t.path("state").asText();
            bad |= state.equals("REJECTED") || state.equals("FAILED");
            out.printf("  %-32s %-9s %s%n", t.path("site").asText() + "/" + t.path("kioskId").asText(), state,
                    t.hasNonNull("code") ? t.path("code").asText() + (t.hasNonNull("message") ? " " + t.path("message").asText() : "") : "");
        }
        return bad ? AdminFailure.REFUSED : r.path("counts").path("PENDING").asInt(0) > 0 ? NOT_FINISHED : 0;
    }

    private int revoke(List<String> w) throws AdminFailure {
        if (w.size() < 2 || w.size() > 3 || !w.get(1).contains("/")) {
            throw AdminFailure.usage("revoke takes SITE/KIOSK [REASON]");
        }
        String[] kiosk = w.get(1).split("/", 2);
        JsonNode r = hub.post("/api/v1/devices/" + enc(kiosk[0]) + "/" + enc(kiosk[1]) + "/revoke",
                w.size() == 3 ? Map.of("reason", w.get(2)) : Map.of());
        out.println("revoked " + w.get(1) + ": " + r.path("revoked").size() + " certificate(s) " + r.path("revoked"));
        return 0;
    }

    /** {@code role SITE/KIOSK [admission-desk|workstation]}: shows or sets the role the hub knows the kiosk by. */
    private int role(List<String> w) throws AdminFailure {
        if (w.size() < 2 || w.size() > 3 || !w.get(1).contains("/")) {
            throw AdminFailure.usage("role takes SITE/KIOSK [admission-desk|workstation]");
        }
        String[] kiosk = w.get(1).split("/", 2);
        String path = "/api/v1/devices/" + enc(kiosk[0]) + "/" + enc(kiosk[1]) + "/role";
        JsonNode r = w.size() == 2 ? hub.get(path) : hub.put(path, AdminClient.json(Map.of("role", w.get(2))));
        String role = r.path("role").asText().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        out.println(w.get(1) + ": " + role + (r.path("changed").isBoolean() && !r.path("changed").asBoolean()
                ? " (unchanged)" : "") + (r.hasNonNull("agent") ? ", agent " + r.path("agent").path("agent").asText()
                + " proven by " + r.path("agent").path("method").asText() + " until "
                + r.path("agent").path("expiresAt").asText() : ""));
        return 0;
    }

    private int verify(List<String> w) throws AdminFailure {
        expect(w, 2);
        if (hub.token() == null) {
            throw new AdminFailure(AdminFailure.NOT_SIGNED_IN, "STAFF_SIGNIN_REQUIRED", "an API token is needed");
        }
        try {
            int status = AuditVerifyClient.run(hub.hub(), hub.token(), out);
            return status == AuditVerifyClient.UNAVAILABLE ? AdminFailure.UNREACHABLE : status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AdminFailure.unreachable("interrupted");
        }
    }

    private static void expect(List<String> w, int size) throws AdminFailure {
        if (w.size() != size) {
            throw AdminFailure.usage("'" + String.join(" ", w) + "' has " + (w.size() > size ? "too many" : "too few") + " arguments");
        }
    }

    private static String arg(List<String> w, int i) throws AdminFailure {
        if (w.size() <= i) {
            throw AdminFailure.usage("'" + String.join(" ", w) + "' has too few arguments");
        }
        return w.get(i);
    }

    private static Duration seconds(String text) throws AdminFailure {
        try {
            long s = Long.parseLong(text);
            if (s < 1 || s > 3600) {
                throw AdminFailure.usage("--wait takes 1 to 3600 seconds, got " + text);
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw AdminFailure.usage("--wait takes a number of seconds, got '" + text + "'");
        }
    }

    private static void sleep() throws AdminFailure {
        try {
            Thread.sleep(500); // polling the hub's rollout progress, not waiting for time to pass in a test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AdminFailure.unreachable("interrupted");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
