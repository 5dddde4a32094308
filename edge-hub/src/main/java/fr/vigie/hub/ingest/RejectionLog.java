package fr.vigie.hub.ingest;

import fr.vigie.hub.db.WriteBatch;
import fr.vigie.protocol.ProtocolError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * Logs rejected messages once each, without their content: topic, size, code and reason (quoted
 * message fragments masked, control characters removed, cut short). Under a flood it logs at most one line per code per window and says
 * how many it left out. Thread-safe; the window follows the injected clock.
 */
final class RejectionLog {
    private static final int MAX_REASON = 300;
    private static final int MAX_TOPIC = 160;
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'[^']*'");

    private final Clock clock;
    private final Duration window;
    private final Logger log;
    private final Map<ProtocolError, Instant> lastLogged = new EnumMap<>(ProtocolError.class);
    private final Map<ProtocolError, Integer> suppressed = new EnumMap<>(ProtocolError.class);

    RejectionLog(Clock clock, Duration window, Logger log) {
        this.clock = clock;
        this.window = window;
        this.log = log;
    }

    /** Records one rejection; returns whether a line was logged. */
    synchronized boolean rejected(WriteBatch.Quarantined q) {
        Instant now = clock.instant();
        Instant last = lastLogged.get(q.code());
        if (last != null && now.isBefore(last.plus(window))) {
            suppressed.merge(q.code(), 1, Integer::sum);
            return false;
        }
        int left = suppressed.getOrDefault(q.code(), 0);
        suppressed.remove(q.code());
        lastLogged.put(q.code(), now);
        log.warn("rejected message {} on topic '{}' ({} bytes, quarantined): {}{}", q.code(),
                printable(q.topic(), MAX_TOPIC), q.sizeBytes(), printable(withoutContent(q.code(), q.reason()), MAX_REASON),
                left > 0 ? " [" + left + " more " + q.code() + " rejections not logged]" : "");
        return true;
    }

    /**
     * The reason without the fragments of the message it may quote: the JSON parser echoes tokens of a
     * malformed message ({@code Unrecognized token 'abc'}) and values in double quotes. The full reason
     * stays in the quarantine table.
     */
    static String withoutContent(ProtocolError code, String reason) {
        String masked = DOUBLE_QUOTED.matcher(reason).replaceAll("\"…\"");
        return code == ProtocolError.MALFORMED_JSON ? SINGLE_QUOTED.matcher(masked).replaceAll("'…'") : masked;
    }

    /** Text made safe for one log line: control characters replaced, cut to {@code max} characters. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > max) {
            out.append('…');
        }
        return out.toString();
    }
}
