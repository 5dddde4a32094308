package fr.vigie.hub.admission;

import fr.vigie.hub.insi.ReturnedTraits;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.Trait;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A strict trait on which the local record (or what the agent typed, or read from the Vitale card)
 * and the identity INSi or the ApCV returned differ; the agent is shown both. When the record took the
 * answer (same person, PROV or RECUP), the returned value is the reference and replaced the local one;
 * when it did not ({@code IDENTITY_MISMATCH}, {@code IDENTITY_CHANGE_REQUESTED}), nothing was replaced.
 * Immutable.
 *
 * @param trait which trait
 * @param local the local value, or {@code null} when the record had none
 * @param returned the returned value, or {@code null} when none was returned
 */
public record TraitDifference(Trait trait, String local, String returned) {
    public TraitDifference {
        Objects.requireNonNull(trait, "trait");
    }

    /** The strict traits on which {@code local} and {@code returned} differ, in {@link Trait} order. */
    public static List<TraitDifference> between(StrictTraits local, ReturnedTraits returned) {
        List<TraitDifference> out = new ArrayList<>();
        add(out, Trait.NOM_NAISSANCE, local.nomNaissance(), returned.nomNaissance());
        add(out, Trait.LISTE_PRENOM, local.listePrenomText(), returned.listePrenom());
        add(out, Trait.SEXE, local.sexe().traitCode(), returned.sexe());
        add(out, Trait.DATE_NAISSANCE, local.dateNaissance().toString(), returned.dateNaissance());
        add(out, Trait.LIEU_NAISSANCE, local.lieuNaissance().map(p -> p.code()).orElse(null),
                returned.lieu().orElse(null));
        return out;
    }

    private static void add(List<TraitDifference> out, Trait trait, String local, String returned) {
        if (!Objects.equals(local, returned)) {
            out.add(new TraitDifference(trait, local, returned));
        }
    }
}
