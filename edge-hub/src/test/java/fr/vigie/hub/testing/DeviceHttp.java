package fr.vigie.hub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLContext;

/**
 * A kiosk's HTTPS client of a hub's device API, presenting its device certificate (mutual TLS), for
 * tests that play a kiosk without the kiosk module.
 *
 * <pre>{@code
 * DeviceHttp kiosk = new DeviceHttp(hub.deviceApiUri(), identity.sslContext());
 * JsonNode started = kiosk.post(CibaApi.START.path(), Map.of("idNatPs", "810099900010", ...), 201);
 * }</pre>
 */
public final class DeviceHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient client;

    public DeviceHttp(URI base, SSLContext tls) {
        this.base = base;
        this.client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** POSTs {@code body} as JSON; the answer must have status {@code expected}. */
    public JsonNode post(String path, Object body, int expected) throws IOException, InterruptedException {
        return answer(client.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString()), expected);
    }

    /** GETs {@code path}; the answer must have status {@code expected}. */
    public JsonNode get(String path, int expected) throws IOException, InterruptedException {
        return answer(client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()), expected);
    }

    private static JsonNode answer(HttpResponse<String> r, int expected) throws IOException {
        if (r.statusCode() != expected) {
            throw new AssertionError("expected HTTP " + expected + " from " + r.uri() + ", got " + r.statusCode() + " "
                    + r.body());
        }
        return JSON.readTree(r.body());
    }
}
