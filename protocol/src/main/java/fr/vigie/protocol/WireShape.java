package fr.vigie.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the JSON shape of one message object against the record it will become, before Jackson
 * binds it: no field outside the record, every component present and not null (an {@link Optional}
 * component may be absent or null), and every value of the JSON kind its component needs (no
 * coercion), down through nested records and lists. Doing this on the tree makes the rejection code
 * and message independent of Jackson's exception texts, which change between versions.
 */
final class WireShape {
    private static final int SHOWN_VALUE_CHARS = 40;

    private WireShape() {
    }

    /**
     * @param object a JSON object
     * @param type the record class the object must describe
     * @param prefix path of the object inside the message, empty or ending with a dot
     */
    static void check(JsonNode object, Class<?> type, String prefix) throws ProtocolException {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record: every message type of the contract is one");
        }
        RecordComponent[] components = type.getRecordComponents();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!isComponent(components, name)) {
                throw ProtocolException.ofField(ProtocolError.UNKNOWN_FIELD, prefix + name,
                        "field '" + prefix + name + "' is not part of the contract");
            }
        }
        for (RecordComponent c : components) {
            JsonNode value = object.get(c.getName());
            boolean optional = c.getType() == Optional.class;
            if (value == null || value.isNull()) {
                if (optional) {
                    continue;
                }
                throw ProtocolException.ofField(ProtocolError.MISSING_FIELD, prefix + c.getName(),
                        "field '" + prefix + c.getName() + "' is required");
            }
            checkValue(prefix + c.getName(), optional ? argument(c.getGenericType()) : c.getGenericType(), value);
        }
    }

    private static void checkValue(String field, Type type, JsonNode value) throws ProtocolException {
        Class<?> raw = raw(type);
        if (raw.isRecord() && !writtenAsValue(raw)) {
            require(value.isObject(), field, "a JSON object", value);
            check(value, raw, field + ".");
        } else if (raw == List.class) {
            require(value.isArray(), field, "an array", value);
            Type element = argument(type);
            for (int i = 0; i < value.size(); i++) {
                checkValue(field + "[" + i + "]", element, value.get(i));
            }
        } else {
            checkKind(field, raw, value);
        }
    }

    /** A record written as one JSON value ({@code @JsonValue}), such as {@link EventId}, rather than as an object. */
    private static boolean writtenAsValue(Class<?> record) {
        for (java.lang.reflect.Method m : record.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonValue.class)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException(type + " is not a type a message of the contract may hold");
    }

    private static Type argument(Type type) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static boolean isComponent(RecordComponent[] components, String name) {
        for (RecordComponent c : components) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void checkKind(String field, Class<?> type, JsonNode value) throws ProtocolException {
        if (type == String.class || type == Instant.class || type == EventId.class || type.isEnum()
                || isEnumFamily(type)) {
            require(value.isTextual(), field, "a string", value);
        } else if (type == long.class || type == Long.class) {
            require(value.isIntegralNumber(), field, "an integer", value);
            require(value.canConvertToLong(), field, "an integer within the 64-bit range", value);
        } else if (type == int.class || type == Integer.class) {
            require(value.isIntegralNumber(), field, "an integer", value);
            require(value.canConvertToInt(), field, "an integer within the 32-bit range", value);
        } else if (type == boolean.class || type == Boolean.class) {
            require(value.isBoolean(), field, "true or false", value);
        } else if (type == Map.class) {
            require(value.isObject(), field, "an object of strings", value);
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                require(e.getValue().isTextual(), field + "." + e.getKey(), "a string", e.getValue());
            }
        } else if (type == JsonNode.class) {
            require(value.isObject(), field, "a JSON object", value);
        }
    }

    /** A sealed interface whose implementations are all enums, such as a family of error codes: a name on the wire. */
    private static boolean isEnumFamily(Class<?> type) {
        if (!type.isInterface() || !type.isSealed()) {
            return false;
        }
        for (Class<?> c : type.getPermittedSubclasses()) {
            if (!c.isEnum()) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean ok, String field, String expected, JsonNode value) throws ProtocolException {
        if (!ok) {
            throw ProtocolException.ofField(ProtocolError.INVALID_FIELD, field,
                    "field '" + field + "' must be " + expected + ", got " + describe(value));
        }
    }

    /** The JSON kind and a short rendering of a value, e.g. {@code string "42"} or {@code number 1.5}. */
    static String describe(JsonNode value) {
        String kind = value.getNodeType().name().toLowerCase(Locale.ROOT);
        if (value.isContainerNode() || value.isNull()) {
            return kind;
        }
        String shown = value.toString();
        if (shown.length() > SHOWN_VALUE_CHARS) {
            shown = shown.substring(0, SHOWN_VALUE_CHARS) + "…";
        }
        return kind + " " + shown;
    }
}
