package fr.vigie.protocol.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.StrictJson;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one JSON codec of the device API, used by the hub's routes and the kiosk's client alike. It writes
 * the records of {@code fr.vigie.protocol.device} (empty optional fields left out) and reads them strictly
 * with {@link StrictJson}: one object within the size limit, no unknown field, every required field present
 * and of its JSON kind, nested records too, then the record's own checks; every rejection a
 * {@link ProtocolException} naming the field. Codes travel as their names and are read back as
 * {@link DeviceError}s (an unknown code is an invalid field). Thread-safe; build one and share it.
 *
 * <pre>{@code
 * DeviceCodec codec = new DeviceCodec();
 * byte[] body = codec.encode(new NonceRequest(sessionId));                       // kiosk
 * NonceRequest request = codec.decodeRequest(AgentApi.NONCE, body);               // hub
 * }</pre>
 */
public final class DeviceCodec {
    /** Largest request or answer read, unless a route allows larger answers: 64 KiB. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private final Map<Integer, StrictJson> byLimit = new ConcurrentHashMap<>();
    private final StrictJson json;

    public DeviceCodec() {
        this.json = strict(DEFAULT_MAX_BYTES);
    }

    /** Writes a record of the device API as UTF-8 JSON. */
    public byte[] encode(Object message) {
        return json.write(message);
    }

    /**
     * Reads the body of a request to {@code route}. A field the route forbids is refused first, as an
     * {@code UNKNOWN_FIELD} naming it ({@link DeviceRoute#refusalOf} gives the route's code for it).
     */
    public <Q> Q decodeRequest(DeviceRoute<Q, ?> route, byte[] body) throws ProtocolException {
        if (!route.hasBody()) {
            throw new IllegalArgumentException(route + " takes no body");
        }
        JsonNode tree = json.readObject(body);
        Optional<String> forbidden = route.forbiddenField().filter(tree::has);
        if (forbidden.isPresent()) {
            throw ProtocolException.ofField(ProtocolError.UNKNOWN_FIELD, forbidden.get(), "field '" + forbidden.get()
                    + "' is refused: the request may not name it");
        }
        return json.read(tree, route.requestType(), "");
    }

    /** Reads the JSON body of a successful answer of {@code route}, within the route's size limit. */
    public <A> A decodeAnswer(DeviceRoute<?, A> route, byte[] body) throws ProtocolException {
        if (route.media() != DeviceRoute.Media.JSON) {
            throw new IllegalArgumentException(route + " does not answer JSON");
        }
        return read(byLimit.computeIfAbsent(route.maxAnswerBytes(), DeviceCodec::strict), body, route.answerType());
    }

    /** Reads the body of a refusal (any 4xx or 5xx answer of the hub). */
    public Refusal decodeRefusal(byte[] body) throws ProtocolException {
        return read(json, body, Refusal.class);
    }

    private static <T> T read(StrictJson json, byte[] body, Class<T> type) throws ProtocolException {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record of the device API");
        }
        return json.read(json.readObject(body), type, "");
    }

    private static StrictJson strict(int maxBytes) {
        SimpleModule codes = new SimpleModule("device-api-codes");
        codes.addDeserializer(DeviceError.class, new CodeReader());
        return new StrictJson(maxBytes, JsonInclude.Include.NON_ABSENT, codes);
    }

    /** Reads a code by its name, whichever area's it is. */
    private static final class CodeReader extends StdDeserializer<DeviceError> {
        private static final long serialVersionUID = 1L;

        CodeReader() {
            super(DeviceError.class);
        }

        @Override
        public DeviceError deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String name = p.getValueAsString();
            return DeviceError.of(name).orElseThrow(() -> InvalidFormatException.from(p,
                    "'" + name + "' is not a code of the device API", name, DeviceError.class));
        }
    }
}
