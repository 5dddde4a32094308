package fr.vigie.kiosk.psc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link PscHub} over the hub's device API ({@code /device/v1/psc/ciba}), through a JSON
 * {@link Transport} (the kiosk's mutual-TLS hub client in production). An I/O failure or a 502/503
 * answer means "not reachable now"; any other non-2xx answer is a {@link PscRejectedException} with
 * the hub's error code; an answer that is not the expected JSON is rejected as
 * {@code HUB_ANSWER_INVALID}. Thread-safe if the transport is.
 *
 * <pre>{@code
 * PscHub hub = new HubPscClient((method, path, body) -> hubApi.exchange(method, path, body));
 * }</pre>
 */
public final class HubPscClient implements PscHub {
    static final String BASE = "/device/v1/psc/ciba";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JSON exchange with the hub. */
    @FunctionalInterface
    public interface Transport {
        /** Sends {@code body} (null for GET) to {@code path}; answers the status and body. */
        Reply send(String method, String path, String body) throws IOException;
    }

    /** An HTTP answer. */
    public record Reply(int status, String body) {
    }

    private final Transport transport;

    public HubPscClient(Transport transport) {
        this.transport = transport;
    }

    @Override
    public CibaStart start(String idNatPs, String channel, String sessionId)
            throws HubUnavailableException, PscRejectedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("idNatPs", idNatPs);
        body.put("channel", channel);
        body.put("kioskSessionId", sessionId);
        JsonNode n = exchange("POST", BASE, body.toString());
        try {
            return new CibaStart(text(n, "requestId"), text(n, "bindingMessage"),
                    Duration.ofSeconds(Math.max(0, n.path("interval").asLong(1))), Instant.parse(text(n, "expiresAt")));
        } catch (DateTimeParseException e) {
            throw invalid("expiresAt is not an instant");
        }
    }

    @Override
    public CibaState state(String requestId) throws HubUnavailableException, PscRejectedException {
        JsonNode n = exchange("GET", BASE + "/" + requestId, null);
        String status = text(n, "status");
        switch (status) {
            case "PENDING":
                return new CibaState.Pending();
            case "REFUSED":
                return new CibaState.Refused(text(n, "code"));
            case "FAILED":
                return new CibaState.Failed(text(n, "code"));
            case "BOUND":
                JsonNode who = n.path("who");
                List<CibaState.Exercice> exercices = new ArrayList<>();
                for (JsonNode e : n.path("exercices")) {
                    List<String> sites = new ArrayList<>();
                    e.path("sites").forEach(s -> sites.add(s.asText()));
                    exercices.add(new CibaState.Exercice(e.path("codeProfession").asText(""),
                            e.path("codeSavoirFaire").asText(""), e.path("nomDexercice").asText(""),
                            e.path("prenomDexercice").asText(""), sites));
                }
                JsonNode chosen = n.path("chosen");
                try {
                    return new CibaState.Bound(new CibaState.Professional(text(who, "idNatPs"),
                            who.path("givenName").asText(""), who.path("familyName").asText("")), exercices,
                            chosen.isInt() ? Optional.of(chosen.asInt()) : Optional.empty(),
                            Instant.parse(text(n, "expiresAt")));
                } catch (DateTimeParseException e) {
                    throw invalid("expiresAt is not an instant");
                }
            default:
                throw invalid("unknown status '" + status + "'");
        }
    }

    @Override
    public void chooseExercice(String requestId, int index) throws HubUnavailableException, PscRejectedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("index", index);
        exchange("POST", BASE + "/" + requestId + "/exercice", body.toString());
    }

    private JsonNode exchange(String method, String path, String body)
            throws HubUnavailableException, PscRejectedException {
        Reply reply;
        try {
            reply = transport.send(method, path, body);
        } catch (IOException e) {
            throw new HubUnavailableException("the hub cannot be reached: " + e.getMessage(), e);
        }
        JsonNode n;
        try {
            n = JSON.readTree(reply.body() == null ? "" : reply.body());
        } catch (JsonProcessingException e) {
            n = null;
        }
        String code = n == null ? "" : n.path("error").asText("");
        if (reply.status() == 502 || reply.status() == 503) {
            throw new HubUnavailableException("the hub cannot reach PSC now (" + reply.status() + " " + code + ")",
                    null);
        }
        if (reply.status() / 100 != 2) {
            throw new PscRejectedException(code.isEmpty() ? "HTTP_" + reply.status() : code,
                    n == null ? "" : n.path("message").asText(""));
        }
        if (n == null || !n.isObject()) {
            throw invalid("the hub's answer is not a JSON object");
        }
        return n;
    }

    private static String text(JsonNode n, String field) throws PscRejectedException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw invalid("the hub's answer lacks " + field);
        }
        return v.asText();
    }

    private static PscRejectedException invalid(String message) {
        return new PscRejectedException("HUB_ANSWER_INVALID", message);
    }
}
