package fr.vigie.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The one place where settings written with the names of before the settings reference
 * ({@code {"idleLockSeconds": 120}}) become today's ({@code {"kiosk.session.idle-lock-seconds": 120}}): a
 * configuration a kiosk applied, or the hub stored, before the upgrade still loads. Only configurations already
 * signed or stored go through here; what IT sends today must use today's names (the hub's API refuses a former
 * name, naming the new one).
 */
final class LegacySettingNames {
    private LegacySettingNames() {
    }

    /** {@code settings} with every former name replaced by its name now; the same node when it has none. */
    static JsonNode convert(JsonNode settings) {
        if (settings == null || !settings.isObject()) {
            return settings;
        }
        boolean legacy = false;
        for (var it = settings.fieldNames(); it.hasNext();) {
            legacy |= KioskFleetSettings.FORMER_NAMES.containsKey(it.next());
        }
        if (!legacy) {
            return settings;
        }
        ObjectNode out = SettingsJson.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> e : settings.properties()) {
            Setting now = KioskFleetSettings.FORMER_NAMES.get(e.getKey());
            String key = now == null ? e.getKey() : now.key();
            if (out.has(key)) {
                // both names of one setting: keep both visible so the strict reading refuses it
                out.set(e.getKey(), e.getValue());
            } else {
                out.set(key, e.getValue());
            }
        }
        return out;
    }
}
