package fr.vigie.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an audit entry and its hash. Stateless.
 *
 * <p>The canonical form is one line of JSON text, an array of eight values in this order, without
 * any space:
 *
 * <pre>
 * ["vigie-audit-1",SEQ,"RECORDED_AT","ACTOR","ACTION","SUBJECT",{"K1":"V1","K2":"V2"},"PREV_HASH"]
 * </pre>
 *
 * <ul>
 * <li>{@code SEQ}: the position, a decimal integer without sign or leading zeros;</li>
 * <li>{@code RECORDED_AT}: UTC, {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (always six fraction digits);</li>
 * <li>details: keys sorted by {@link String#compareTo} (UTF-16 code units), an empty object {@code {}}
 * when there are none;</li>
 * <li>every string is quoted with {@code "}; inside it {@code "} is written {@code \"}, {@code \} is
 * written {@code \\}, characters below U+0020 are written {@code \}{@code u00xx} (lowercase hex), and
 * every other character as itself;</li>
 * <li>{@code PREV_HASH}: the previous entry's hash, or 64 zeros for the first entry.</li>
 * </ul>
 *
 * The hash is the SHA-256 of the canonical form's UTF-8 bytes, as 64 lowercase hex digits. Since it
 * covers the position and the previous hash, changing, removing or moving an entry breaks the chain
 * at that position.
 */
final class AuditChain {
    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);
    private static final String FORMAT_TAG = "vigie-audit-1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** The precision the log keeps times at (PostgreSQL's timestamptz precision). */
    static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static String canonical(long seq, Instant recordedAt, String actor, String action, String subject,
            Map<String, String> details, String prevHash) {
        StringBuilder b = new StringBuilder(256).append('[');
        string(b, FORMAT_TAG).append(',').append(seq).append(',');
        string(b, TIME.format(truncate(recordedAt))).append(',');
        string(b, actor).append(',');
        string(b, action).append(',');
        string(b, subject).append(",{");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(details).entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey()).append(':');
            string(b, e.getValue());
        }
        b.append("},");
        return string(b, prevHash).append(']').toString();
    }

    static String hash(long seq, Instant recordedAt, String actor, String action, String subject,
            Map<String, String> details, String prevHash) {
        return sha256(canonical(seq, recordedAt, actor, action, subject, details, prevHash));
    }

    /** The hash {@code r} should have, recomputed from its content, at position {@code seq}. */
    static String hashAt(AuditRecord r, long seq) {
        return hash(seq, r.recordedAt(), r.actor(), r.action(), r.subject(), r.details(), r.prevHash());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }
}
