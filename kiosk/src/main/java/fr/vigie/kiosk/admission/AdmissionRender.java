package fr.vigie.kiosk.admission;

import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.kiosk.ui.Html;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.util.Locale;
import java.util.ResourceBundle;

/** Draws an {@link AdmissionView}. Every text is a bundle key; every value read or typed is escaped by {@link Html}. */
final class AdmissionRender {
    private static final ResourceBundle KEYS = ResourceBundle.getBundle("i18n.admission", Locale.FRENCH);

    private AdmissionRender() {
    }

    static void render(Html h, AdmissionView v, String agent) {
        boolean compact = v.page().compact();
        if (compact) {
            h.open("div", null, "compact");
        }
        h.paragraph("admission-agent", "muted", "admission.agent", agent);
        switch (v.page()) {
            case HOME -> home(h);
            case BENEFICIARIES -> beneficiaries(h, v);
            case TRAITS -> traits(h, v);
            case IDENTITY -> identity(h, v);
            case COMPARISON -> comparison(h, v.failure());
            case UNAVAILABLE -> unavailable(h, v.failure());
            default -> throw new IllegalStateException("unknown page " + v.page());
        }
        if (v.failure() != null && v.page() != AdmissionView.Page.TRAITS && !compact) {
            failure(h, v.failure());
        }
        h.button("admission-logout", "session/logout", "admission.logout", Html.Style.SECONDARY);
        if (compact) {
            h.close();
        }
    }

    /**
     * The record's identity and the one returned, side by side, the traits that differ marked: nothing was
     * changed; for a mismatch the identity-vigilance cell was told, for a change it decides.
     */
    private static void comparison(Html h, AdmissionFailure f) {
        AdmissionFailure.Comparison c = f.comparison().orElseThrow();
        boolean change = AdmissionFailure.IDENTITY_CHANGE_REQUESTED.equals(f.code());
        String kind = change ? "change" : "mismatch";
        h.heading("admission.compare." + kind + ".title");
        h.notice("admission-compare-notice", change ? Html.Tone.WARN : Html.Tone.ERROR,
                "admission.compare." + kind + ".notice");
        h.open("table", "admission-compare", "admission-compare");
        h.open("tr", null, null).open("th", null, null).close();
        h.open("th", null, null).text(h.message("admission.compare.local")).close();
        h.open("th", null, null).text(h.message(c.fromApcv() ? "admission.compare.returned.APCV"
                : "admission.compare.returned.INSI")).close().close();
        for (AdmissionFailure.Row r : c.rows()) {
            h.open("tr", null, r.differs() ? "differs" : null).open("th", null, null)
                    .text(h.message("admission.compare.trait." + r.trait().name())).close();
            h.open("td", null, "local").text(shown(h, r.trait(), r.local())).close();
            h.open("td", null, "returned").text(shown(h, r.trait(), r.returned())).close().close();
        }
        h.close();
        h.button("admission-next", "admission/next", "admission.identity.next", Html.Style.PRIMARY);
    }

    /** INSi does not answer: say so plainly, offer to try again. */
    private static void unavailable(Html h, AdmissionFailure f) {
        h.heading("admission.unavailable.title");
        h.notice("admission-error", Html.Tone.WARN, key("admission.error.", f.code(), "admission.error.OTHER"), f.code());
        h.para("admission.unavailable.hint");
        h.button("admission-retry", "admission/retry", "admission.unavailable.retry", Html.Style.PRIMARY);
        h.button("admission-next", "admission/next", "admission.back", Html.Style.SECONDARY);
    }

    /** A trait value as an agent reads it: "Féminin", "20/11/1990", "—" when unknown. */
    static String shown(Html h, Trait trait, String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        if (trait == Trait.SEXE) {
            return h.message("admission.sex." + (value.equals("F") ? "F" : "M"));
        }
        if (trait == Trait.DATE_NAISSANCE && value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return value.substring(8) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4);
        }
        return value;
    }

    private static void home(Html h) {
        h.heading("admission.home.title").para("admission.home.hint");
        h.button("admission-vitale", "admission/vitale", "admission.home.vitale", Html.Style.PRIMARY);
        h.button("admission-traits", "admission/traits-form", "admission.home.traits", Html.Style.SECONDARY);
        h.para("admission.home.apcv");
    }

    private static void beneficiaries(Html h, AdmissionView v) {
        h.heading("admission.beneficiaries.title");
        int i = 0;
        for (VitaleBeneficiary b : v.beneficiaries()) {
            h.open("div", "beneficiary-" + i, "beneficiary");
            h.text(b.givenNames() + " " + b.familyName() + " — " + b.birthDate());
            h.button("admission-choose-" + i, "admission/choose", Integer.toString(i), "admission.beneficiaries.choose",
                    Html.Style.PRIMARY);
            h.close();
            i++;
        }
        h.button("admission-home", "admission/next", "admission.back", Html.Style.SECONDARY);
    }

    private static void traits(Html h, AdmissionView v) {
        h.heading("admission.traits.title").para("admission.traits.hint");
        if (v.failure() != null) {
            failure(h, v.failure());
            for (TraitsVerdict.Rejection r : v.failure().traitRejections()) {
                h.notice(null, Html.Tone.ERROR, "admission.trait.rejected", field(h, r.trait()),
                        h.message(key("admission.trait.", r.error().name(), "admission.trait.OTHER")));
            }
        }
        TraitsInput t = v.typed();
        h.field("admission-nom", "nom", "admission.field.NOM_NAISSANCE", t == null ? null : t.nomNaissance());
        h.field("admission-prenoms", "prenoms", "admission.field.LISTE_PRENOM", t == null ? null : t.listePrenom());
        h.field("admission-sexe", "sexe", "admission.field.SEXE", t == null ? null : t.sexe());
        h.field("admission-naissance", "naissance", "admission.field.DATE_NAISSANCE", t == null ? null : t.dateNaissance());
        h.field("admission-lieu", "lieu", "admission.field.LIEU_NAISSANCE", t == null ? null : t.lieuNaissance());
        h.field("admission-nom-utilise", "nom-utilise", "admission.field.NOM_UTILISE", t == null ? null : t.nomUtilise());
        h.field("admission-prenom-utilise", "prenom-utilise", "admission.field.PRENOM_UTILISE",
                t == null ? null : t.prenomUtilise());
        h.formButton("admission-search", "admission/search", "admission.traits.search", Html.Style.PRIMARY);
        h.button("admission-home", "admission/next", "admission.back", Html.Style.SECONDARY);
    }

    private static void identity(Html h, AdmissionView v) {
        Admitted a = v.admitted();
        StrictTraits t = a.traits();
        h.heading("admission.identity.title");
        h.notice("admission-status", a.status() == RnivStatus.QUAL ? Html.Tone.OK : Html.Tone.INFO,
                "admission.status." + a.status().name());
        if (v.noticeKey() != null) {
            h.notice("admission-notice", Html.Tone.OK, v.noticeKey());
        }
        h.open("table", "admission-traits", "admission-traits");
        row(h, Trait.NOM_NAISSANCE, t.nomNaissance());
        row(h, Trait.LISTE_PRENOM, t.listePrenomText());
        row(h, Trait.SEXE, t.sexe().traitCode());
        row(h, Trait.DATE_NAISSANCE, t.dateNaissance().toString());
        row(h, Trait.LIEU_NAISSANCE, t.lieuNaissance().map(p -> p.code()).orElse("—"));
        t.nomUtilise().ifPresent(n -> row(h, Trait.NOM_UTILISE, n));
        h.close();
        a.maskedIns().ifPresent(m -> h.paragraph("admission-ins", null, "admission.identity.ins", m,
                a.oid().map(o -> o.label()).orElse("")));
        if (!a.differences().isEmpty()) {
            h.notice("admission-differences", Html.Tone.WARN, "admission.identity.differences");
            for (Admitted.Difference d : a.differences()) {
                h.para("admission.identity.difference", d.trait(), d.local() == null ? "—" : d.local(),
                        d.returned() == null ? "—" : d.returned());
            }
        }
        if (!a.insiSteps().isEmpty()) {
            h.paragraph("admission-steps", "muted", "admission.identity.steps", String.join(", ", a.insiSteps()));
        }
        if (a.status() == RnivStatus.QUAL) {
            a.document().ifPresent(d -> h.para("admission.identity.document", h.message("admission.document." + d)));
            h.image("admission-datamatrix", "datamatrix", "/ui/x/admission/datamatrix?v=" + a.recordId(),
                    "admission.identity.datamatrix");
            h.button("admission-print", "admission/print", "admission.identity.print", Html.Style.PRIMARY);
        } else {
            h.para("admission.identity.check-document");
            for (HighTrustDocument d : AdmissionScreens.DOCUMENTS) {
                h.button("admission-document-" + d.name().toLowerCase(Locale.ROOT).split("_")[0],
                        "admission/document", d.name(), "admission.document." + d.name(), Html.Style.PRIMARY);
            }
        }
        h.para("admission.identity.prescription-hint");
        h.button("admission-next", "admission/next", "admission.identity.next", Html.Style.SECONDARY);
    }

    private static void row(Html h, Trait trait, String value) {
        h.open("tr", null, null).open("th", null, null).text(field(h, trait)).close().open("td", null, null).text(value)
                .close().close();
    }

    private static void failure(Html h, AdmissionFailure f) {
        String fallback = f.code().startsWith("AGENT_") ? "admission.error.AGENT_OTHER" : "admission.error.OTHER";
        h.notice("admission-error", Html.Tone.ERROR, key("admission.error.", f.code(), fallback), f.code());
    }

    private static String field(Html h, Trait trait) {
        return h.message("admission.field." + trait.name());
    }

    private static String key(String prefix, String code, String fallback) {
        return KEYS.containsKey(prefix + code) ? prefix + code : fallback;
    }
}
