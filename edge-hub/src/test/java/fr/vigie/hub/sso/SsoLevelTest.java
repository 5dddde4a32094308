package fr.vigie.hub.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The authentication levels applications read in {@code acr}, and what IT may register. */
class SsoLevelTest {

    @Test
    void twoFactorLevelsRankAboveATapAndAlike() {
        assertTrue(SsoLevel.CARD_PIN.satisfies(SsoLevel.PSC_ECPS));
        assertTrue(SsoLevel.PSC_ECPS.satisfies(SsoLevel.CARD_PIN));
        assertTrue(SsoLevel.CARD_PIN.satisfies(SsoLevel.CONTACTLESS_TAP));
        assertFalse(SsoLevel.CONTACTLESS_TAP.satisfies(SsoLevel.CARD_PIN));
        assertFalse(SsoLevel.CONTACTLESS_TAP.satisfies(SsoLevel.PSC_ECPS));
    }

    @Test
    void acrValuesAreReadByTheirPublishedNamesAndTheWeakestKnownOneCounts() {
        assertEquals(Optional.of(SsoLevel.PSC_ECPS), SsoLevel.byAcr("eidas1"));
        assertEquals(Optional.of(SsoLevel.CARD_PIN), SsoLevel.byAcr("urn:vigie:acr:cps-pin"));
        assertEquals(Optional.empty(), SsoLevel.byAcr("urn:other:loa:3"));
        assertEquals(Optional.of(SsoLevel.CONTACTLESS_TAP), SsoLevel.weakestOf(List.of("urn:vigie:acr:cps-pin",
                "urn:vigie:acr:cps-tap")));
        assertEquals(Optional.empty(), SsoLevel.weakestOf(List.of("urn:other:loa:3")));
        assertEquals(List.of("sc", "pin", "mfa"), SsoLevel.CARD_PIN.amr());
    }

    @Test
    void aClientRedirectsOnlyToHttpsOrLoopbackHttpAndComparesExactly() {
        SsoClient c = client(List.of(URI.create("https://dpi.chu-nord.local/cb")));
        assertTrue(c.redirectsTo("https://dpi.chu-nord.local/cb"));
        assertFalse(c.redirectsTo("https://dpi.chu-nord.local/cb/"));
        assertFalse(c.redirectsTo("https://DPI.chu-nord.local/cb"));
        assertThrows(IllegalArgumentException.class, () -> client(List.of(URI.create("http://dpi.chu-nord.local/cb"))));
        assertThrows(IllegalArgumentException.class, () -> client(List.of(URI.create("https://dpi/cb#x"))));
        assertThrows(IllegalArgumentException.class, () -> client(List.of()));
        client(List.of(URI.create("http://127.0.0.1:8080/cb")));
    }

    private static SsoClient client(List<URI> redirects) {
        return new SsoClient("dpi", "Dossier patient", redirects, SsoLevel.CARD_PIN,
                SsoClient.AuthMethod.CLIENT_SECRET_BASIC, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of());
    }
}
