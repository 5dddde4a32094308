package fr.vigie.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Fields added to a message type after it was first sent, with the value an older sender means by
 * leaving them out. Filled in before the shape check, so that the strict codec still reads older
 * kiosks' heartbeats and replies; any other missing field is still rejected. Stateless.
 */
final class WireDefaults {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Class<?>, Map<String, JsonNode>> ADDED = Map.of(
            KioskStatus.class, Map.of("configVersion", NODES.numberNode(0L), "certificateNotAfter",
                    NODES.textNode(""), "readers", NODES.arrayNode()),
            Reply.class, Map.of("details", NODES.objectNode()));

    private WireDefaults() {
    }

    /** Adds the defaults of {@code type}'s later fields that {@code tree} lacks (absent, not null). */
    static void fill(JsonNode tree, Class<?> type) {
        Map<String, JsonNode> added = ADDED.get(type);
        if (added == null || !(tree instanceof ObjectNode object)) {
            return;
        }
        added.forEach((field, value) -> {
            if (!object.has(field)) {
                object.set(field, value.deepCopy());
            }
        });
    }
}
