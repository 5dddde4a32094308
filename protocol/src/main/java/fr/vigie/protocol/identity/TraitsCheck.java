package fr.vigie.protocol.identity;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks and normalises each field of a {@link TraitsInput}; see {@link StrictTraits#check}. */
final class TraitsCheck {
    private final Map<Trait, TraitsVerdict.FieldVerdict> fields = new EnumMap<>(Trait.class);
    private BirthDate birthDate;
    private BirthPlace birthPlace;

    private TraitsCheck() {
    }

    static TraitsVerdict run(TraitsInput in, LocalDate today) {
        TraitsCheck c = new TraitsCheck();
        c.name(Trait.NOM_NAISSANCE, in.nomNaissance(), NameText.Kind.NAME, true);
        c.name(Trait.LISTE_PRENOM, in.listePrenom(), NameText.Kind.PRENOMS, true);
        c.sexe(in.sexe());
        c.date(in.dateNaissance(), today);
        c.lieu(in.lieuNaissance());
        c.name(Trait.NOM_UTILISE, in.nomUtilise(), NameText.Kind.NAME, false);
        c.name(Trait.PRENOM_UTILISE, in.prenomUtilise(), NameText.Kind.PRENOMS, false);
        boolean accepted = c.fields.values().stream().allMatch(TraitsVerdict.FieldVerdict::accepted);
        return new TraitsVerdict(c.fields, accepted ? c.traits() : null);
    }

    private StrictTraits traits() {
        return new StrictTraits(value(Trait.NOM_NAISSANCE), List.of(value(Trait.LISTE_PRENOM).split(" ")),
                Sex.ofTraitCode(value(Trait.SEXE).charAt(0)), birthDate, birthPlace,
                value(Trait.NOM_UTILISE), value(Trait.PRENOM_UTILISE));
    }

    private String value(Trait t) {
        return fields.get(t).value();
    }

    private boolean absent(Trait trait, String raw, boolean required) {
        if (raw != null && !raw.isBlank()) {
            return false;
        }
        if (required) {
            reject(trait, IdentityError.TRAIT_EMPTY, "is required");
        } else {
            fields.put(trait, new TraitsVerdict.FieldVerdict(trait, null, Set.of(), List.of()));
        }
        return true;
    }

    private void name(Trait trait, String raw, NameText.Kind kind, boolean required) {
        if (absent(trait, raw, required)) {
            return;
        }
        NameText.Outcome o = NameText.normalise(raw, kind);
        fields.put(trait, new TraitsVerdict.FieldVerdict(trait, o.value(), o.changes(), o.problems().stream()
                .map(p -> new TraitsVerdict.Rejection(trait, p.error(), p.reason())).toList()));
    }

    private void sexe(String raw) {
        if (absent(Trait.SEXE, raw, true)) {
            return;
        }
        Set<TraitChange> changes = EnumSet.noneOf(TraitChange.class);
        String code = trimmed(raw, changes);
        String upper = code.toUpperCase(Locale.ROOT);
        if (!upper.equals(code)) {
            changes.add(TraitChange.UPPERCASED);
        }
        if (!upper.equals("F") && !upper.equals("M")) {
            String shown = code.length() <= 10 ? "'" + code + "'" : code.length() + " characters";
            reject(Trait.SEXE, IdentityError.TRAIT_BAD_SEX, "must be F or M (the only values INSi knows), got " + shown);
            return;
        }
        fields.put(Trait.SEXE, new TraitsVerdict.FieldVerdict(Trait.SEXE, upper, changes, List.of()));
    }

    private void date(String raw, LocalDate today) {
        if (absent(Trait.DATE_NAISSANCE, raw, true)) {
            return;
        }
        Set<TraitChange> changes = EnumSet.noneOf(TraitChange.class);
        try {
            BirthDate date = BirthDate.parse(trimmed(raw, changes));
            if (date.earliestPossible().isAfter(today)) {
                reject(Trait.DATE_NAISSANCE, IdentityError.TRAIT_BAD_DATE,
                        "birth date " + date + " is in the future (today is " + today + ")");
                return;
            }
            birthDate = date;
            fields.put(Trait.DATE_NAISSANCE,
                    new TraitsVerdict.FieldVerdict(Trait.DATE_NAISSANCE, date.toString(), changes, List.of()));
        } catch (IdentityException e) {
            reject(Trait.DATE_NAISSANCE, e.error(), e.getMessage());
        }
    }

    private void lieu(String raw) {
        if (absent(Trait.LIEU_NAISSANCE, raw, false)) {
            return;
        }
        Set<TraitChange> changes = EnumSet.noneOf(TraitChange.class);
        String code = trimmed(raw, changes);
        try {
            BirthPlace place = BirthPlace.parse(code);
            if (!place.code().equals(code)) {
                changes.add(TraitChange.UPPERCASED);
            }
            birthPlace = place;
            fields.put(Trait.LIEU_NAISSANCE,
                    new TraitsVerdict.FieldVerdict(Trait.LIEU_NAISSANCE, place.code(), changes, List.of()));
        } catch (IdentityException e) {
            reject(Trait.LIEU_NAISSANCE, e.error(), e.getMessage());
        }
    }

    private static String trimmed(String raw, Set<TraitChange> changes) {
        String t = raw.strip();
        if (t.length() != raw.length()) {
            changes.add(TraitChange.TRIMMED);
        }
        return t;
    }

    private void reject(Trait trait, IdentityError error, String reason) {
        fields.put(trait, new TraitsVerdict.FieldVerdict(trait, null, Set.of(),
                List.of(new TraitsVerdict.Rejection(trait, error, reason))));
    }
}
