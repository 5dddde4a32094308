package fr.vigie.kiosk.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.kiosk.hubapi.HubApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kiosk's reading of the hub's CIBA answers, and how it tells "unreachable" from "refused". */
class HubPscClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final List<String> calls = new ArrayList<>();

    HubPscClient answering(String json) {
        return new HubPscClient(new HubPscClient.Calls() {
            @Override
            public JsonNode get(String path) throws HubApiException {
                calls.add("GET " + path);
                return read(json);
            }

            @Override
            public JsonNode post(String path, Object body) throws HubApiException {
                calls.add("POST " + path + " " + body);
                return read(json);
            }
        });
    }

    HubPscClient failing(HubApiException e) {
        return new HubPscClient(new HubPscClient.Calls() {
            @Override
            public JsonNode get(String path) throws HubApiException {
                throw e;
            }

            @Override
            public JsonNode post(String path, Object body) throws HubApiException {
                throw e;
            }
        });
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void startSendsTheIdentifierChannelAndSessionAndReadsTheBindingMessage() throws Exception {
        CibaStart s = answering("{\"requestId\":\"r1\",\"bindingMessage\":\"42\",\"interval\":1,"
                + "\"expiresAt\":\"2026-03-02T09:02:00Z\"}").start("810099900028", "MOBILE", "s1");
        assertEquals(new CibaStart("r1", "42", Duration.ofSeconds(1), Instant.parse("2026-03-02T09:02:00Z")), s);
        assertEquals("POST /device/v1/psc/ciba " + Map.of("idNatPs", "810099900028", "channel", "MOBILE",
                "kioskSessionId", "s1"), calls.get(0));
    }

    @Test
    void boundAnswerGivesWhoAndEveryExercice() throws Exception {
        CibaState.Bound b = assertInstanceOf(CibaState.Bound.class, answering("{\"status\":\"BOUND\",\"who\":{"
                + "\"idNatPs\":\"810099900010\",\"givenName\":\"CLAIRE\",\"familyName\":\"MARTIN\"},\"exercices\":[{"
                + "\"codeProfession\":\"10\",\"codeSavoirFaire\":\"SM26\",\"nomDexercice\":\"MARTIN\",\"prenomDexercice\":"
                + "\"CLAIRE\",\"sites\":[\"CH DE VIGIE - SITE NORD\"]}],\"chosen\":null,\"expiresAt\":"
                + "\"2026-03-02T09:02:00Z\"}").state("r1"));
        assertEquals("MARTIN", b.who().familyName());
        assertEquals("10 MARTIN CLAIRE — CH DE VIGIE - SITE NORD", b.exercices().get(0).label());
        assertEquals(Optional.empty(), b.chosen());
        assertEquals(List.of("GET /device/v1/psc/ciba/r1"), calls);
    }

    @Test
    void refusedFailedAndPendingAreReadWithTheirCodes() throws Exception {
        assertEquals(new CibaState.Refused("PSC_SUBJECT_MISMATCH"),
                answering("{\"status\":\"REFUSED\",\"code\":\"PSC_SUBJECT_MISMATCH\"}").state("r"));
        assertEquals(new CibaState.Failed("PSC_UNREACHABLE"),
                answering("{\"status\":\"FAILED\",\"code\":\"PSC_UNREACHABLE\"}").state("r"));
        assertInstanceOf(CibaState.Pending.class, answering("{\"status\":\"PENDING\",\"bindingMessage\":\"42\"}")
                .state("r"));
    }

    @Test
    void aHubThatCannotBeReachedOrHasNoPscIsUnavailableNotARefusal() {
        assertThrows(HubUnavailableException.class, () -> failing(new HubApiException(0,
                HubApiException.UNREACHABLE, "connection refused", null)).start("810099900010", "CARD", "s"));
        assertThrows(HubUnavailableException.class, () -> failing(new HubApiException(503, "CIBA_UNAVAILABLE",
                "no PSC", null)).start("810099900010", "CARD", "s"));
        assertThrows(HubUnavailableException.class, () -> failing(new HubApiException(502, "PSC_UNREACHABLE",
                "down", null)).state("r"));
    }

    @Test
    void refusalsKeepTheHubsCodeAndOddAnswersAreRejected() {
        PscRejectedException unknown = assertThrows(PscRejectedException.class, () -> failing(new HubApiException(
                422, "PSC_REQUEST_REFUSED", "unknown_user_id", null)).start("810099900036", "MOBILE", "s"));
        assertEquals("PSC_REQUEST_REFUSED", unknown.code());
        assertEquals("CIBA_REQUEST_UNKNOWN", assertThrows(PscRejectedException.class, () -> failing(
                new HubApiException(404, "CIBA_REQUEST_UNKNOWN", "", null)).state("r")).code());
        assertEquals("HUB_ANSWER_INVALID", assertThrows(PscRejectedException.class,
                () -> answering("{\"status\":\"MAYBE\"}").state("r")).code());
        assertEquals("HUB_ANSWER_INVALID", assertThrows(PscRejectedException.class,
                () -> answering("{\"requestId\":\"r1\"}").start("810099900010", "CARD", "s")).code());
    }
}
