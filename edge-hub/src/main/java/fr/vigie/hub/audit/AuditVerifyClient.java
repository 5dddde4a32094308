package fr.vigie.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What {@code ./vigie admin audit verify} runs: asks a hub to verify its audit log
 * ({@code POST /api/v1/audit/verify}, with the staff API token when one is given) and prints the
 * verdict. The hub checks the chain and, against it, the last head it exported, signed, outside the
 * database ({@link AuditAnchor}): verification goes through the hub, which alone reads its anchor file
 * and holds the key that signed it, so the command works from any machine. Exit status: 0 intact,
 * 1 broken (the first problem is printed with its code and position), 2 when the hub could not be
 * asked. Stateless.
 *
 * <pre>{@code
 * int status = AuditVerifyClient.run(URI.create("http://127.0.0.1:8080"), token, System.out);
 * }</pre>
 */
public final class AuditVerifyClient {
    /** Exit status of an intact log. */
    public static final int INTACT = 0;
    /** Exit status of a broken chain. */
    public static final int BROKEN = 1;
    /** Exit status when the hub did not answer usefully. */
    public static final int UNAVAILABLE = 2;

    private AuditVerifyClient() {
    }

    /**
     * @param hub the hub's REST base, e.g. {@code http://127.0.0.1:8080}
     * @param bearerToken an IT staff API token, or null
     * @param out where the verdict is printed
     */
    public static int run(URI hub, String bearerToken, PrintStream out) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.resolve("/api/v1/audit/verify"))
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody());
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            out.println("audit verify: cannot reach the hub at " + hub + ": " + e.getMessage());
            return UNAVAILABLE;
        }
        if (response.statusCode() != 200) {
            out.println("audit verify: the hub answered " + response.statusCode() + ": " + response.body());
            return UNAVAILABLE;
        }
        try {
            JsonNode v = AuditLog.JSON.readTree(response.body());
            if (v.path("intact").asBoolean(false)) {
                JsonNode anchor = v.path("anchor");
                out.println("audit log intact: " + v.path("entriesChecked").asLong() + " entries, head "
                        + v.path("headSeq").asLong() + " " + v.path("headHash").asText() + "; " + (anchor.isObject()
                                ? "matches the head exported at " + anchor.path("exportedAt").asText() + " (entry "
                                        + anchor.path("seq").asLong() + " " + anchor.path("hash").asText() + ")"
                                : "no head exported yet"));
                return INTACT;
            }
            JsonNode p = v.path("problem");
            out.println("audit log BROKEN: " + p.path("code").asText() + " at position " + p.path("position").asLong()
                    + ": " + p.path("message").asText());
            return BROKEN;
        } catch (IOException e) {
            out.println("audit verify: unreadable answer from the hub: " + e.getMessage());
            return UNAVAILABLE;
        }
    }
}
