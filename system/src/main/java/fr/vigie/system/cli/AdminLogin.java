package fr.vigie.system.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The admin commands that handle secrets: {@code login} (an admin signs in as a browser would, has the hub
 * issue an API token for this login, stores it owner-only and signs out), {@code user add} and
 * {@code token create} (an admin issues a token for someone, into a file). A password is read from the
 * terminal (or stdin), sent once to the hub, and wiped; a token is only ever written to an owner-only
 * file. Stateless.
 */
final class AdminLogin {
    private AdminLogin() {
    }

    /**
     * Signs in, stores a new API token in {@code tokenFile} and remembers {@code hub} in {@code home} for the
     * commands that follow.
     */
    static int login(URI hub, String user, String label, Supplier<char[]> password, Path tokenFile, AdminHome home,
            PrintStream out) throws AdminFailure {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        char[] p = nonEmpty(password);
        HttpResponse<String> signIn;
        try {
            signIn = send(http, HttpRequest.newBuilder(hub.resolve("/api/v1/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(AdminClient.json(Map.of("login", user,
                            "password", new String(p))))));
        } finally {
            Arrays.fill(p, '\0');
        }
        JsonNode session = answer(signIn);
        String cookie = signIn.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0])
                .orElseThrow(() -> AdminFailure.unreachable("the hub set no session cookie"));
        String origin = hub.getScheme() + "://" + hub.getRawAuthority();
        String role = session.path("role").asText();
        JsonNode issued = answer(send(http, HttpRequest.newBuilder(hub.resolve("/api/v1/staff/tokens"))
                .header("Cookie", cookie).header("X-CSRF-Token", session.path("csrf").asText()).header("Origin", origin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AdminClient.json(Map.of("role", role, "label", label))))));
        send(http, HttpRequest.newBuilder(hub.resolve("/api/v1/session")).header("Cookie", cookie)
                .header("X-CSRF-Token", session.path("csrf").asText()).header("Origin", origin).DELETE());
        home.write(tokenFile, issued.path("token").asText() + "\n");
        home.rememberHub(hub);
        out.println("signed in to " + hub + " as " + user + " (" + role + "); API token " + issued.path("id").asText()
                + " stored in " + tokenFile + " (readable by you only); later commands use this hub without --hub");
        return 0;
    }

    static int addUser(AdminClient hub, String login, String role, Supplier<char[]> password, PrintStream out)
            throws AdminFailure {
        char[] p = nonEmpty(password);
        try {
            hub.post("/api/v1/staff/accounts", Map.of("login", login, "role", role, "password", new String(p)));
        } finally {
            Arrays.fill(p, '\0');
        }
        out.println("staff account " + login + " (" + role + ") created");
        return 0;
    }

    static int setPassword(AdminClient hub, String login, Supplier<char[]> password, PrintStream out) throws AdminFailure {
        char[] p = nonEmpty(password);
        try {
            hub.post("/api/v1/staff/accounts/" + java.net.URLEncoder.encode(login, StandardCharsets.UTF_8) + "/password",
                    Map.of("password", new String(p)));
        } finally {
            Arrays.fill(p, '\0');
        }
        out.println("password of " + login + " changed");
        return 0;
    }

    /** An admin issues a token for {@code login}; it goes into {@code outFile} (owner-only), never to the screen. */
    static int createToken(AdminClient hub, String login, String role, String label, String outFile, AdminHome home,
            PrintStream out) throws AdminFailure {
        if (outFile == null) {
            throw AdminFailure.usage("token create needs --out FILE: the token is written there, never printed");
        }
        JsonNode issued = hub.post("/api/v1/staff/tokens", Map.of("login", login, "role", role,
                "label", label == null ? "issued with the admin cli" : label));
        home.write(Path.of(outFile), issued.path("token").asText() + "\n");
        out.println("API token " + issued.path("id").asText() + " for " + login + " (" + role + ") written to " + outFile
                + " (readable by you only); hand it over and delete it");
        return 0;
    }

    /**
     * The password typed; an empty one is refused here and never sent (nobody has an empty password, and a
     * request with one would only count as a failed sign-in against the account).
     */
    private static char[] nonEmpty(Supplier<char[]> password) throws AdminFailure {
        char[] p = password.get();
        if (p == null || p.length == 0) {
            throw AdminFailure.usage("the password is empty: nothing was sent to the hub");
        }
        return p;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) throws AdminFailure {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw AdminFailure.unreachable("cannot reach the hub: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AdminFailure.unreachable("interrupted");
        }
    }

    private static JsonNode answer(HttpResponse<String> r) throws AdminFailure {
        JsonNode body;
        try {
            body = AdminClient.JSON.readTree(r.body());
        } catch (IOException e) {
            throw AdminFailure.unreachable("the hub answered " + r.statusCode() + " with something other than JSON");
        }
        if (r.statusCode() / 100 != 2) {
            throw new AdminFailure(r.statusCode() >= 500 ? AdminFailure.UNREACHABLE : AdminFailure.REFUSED,
                    body.path("error").asText("HTTP_" + r.statusCode()), body.path("message").asText(""));
        }
        return body;
    }
}
