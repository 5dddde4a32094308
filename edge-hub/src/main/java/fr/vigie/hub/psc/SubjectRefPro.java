package fr.vigie.hub.psc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The professional's exercices as PSC's userinfo gives them in {@code SubjectRefPro}. PSC returns
 * every exercice; the professional picks the one they work under with {@link #choose}. Immutable.
 *
 * @param exercices every exercice, in PSC's order
 */
public record SubjectRefPro(List<Exercice> exercices) {
    public SubjectRefPro {
        exercices = List.copyOf(exercices);
    }

    /**
     * One exercice (a profession practised under a name).
     *
     * @param codeProfession e.g. {@code 10} doctor, {@code 60} nurse
     * @param codeCategorieProfessionnelle e.g. {@code C} civil
     * @param codeSavoirFaire the specialty, when given
     * @param nomDexercice the name used in practice
     * @param prenomDexercice the first name used in practice
     * @param activities where the exercice is practised
     */
    public record Exercice(String codeProfession, String codeCategorieProfessionnelle, String codeSavoirFaire,
            String nomDexercice, String prenomDexercice, List<Activite> activities) {
        public Exercice {
            activities = List.copyOf(activities);
        }
    }

    /**
     * One activity of an exercice at a site.
     *
     * @param codeSecteurDactivite the sector, e.g. {@code SA01} hospital
     * @param codeRole the role code
     * @param numeroFinessSite the site's FINESS number
     * @param raisonSocialeSite the site's name
     */
    public record Activite(String codeSecteurDactivite, String codeRole, String numeroFinessSite,
            String raisonSocialeSite) {
    }

    /** The exercice at {@code index} (from 0) in PSC's list. */
    public Exercice choose(int index) throws PscException {
        if (index < 0 || index >= exercices.size()) {
            throw new PscException(PscError.PSC_EXERCICE_UNKNOWN, "exercice " + index + " chosen, "
                    + exercices.size() + " available");
        }
        return exercices.get(index);
    }

    /** The first exercice with {@code codeProfession} that has an activity at FINESS site {@code finess}. */
    public Exercice choose(String codeProfession, String finess) throws PscException {
        return exercices.stream().filter(e -> e.codeProfession().equals(codeProfession))
                .filter(e -> e.activities().stream().anyMatch(a -> a.numeroFinessSite().equals(finess)))
                .findFirst().orElseThrow(() -> new PscException(PscError.PSC_EXERCICE_UNKNOWN,
                        "no exercice of profession " + codeProfession + " at FINESS " + finess));
    }

    /** The only exercice, when there is exactly one (no choice to ask for). */
    public Optional<Exercice> single() {
        return exercices.size() == 1 ? Optional.of(exercices.get(0)) : Optional.empty();
    }

    /** Reads {@code SubjectRefPro} from a userinfo document; missing fields become empty strings. */
    public static SubjectRefPro parse(JsonNode subjectRefPro) throws PscException {
        JsonNode list = subjectRefPro.path("exercices");
        if (!list.isArray()) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "SubjectRefPro has no exercices list");
        }
        List<Exercice> out = new ArrayList<>();
        for (JsonNode e : list) {
            List<Activite> acts = new ArrayList<>();
            for (JsonNode a : e.path("activities")) {
                acts.add(new Activite(text(a, "codeSecteurDactivite"), text(a, "codeRole"),
                        text(a, "numeroFinessSite"), text(a, "raisonSocialeSite")));
            }
            out.add(new Exercice(text(e, "codeProfession"), text(e, "codeCategorieProfessionnelle"),
                    text(e, "codeSavoirFaire"), text(e, "nomDexercice"), text(e, "prenomDexercice"), acts));
        }
        return new SubjectRefPro(out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
