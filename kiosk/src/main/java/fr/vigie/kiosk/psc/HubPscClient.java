package fr.vigie.kiosk.psc;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PscHub} over the hub's device API ({@code /device/v1/psc/ciba}) through the kiosk's
 * {@link HubApi} (mutual TLS). A hub that cannot be reached, or answers 502/503 (PSC unreachable
 * behind it, or no PSC configured), means "not reachable now"; any other refusal is a
 * {@link PscRejectedException} with the hub's code; an answer without the expected fields is
 * rejected as {@code HUB_ANSWER_INVALID}. Thread-safe.
 *
 * <pre>{@code
 * PscHub psc = new HubPscClient(HubApi.forDevice(hubUri, identity));
 * }</pre>
 */
public final class HubPscClient implements PscHub {
    static final String BASE = "/device/v1/psc/ciba";

    /** The two calls this client makes; {@link HubApi}'s in production. */
    interface Calls {
        JsonNode get(String path) throws HubApiException;

        JsonNode post(String path, Object body) throws HubApiException;
    }

    private final Calls hub;

    public HubPscClient(HubApi hub) {
        this(new Calls() {
            @Override
            public JsonNode get(String path) throws HubApiException {
                return hub.get(path);
            }

            @Override
            public JsonNode post(String path, Object body) throws HubApiException {
                return hub.post(path, body);
            }
        });
    }

    HubPscClient(Calls hub) {
        this.hub = hub;
    }

    @Override
    public CibaStart start(String idNatPs, String channel, String sessionId)
            throws HubUnavailableException, PscRejectedException {
        JsonNode n = exchange(() -> hub.post(BASE, Map.of("idNatPs", idNatPs, "channel", channel,
                "kioskSessionId", sessionId)));
        try {
            return new CibaStart(text(n, "requestId"), text(n, "bindingMessage"),
                    Duration.ofSeconds(Math.max(0, n.path("interval").asLong(1))), Instant.parse(text(n, "expiresAt")));
        } catch (DateTimeParseException e) {
            throw invalid("expiresAt is not an instant");
        }
    }

    @Override
    public CibaState state(String requestId) throws HubUnavailableException, PscRejectedException {
        JsonNode n = exchange(() -> hub.get(BASE + "/" + requestId));
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
        exchange(() -> hub.post(BASE + "/" + requestId + "/exercice", Map.of("index", index)));
    }

    private interface Call {
        JsonNode run() throws HubApiException;
    }

    private static JsonNode exchange(Call call) throws HubUnavailableException, PscRejectedException {
        JsonNode n;
        try {
            n = call.run();
        } catch (HubApiException e) {
            if ((e.status() == 0 && !HubApiException.MALFORMED_ANSWER.equals(e.code())) || e.status() == 502
                    || e.status() == 503) {
                throw new HubUnavailableException(e.code() + ": " + e.getMessage(), e);
            }
            throw new PscRejectedException(e.code(), e.getMessage());
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
