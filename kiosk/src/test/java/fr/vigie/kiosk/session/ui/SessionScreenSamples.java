package fr.vigie.kiosk.session.ui;

import fr.vigie.kiosk.ui.Screen;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in screens a station without Pro Santé Connect cannot reach (e-CPS offered on the idle screen, a session
 * connected to PSC with its exercice, an e-CPS session without a card) and the passing ones (card being read,
 * verifying), drawn with the models {@link SessionScreens} gives them, for the screen-size tests.
 */
public final class SessionScreenSamples {
    private SessionScreenSamples() {
    }

    /** @return a name of each state (file names of the screenshots) and its screen */
    public static Map<String, Screen> all() {
        Map<String, Screen> all = new LinkedHashMap<>();
        all.put("session-idle-ecps", Screen.of("session.idle", "session/ui/idle.jte",
                new SessionScreens.Idle("session.idle.grace-expired", true)));
        all.put("session-card", Screen.of("session.card", "session/ui/card.jte", "Marie-Christine DE LA FONTAINE-DUVAL"));
        all.put("session-verifying", Screen.of("session.verifying", "session/ui/verifying.jte", null));
        all.put("session-open-psc", Screen.of("session.open", "session/ui/open.jte", new SessionScreens.Open(
                "Marie-Christine DE LA FONTAINE-DUVAL", "810100000001", "RPPS",
                "Médecin — Centre hospitalier universitaire de Bordeaux, service de médecine interne",
                "session.open.psc.not-connected", null, "session.open.lock-hint")));
        all.put("session-open-psc-waiting", Screen.of("session.open", "session/ui/open.jte", new SessionScreens.Open(
                "Marie-Christine DE LA FONTAINE-DUVAL", "810100000001", "RPPS",
                "Médecin — Centre hospitalier universitaire de Bordeaux, service de médecine interne",
                "session.open.psc.waiting", new SessionScreens.Wait(1, 15), "session.open.lock-hint")));
        all.put("session-open-ecps", Screen.of("session.open", "session/ui/open.jte", new SessionScreens.Open(
                "Marie-Christine DE LA FONTAINE-DUVAL", "810100000001", "RPPS", "Infirmier — Clinique des Cèdres",
                "session.open.psc.connected", null, "session.open.lock-hint-ecps")));
        return all;
    }
}
