package fr.vigie.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventQueryParamsTest {

    private static EventQueryParams parse(String... pairs) throws BadRequest {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return EventQueryParams.parse(query);
    }

    private static void assertRejected(String parameter, String... pairs) {
        BadRequest e = assertThrows(BadRequest.class, () -> parse(pairs));
        assertEquals(parameter, e.parameter(), e.getMessage());
    }

    @Test
    void noParametersReadsFromTheStartOneHundredAtATime() throws Exception {
        EventQueryParams p = parse();

        assertEquals(0, p.filter().afterOrder());
        assertEquals(100, p.filter().limit());
        assertNull(p.filter().site());
        assertNull(p.afterEventId());
    }

    @Test
    void everyFilterIsTaken() throws Exception {
        EventQueryParams p = parse("site", "chu-nord", "kiosk", "kiosk-001", "type", "demo.activity",
                "from", "2025-03-31T08:00:00Z", "to", "2025-03-31T09:00:00+01:00", "limit", "1000", "after", "42");

        assertEquals("chu-nord", p.filter().site());
        assertEquals("kiosk-001", p.filter().kioskId());
        assertEquals("demo.activity", p.filter().type());
        assertEquals(Instant.parse("2025-03-31T08:00:00Z"), p.filter().from());
        assertEquals(Instant.parse("2025-03-31T08:00:00Z"), p.filter().to());
        assertEquals(1000, p.filter().limit());
        assertEquals(42, p.filter().afterOrder());
    }

    @Test
    void afterMayBeAnEventId() throws Exception {
        UUID id = UUID.fromString("01962f1c-9a3b-7cde-8f01-23456789abcd");

        assertEquals(id, parse("after", id.toString()).afterEventId());
    }

    @Test
    void badValuesAreRejectedNamingTheParameter() {
        assertRejected("limit", "limit", "0");
        assertRejected("limit", "limit", "1001");
        assertRejected("limit", "limit", "ten");
        assertRejected("from", "from", "yesterday");
        assertRejected("to", "to", "2025-13-01T00:00:00Z");
        assertRejected("to", "from", "2025-03-31T09:00:00Z", "to", "2025-03-31T08:00:00Z");
        assertRejected("kiosk", "kiosk", "Kiosk_1");
        assertRejected("site", "site", "a/b");
        assertRejected("type", "type", "demo.nope");
        assertRejected("after", "after", "not-a-cursor");
        assertRejected("kioskId", "kioskId", "kiosk-001");
        assertRejected("limit", "limit", "1", "limit", "2");
    }

    @Test
    void echoedValuesAreShortAndPrintable() {
        BadRequest e = assertThrows(BadRequest.class, () -> parse("from", "x".repeat(500) + "\n"));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
