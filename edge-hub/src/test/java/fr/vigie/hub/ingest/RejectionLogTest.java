package fr.vigie.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.db.WriteBatch;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RejectionLogTest {
    private static WriteBatch.Quarantined rejection(ProtocolError code) {
        return new WriteBatch.Quarantined("vigie/v1/s/k/event", code, "bad", 3, new byte[0], Instant.EPOCH);
    }

    @Test
    void floodOfOneCodeIsLoggedOncePerWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-31T08:00:00Z"));
        RejectionLog log = new RejectionLog(clock, Duration.ofSeconds(10), LoggerFactory.getLogger("test"));

        assertTrue(log.rejected(rejection(ProtocolError.MALFORMED_JSON)));
        assertFalse(log.rejected(rejection(ProtocolError.MALFORMED_JSON)));
        assertTrue(log.rejected(rejection(ProtocolError.TOPIC_MISMATCH)), "other codes have their own window");
        clock.advance(Duration.ofSeconds(10));
        assertTrue(log.rejected(rejection(ProtocolError.MALFORMED_JSON)));
    }

    @Test
    void printableRemovesControlCharactersAndCuts() {
        assertEquals("a?b", RejectionLog.printable("a\nb", 10));
        assertEquals("abc…", RejectionLog.printable("abcdef", 3));
    }

    @Test
    void quotedFragmentsOfTheMessageAreMaskedInTheLog() {
        assertEquals("not valid JSON: Unrecognized token '…': was expecting \"…\"",
                RejectionLog.withoutContent(ProtocolError.MALFORMED_JSON,
                        "not valid JSON: Unrecognized token 'NIR1850775123456': was expecting \"null\""));
        assertEquals("event type 'demo.x' is not part of the contract",
                RejectionLog.withoutContent(ProtocolError.UNKNOWN_EVENT_TYPE, "event type 'demo.x' is not part of the contract"));
        assertEquals("field 'seq' has the wrong type: from String \"…\"",
                RejectionLog.withoutContent(ProtocolError.INVALID_FIELD, "field 'seq' has the wrong type: from String \"12\""));
    }
}
