package fr.vigie.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestGateTest {
    @Test
    void theHostIsComparedWithoutPortCaseBracketsOrTrailingDot() {
        assertEquals("hub.chu-nord.local", RequestGate.hostName("Hub.CHU-Nord.local.:8080"));
        assertEquals("127.0.0.1", RequestGate.hostName("127.0.0.1"));
        assertEquals("0:0:0:0:0:0:0:1", RequestGate.hostName("[::1]:8080"));
        assertEquals("0:0:0:0:0:0:0:1", RequestGate.hostName("[0:0::1]"));
        assertNull(RequestGate.hostName(null));
        assertNull(RequestGate.hostName(" "));
        assertNull(RequestGate.hostName("::1"), "an IPv6 literal is bracketed in Host");
        assertNull(RequestGate.hostName("[::1]x"));
    }

    @Test
    void configuredNamesAreNormalisedTheSameWay() {
        assertEquals(Set.of("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "hub.local"),
                RequestGate.forHosts(List.of("LOCALHOST", "127.0.0.1", "::1", "hub.local.")).hosts());
        assertThrows(IllegalArgumentException.class, () -> RequestGate.forHosts(List.of()));
    }

    @Test
    void theMediaTypeIsReadWithoutItsParameters() {
        assertEquals("application/json", RequestGate.mediaType("Application/JSON; charset=UTF-8"));
        assertEquals("text/plain", RequestGate.mediaType("text/plain"));
        assertNull(RequestGate.mediaType(null));
        assertNull(RequestGate.mediaType(" ; charset=UTF-8"));
    }
}
