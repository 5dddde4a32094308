package fr.vigie.hub.gam;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.util.Terser;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The GAM's acknowledgement of one message (HL7 original mode, MSA), read with HAPI. Immutable.
 *
 * @param code MSA-1: {@code AA} accepted; {@code AE} error or {@code AR} rejected (and the enhanced-mode
 *        {@code CA}/{@code CE}/{@code CR})
 * @param text what the GAM said about a refusal: MSA-3, ERR-8 (user message), ERR-7 (diagnostics) and the text of
 *        ERR-3, joined; empty when none
 */
record Ack(String code, String text) {
    /** Longest text kept. */
    static final int MAX_TEXT = 500;

    Ack {
        Objects.requireNonNull(code, "code");
        text = Objects.requireNonNullElse(text, "");
    }

    /** Whether the GAM took the message ({@code AA}, {@code CA}). */
    boolean accepted() {
        return code.equals("AA") || code.equals("CA");
    }

    /**
     * Reads an acknowledgement of the message {@code controlId}.
     *
     * @throws UnreadableAck when it is not an HL7 message, has no MSA, acknowledges another message, or carries an
     *     acknowledgement code HL7 does not define: the exchange is then treated as failed, and the message sent again
     */
    static Ack read(String er7, String controlId, Parser parser) throws UnreadableAck {
        Message m;
        try {
            m = parser.parse(er7);
        } catch (HL7Exception | RuntimeException e) {
            throw new UnreadableAck("the answer is not an HL7 message: " + e.getMessage());
        }
        Terser t = new Terser(m);
        try {
            String code = Objects.requireNonNullElse(t.get("/MSA-1"), "").strip().toUpperCase(Locale.ROOT);
            String about = Objects.requireNonNullElse(t.get("/MSA-2"), "").strip();
            if (!Set.of("AA", "AE", "AR", "CA", "CE", "CR").contains(code)) {
                throw new UnreadableAck("the answer's MSA-1 is '" + code + "', not an acknowledgement code");
            }
            if (!about.equals(controlId)) {
                throw new UnreadableAck("the answer acknowledges message '" + about + "', not '" + controlId + "'");
            }
            Set<String> parts = new LinkedHashSet<>();
            add(parts, t, "/MSA-3");
            add(parts, t, "/ERR-8");
            add(parts, t, "/ERR-7");
            add(parts, t, "/ERR-3-2");
            add(parts, t, "/ERR-3-1");
            String text = String.join(" – ", parts);
            return new Ack(code, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
        } catch (HL7Exception | RuntimeException e) {
            throw new UnreadableAck("the answer is not an acknowledgement: " + e.getMessage());
        }
    }

    private static void add(Set<String> parts, Terser t, String path) {
        try {
            String v = t.get(path);
            if (v != null && !v.isBlank()) {
                parts.add(v.strip());
            }
        } catch (HL7Exception | RuntimeException e) {
            // no such segment in this answer
        }
    }

    /** An answer that is not a usable acknowledgement of the message sent. */
    static final class UnreadableAck extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableAck(String message) {
            super(message);
        }
    }
}
