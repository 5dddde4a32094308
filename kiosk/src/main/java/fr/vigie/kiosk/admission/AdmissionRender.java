package fr.vigie.kiosk.admission;

import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenTexts;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.Trait;
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

    /** A trait value as an agent reads it: "Féminin", "20/11/1990", "—" when unknown. */
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
        return value;
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

    /** The label of a trait, e.g. "Nom de naissance". */
    static String field(ScreenTexts t, Trait trait) {
        return t.text("admission.field." + trait.name());
    }

    /** The id of the button of a checked document, e.g. {@code admission-document-passport}. */
    static String documentButton(HighTrustDocument d) {
        return "admission-document-" + d.name().toLowerCase(Locale.ROOT).split("_")[0];
    }
}
