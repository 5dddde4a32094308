package fr.vigie.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdTest {

    @Test
    void canonicalTextParsesBackToTheSameId() {
        String text = "01958f4c-3b2d-7a10-8c3e-1234567890ab";

        EventId id = EventId.parse(text);

        assertEquals(text, id.toString());
        assertEquals(0x01958f4c3b2dL, id.epochMillis());
    }

    @Test
    void version4UuidIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EventId(Samples.uuidVersion4()));

        assertTrue(e.getMessage().startsWith("event id must be a UUID version 7"), e.getMessage());
    }

    @Test
    void uuidWithTheWrongVariantIsRefused() {
        UUID ncsVariant = new UUID(0x01958f4c3b2d7a10L, 0x0c3e1234567890abL);

        assertThrows(IllegalArgumentException.class, () -> new EventId(ncsVariant));
    }

    @Test
    void nonCanonicalTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventId.parse("01958F4C-3B2D-7A10-8C3E-1234567890AB"));
        assertThrows(IllegalArgumentException.class, () -> EventId.parse("1958f4c-3b2d-7a10-8c3e-1234567890ab0"));
        assertThrows(IllegalArgumentException.class, () -> EventId.parse("01958f4c3b2d7a108c3e1234567890ab"));
        assertThrows(IllegalArgumentException.class, () -> EventId.parse(null));
    }

    @Test
    void idsCompareUnsignedSoTheRandomTailNeverReversesTheOrder() {
        EventId low = new EventId(new UUID(0x01958f4c3b2d7a10L, 0x8000000000000001L));
        EventId high = new EventId(new UUID(0x01958f4c3b2d7a10L, 0xBFFFFFFFFFFFFFFFL));

        assertTrue(low.compareTo(high) < 0);
        assertTrue(high.compareTo(low) > 0);
        assertEquals(0, low.compareTo(new EventId(low.uuid())));
    }
}
