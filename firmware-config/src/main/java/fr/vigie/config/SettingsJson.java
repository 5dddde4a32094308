package fr.vigie.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Strict JSON for {@link KioskSettings}: every rejection names the key and the value. */
final class SettingsJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final int MAX_BYTES = 32 * 1024;

    private SettingsJson() {
    }

    static byte[] write(KioskSettings s) {
        try {
            return MAPPER.writeValueAsBytes(tree(s));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(KioskSettings s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("heartbeatSeconds", s.heartbeatSeconds()).put("idleLockSeconds", s.idleLockSeconds())
                .put("reauthWindowSeconds", s.reauthWindowSeconds()).put("presenceLockSeconds", s.presenceLockSeconds())
                .put("pinEntryTimeoutSeconds", s.pinEntryTimeoutSeconds()).put("language", s.language().code())
                .put("insiEnabled", s.insiEnabled()).put("pscEnabled", s.pscEnabled());
        ArrayNode anchors = o.putArray("trustedAnchors");
        s.trustedAnchors().forEach(anchors::add);
        return o;
    }

    static KioskSettings read(byte[] json) throws ConfigException {
        if (json == null || json.length == 0 || json.length > MAX_BYTES) {
            throw invalid("settings must be 1 to " + MAX_BYTES + " bytes of JSON");
        }
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw invalid("settings are not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("settings are not valid JSON: " + e.getMessage());
        }
    }

    static KioskSettings read(JsonNode node) throws ConfigException {
        if (node == null || !node.isObject()) {
            throw invalid("settings must be a JSON object, got " + node);
        }
        KioskSettings d = KioskSettings.defaults();
        int heartbeat = d.heartbeatSeconds();
        int idle = d.idleLockSeconds();
        int reauth = d.reauthWindowSeconds();
        int presence = d.presenceLockSeconds();
        int pin = d.pinEntryTimeoutSeconds();
        KioskSettings.Language language = d.language();
        boolean insi = d.insiEnabled();
        boolean psc = d.pscEnabled();
        List<String> anchors = d.trustedAnchors();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "heartbeatSeconds" -> heartbeat = integer(key, v);
                case "idleLockSeconds" -> idle = integer(key, v);
                case "reauthWindowSeconds" -> reauth = integer(key, v);
                case "presenceLockSeconds" -> presence = integer(key, v);
                case "pinEntryTimeoutSeconds" -> pin = integer(key, v);
                case "language" -> language = language(key, v);
                case "insiEnabled" -> insi = bool(key, v);
                case "pscEnabled" -> psc = bool(key, v);
                case "trustedAnchors" -> anchors = strings(key, v);
                default -> throw invalid("unknown key '" + key + "' with value " + v);
            }
        }
        try {
            return new KioskSettings(heartbeat, idle, reauth, presence, pin, language, insi, psc, anchors);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(e.getMessage());
        }
    }

    private static int integer(String key, JsonNode v) throws ConfigException {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw invalid(key + " " + v + " must be a whole number");
        }
        return v.intValue();
    }

    private static boolean bool(String key, JsonNode v) throws ConfigException {
        if (!v.isBoolean()) {
            throw invalid(key + " " + v + " must be true or false");
        }
        return v.booleanValue();
    }

    private static KioskSettings.Language language(String key, JsonNode v) throws ConfigException {
        for (KioskSettings.Language l : KioskSettings.Language.values()) {
            if (v.isTextual() && l.code().equals(v.textValue())) {
                return l;
            }
        }
        throw invalid(key + " " + v + " must be \"fr\" or \"en\"");
    }

    private static List<String> strings(String key, JsonNode v) throws ConfigException {
        if (!v.isArray()) {
            throw invalid(key + " " + v + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw invalid(key + " item " + item + " must be a string");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static ConfigException invalid(String reason) {
        return new ConfigException(ConfigError.CONFIG_CONTENT_INVALID, reason);
    }
}
