package fr.vigie.kiosk.admission;

import fr.vigie.hardware.card.VitaleBirthDate;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenTexts;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Draws an {@link AdmissionView} with the templates {@code admission/*.jte} ({@code screen.jte} around the
 * page's own): every text is a bundle key, every value read or typed is escaped by the template engine. The
 * helpers here are what the templates compute: which words explain a code, how a trait value reads.
 * Stateless.
 */
final class AdmissionRender {
    private static final ResourceBundle KEYS = ResourceBundle.getBundle("i18n.admission", Locale.FRENCH);

    /** What {@code admission/screen.jte} draws: the view and the agent signed in. */
    record Page(AdmissionView view, String agent) {
    }

    private AdmissionRender() {
    }

    /** @return the screen of {@code v} for {@code agent} (the name of the clinician signed in) */
    static Screen screen(AdmissionView v, String agent) {
        return Screen.of(v.screenId(), "admission/screen.jte", new Page(v, agent));
    }

    /**
     * A trait value as an agent reads it: "Féminin", "20/11/1990", "code commune 75056" (Vigie holds no list
     * of commune names: the INSEE code is named for what it is), "code pays 99243", "—" when unknown.
     */
    static String shown(ScreenTexts t, Trait trait, String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        if (trait == Trait.SEXE) {
            return t.text("admission.sex." + (value.equals("F") ? "F" : "M"));
        }
        if (trait == Trait.DATE_NAISSANCE && value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return value.substring(8) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4);
        }
        if (trait == Trait.LIEU_NAISSANCE && value.matches("[0-9A-Z]{5}")) {
            return t.text(value.startsWith("99") ? "admission.place.country" : "admission.place.commune", value);
        }
        return value;
    }

    /**
     * A birth date read from a Vitale card as agents write it: "20/11/1990"; an incomplete ("lunar") date keeps its
     * zeros, "00/00/1990", as the civil status has it.
     */
    static String birthDate(VitaleBirthDate date) {
        return String.format("%02d/%02d/%04d", date.day(), date.month(), date.year());
    }

    /** The trait an INSi field name stands for ({@code LieuNaissance} → {@link Trait#LIEU_NAISSANCE}), or null. */
    static Trait trait(String label) {
        for (Trait t : Trait.values()) {
            if (t.label().equals(label) || t.name().equals(label)) {
                return t;
            }
        }
        return null;
    }

    /** The name of a trait as agents say it ("Nom de naissance"); an unknown label is shown as it came. */
    static String traitName(ScreenTexts t, String label) {
        Trait trait = trait(label);
        return trait == null ? label : t.text("admission.compare.trait." + trait.name());
    }

    /** A value of a differing trait named by its INSi field name, as an agent reads it. */
    static String shown(ScreenTexts t, String label, String value) {
        Trait trait = trait(label);
        return trait == null ? (value == null || value.isBlank() ? "—" : value) : shown(t, trait, value);
    }

    /**
     * One INSi call in words: "Recherche avec le premier prénom : identité trouvée", from the answer's
     * {@code QUERY:CODE} ({@code PREMIER_PRENOM:00}).
     */
    static String insiStep(ScreenTexts t, String step) {
        int colon = step.lastIndexOf(':');
        String query = colon < 0 ? step : step.substring(0, colon);
        String code = colon < 0 ? "" : step.substring(colon + 1);
        String asked = KEYS.containsKey("admission.step." + query) ? t.text("admission.step." + query)
                : t.text("admission.step.OTHER");
        String answer = KEYS.containsKey("admission.step.result." + code) ? t.text("admission.step.result." + code)
                : t.text("admission.step.result.OTHER", code);
        return t.text("admission.step", asked, answer);
    }

    /** The words of a failure's code: its own, or those of agent refusals or of any other failure. */
    static String failureKey(AdmissionFailure f) {
        String fallback = f.code().startsWith("AGENT_") ? "admission.error.AGENT_OTHER" : "admission.error.OTHER";
        return key("admission.error.", f.code(), fallback);
    }

    /** {@code prefix + code} if the bundle has that text, else {@code fallback}. */
    static String key(String prefix, String code, String fallback) {
        return KEYS.containsKey(prefix + code) ? prefix + code : fallback;
    }

    /** The traits of the identity screen, in the order shown (the complementary ones only when known). */
    static final List<Trait> SHOWN_TRAITS = List.of(Trait.NOM_NAISSANCE, Trait.LISTE_PRENOM, Trait.SEXE,
            Trait.DATE_NAISSANCE, Trait.LIEU_NAISSANCE, Trait.NOM_UTILISE, Trait.PRENOM_UTILISE);

    /** The value of {@code trait} in {@code traits} as INSi writes it, or null when the identity has none. */
    static String value(StrictTraits traits, Trait trait) {
        return switch (trait) {
            case NOM_NAISSANCE -> traits.nomNaissance();
            case LISTE_PRENOM -> traits.listePrenomText();
            case SEXE -> traits.sexe().traitCode();
            case DATE_NAISSANCE -> traits.dateNaissance().toString();
            case LIEU_NAISSANCE -> traits.lieuNaissance().map(p -> p.code()).orElse(null);
            case NOM_UTILISE -> traits.nomUtilise().orElse(null);
            case PRENOM_UTILISE -> traits.prenomUtilise().orElse(null);
        };
    }

    /** The hint under a field of the traits form ("F ou M"), or null for a field that needs none. */
    static String hint(ScreenTexts t, Trait trait) {
        return KEYS.containsKey("admission.hint." + trait.name()) ? t.text("admission.hint." + trait.name()) : null;
    }

    /** The label of a trait, e.g. "Nom de naissance". */
    static String field(ScreenTexts t, Trait trait) {
        return t.text("admission.field." + trait.name());
    }

    /** The id of the button of a checked document, e.g. {@code admission-document-passport}. */
    static String documentButton(HighTrustDocument d) {
        return "admission-document-" + d.name().toLowerCase(Locale.ROOT).split("_")[0];
    }
}
