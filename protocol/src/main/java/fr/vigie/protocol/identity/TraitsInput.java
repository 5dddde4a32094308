package fr.vigie.protocol.identity;

/**
 * Identity traits as typed by an agent, read from a document or received from a service, before
 * any check: each field is raw text, {@code null} or blank when absent. Give it to
 * {@link StrictTraits#check(TraitsInput, java.time.LocalDate)} to obtain a verdict. Immutable;
 * {@link #toString()} does not show the values.
 *
 * <pre>{@code
 * TraitsInput in = TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Jean", "M", "1950-03-00")
 *         .withLieuNaissance("2A004");
 * }</pre>
 *
 * @param nomNaissance birth name, required
 * @param listePrenom first names separated by spaces, the premier prénom first; required
 * @param sexe {@code F} or {@code M}, required
 * @param dateNaissance {@code YYYY-MM-DD}, {@code 00} for an unknown month or day; required
 * @param lieuNaissance 5-character INSEE code, optional
 * @param nomUtilise name in use, optional
 * @param prenomUtilise first name in use, optional (mandatory in the record when it differs from
 *     the premier prénom, which only the person can tell)
 */
public record TraitsInput(String nomNaissance, String listePrenom, String sexe, String dateNaissance,
        String lieuNaissance, String nomUtilise, String prenomUtilise) {

    /** The four required traits, without the optional ones. */
    public static TraitsInput of(String nomNaissance, String listePrenom, String sexe, String dateNaissance) {
        return new TraitsInput(nomNaissance, listePrenom, sexe, dateNaissance, null, null, null);
    }

    public TraitsInput withLieuNaissance(String value) {
        return new TraitsInput(nomNaissance, listePrenom, sexe, dateNaissance, value, nomUtilise, prenomUtilise);
    }

    public TraitsInput withNomUtilise(String value) {
        return new TraitsInput(nomNaissance, listePrenom, sexe, dateNaissance, lieuNaissance, value, prenomUtilise);
    }

    public TraitsInput withPrenomUtilise(String value) {
        return new TraitsInput(nomNaissance, listePrenom, sexe, dateNaissance, lieuNaissance, nomUtilise, value);
    }

    @Override
    public String toString() {
        return "TraitsInput[values not shown]";
    }
}
