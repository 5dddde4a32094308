package fr.vigie.hub.insi;

import java.util.Objects;
import java.util.Optional;

/**
 * The traits INSi returned with an identity ({@code TIQ}), as text in the INSi alphabet. They are
 * the reference traits of the identity; the caller compares them with what was typed. Immutable;
 * {@link #toString()} shows no values.
 *
 * @param nomNaissance birth name
 * @param listePrenom first names separated by spaces
 * @param sexe {@code F} or {@code M}
 * @param dateNaissance {@code YYYY-MM-DD}, {@code 00} for unknown parts
 * @param lieuNaissance INSEE code, or {@code null} when INSi gave none
 */
public record ReturnedTraits(String nomNaissance, String listePrenom, String sexe, String dateNaissance,
        String lieuNaissance) {
    public ReturnedTraits {
        Objects.requireNonNull(nomNaissance, "nomNaissance");
        Objects.requireNonNull(listePrenom, "listePrenom");
        Objects.requireNonNull(sexe, "sexe");
        Objects.requireNonNull(dateNaissance, "dateNaissance");
    }

    public Optional<String> lieu() {
        return Optional.ofNullable(lieuNaissance);
    }

    @Override
    public String toString() {
        return "ReturnedTraits[values not shown]";
    }
}
