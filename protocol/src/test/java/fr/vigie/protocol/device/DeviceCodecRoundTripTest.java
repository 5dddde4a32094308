package fr.vigie.protocol.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every request, answer and refusal of the device API survives the codec unchanged. */
class DeviceCodecRoundTripTest {
    private final DeviceCodec codec = new DeviceCodec();

    @Test
    void everyRequestBodySurvivesEncodeAndDecode() throws Exception {
        for (Map.Entry<DeviceRoute<?, ?>, Record> e : DeviceSamples.requests().entrySet()) {
            assertEquals(e.getValue(), codec.decodeRequest(e.getKey(), codec.encode(e.getValue())), e.getKey().toString());
        }
    }

    @Test
    void everyAnswerSurvivesEncodeAndDecode() throws Exception {
        for (Map.Entry<DeviceRoute<?, ?>, List<Record>> e : DeviceSamples.answers().entrySet()) {
            for (Record answer : e.getValue()) {
                assertEquals(answer, codec.decodeAnswer(e.getKey(), codec.encode(answer)), e.getKey().toString());
            }
        }
    }

    @Test
    void everyRefusalSurvivesEncodeAndDecode() throws Exception {
        for (Refusal r : DeviceSamples.refusals()) {
            assertEquals(r, codec.decodeRefusal(codec.encode(r)));
        }
    }

    @Test
    void everyRouteWithABodyOrAJsonAnswerHasASample() {
        for (DeviceRoute<?, ?> route : DeviceRoute.all()) {
            assertEquals(route.hasBody(), DeviceSamples.requests().containsKey(route), "request sample of " + route);
            assertEquals(route.media() == DeviceRoute.Media.JSON, DeviceSamples.answers().containsKey(route),
                    "answer sample of " + route);
        }
    }

    @Test
    void emptyOptionalFieldsAreLeftOutRatherThanWrittenAsNull() {
        String json = new String(codec.encode(CibaStatusAnswer.refused(CibaError.PSC_ACCESS_DENIED)));

        assertEquals("{\"status\":\"REFUSED\",\"code\":\"PSC_ACCESS_DENIED\"}", json);
        assertTrue(!new String(codec.encode(Refusal.of(AgentError.AGENT_NOT_PROVEN, "x"))).contains("null"));
    }
}
