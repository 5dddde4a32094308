package fr.vigie.kiosk.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.protocol.device.CibaError;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.device.DeviceRoute;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kiosk's reading of the hub's CIBA answers (as they travel), and how it tells "unreachable" from "refused". */
class HubPscClientTest {
    static final DeviceCodec CODEC = new DeviceCodec();
    final List<String> calls = new ArrayList<>();

    /** A hub answering {@code json} to every call, read by the contract's codec as the real client reads it. */
    HubPscClient answering(String json) {
        return new HubPscClient(new HubApi() {
            @Override
            public <Q, A> A call(DeviceRoute<Q, A> route, Q request, String... parameters) throws HubApiException {
                calls.add(route.method() + " " + route.path(parameters)
                        + (request == null ? "" : " " + new String(CODEC.encode(request), StandardCharsets.UTF_8)));
                try {
                    return CODEC.decodeAnswer(route, json.getBytes(StandardCharsets.UTF_8));
                } catch (ProtocolException e) {
                    throw new HubApiException(0, DeviceApiError.HUB_ANSWER_MALFORMED, e.getMessage(), e);
                }
            }

            @Override
            public URI base() {
                return URI.create("https://hub.test:8443");
            }
        });
    }

    HubPscClient failing(HubApiException e) {
        return new HubPscClient(new HubApi() {
            @Override
            public <Q, A> A call(DeviceRoute<Q, A> route, Q request, String... parameters) throws HubApiException {
                throw e;
            }

            @Override
            public URI base() {
                return URI.create("https://hub.test:8443");
            }
        });
    }

    @Test
    void startSendsTheIdentifierChannelAndSessionAndReadsTheBindingMessage() throws Exception {
        CibaStart s = answering("{\"requestId\":\"r1\",\"bindingMessage\":\"42\",\"interval\":1,"
                + "\"expiresAt\":\"2026-03-02T09:02:00Z\"}").start("810099900028", "MOBILE", "s1");
        assertEquals(new CibaStart("r1", "42", Duration.ofSeconds(1), Instant.parse("2026-03-02T09:02:00Z")), s);
        assertEquals("POST " + CibaApi.START.path() + " {\"idNatPs\":\"810099900028\",\"channel\":\"MOBILE\","
                + "\"kioskSessionId\":\"s1\"}", calls.get(0));
    }

    @Test
    void boundAnswerGivesWhoAndEveryExercice() throws Exception {
        CibaState.Bound b = assertInstanceOf(CibaState.Bound.class, answering("{\"status\":\"BOUND\",\"who\":{"
                + "\"idNatPs\":\"810099900010\",\"givenName\":\"CLAIRE\",\"familyName\":\"MARTIN\"},\"exercices\":[{"
                + "\"codeProfession\":\"10\",\"codeCategorieProfessionnelle\":\"C\",\"codeSavoirFaire\":\"SM26\","
                + "\"nomDexercice\":\"MARTIN\",\"prenomDexercice\":\"CLAIRE\",\"sites\":[\"CH DE VIGIE - SITE NORD\"]}],"
                + "\"chosen\":null,\"expiresAt\":\"2026-03-02T09:02:00Z\"}").state("r1"));
        assertEquals("MARTIN", b.who().familyName());
        assertEquals("10 MARTIN CLAIRE — CH DE VIGIE - SITE NORD", b.exercices().get(0).label());
        assertEquals(Optional.empty(), b.chosen());
        assertEquals(List.of("GET " + CibaApi.STATUS.path("r1")), calls);
    }

    @Test
    void theExerciceChosenIsSentByItsIndex() throws Exception {
        answering("{\"codeProfession\":\"10\",\"codeCategorieProfessionnelle\":\"C\",\"codeSavoirFaire\":\"\","
                + "\"nomDexercice\":\"MARTIN\",\"prenomDexercice\":\"CLAIRE\",\"sites\":[]}").chooseExercice("r1", 1);

        assertEquals(List.of("POST " + CibaApi.EXERCICE.path("r1") + " {\"index\":1}"), calls);
    }

    @Test
    void refusedFailedAndPendingAreReadWithTheirCodes() throws Exception {
        assertEquals(new CibaState.Refused("PSC_SUBJECT_MISMATCH"),
                answering("{\"status\":\"REFUSED\",\"code\":\"PSC_SUBJECT_MISMATCH\"}").state("r"));
        assertEquals(new CibaState.Failed("PSC_UNREACHABLE"),
                answering("{\"status\":\"FAILED\",\"code\":\"PSC_UNREACHABLE\"}").state("r"));
        assertInstanceOf(CibaState.Pending.class, answering("{\"status\":\"PENDING\",\"bindingMessage\":\"42\","
                + "\"expiresAt\":\"2026-03-02T09:02:00Z\"}").state("r"));
    }

    @Test
    void aHubThatCannotBeReachedOrHasNoPscIsUnavailableNotARefusal() {
        assertThrows(HubUnavailableException.class, () -> failing(new HubApiException(0,
                DeviceApiError.HUB_UNREACHABLE, "connection refused", null)).start("810099900010", "CARD", "s"));
        assertThrows(HubUnavailableException.class, () -> failing(refusal(CibaError.CIBA_UNAVAILABLE))
                .start("810099900010", "CARD", "s"));
        assertThrows(HubUnavailableException.class, () -> failing(refusal(CibaError.PSC_UNREACHABLE)).state("r"));
    }

    @Test
    void refusalsKeepTheHubsCodeAndOddAnswersAreRejected() {
        PscRejectedException unknown = assertThrows(PscRejectedException.class, () -> failing(
                refusal(CibaError.PSC_REQUEST_REFUSED)).start("810099900036", "MOBILE", "s"));
        assertEquals(CibaError.PSC_REQUEST_REFUSED, unknown.error());
        assertEquals("CIBA_REQUEST_UNKNOWN", assertThrows(PscRejectedException.class, () -> failing(
                refusal(CibaError.CIBA_REQUEST_UNKNOWN)).state("r")).code());
        for (String odd : Arrays.asList("{\"status\":\"MAYBE\"}", "{\"status\":\"PENDING\"}",
                "{\"status\":\"REFUSED\",\"code\":\"NOT_A_CODE\"}",
                "{\"status\":\"BOUND\",\"code\":\"PSC_ACCESS_DENIED\"}")) {
            assertEquals(DeviceApiError.HUB_ANSWER_MALFORMED, assertThrows(PscRejectedException.class,
                    () -> answering(odd).state("r")).error(), odd);
        }
        assertEquals(DeviceApiError.HUB_ANSWER_MALFORMED, assertThrows(PscRejectedException.class,
                () -> answering("{\"requestId\":\"r1\"}").start("810099900010", "CARD", "s")).error());
    }

    private static HubApiException refusal(CibaError error) {
        return new HubApiException(error.status(), fr.vigie.protocol.device.Refusal.of(error, "refused"));
    }
}
