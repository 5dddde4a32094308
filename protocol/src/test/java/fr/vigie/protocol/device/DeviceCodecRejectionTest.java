package fr.vigie.protocol.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.protocol.ProtocolException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The codec refuses, with a stable code naming the field, every message of the device API that lacks a
 * required field or carries one the contract does not define, at any depth; and bytes that are not one
 * JSON object within the limit.
 */
class DeviceCodecRejectionTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private final DeviceCodec codec = new DeviceCodec();

    private interface Reader {
        Object read(byte[] json) throws ProtocolException;
    }

    /** One message to break: its JSON, its record type, and how it is read. */
    private record Sample(String name, ObjectNode json, Class<?> type, Reader reader) {
    }

    /** An edit of a sample and the rejection it must bring. */
    private record Breakage(String description, Consumer<ObjectNode> edit, ProtocolError error, String field) {
    }

    private List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<DeviceRoute<?, ?>, Record> e : DeviceSamples.requests().entrySet()) {
            DeviceRoute<?, ?> route = e.getKey();
            out.add(new Sample("request of " + route, tree(e.getValue()), route.requestType(),
                    b -> codec.decodeRequest(route, b)));
        }
        for (Map.Entry<DeviceRoute<?, ?>, List<Record>> e : DeviceSamples.answers().entrySet()) {
            DeviceRoute<?, ?> route = e.getKey();
            for (Record a : e.getValue()) {
                out.add(new Sample("answer of " + route, tree(a), route.answerType(), b -> codec.decodeAnswer(route, b)));
            }
        }
        for (Refusal r : DeviceSamples.refusals()) {
            out.add(new Sample("refusal " + r.error(), tree(r), Refusal.class, codec::decodeRefusal));
        }
        return out;
    }

    @Test
    void everyRequiredFieldOfEveryMessageIsRequiredAtEveryDepth() throws Exception {
        int checked = 0;
        for (Sample s : samples()) {
            for (Breakage b : breakages(s.json(), s.type(), List.of(), "")) {
                if (b.error() != ProtocolError.MISSING_FIELD) {
                    continue;
                }
                expectRejected(s, b);
                checked++;
            }
        }
        assertTrue(checked > 100, "only " + checked + " required fields checked");
    }

    @Test
    void aFieldOutsideTheContractIsRefusedAtEveryDepth() throws Exception {
        int checked = 0;
        for (Sample s : samples()) {
            for (Breakage b : breakages(s.json(), s.type(), List.of(), "")) {
                if (b.error() != ProtocolError.UNKNOWN_FIELD) {
                    continue;
                }
                expectRejected(s, b);
                checked++;
            }
        }
        assertTrue(checked > 40, "only " + checked + " objects checked");
    }

    @Test
    void anAdmissionStepNamingItsOwnAgentIsRefusedForThatBeforeAnythingElse() {
        for (DeviceRoute<?, ?> route : List.of(AdmissionApi.TRAITS, AdmissionApi.VITALE, AdmissionApi.APCV,
                AdmissionApi.DOCUMENT)) {
            ObjectNode json = PLAIN.createObjectNode().put("surplus", 1).put("agent", "810001234565");

            ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeRequest(route, bytes(json)));

            assertEquals(Optional.of("agent"), e.field(), route.toString());
            assertEquals(AgentError.AGENT_CLAIM_REFUSED, route.refusalOf(e), route.toString());
        }
        ProtocolException other = assertThrows(ProtocolException.class, () -> codec.decodeRequest(AdmissionApi.APCV,
                bytes(PLAIN.createObjectNode().put("surplus", 1))));
        assertEquals(DeviceApiError.BAD_REQUEST, AdmissionApi.APCV.refusalOf(other));
        assertEquals(AgentError.AGENT_PROOF_INVALID, AgentApi.NONCE.refusalOf(other));
    }

    @Test
    void aNullRequiredFieldIsRefusedAsMissing() {
        ObjectNode json = tree(new NonceRequest("s-1"));
        json.putNull("kioskSessionId");

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeRequest(AgentApi.NONCE, bytes(json)));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'kioskSessionId' is required", e.getMessage());
    }

    @Test
    void anAbsentOrNullOptionalFieldIsEmpty() throws Exception {
        ObjectNode json = tree(DeviceSamples.requests().get(AdmissionApi.TRAITS));
        json.remove("recordId");
        json.putNull("lieuNaissance");

        TraitsRequest read = codec.decodeRequest(AdmissionApi.TRAITS, bytes(json));

        assertEquals(Optional.empty(), read.recordId());
        assertEquals(Optional.empty(), read.lieuNaissance());
    }

    @Test
    void aValueOfTheWrongJsonKindIsNotCoerced() {
        ObjectNode json = tree(new ExerciceChoice(1));
        json.put("index", "1");

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeRequest(CibaApi.EXERCICE, bytes(json)));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals(Optional.of("index"), e.field());
        assertEquals("field 'index' must be an integer, got string \"1\"", e.getMessage());
    }

    @Test
    void aValueTheRecordRefusesIsAnInvalidField() {
        ObjectNode json = tree(new NonceRequest("s-1"));
        json.put("kioskSessionId", "../../etc");

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeRequest(AgentApi.NONCE, bytes(json)));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().contains("kioskSessionId must be 1 to 64 letters"), e.getMessage());
    }

    @Test
    void anSsoExerciceOutsideTheNomenclaturesIsAnInvalidFieldAndMayBeLeftOut() throws Exception {
        ObjectNode sample = tree(DeviceSamples.requests().get(SsoApi.CARD_SESSION));
        for (String[] bad : new String[][] {{"codeProfession", "doctor"}, {"codeProfession", "100"},
                {"codeSavoirFaire", "sm54"}, {"numeroFinessSite", "75071218"}, {"raisonSocialeSite", "CHU\nX"},
                {"raisonSocialeSite", " "}}) {
            ObjectNode json = sample.deepCopy();
            ((ObjectNode) json.path("exercice")).put(bad[0], bad[1]);

            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> codec.decodeRequest(SsoApi.CARD_SESSION, bytes(json)), bad[0] + "=" + bad[1]);

            assertEquals(ProtocolError.INVALID_FIELD, e.error(), bad[0]);
            assertTrue(e.getMessage().contains("exercice." + bad[0]), e.getMessage());
        }
        ObjectNode without = sample.deepCopy();
        without.remove("exercice");
        SsoCardRequest r = codec.decodeRequest(SsoApi.CARD_SESSION, bytes(without));
        assertTrue(r.exercice().isEmpty());
        ObjectNode professionOnly = sample.deepCopy();
        professionOnly.set("exercice", PLAIN.createObjectNode().put("codeProfession", "10"));
        SsoExercice e = codec.decodeRequest(SsoApi.CARD_SESSION, bytes(professionOnly))
                .exercice().orElseThrow();
        assertEquals(new SsoExercice("10", Optional.empty(), Optional.empty(), Optional.empty()), e);
    }

    @Test
    void anEnumValueOutsideTheContractIsAnInvalidField() {
        ObjectNode json = tree(new EndRequest("s-1", EndReason.LOCKED));
        json.put("reason", "locked");

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeRequest(AgentApi.END, bytes(json)));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals(Optional.of("reason"), e.field());
    }

    @Test
    void aRefusalWithACodeOutsideTheContractIsAnInvalidField() {
        ObjectNode json = tree(Refusal.of(AgentError.AGENT_NOT_PROVEN, "x"));
        json.put("error", "HTTP_418");

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeRefusal(bytes(json)));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().contains("'HTTP_418' is not a code of the device API"), e.getMessage());
    }

    @Test
    void aRefusalCarryingAClientSideCodeIsAnInvalidField() {
        ObjectNode json = tree(Refusal.of(AgentError.AGENT_NOT_PROVEN, "x"));
        json.put("error", DeviceApiError.HUB_UNREACHABLE.name());

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeRefusal(bytes(json)));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertThrows(IllegalArgumentException.class, () -> Refusal.of(DeviceApiError.HUB_ANSWER_MALFORMED, "x"));
    }

    @Test
    void aCibaStatusWithTheFieldsOfAnotherPhaseIsAnInvalidField() {
        ObjectNode json = tree(CibaStatusAnswer.refused(CibaError.PSC_ACCESS_DENIED));
        json.put("bindingMessage", "42");

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeAnswer(CibaApi.STATUS, bytes(json)));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().contains("bindingMessage is not part of a REFUSED status"), e.getMessage());
    }

    @Test
    void bytesThatAreNotOneJsonObjectAreMalformed() {
        for (String body : new String[] {"", "[]", "\"text\"", "{\"kioskSessionId\":\"s\"} trailing",
                "{\"kioskSessionId\":\"s\",\"kioskSessionId\":\"t\"}", "<html>502 Bad Gateway</html>"}) {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> codec.decodeRequest(AgentApi.NONCE, body.getBytes(StandardCharsets.UTF_8)), body);
            assertEquals(ProtocolError.MALFORMED_JSON, e.error(), body);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnlessTheRouteAnswersMore() throws Exception {
        byte[] big = new byte[DeviceCodec.DEFAULT_MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, assertThrows(ProtocolException.class,
                () -> codec.decodeRequest(AgentApi.NONCE, big)).error());

        String crl = Base64.getEncoder().encodeToString(new byte[200_000]);
        CrlsAnswer bundle = new CrlsAnswer(List.of(crl));
        assertEquals(bundle, codec.decodeAnswer(IgcSanteApi.CRLS, codec.encode(bundle)));
        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, assertThrows(ProtocolException.class,
                () -> codec.decodeAnswer(CibaApi.STATUS, codec.encode(bundle))).error());
    }

    private void expectRejected(Sample s, Breakage b) throws Exception {
        ObjectNode copy = s.json().deepCopy();
        b.edit().accept(copy);
        ProtocolException e = assertThrows(ProtocolException.class, () -> s.reader().read(bytes(copy)),
                s.name() + ": " + b.description());
        assertEquals(b.error(), e.error(), s.name() + ": " + b.description() + ": " + e.getMessage());
        assertEquals(Optional.of(b.field()), e.field(), s.name() + ": " + b.description());
    }

    /** For each object of the message: a field added, and each of its required fields removed. */
    private static List<Breakage> breakages(ObjectNode object, Class<?> type, List<Object> at, String prefix) {
        List<Breakage> out = new ArrayList<>();
        out.add(new Breakage("field added at '" + prefix + "'", root -> ((ObjectNode) node(root, at)).put("surplus", 1),
                ProtocolError.UNKNOWN_FIELD, prefix + "surplus"));
        for (RecordComponent c : type.getRecordComponents()) {
            String name = c.getName();
            boolean optional = c.getType() == Optional.class;
            if (!optional) {
                out.add(new Breakage("'" + prefix + name + "' removed", root -> ((ObjectNode) node(root, at)).remove(name),
                        ProtocolError.MISSING_FIELD, prefix + name));
            }
            JsonNode value = object.get(name);
            Type t = optional ? argument(c.getGenericType()) : c.getGenericType();
            if (value == null) {
                continue;
            }
            List<Object> here = new ArrayList<>(at);
            here.add(name);
            if (t instanceof Class<?> k && k.isRecord() && value.isObject()) {
                out.addAll(breakages((ObjectNode) value, k, here, prefix + name + "."));
            } else if (raw(t) == List.class && argument(t) instanceof Class<?> k && k.isRecord() && value.size() > 0) {
                here.add(0);
                out.addAll(breakages((ObjectNode) value.get(0), k, here, prefix + name + "[0]."));
            }
        }
        return out;
    }

    private static JsonNode node(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object step : path) {
            n = step instanceof Integer i ? ((ArrayNode) n).get(i) : n.get((String) step);
        }
        return n;
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static Type argument(Type t) {
        return ((ParameterizedType) t).getActualTypeArguments()[0];
    }

    private ObjectNode tree(Object message) {
        try {
            return (ObjectNode) PLAIN.readTree(codec.encode(message));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
