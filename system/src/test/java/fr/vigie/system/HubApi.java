package fr.vigie.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.testing.MetricsExposition;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test client of the hub's REST API, reading JSON as trees. It signs in as the hub's first admin
 * (password from the hub's data directory) on first use, and again when the session is gone.
 */
final class HubApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final Path hubDataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String cookie;
    private volatile String csrf;

    HubApi(URI base, Path hubDataDir) {
        this.base = base;
        this.hubDataDir = hubDataDir;
    }

    /**
     * Waits until {@code /healthz} says the hub's ingest is connected and subscribed: on a fresh external
     * broker, messages published before that have nobody to go to.
     */
    void awaitIngestConnected(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/healthz")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("ingest").asText().equals("CONNECTED")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub's ingest did not connect within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** The first admin's password, which a fresh hub writes to its data directory. */
    static String firstAdminPassword(Path hubDataDir) throws IOException {
        return Files.readString(hubDataDir.resolve(StaffDirectory.FIRST_ADMIN_PASSWORD_FILE), StandardCharsets.UTF_8).trim();
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        if (cookie == null) {
            signIn();
        }
        HttpResponse<String> r = http.send(getRequest(pathAndQuery), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 401) {
            signIn();
            r = http.send(getRequest(pathAndQuery), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        return r;
    }

    private HttpRequest getRequest(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).header("Cookie", cookie)
                .GET().build();
    }

    private void signIn() throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("login", StaffDirectory.FIRST_ADMIN,
                "password", firstAdminPassword(hubDataDir)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("sign-in answered " + r.statusCode() + ": " + r.body());
        }
        String set = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IOException("no session cookie"));
        cookie = set.substring(0, set.indexOf(';'));
        csrf = JSON.readTree(r.body()).path("csrf").asText();
    }

    /** {@code method} with a JSON body (or none when null), signed in as the first admin (session and CSRF token). */
    HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        if (cookie == null) {
            signIn();
        }
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POST of {@code file} as the body, of media type {@code contentType}, signed in as the first admin. */
    HttpResponse<String> postFile(String path, Path file, String contentType) throws IOException, InterruptedException {
        if (cookie == null) {
            signIn();
        }
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new IOException("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    JsonNode devices() throws IOException, InterruptedException {
        return getJson("/api/v1/devices");
    }

    JsonNode device(String site, String kioskId) throws IOException, InterruptedException {
        for (JsonNode d : devices()) {
            if (d.path("site").asText().equals(site) && d.path("kioskId").asText().equals(kioskId)) {
                return d;
            }
        }
        return null;
    }

    /** Every event matching {@code query} (e.g. {@code kiosk=k1&type=demo.activity}), following the cursor. */
    List<JsonNode> allEvents(String query) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        while (true) {
            String q = "/api/v1/events?limit=1000&" + query
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode page = getJson(q);
            page.path("events").forEach(all::add);
            JsonNode next = page.path("next");
            if (next.isMissingNode() || next.isNull() || page.path("events").isEmpty()) {
                return all;
            }
            after = next.asText();
        }
    }

    /** Returns null when the hub does not answer (down or restarting). */
    List<JsonNode> allEventsOrNull(String query) {
        try {
            return allEvents(query);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String metrics() throws IOException, InterruptedException {
        return get("/metrics").body();
    }

    /** The value of one series of /metrics, e.g. {@code vigie_ingest_messages_rejected_total{code="MALFORMED_JSON"}}; 0 if absent. */
    double metric(String series) throws IOException, InterruptedException {
        return MetricsExposition.parse(metrics()).find(series).orElse(0.0);
    }
}
