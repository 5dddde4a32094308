package fr.vigie.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.protocol.KioskAddress;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The signed payload of a configuration bundle:
 * {@code {"site", "kioskId", "version", "issuedAt", "settings": {...}}}. Everything the kiosk acts
 * on comes from here, never from the unsigned envelope.
 */
record BundlePayload(KioskAddress kiosk, long version, Instant issuedAt, JsonNode settings) {
    /** The JWS {@code typ} of a Vigie configuration, so that no other signed object passes for one. */
    static final String TYPE = "vigie-config+jws";
    private static final Set<String> KEYS = Set.of("site", "kioskId", "version", "issuedAt", "settings");

    static String write(KioskAddress kiosk, long version, Instant issuedAt, KioskSettings settings) {
        ObjectNode o = SettingsJson.MAPPER.createObjectNode();
        o.put("site", kiosk.site()).put("kioskId", kiosk.kioskId()).put("version", version)
                .put("issuedAt", issuedAt.toString()).set("settings", SettingsJson.tree(settings));
        try {
            return SettingsJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BundlePayload read(String json) throws ConfigException {
        JsonNode o;
        try {
            o = SettingsJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("signed payload is not valid JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw malformed("signed payload must be a JSON object");
        }
        for (var it = o.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw malformed("signed payload has unknown key '" + key + "'");
            }
        }
        JsonNode site = o.get("site");
        JsonNode kioskId = o.get("kioskId");
        JsonNode version = o.get("version");
        JsonNode issuedAt = o.get("issuedAt");
        if (site == null || !KioskAddress.isValidId(site.textValue()) || kioskId == null
                || !KioskAddress.isValidId(kioskId.textValue())) {
            throw malformed("signed payload must name a site and a kioskId, got " + site + " and " + kioskId);
        }
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() <= 0) {
            throw malformed("signed payload version " + version + " must be a positive whole number");
        }
        if (!o.has("settings")) {
            throw malformed("signed payload has no settings");
        }
        try {
            return new BundlePayload(KioskAddress.of(site.textValue(), kioskId.textValue()), version.longValue(),
                    Instant.parse(issuedAt == null ? "" : issuedAt.asText()), o.get("settings"));
        } catch (DateTimeParseException e) {
            throw malformed("signed payload issuedAt " + issuedAt + " must be an ISO-8601 instant");
        }
    }

    private static ConfigException malformed(String reason) {
        return new ConfigException(ConfigError.CONFIG_MALFORMED, reason);
    }
}
