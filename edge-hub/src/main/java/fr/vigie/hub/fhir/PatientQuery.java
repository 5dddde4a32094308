package fr.vigie.hub.fhir;

import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.Sex;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Patient search, read from its parameters and checked: {@code identifier=system|value} (an INS with its OID as
 * system, {@code urn:oid:1.2.250.1.213.1.4.8|…}, or the hub's record id with the local system), {@code family} (birth
 * name or nom utilisé, whole), {@code given} (one of the first names, or the prénom utilisé), {@code birthdate}
 * ({@code YYYY-MM-DD}, optionally {@code eq}), {@code gender} ({@code female}, {@code male}), {@code _count} (1–50,
 * default 20). Names are read as the INS rules write them (case, accents, hyphens aside). To keep the API from
 * listing patients, a search needs an identifier, or a family name with a given name or a birth date. Immutable.
 */
record PatientQuery(Optional<InsMatricule> ins, Optional<InsOid> insOid, OptionalLong recordId, Optional<String> family,
        Optional<String> given, Optional<BirthDate> birthDate, Optional<Sex> sex, boolean noMatchPossible, int count) {
    static final int MAX_COUNT = 50;
    private static final Set<String> KNOWN = Set.of("identifier", "family", "given", "birthdate", "gender", "_count",
            "_format");
    private static final Pattern DATE = Pattern.compile("(eq)?([0-9]{4}-[0-9]{2}-[0-9]{2})");
    /** Any valid values for the traits not searched on, so that each criterion is checked as its own trait. */
    private static final TraitsInput PLACEHOLDER = TraitsInput.of("A", "A", "F", "2000-01-01");

    /** A search refused, and why. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** Whether the search names a patient precisely enough. */
    boolean narrow() {
        return ins.isPresent() || recordId.isPresent() || family.isPresent() && (given.isPresent() || birthDate.isPresent());
    }

    /** The names of the criteria given (for the audit log, which never holds their values). */
    List<String> criteria() {
        return List.of(ins.isPresent() ? "identifier:" + insOid.orElseThrow().label() : "",
                recordId.isPresent() ? "identifier:local" : "", family.isPresent() ? "family" : "",
                given.isPresent() ? "given" : "", birthDate.isPresent() ? "birthdate" : "",
                sex.isPresent() ? "gender" : "").stream().filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Reads the query parameters of a {@code GET /fhir/Patient}.
     *
     * @param localSystem the identifier system of the hub's record ids
     */
    static PatientQuery parse(Map<String, List<String>> params, String localSystem, LocalDate today) throws Invalid {
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new Invalid("search parameter '" + shown(name) + "' is not supported (identifier, family, given,"
                        + " birthdate, gender, _count)");
            }
            if (params.get(name).size() != 1) {
                throw new Invalid("search parameter '" + name + "' is given more than once");
            }
        }
        String format = one(params, "_format");
        if (format != null && !format.equals("json") && !format.startsWith("application/fhir+json")
                && !format.equals("application/json")) {
            throw new Invalid("only JSON is served (_format=json)");
        }
        Optional<InsMatricule> ins = Optional.empty();
        Optional<InsOid> insOid = Optional.empty();
        OptionalLong recordId = OptionalLong.empty();
        String identifier = one(params, "identifier");
        if (identifier != null) {
            int bar = identifier.indexOf('|');
            if (bar <= 0 || bar == identifier.length() - 1) {
                throw new Invalid("identifier must be system|value, e.g. urn:oid:1.2.250.1.213.1.4.8|<matricule>");
            }
            String system = identifier.substring(0, bar);
            String value = identifier.substring(bar + 1);
            if (system.equals(localSystem)) {
                if (!value.matches("[0-9]{1,18}")) {
                    throw new Invalid("the hub's patient identifiers are numbers");
                }
                recordId = OptionalLong.of(Long.parseLong(value));
            } else if (system.startsWith("urn:oid:")) {
                try {
                    insOid = Optional.of(InsOid.parse(system.substring(8)));
                    ins = Optional.of(InsMatricule.parse(value));
                } catch (IdentityException e) {
                    throw new Invalid("identifier " + shown(system) + "|…: " + e.error() + " (" + e.getMessage() + ")");
                }
            } else {
                throw new Invalid("identifier system " + shown(system) + " is neither an INS OID (urn:oid:1.2.250.1.213.1.4.8,"
                        + " .9, .10, .11) nor the hub's (" + localSystem + ")");
            }
        }
        Optional<String> family = trait(params, "family", Trait.NOM_NAISSANCE, today);
        Optional<String> given = trait(params, "given", Trait.LISTE_PRENOM, today);
        Optional<BirthDate> birthDate = Optional.empty();
        String date = one(params, "birthdate");
        if (date != null) {
            var m = DATE.matcher(date);
            if (!m.matches()) {
                throw new Invalid("birthdate must be YYYY-MM-DD (or eqYYYY-MM-DD)");
            }
            try {
                birthDate = Optional.of(BirthDate.parse(m.group(2)));
            } catch (IdentityException e) {
                throw new Invalid("birthdate: " + e.getMessage());
            }
        }
        Optional<Sex> sex = Optional.empty();
        boolean noMatch = false;
        String gender = one(params, "gender");
        if (gender != null) {
            switch (gender.toLowerCase(Locale.ROOT)) {
                case "female" -> sex = Optional.of(Sex.FEMALE);
                case "male" -> sex = Optional.of(Sex.MALE);
                case "other", "unknown" -> noMatch = true; // INS identities are F or M
                default -> throw new Invalid("gender must be female, male, other or unknown");
            }
        }
        int count = 20;
        String c = one(params, "_count");
        if (c != null) {
            if (!c.matches("[0-9]{1,3}") || Integer.parseInt(c) < 1 || Integer.parseInt(c) > MAX_COUNT) {
                throw new Invalid("_count must be 1 to " + MAX_COUNT);
            }
            count = Integer.parseInt(c);
        }
        PatientQuery q = new PatientQuery(ins, insOid, recordId, family, given, birthDate, sex, noMatch, count);
        if (!q.narrow()) {
            throw new Invalid("a search needs an identifier, or family with given or birthdate: the API does not list"
                    + " patients");
        }
        return q;
    }

    private static Optional<String> trait(Map<String, List<String>> params, String name, Trait trait, LocalDate today)
            throws Invalid {
        String raw = one(params, name);
        if (raw == null) {
            return Optional.empty();
        }
        TraitsInput in = trait == Trait.NOM_NAISSANCE
                ? new TraitsInput(raw, PLACEHOLDER.listePrenom(), "F", "2000-01-01", null, null, null)
                : new TraitsInput(PLACEHOLDER.nomNaissance(), raw, "F", "2000-01-01", null, null, null);
        TraitsVerdict.FieldVerdict v = StrictTraits.check(in, today).field(trait);
        if (!v.accepted() || v.normalised().isEmpty()) {
            throw new Invalid(name + " is not a name as the INS rules write them: " + v.rejections());
        }
        return v.normalised();
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
    }

    private static String shown(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
