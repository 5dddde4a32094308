package fr.vigie.hub.insi;

import fr.vigie.protocol.identity.BirthPlace;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code rechercherInsAvecTraitsIdentite}: checked traits and the first name(s) to send.
 * Built from {@link StrictTraits} only, so every value is already in the INSi alphabet. Immutable;
 * {@link #toString()} shows no values.
 *
 * @param traits the checked traits (birth name, sex, birth date, birth place)
 * @param prenom what goes in {@code Prenom}: the premier prénom or the full list
 * @param withBirthPlace whether {@code LieuNaissance} is sent (when the traits have one)
 * @param sent which of the two queries this is
 */
public record TraitsQuery(StrictTraits traits, String prenom, boolean withBirthPlace, InsiSearch.PrenomSent sent) {
    public TraitsQuery {
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(prenom, "prenom");
        if (prenom.length() > 100 || !prenom.matches("[A-Z]+(?:[-' ][A-Z]+)*")) {
            throw new IllegalArgumentException("prenom must be first names in the INSi alphabet, at most 100 characters");
        }
        if (sent != InsiSearch.PrenomSent.PREMIER_PRENOM && sent != InsiSearch.PrenomSent.FULL_LIST) {
            throw new IllegalArgumentException("a traits query sends the premier prénom or the full list, got " + sent);
        }
    }

    /** Only the premier prénom, and the birth place when known. */
    public static TraitsQuery premierPrenom(StrictTraits traits) {
        return new TraitsQuery(traits, traits.premierPrenom(), true, InsiSearch.PrenomSent.PREMIER_PRENOM);
    }

    /** The full list of first names, and the birth place when known. */
    public static TraitsQuery fullList(StrictTraits traits) {
        return new TraitsQuery(traits, traits.listePrenomText(), true, InsiSearch.PrenomSent.FULL_LIST);
    }

    /** The birth place that will be sent, if any. */
    public Optional<BirthPlace> lieuNaissance() {
        return withBirthPlace ? traits.lieuNaissance() : Optional.empty();
    }

    /** The values sent, by INSi field name, as the call record keeps them (traits hold no NIR). */
    Map<String, String> asSent() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("NomNaissance", traits.nomNaissance());
        m.put("Prenom", prenom);
        m.put("Sexe", traits.sexe().traitCode());
        m.put("DateNaissance", traits.dateNaissance().toString());
        lieuNaissance().ifPresent(p -> m.put("LieuNaissance", p.code()));
        return m;
    }

    @Override
    public String toString() {
        return "TraitsQuery[values not shown]";
    }
}
