package fr.vigie.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes and strictly reads every message of the contract as UTF-8 JSON. Reading rejects, with a
 * {@link ProtocolException} naming the reason: messages over the size limit, malformed JSON,
 * trailing data, duplicate keys, unknown fields, missing or null fields, wrong JSON types (no
 * coercion of strings to numbers or the reverse, no number for a timestamp), unknown event types,
 * unsupported schema versions, and events or statuses whose kiosk differs from their topic's. The
 * schema version is checked first, so that a newer contract's message is reported as such; then
 * the shape of the JSON (fields and their JSON kinds); then the values. Thread-safe; build one and
 * share it.
 *
 * <pre>{@code
 * ProtocolCodec codec = new ProtocolCodec();
 * byte[] wire = codec.encode(event);
 * EventEnvelope back = codec.decodeEvent(topic, wire);
 * }</pre>
 */
public final class ProtocolCodec {
    /** The schema version this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    /** Default largest accepted message: 64 KiB. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    private static final int MAX_NESTING = 16;

    private final ObjectMapper mapper;
    private final int maxBytes;

    /** JSON form of an event before its payload is typed. */
    private record EventWire(EventId eventId, String site, String kioskId, Long seq, String type,
            Instant occurredAt, Integer schema, JsonNode payload) {
    }

    public ProtocolCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    public ProtocolCodec(int maxBytes) {
        if (maxBytes < 256) {
            throw new IllegalArgumentException("maxBytes must be at least 256, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING).maxStringLength(maxBytes).build())
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        JsonMapper m = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Textual,
                LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        this.mapper = m;
    }

    /** The largest message this codec reads, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Writes any message record of the contract as UTF-8 JSON. */
    public byte[] encode(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Reads an event without checking which topic it came on. */
    public EventEnvelope decodeEvent(byte[] json) throws ProtocolException {
        JsonNode tree = readObject(json);
        requireSchema(tree);
        WireShape.check(tree, EventWire.class, "");
        String wireType = tree.get("type").textValue();
        EventType type = EventType.fromWireName(wireType).orElseThrow(() -> new ProtocolException(
                ProtocolError.UNKNOWN_EVENT_TYPE, "event type '" + wireType + "' is not part of the contract (known: "
                        + Arrays.stream(EventType.values()).map(EventType::wireName)
                                .collect(Collectors.joining(", ")) + ")"));
        WireShape.check(tree.get("payload"), type.payloadClass(), "payload.");
        EventWire w = convert(tree, EventWire.class, "");
        EventPayload payload = convert(w.payload(), type.payloadClass(), "payload.");
        return build(() -> new EventEnvelope(w.eventId(), w.site(), w.kioskId(), w.seq(), w.type(),
                w.occurredAt(), w.schema(), payload));
    }

    /**
     * Reads an event received on {@code topic} and checks that it speaks for the kiosk that topic
     * belongs to.
     */
    public EventEnvelope decodeEvent(String topic, byte[] json) throws ProtocolException {
        Topics.Parsed parsed = requireChannel(topic, Topics.Channel.EVENT, "an event");
        EventEnvelope event = decodeEvent(json);
        requireSameKiosk(parsed.kiosk(), event.kiosk(), topic);
        return event;
    }

    public KioskStatus decodeStatus(byte[] json) throws ProtocolException {
        return read(json, KioskStatus.class);
    }

    /** Reads a status received on {@code topic}, checking that it is that kiosk's own. */
    public KioskStatus decodeStatus(String topic, byte[] json) throws ProtocolException {
        Topics.Parsed parsed = requireChannel(topic, Topics.Channel.STATUS, "a status");
        KioskStatus s = decodeStatus(json);
        requireSameKiosk(parsed.kiosk(), s.kiosk(), topic);
        return s;
    }

    /** Reads what arrives on a command topic: the signed envelope, whose content is not checked yet. */
    public SignedCommand decodeSignedCommand(byte[] json) throws ProtocolException {
        return read(json, SignedCommand.class);
    }

    /** Reads a command: the payload of a {@link SignedCommand}'s JWS, once its signature is verified. */
    public Command decodeCommand(byte[] json) throws ProtocolException {
        return read(json, Command.class);
    }

    public Reply decodeReply(byte[] json) throws ProtocolException {
        return read(json, Reply.class);
    }

    public ConfigBundle decodeConfig(byte[] json) throws ProtocolException {
        return read(json, ConfigBundle.class);
    }

    private static Topics.Parsed requireChannel(String topic, Topics.Channel channel, String what)
            throws ProtocolException {
        Topics.Parsed parsed = Topics.parse(topic);
        if (parsed.channel() != channel) {
            throw new ProtocolException(ProtocolError.UNKNOWN_TOPIC, "topic '" + topic + "' is not " + what + " topic");
        }
        return parsed;
    }

    private static void requireSameKiosk(KioskAddress ofTopic, KioskAddress ofMessage, String topic)
            throws ProtocolException {
        if (!ofTopic.equals(ofMessage)) {
            throw new ProtocolException(ProtocolError.TOPIC_MISMATCH, "message names kiosk " + ofMessage
                    + " but arrived on topic '" + topic + "' of kiosk " + ofTopic);
        }
    }

    /**
     * Checks the schema version first, so that a message of a newer contract is reported as such
     * rather than for the fields that version added.
     */
    private static void requireSchema(JsonNode tree) throws ProtocolException {
        JsonNode schema = tree.get("schema");
        if (schema == null || schema.isNull()) {
            throw new ProtocolException(ProtocolError.MISSING_FIELD, "field 'schema' is required");
        }
        if (!schema.isIntegralNumber()) {
            throw new ProtocolException(ProtocolError.INVALID_FIELD,
                    "field 'schema' must be an integer, got " + WireShape.describe(schema));
        }
        if (!schema.canConvertToInt() || schema.intValue() != SCHEMA_VERSION) {
            throw new ProtocolException(ProtocolError.UNSUPPORTED_SCHEMA_VERSION, "schema version " + schema
                    + " is not supported (this side reads version " + SCHEMA_VERSION + ")");
        }
    }

    private interface Builder<T> {
        T build();
    }

    private static <T> T build(Builder<T> builder) throws ProtocolException {
        try {
            return builder.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProtocolException(ProtocolError.INVALID_FIELD, String.valueOf(e.getMessage()), e);
        }
    }

    private <T extends Record> T read(byte[] json, Class<T> type) throws ProtocolException {
        JsonNode tree = readObject(json);
        requireSchema(tree);
        WireDefaults.fill(tree, type);
        WireShape.check(tree, type, "");
        return convert(tree, type, "");
    }

    private JsonNode readObject(byte[] json) throws ProtocolException {
        if (json == null || json.length == 0) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, "message is empty");
        }
        if (json.length > maxBytes) {
            throw new ProtocolException(ProtocolError.MESSAGE_TOO_LARGE,
                    "message is " + json.length + " bytes, the limit is " + maxBytes);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, "unreadable message: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, "message must be one JSON object");
        }
        return tree;
    }

    private <T> T convert(JsonNode tree, Class<T> type, String prefix) throws ProtocolException {
        try {
            return mapper.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ProtocolException(ProtocolError.UNKNOWN_FIELD,
                    "field '" + prefix + e.getPropertyName() + "' is not part of the contract", e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProtocolException(ProtocolError.INVALID_FIELD, prefix + cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw new ProtocolException(ProtocolError.INVALID_FIELD, "field '" + prefix + path(e)
                    + "' has an invalid value: " + e.getOriginalMessage(), e);
        } catch (MismatchedInputException e) {
            String msg = e.getOriginalMessage();
            // WireShape has already rejected absent and null fields; this is a backstop whose
            // wording differs between Jackson versions ("Missing creator property" since 2.20).
            boolean missing = msg != null && (msg.contains("Missing required creator property")
                    || msg.contains("Missing creator property") || msg.contains("Null value for creator property")
                    || msg.startsWith("Cannot map `null`"));
            throw new ProtocolException(missing ? ProtocolError.MISSING_FIELD : ProtocolError.INVALID_FIELD,
                    "field '" + prefix + path(e) + "' " + (missing ? "is required" : "has the wrong type: " + msg), e);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ProtocolError.INVALID_FIELD, prefix + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ProtocolError.INVALID_FIELD, prefix + e.getMessage(), e);
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
