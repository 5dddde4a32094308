package fr.vigie.provisioning.enrolment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The JSON of the enrolment messages, written by one end and strictly read by the other: one
 * object, no duplicate or unknown keys, every required key present with the right JSON type, and
 * {@code "schema": 1}. Rejections are {@code ENROLMENT_MALFORMED} with a message naming the key
 * and the value. The first configuration inside a result is read by the protocol's codec.
 * Thread-safe.
 */
public final class EnrolmentJson {
    /** The schema version written and read. */
    public static final int SCHEMA_VERSION = 1;
    private static final int MAX_BYTES = 64 * 1024;

    private final ObjectMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private final ProtocolCodec codec = new ProtocolCodec();

    public byte[] encode(EnrolmentRequest r) {
        ObjectNode o = head(r.kiosk());
        o.put("csrPem", r.csrPem()).put("enrolmentCode", r.enrolmentCode());
        r.token().ifPresent(t -> o.put("bootstrapToken", t));
        return write(o);
    }

    public byte[] encode(EnrolmentDecision d) {
        ObjectNode o = head(d.kiosk());
        o.put("enrolmentCode", d.enrolmentCode()).put("verdict", d.verdict().name()).put("reason", d.reason())
                .put("decidedBy", d.decidedBy()).put("decidedAt", d.decidedAt().toString());
        return write(o);
    }

    public byte[] encode(EnrolmentResult r) {
        ObjectNode o = head(r.kiosk());
        o.put("certificateChainPem", r.certificateChainPem());
        try {
            o.set("firstConfig", mapper.readTree(codec.encode(r.firstConfig())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(o);
    }

    public EnrolmentRequest readRequest(byte[] json) throws ProvisioningException {
        JsonNode o = read(json, Set.of("schema", "site", "kioskId", "csrPem", "enrolmentCode", "bootstrapToken"));
        return build(() -> new EnrolmentRequest(kiosk(o), text(o, "csrPem"), text(o, "enrolmentCode"),
                o.has("bootstrapToken") ? text(o, "bootstrapToken") : null));
    }

    public EnrolmentDecision readDecision(byte[] json) throws ProvisioningException {
        JsonNode o = read(json, Set.of("schema", "site", "kioskId", "enrolmentCode", "verdict", "reason", "decidedBy",
                "decidedAt"));
        String verdict = text(o, "verdict");
        if (!verdict.equals("APPROVED") && !verdict.equals("REJECTED")) {
            throw malformed("key 'verdict' has value '" + verdict + "', expected APPROVED or REJECTED");
        }
        return build(() -> new EnrolmentDecision(kiosk(o), text(o, "enrolmentCode"),
                EnrolmentDecision.Verdict.valueOf(verdict), text(o, "reason"), text(o, "decidedBy"),
                instant(o, "decidedAt")));
    }

    public EnrolmentResult readResult(byte[] json) throws ProvisioningException {
        JsonNode o = read(json, Set.of("schema", "site", "kioskId", "certificateChainPem", "firstConfig"));
        JsonNode config = o.get("firstConfig");
        if (config == null || !config.isObject()) {
            throw malformed("key 'firstConfig' must be an object, got " + config);
        }
        ConfigBundle bundle;
        try {
            bundle = codec.decodeConfig(mapper.writeValueAsBytes(config));
        } catch (ProtocolException | JsonProcessingException e) {
            throw malformed("key 'firstConfig' is not a configuration bundle: " + e.getMessage());
        }
        return build(() -> new EnrolmentResult(kiosk(o), text(o, "certificateChainPem"), bundle));
    }

    private ObjectNode head(KioskAddress kiosk) {
        return mapper.createObjectNode().put("schema", SCHEMA_VERSION).put("site", kiosk.site())
                .put("kioskId", kiosk.kioskId());
    }

    private byte[] write(ObjectNode o) {
        try {
            return mapper.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(byte[] json, Set<String> allowed) throws ProvisioningException {
        if (json == null || json.length == 0 || json.length > MAX_BYTES) {
            throw malformed("message must be 1 to " + MAX_BYTES + " bytes");
        }
        JsonNode o;
        try {
            o = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("not valid JSON: " + e.getMessage());
        }
        if (o == null || !o.isObject()) {
            throw malformed("message must be one JSON object");
        }
        for (var it = o.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw malformed("key '" + key + "' is not part of the enrolment message");
            }
        }
        JsonNode schema = o.get("schema");
        if (schema == null || !schema.isInt() || schema.intValue() != SCHEMA_VERSION) {
            throw malformed("key 'schema' has value '" + schema + "', expected " + SCHEMA_VERSION);
        }
        return o;
    }

    private static KioskAddress kiosk(JsonNode o) throws ProvisioningException {
        String site = text(o, "site");
        String kioskId = text(o, "kioskId");
        if (!KioskAddress.isValidId(site) || !KioskAddress.isValidId(kioskId)) {
            throw malformed("keys 'site' and 'kioskId' have values '" + site + "' and '" + kioskId
                    + "', expected ids of [a-z0-9-]");
        }
        return KioskAddress.of(site, kioskId);
    }

    private static String text(JsonNode o, String key) throws ProvisioningException {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual()) {
            throw malformed("key '" + key + "' must be a string, got " + (v == null ? "nothing" : v.toString()));
        }
        return v.textValue();
    }

    private static Instant instant(JsonNode o, String key) throws ProvisioningException {
        String v = text(o, key);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw malformed("key '" + key + "' has value '" + v + "', expected an ISO-8601 instant");
        }
    }

    private interface Builder<T> {
        T build() throws ProvisioningException;
    }

    private static <T> T build(Builder<T> b) throws ProvisioningException {
        try {
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw malformed(e.getMessage());
        }
    }

    private static ProvisioningException malformed(String reason) {
        return new ProvisioningException(ProvisioningError.ENROLMENT_MALFORMED, reason);
    }
}
