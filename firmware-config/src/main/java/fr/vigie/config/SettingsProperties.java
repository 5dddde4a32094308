package fr.vigie.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet settings as a kiosk's local properties file writes them ({@code kiosk.session.idle-lock-seconds=300},
 * lists separated by commas), read through the same strict reading as a rollout so that both have one set of
 * bounds and defaults. Keys other than the fleet settings are left to the caller.
 */
final class SettingsProperties {
    private SettingsProperties() {
    }

    static KioskSettings read(Map<String, String> raw) throws ConfigException {
        ObjectNode o = SettingsJson.MAPPER.createObjectNode();
        for (Setting s : KioskFleetSettings.ALL) {
            String v = raw.get(s.key());
            if (v == null) {
                continue;
            }
            String value = v.trim();
            switch (s.type()) {
                case INTEGER -> {
                    try {
                        o.put(s.key(), Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        o.put(s.key(), value);
                    }
                }
                case BOOLEAN -> {
                    String b = value.toLowerCase(Locale.ROOT);
                    if (b.equals("true") || b.equals("false")) {
                        o.put(s.key(), Boolean.parseBoolean(b));
                    } else {
                        o.put(s.key(), value);
                    }
                }
                case LIST -> {
                    ArrayNode a = o.putArray(s.key());
                    for (String item : value.isEmpty() ? new String[0] : value.split(",")) {
                        a.add(item.trim());
                    }
                }
                default -> o.put(s.key(), value.toLowerCase(Locale.ROOT));
            }
        }
        return SettingsJson.read(o, false);
    }
}
