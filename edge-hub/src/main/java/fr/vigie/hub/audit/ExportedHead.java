package fr.vigie.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The head of the audit chain as the hub exported it, outside the database, signed with its signing
 * key ({@link AuditAnchor}): the position of the last entry and its hash. A chain whose entry at
 * {@link #seq()} no longer has {@link #hash()}, or that ends before {@link #seq()}, was rewritten or
 * cut after the export, however consistently. Immutable.
 *
 * <p>Signed payload (JWS {@code typ} {@value #JWS_TYPE}):
 * {@code {"seq": 42, "hash": "<64 hex>", "exportedAt": "2025-06-01T08:00:00Z"}}.
 *
 * @param seq position of the last entry when exported (positive)
 * @param hash its hash, 64 lowercase hex digits
 * @param exportedAt when the hub exported it
 */
public record ExportedHead(long seq, String hash, Instant exportedAt) {
    /** The JWS {@code typ} of an exported head, so that nothing else the hub signs passes for one. */
    public static final String JWS_TYPE = "vigie-audit-head+jws";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> KEYS = Set.of("seq", "hash", "exportedAt");

    public ExportedHead {
        if (seq <= 0) {
            throw new IllegalArgumentException("seq must be positive, got " + seq);
        }
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash must be 64 lowercase hex digits");
        }
        Objects.requireNonNull(exportedAt, "exportedAt");
    }

    String toJson() {
        ObjectNode o = AuditLog.JSON.createObjectNode();
        o.put("seq", seq).put("hash", hash).put("exportedAt", exportedAt.toString());
        return o.toString();
    }

    /**
     * Reads a verified signed payload.
     *
     * @throws IllegalArgumentException when it is not an exported head
     */
    static ExportedHead fromJson(String json) {
        JsonNode o;
        try {
            o = AuditLog.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (o == null || !o.isObject() || o.size() != KEYS.size()) {
            throw new IllegalArgumentException("not an object with exactly " + KEYS);
        }
        o.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "'");
            }
        });
        if (!o.get("seq").isIntegralNumber() || !o.get("seq").canConvertToLong() || !o.get("hash").isTextual()
                || !o.get("exportedAt").isTextual()) {
            throw new IllegalArgumentException("seq must be a whole number, hash and exportedAt strings");
        }
        try {
            return new ExportedHead(o.get("seq").longValue(), o.get("hash").textValue(),
                    Instant.parse(o.get("exportedAt").textValue()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("exportedAt is not an ISO-8601 instant", e);
        }
    }
}
