package fr.vigie.hub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.staff.StaffDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in IT staff member talking to the hub's HTTP API as the console does: session cookie on
 * every request, the CSRF token and the hub's own {@code Origin} on mutating ones. Thread-safe.
 */
public final class StaffClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String cookie;
    private final String csrf;

    private StaffClient(URI base, String cookie, String csrf) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Signs in as the first admin, whose password a fresh hub wrote into its data directory. */
    public static StaffClient firstAdmin(URI base, Path hubDataDir) throws IOException, InterruptedException {
        return signIn(base, StaffDirectory.FIRST_ADMIN, firstAdminPassword(hubDataDir));
    }

    /** The first admin's password, from the hub's data directory. */
    public static String firstAdminPassword(Path hubDataDir) throws IOException {
        return Files.readString(hubDataDir.resolve(StaffDirectory.FIRST_ADMIN_PASSWORD_FILE), StandardCharsets.UTF_8).trim();
    }

    /** Signs in; fails the test when the hub refuses. */
    public static StaffClient signIn(URI base, String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = signInResponse(base, login, password);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in as " + login + " answered " + r.statusCode() + ": " + r.body());
        }
        return new StaffClient(base, sessionCookie(r).orElseThrow(), JSON.readTree(r.body()).get("csrf").asText());
    }

    /** The raw answer to a sign-in attempt. */
    public static HttpResponse<String> signInResponse(URI base, String login, String password)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("login", login, "password", password));
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code vigie_session=…} pair of a sign-in answer's Set-Cookie. */
    public static Optional<String> sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vigie_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }

    public String csrf() {
        return csrf;
    }

    public String cookie() {
        return cookie;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                .header("Accept-Language", acceptLanguage).build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A mutating request as the console sends it (cookie, CSRF token, same Origin); {@code body} is JSON-encoded. */
    public HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        return HTTP.send(mutating(method, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The builder {@link #send} uses, for tests that take a header away or change one. */
    public HttpRequest.Builder mutating(String method, String path, Object body) throws IOException {
        return HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Origin", base.getScheme() + "://" + base.getRawAuthority()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    /** Sends a request built by the caller. */
    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
