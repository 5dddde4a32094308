package fr.vigie.system.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The admin CLI's client of the hub's REST API: JSON in and out, the staff API token as
 * {@code Authorization: Bearer}. A refusal becomes an {@link AdminFailure} carrying the hub's error code;
 * the token never appears in a message. Thread-safe.
 */
final class AdminClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI hub;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminClient(URI hub, String token) {
        this.hub = hub;
        this.token = token;
    }

    URI hub() {
        return hub;
    }

    /** The API token, or null; for callers that pass it on, never to print. */
    String token() {
        return token;
    }

    JsonNode get(String path) throws AdminFailure {
        return send(request(path).GET());
    }

    JsonNode post(String path, Object body) throws AdminFailure {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body))));
    }

    JsonNode put(String path, byte[] json) throws AdminFailure {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    /** Posts {@code file} as the body, of media type {@code contentType}, streamed from disk. */
    JsonNode postFile(String path, java.nio.file.Path file, String contentType) throws AdminFailure {
        try {
            return send(request(path).timeout(Duration.ofMinutes(10)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (java.io.FileNotFoundException e) {
            throw AdminFailure.usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode send(HttpRequest.Builder b) throws AdminFailure {
        HttpRequest r = b.build();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw AdminFailure.unreachable("cannot reach the hub at " + hub + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AdminFailure.unreachable("interrupted while calling the hub");
        }
        JsonNode body = null;
        try {
            body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            if (response.statusCode() / 100 == 2) {
                throw AdminFailure.unreachable("the hub answered " + r.method() + " " + r.uri().getPath() + " with something other than JSON");
            }
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return body;
        }
        String code = body != null && body.hasNonNull("error") ? body.get("error").asText() : "HTTP_" + status;
        String message = body != null && body.hasNonNull("message") ? body.get("message").asText() : "";
        if (status == 401) {
            throw new AdminFailure(AdminFailure.NOT_SIGNED_IN, code, message
                    + " (give an API token with --token-file FILE or VIGIE_ADMIN_TOKEN; ./vigie admin login creates one)");
        }
        if (status >= 500) {
            throw new AdminFailure(AdminFailure.UNREACHABLE, code, message);
        }
        throw new AdminFailure(AdminFailure.REFUSED, code, message);
    }
}
