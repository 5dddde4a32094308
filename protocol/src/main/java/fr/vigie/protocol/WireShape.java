package fr.vigie.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the JSON shape of one message object against the record it will become, before Jackson
 * binds it: no field outside the record, every component present and not null, and every value of
 * the JSON kind its component needs (no coercion). Doing this on the tree makes the rejection code
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
                throw new ProtocolException(ProtocolError.UNKNOWN_FIELD,
                        "field '" + prefix + name + "' is not part of the contract");
            }
        }
        for (RecordComponent c : components) {
            JsonNode value = object.get(c.getName());
            if (value == null || value.isNull()) {
                throw new ProtocolException(ProtocolError.MISSING_FIELD,
                        "field '" + prefix + c.getName() + "' is required");
            }
            checkKind(prefix + c.getName(), c.getType(), value);
        }
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
        if (type == String.class || type == Instant.class || type == EventId.class || type.isEnum()) {
            require(value.isTextual(), field, "a string", value);
        } else if (type == long.class || type == Long.class) {
            require(value.isIntegralNumber(), field, "an integer", value);
            require(value.canConvertToLong(), field, "an integer within the 64-bit range", value);
        } else if (type == int.class || type == Integer.class) {
            require(value.isIntegralNumber(), field, "an integer", value);
            require(value.canConvertToInt(), field, "an integer within the 32-bit range", value);
        } else if (type == Map.class) {
            require(value.isObject(), field, "an object of strings", value);
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                require(e.getValue().isTextual(), field + "." + e.getKey(), "a string", e.getValue());
            }
        } else if (type == java.util.List.class) {
            require(value.isArray(), field, "an array of strings", value);
            for (int i = 0; i < value.size(); i++) {
                require(value.get(i).isTextual(), field + "[" + i + "]", "a string", value.get(i));
            }
        } else if (type == JsonNode.class) {
            require(value.isObject(), field, "a JSON object", value);
        }
    }

    private static void require(boolean ok, String field, String expected, JsonNode value) throws ProtocolException {
        if (!ok) {
            throw new ProtocolException(ProtocolError.INVALID_FIELD,
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
