package fr.vigie.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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

    private final StrictJson json;

    /** JSON form of an event before its payload is typed. */
    private record EventWire(EventId eventId, String site, String kioskId, Long seq, String type,
            Instant occurredAt, Integer schema, JsonNode payload) {
    }

    public ProtocolCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    public ProtocolCodec(int maxBytes) {
        this.json = new StrictJson(maxBytes, JsonInclude.Include.ALWAYS);
    }

    /** The largest message this codec reads, in bytes. */
    public int maxBytes() {
        return json.maxBytes();
    }

    /** Writes any message record of the contract as UTF-8 JSON. */
    public byte[] encode(Object message) {
        return json.write(message);
    }

    /** Reads an event without checking which topic it came on. */
    public EventEnvelope decodeEvent(byte[] json) throws ProtocolException {
        JsonNode tree = this.json.readObject(json);
        requireSchema(tree);
        this.json.check(tree, EventWire.class, "");
        String wireType = tree.get("type").textValue();
        EventType type = EventType.fromWireName(wireType).orElseThrow(() -> new ProtocolException(
                ProtocolError.UNKNOWN_EVENT_TYPE, "event type '" + wireType + "' is not part of the contract (known: "
                        + Arrays.stream(EventType.values()).map(EventType::wireName)
                                .collect(Collectors.joining(", ")) + ")"));
        this.json.check(tree.get("payload"), type.payloadClass(), "payload.");
        EventWire w = this.json.bind(tree, EventWire.class, "");
        EventPayload payload = this.json.bind(w.payload(), type.payloadClass(), "payload.");
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
        JsonNode tree = this.json.readObject(json);
        requireSchema(tree);
        WireDefaults.fill(tree, type);
        return this.json.read(tree, type, "");
    }
}
