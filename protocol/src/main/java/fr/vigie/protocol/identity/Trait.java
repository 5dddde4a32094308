package fr.vigie.protocol.identity;

/**
 * The identity traits Vigie checks: the five strict traits of INSi and the two complementary ones.
 */
public enum Trait {
    NOM_NAISSANCE("NomNaissance", true),
    LISTE_PRENOM("ListePrenom", true),
    SEXE("Sexe", true),
    DATE_NAISSANCE("DateNaissance", true),
    LIEU_NAISSANCE("LieuNaissance", true),
    NOM_UTILISE("NomUtilise", false),
    PRENOM_UTILISE("PrenomUtilise", false);

    private final String label;
    private final boolean strict;

    Trait(String label, boolean strict) {
        this.label = label;
        this.strict = strict;
    }

    /** The field name used in messages; for strict traits, the INSi field name. */
    public String label() {
        return label;
    }

    /** Whether this is one of the five strict traits (as opposed to nom and prénom utilisés). */
    public boolean isStrict() {
        return strict;
    }
}
