package fr.vigie.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
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
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * The strict JSON reading and writing of the contract's records, shared by the MQTT messages'
 * {@link ProtocolCodec} and the device API's {@link fr.vigie.protocol.device.DeviceCodec}: one UTF-8
 * JSON object of at most {@link #maxBytes()} bytes, no duplicate key, no trailing data, no field outside
 * the record, every required field present and not null (an {@code Optional} component may be absent),
 * every value of its JSON kind (no coercion of strings to numbers or the reverse), nested records and
 * lists checked the same way; each rejection a {@link ProtocolException} with a stable
 * {@link ProtocolError} and a message naming the field. Thread-safe; build one per limit and share it.
 *
 * <pre>{@code
 * StrictJson json = new StrictJson(64 * 1024, JsonInclude.Include.NON_ABSENT);
 * JsonNode tree = json.readObject(bytes);
 * json.check(tree, NonceRequest.class, "");
 * NonceRequest request = json.bind(tree, NonceRequest.class, "");
 * }</pre>
 */
public final class StrictJson {
    private static final int MAX_NESTING = 16;

    private final ObjectMapper mapper;
    private final int maxBytes;

    /**
     * @param maxBytes the largest message read (at least 256 bytes)
     * @param written which fields are written: {@code ALWAYS} writes nulls, {@code NON_ABSENT} leaves out
     *     nulls and empty {@code Optional}s
     * @param modules further Jackson modules, e.g. a deserializer of a family of codes
     */
    public StrictJson(int maxBytes, JsonInclude.Include written, Module... modules) {
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
                .addModule(new Jdk8Module())
                .addModules(modules)
                .defaultPropertyInclusion(JsonInclude.Value.construct(written, written))
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // required fields are checked on the tree first (WireShape), where Optional ones may be absent
                .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
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

    /** The largest message read, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Writes a record of the contract as UTF-8 JSON. */
    public byte[] write(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Reads {@code json} as exactly one JSON object within the size limit. */
    public JsonNode readObject(byte[] json) throws ProtocolException {
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

    /**
     * Checks the shape of {@code object} against the record {@code type}: fields, their presence and
     * their JSON kinds, nested records included.
     *
     * @param prefix the object's path in the message, empty or ending with a dot
     */
    public void check(JsonNode object, Class<?> type, String prefix) throws ProtocolException {
        WireShape.check(object, type, prefix);
    }

    /** Binds a checked tree to {@code type}; the record's own checks reject invalid values as {@code INVALID_FIELD}. */
    public <T> T bind(JsonNode tree, Class<T> type, String prefix) throws ProtocolException {
        try {
            return mapper.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw ProtocolException.ofField(ProtocolError.UNKNOWN_FIELD, prefix + e.getPropertyName(),
                    "field '" + prefix + e.getPropertyName() + "' is not part of the contract");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProtocolException(ProtocolError.INVALID_FIELD, prefix + cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw ProtocolException.ofField(ProtocolError.INVALID_FIELD, prefix + path(e), "field '" + prefix + path(e)
                    + "' has an invalid value: " + e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            String msg = e.getOriginalMessage();
            // WireShape has already rejected absent and null fields; this is a backstop whose
            // wording differs between Jackson versions ("Missing creator property" since 2.20).
            boolean missing = msg != null && (msg.contains("Missing required creator property")
                    || msg.contains("Missing creator property") || msg.contains("Null value for creator property")
                    || msg.startsWith("Cannot map `null`"));
            throw ProtocolException.ofField(missing ? ProtocolError.MISSING_FIELD : ProtocolError.INVALID_FIELD,
                    prefix + path(e), "field '" + prefix + path(e) + "' "
                            + (missing ? "is required" : "has the wrong type: " + msg));
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ProtocolError.INVALID_FIELD, prefix + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ProtocolError.INVALID_FIELD, prefix + e.getMessage(), e);
        }
    }

    /** {@link #check} then {@link #bind}: the usual way to read one record. */
    public <T> T read(JsonNode tree, Class<T> type, String prefix) throws ProtocolException {
        check(tree, type, prefix);
        return bind(tree, type, prefix);
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
