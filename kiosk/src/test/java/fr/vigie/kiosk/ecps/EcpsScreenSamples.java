package fr.vigie.kiosk.ecps;

import fr.vigie.kiosk.ui.Screen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-CPS screens (RPPS keypad, confirmation, wait, refusals, exercice choice) drawn with the models
 * {@link EcpsScreens} gives them and the longest words they show, for the screen-size tests: the states themselves
 * need the hub's Pro Santé Connect, which the system module's e-CPS tests drive.
 */
public final class EcpsScreenSamples {
    private EcpsScreenSamples() {
    }

    /** @return a name of each state (file names of the screenshots) and its screen */
    public static Map<String, Screen> all() {
        List<String> recent = List.of("10100000001", "10100000002");
        Map<String, Screen> all = new LinkedHashMap<>();
        all.put("ecps-identifier", Screen.of("ecps.identifier", "ecps/identifier.jte", new EcpsScreens.Identifier(null, List.of())));
        all.put("ecps-identifier-recent-error", Screen.of("ecps.identifier", "ecps/identifier.jte",
                new EcpsScreens.Identifier("ecps.identifier.error.rpps-key-mismatch", recent)));
        all.put("ecps-confirm", Screen.of("ecps.confirm", "ecps/confirm.jte", "10100000001"));
        all.put("ecps-connecting", Screen.of("ecps.connecting", "ecps/connecting.jte", null));
        all.put("ecps-refused-retry", Screen.of("ecps.refused.psc-subject-mismatch", "ecps/refused.jte",
                new EcpsScreens.Refused("psc-subject-mismatch", false)));
        all.put("ecps-refused-card", Screen.of("ecps.refused.hub-unreachable", "ecps/refused.jte",
                new EcpsScreens.Refused("hub-unreachable", true)));
        all.put("psc-exercice", Screen.of("psc.exercice", "ecps/exercice.jte", List.of(
                "Médecin — Centre hospitalier universitaire de Bordeaux, service de médecine interne",
                "Médecin — Cabinet médical des Quatre-Chemins, Pessac",
                "Médecin — Centre de santé municipal de Mérignac")));
        return all;
    }
}
