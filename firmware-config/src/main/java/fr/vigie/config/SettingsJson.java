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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON for {@link KioskSettings}, by the dotted names of {@link KioskFleetSettings}: every rejection
 * names the setting and the value and carries a {@link SettingProblem}.
 */
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
        o.put(KioskFleetSettings.HEARTBEAT.key(), s.heartbeatSeconds())
                .put(KioskFleetSettings.PIN_ENTRY.key(), s.pinEntryTimeoutSeconds())
                .put(KioskFleetSettings.IDLE_LOCK.key(), s.idleLockSeconds())
                .put(KioskFleetSettings.PRESENCE_LOCK.key(), s.presenceLockSeconds())
                .put(KioskFleetSettings.REAUTH_WINDOW.key(), s.reauthWindowSeconds())
                .put(KioskFleetSettings.LOCK_GRACE.key(), s.lockGraceSeconds())
                .put(KioskFleetSettings.LANGUAGE.key(), s.language().code())
                .put(KioskFleetSettings.INSI.key(), s.insiEnabled())
                .put(KioskFleetSettings.PSC.key(), s.pscEnabled());
        ArrayNode anchors = o.putArray(KioskFleetSettings.TRUSTED_FINGERPRINTS.key());
        s.trustedAnchors().forEach(anchors::add);
        return o;
    }

    static KioskSettings read(byte[] json, boolean stored) throws ConfigException {
        if (json == null || json.length == 0 || json.length > MAX_BYTES) {
            throw invalid("settings must be 1 to " + MAX_BYTES + " bytes of JSON");
        }
        try {
            return read(MAPPER.readTree(json), stored);
        } catch (JsonProcessingException e) {
            throw invalid("settings are not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("settings are not valid JSON: " + e.getMessage());
        }
    }

    /**
     * @param stored whether these settings were stored or signed by Vigie itself, and may use the former names
     *     ({@link LegacySettingNames}); settings from IT must use today's names
     */
    static KioskSettings read(JsonNode node, boolean stored) throws ConfigException {
        if (node == null || !node.isObject()) {
            throw invalid("settings must be a JSON object, got " + node);
        }
        if (stored) {
            node = LegacySettingNames.convert(node);
        }
        Map<String, JsonNode> given = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            Setting former = KioskFleetSettings.FORMER_NAMES.get(key);
            if (former != null) {
                throw new ConfigException(new SettingProblem(SettingProblem.Kind.RENAMED, key, e.getValue().toString(),
                        java.util.Optional.of(former.key())), "setting '" + key + "' is now called '" + former.key()
                        + "' (see docs/SETTINGS.md)");
            }
            if (KioskFleetSettings.ALL.stream().noneMatch(s -> s.key().equals(key))) {
                boolean local = key.startsWith("kiosk.");
                throw new ConfigException(new SettingProblem(SettingProblem.Kind.UNKNOWN, key, e.getValue().toString()),
                        "unknown setting '" + key + "' with value " + e.getValue() + (local
                                ? " (a rollout carries only the fleet settings of docs/SETTINGS.md)" : ""));
            }
            given.put(key, e.getValue());
        }
        KioskSettings d = KioskSettings.defaults();
        try {
            return new KioskSettings(
                    integer(given, KioskFleetSettings.HEARTBEAT, d.heartbeatSeconds()),
                    integer(given, KioskFleetSettings.IDLE_LOCK, d.idleLockSeconds()),
                    integer(given, KioskFleetSettings.REAUTH_WINDOW, d.reauthWindowSeconds()),
                    integer(given, KioskFleetSettings.PRESENCE_LOCK, d.presenceLockSeconds()),
                    integer(given, KioskFleetSettings.PIN_ENTRY, d.pinEntryTimeoutSeconds()),
                    language(given, d.language()),
                    bool(given, KioskFleetSettings.INSI, d.insiEnabled()),
                    bool(given, KioskFleetSettings.PSC, d.pscEnabled()),
                    strings(given, KioskFleetSettings.TRUSTED_FINGERPRINTS, d.trustedAnchors()),
                    integer(given, KioskFleetSettings.LOCK_GRACE, d.lockGraceSeconds()));
        } catch (KioskSettings.Invalid e) {
            throw new ConfigException(e.problem, e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(e.getMessage());
        }
    }

    private static int integer(Map<String, JsonNode> given, Setting s, int dflt) throws ConfigException {
        JsonNode v = given.get(s.key());
        if (v == null) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(s, v, "must be a whole number");
        }
        return v.intValue();
    }

    private static boolean bool(Map<String, JsonNode> given, Setting s, boolean dflt) throws ConfigException {
        JsonNode v = given.get(s.key());
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw wrongType(s, v, "must be true or false");
        }
        return v.booleanValue();
    }

    private static KioskSettings.Language language(Map<String, JsonNode> given, KioskSettings.Language dflt)
            throws ConfigException {
        Setting s = KioskFleetSettings.LANGUAGE;
        JsonNode v = given.get(s.key());
        if (v == null) {
            return dflt;
        }
        for (KioskSettings.Language l : KioskSettings.Language.values()) {
            if (v.isTextual() && l.code().equals(v.textValue())) {
                return l;
            }
        }
        throw new ConfigException(new SettingProblem(SettingProblem.Kind.NOT_ALLOWED, s.key(), v.toString()),
                s.key() + " " + v + " must be one of " + s.bounds());
    }

    private static List<String> strings(Map<String, JsonNode> given, Setting s, List<String> dflt)
            throws ConfigException {
        JsonNode v = given.get(s.key());
        if (v == null) {
            return dflt;
        }
        if (!v.isArray()) {
            throw wrongType(s, v, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw wrongType(s, item, "item must be a string");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static ConfigException wrongType(Setting s, JsonNode v, String rule) {
        return new ConfigException(new SettingProblem(SettingProblem.Kind.WRONG_TYPE, s.key(), v.toString()),
                s.key() + " " + v + " " + rule);
    }

    private static ConfigException invalid(String reason) {
        return new ConfigException(ConfigError.CONFIG_CONTENT_INVALID, reason);
    }
}
