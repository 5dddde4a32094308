package fr.vigie.kiosk.psc;

import java.util.Map;

/**
 * The words of the ANS nomenclature of health professions, TRE_G15-ProfessionSante (OID
 * {@code 1.2.250.1.71.1.2.7}), whose codes Pro Santé Connect gives as {@code codeProfession} of each
 * exercice: what a clinician reads on the kiosk instead of "10". Labels as the ANS publishes them
 * (CodeSystem version 20250328120000, "Terminologies de Santé"), all codes of that version, including
 * the ones it marks deprecated (35 to 39, 93), which older directory records may still carry. A code not
 * in the nomenclature is shown as it came. Stateless.
 *
 * <pre>{@code
 * ProfessionSante.label("60");   // "Infirmier"
 * ProfessionSante.label("77");   // "77" (unknown: kept)
 * }</pre>
 */
public final class ProfessionSante {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("10", "Médecin"),
            Map.entry("21", "Pharmacien"),
            Map.entry("26", "Audioprothésiste"),
            Map.entry("28", "Opticien-Lunetier"),
            Map.entry("31", "Assistant dentaire"),
            Map.entry("32", "Physicien médical"),
            Map.entry("35", "Aide-soignant"),
            Map.entry("36", "Ambulancier"),
            Map.entry("37", "Auxiliaire de puériculture"),
            Map.entry("38", "Préparateur en pharmacie hospitalière"),
            Map.entry("39", "Préparateur en pharmacie (officine)"),
            Map.entry("40", "Chirurgien-Dentiste"),
            Map.entry("50", "Sage-Femme"),
            Map.entry("60", "Infirmier"),
            Map.entry("69", "Infirmier psychiatrique"),
            Map.entry("70", "Masseur-Kinésithérapeute"),
            Map.entry("80", "Pédicure-Podologue"),
            Map.entry("81", "Orthoprothésiste"),
            Map.entry("82", "Podo-Orthésiste"),
            Map.entry("83", "Orthopédiste-Orthésiste"),
            Map.entry("84", "Oculariste"),
            Map.entry("85", "Epithésiste"),
            Map.entry("86", "Technicien de laboratoire médical"),
            Map.entry("91", "Orthophoniste"),
            Map.entry("92", "Orthoptiste"),
            Map.entry("93", "Psychologue"),
            Map.entry("94", "Ergothérapeute"),
            Map.entry("95", "Diététicien"),
            Map.entry("96", "Psychomotricien"),
            Map.entry("98", "Manipulateur ERM"));

    private ProfessionSante() {
    }

    /** The profession's label for {@code code}, or {@code code} itself (stripped) when the nomenclature lacks it. */
    public static String label(String code) {
        String c = code == null ? "" : code.strip();
        return LABELS.getOrDefault(c, c);
    }
}
