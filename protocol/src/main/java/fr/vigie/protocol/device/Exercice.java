package fr.vigie.protocol.device;

import java.util.List;
import java.util.Objects;

/**
 * One exercice from PSC's {@code SubjectRefPro}, as the kiosk shows it for the clinician to choose.
 * Immutable.
 *
 * @param codeProfession e.g. {@code 10} doctor, {@code 60} nurse
 * @param codeCategorieProfessionnelle e.g. {@code C} civil
 * @param codeSavoirFaire the specialty, may be empty
 * @param nomDexercice the name in practice
 * @param prenomDexercice the first name in practice
 * @param sites the names of the sites it is practised at
 */
public record Exercice(String codeProfession, String codeCategorieProfessionnelle, String codeSavoirFaire,
        String nomDexercice, String prenomDexercice, List<String> sites) {
    public Exercice {
        Objects.requireNonNull(codeProfession, "codeProfession is required");
        Objects.requireNonNull(codeCategorieProfessionnelle, "codeCategorieProfessionnelle is required");
        Objects.requireNonNull(codeSavoirFaire, "codeSavoirFaire is required");
        Objects.requireNonNull(nomDexercice, "nomDexercice is required");
        Objects.requireNonNull(prenomDexercice, "prenomDexercice is required");
        sites = Fields.list("sites", sites);
    }
}
