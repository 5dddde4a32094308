package fr.vigie.hub.insi;

import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.InsMatricule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code rechercherInsAvecCarteVitale}: the beneficiary read from a Vitale card.
 * Immutable; {@link #toString()} shows the masked matricule only.
 *
 * @param matriculeIndividu the beneficiary's own matricule
 * @param matriculeOd the insured person's ("ouvrant droit") matricule
 * @param nomNaissance birth name, in the INSi alphabet
 * @param dateNaissance birth date as on the card
 * @param rangNaissance birth rank (twins), 1 when unique
 */
public record VitaleQuery(InsMatricule matriculeIndividu, InsMatricule matriculeOd, String nomNaissance,
        BirthDate dateNaissance, int rangNaissance) {
    public VitaleQuery {
        Objects.requireNonNull(matriculeIndividu, "matriculeIndividu");
        Objects.requireNonNull(matriculeOd, "matriculeOd");
        Objects.requireNonNull(dateNaissance, "dateNaissance");
        if (nomNaissance == null || !nomNaissance.matches("[A-Z]+(?:(?:-{1,2}|[' ])[A-Z]+)*")) {
            throw new IllegalArgumentException("nomNaissance must be in the INSi alphabet (A-Z, space, ' and -)");
        }
        if (rangNaissance < 1 || rangNaissance > 9) {
            throw new IllegalArgumentException("rangNaissance must be 1 to 9, got " + rangNaissance);
        }
    }

    /**
     * The values sent, by INSi field name, as the call record keeps them: the two matricules masked
     * ({@link InsMatricule#masked()}), never in full.
     */
    Map<String, String> asSent() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MatriculeIndividu", matriculeIndividu.masked());
        m.put("MatriculeOD", matriculeOd.masked());
        m.put("NomNaissance", nomNaissance);
        m.put("DateNaissance", dateNaissance.toString());
        m.put("RangNaissance", Integer.toString(rangNaissance));
        return m;
    }

    @Override
    public String toString() {
        return "VitaleQuery[" + matriculeIndividu.masked() + "]";
    }
}
