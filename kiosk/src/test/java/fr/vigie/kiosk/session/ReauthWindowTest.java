package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReauthWindowTest {
    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");
    private final ReauthWindow window = new ReauthWindow(Duration.ofMinutes(10));

    @Test
    void aTapIsInsideTheWindowUpToItsLastInstantAfterTheCardAndPinSignIn() {
        assertFalse(window.open("810001234565", T), "never signed in here");

        window.pinSignIn("810001234565", T);

        assertTrue(window.open("810001234565", T.plus(Duration.ofMinutes(10))));
        assertFalse(window.open("810001234565", T.plus(Duration.ofMinutes(10)).plusNanos(1)));
        assertFalse(window.open("810009876540", T), "another clinician's window is their own");
    }

    @Test
    void aNewCardAndPinSignInStartsTheWindowAgainAndClosingItEndsIt() {
        window.pinSignIn("810001234565", T);
        window.pinSignIn("810001234565", T.plus(Duration.ofMinutes(8)));
        assertTrue(window.open("810001234565", T.plus(Duration.ofMinutes(15))));

        window.close("810001234565");

        assertFalse(window.open("810001234565", T.plus(Duration.ofMinutes(9))));
    }

    @Test
    void signInsOfOthersDoNotShortenAWindowStillOpen() {
        window.pinSignIn("810001234565", T);
        window.pinSignIn("810009876540", T.plus(Duration.ofMinutes(9)));

        assertTrue(window.open("810001234565", T.plus(Duration.ofMinutes(10))));
    }
}
