package fr.vigie.hub.insi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InsiSettingsTest {
    private static final URI ENDPOINT = URI.create("https://insi.test/ICIR-v1");

    @Test
    void plainHttpEndpointIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InsiSettings.defaults(URI.create("http://insi.test/x"), "E1", "IDAM"));
        assertTrue(e.getMessage().startsWith("hub.insi.endpoint"), e.getMessage());
    }

    @Test
    void unboundedRetriesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InsiSettings.defaults(ENDPOINT, "E1", "IDAM").withRetries(10, Duration.ofMillis(100)));
        assertTrue(e.getMessage().startsWith("hub.insi.max-attempts"), e.getMessage());
    }

    @Test
    void emitterWithMarkupIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InsiSettings.defaults(ENDPOINT, "<x/>", "IDAM"));
    }
}
