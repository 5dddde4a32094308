package fr.vigie.kiosk.session.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.kiosk.session.PscView;
import fr.vigie.kiosk.session.SessionAuthentication;
import fr.vigie.kiosk.session.SessionReason;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionView;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class SessionScreensTest {
    @Test
    void aRefusedCertificateIsExplainedByWhatTheCheckSaid() {
        assertEquals("session.refused.revoked", SessionScreens.certificateRefusal("certificate revoked on 2026-11-02"));
        assertEquals("session.refused.revoked", SessionScreens.certificateRefusal("REVOCATION: on the CRL"));
        assertEquals("session.refused.expired", SessionScreens.certificateRefusal("certificate outside its validity dates"));
        assertEquals("session.refused.expired", SessionScreens.certificateRefusal("certificate expired"));
        assertEquals("session.refused.untrusted", SessionScreens.certificateRefusal("no path to a trusted anchor"));
        assertEquals("session.refused.untrusted", SessionScreens.certificateRefusal(null));
    }

    @Test
    void theRegisterOfANationalIdComesFromItsPrefix() {
        assertEquals("RPPS", SessionScreens.idKind("810001234567"));
        assertEquals("ADELI", SessionScreens.idKind("0751234567"));
        assertNull(SessionScreens.idKind("3123456789"));
    }

    @Test
    void anEcpsSessionIsNotToldThatRemovingACardLocksIt() {
        CpsCredential martin = TestIgcSante.shared().issuePersonne("810001234565", "MARTIN", "Claire");
        CpsHolder holder = new CpsHolder(martin.idNatPs(), "MARTIN", "Claire", martin.certificate());
        SessionView card = new SessionView(SessionState.OPEN, "s1", holder, SessionReason.PIN_OK, -1, null,
                martin.idNatPs(), PscView.NONE, SessionAuthentication.CARD_PIN, null, null);
        SessionView phone = new SessionView(SessionState.OPEN, "s2", null, SessionReason.ECPS_APPROVED, -1, null,
                "810099900028", PscView.NONE, SessionAuthentication.ECPS, null, null);

        assertEquals("session.open.lock-hint", SessionScreens.lockHint(card));
        assertEquals("session.open.lock-hint-ecps", SessionScreens.lockHint(phone));
        for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            ResourceBundle words = ResourceBundle.getBundle("i18n.session", locale);
            String ecps = words.getString("session.open.lock-hint-ecps");
            String cardHint = words.getString("session.open.lock-hint");
            assertTrue(cardHint.contains(locale == Locale.FRENCH ? "carte" : "card"), cardHint);
            assertFalse(ecps.contains(locale == Locale.FRENCH ? "retirez votre carte" : "remove your card"), ecps);
            assertTrue(ecps.contains(words.getString("session.open.logout")), "names the sign-out button: " + ecps);
        }
    }

    @Test
    void theTimeLeftWaitingForPscIsShownInWholeSecondsRoundedUp() {
        assertEquals(new SessionScreens.Wait(2, 0), SessionScreens.Wait.of(Duration.ofSeconds(120)));
        assertEquals(new SessionScreens.Wait(1, 15), SessionScreens.Wait.of(Duration.ofSeconds(75)));
        assertEquals(new SessionScreens.Wait(0, 1), SessionScreens.Wait.of(Duration.ofMillis(400)), "not yet over");
        assertEquals(new SessionScreens.Wait(0, 0), SessionScreens.Wait.of(Duration.ZERO));
    }
}
