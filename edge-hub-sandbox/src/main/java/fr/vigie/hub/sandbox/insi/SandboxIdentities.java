package fr.vigie.hub.sandbox.insi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.protocol.identity.IdentityError;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The simulator's test identities, loaded once from a JSON data file (by default
 * {@code sandbox/insi-identities.json} on the class path), and the matching rules the simulator
 * applies. Every matricule and OID is checked at load with the protocol's parsers; a bad file is
 * refused with the index of the entry and the reason. An entry may say {@code "keyVerifies": false}:
 * its matricule is then kept as written, and the load checks that its key indeed does not verify
 * (like some published CNDA test identities), so that a typo cannot pass for one. Immutable;
 * thread-safe.
 *
 * <p>Shape of the answers, per entry: {@code "tiqPrenom": true} makes the {@code TIQ} carry
 * {@code Prenom} (the published examples mostly omit it, so it is absent by default); history entries
 * may carry {@code dateDeb}/{@code dateFin}; {@code "demoVitaleCard": true} marks the people on the Vitale card of
 * the demo's admission desk (the sandbox page says so).
 *
 * <p>Traits search: birth name, sex and birth date equal; {@code Prenom} equal to the premier
 * prénom or to the full list (hyphen and apostrophe counting as a space); birth place equal when
 * the request gives one. Vitale search: the matricule is the active or a former INS, birth name and
 * date equal.
 */
public final class SandboxIdentities {

    /** A matricule as the data file writes it: checked, and kept as written. */
    record Matricule(String value, InsOid oid) {
        String numIdentifiant() {
            return value.substring(0, 13);
        }

        String cle() {
            return value.substring(13);
        }
    }

    /** A former INS of a test identity. */
    record Former(Matricule ins, String dateDeb, String dateFin) {
    }

    /** One test identity. {@link #toString()} shows the masked INS. */
    record Identity(Matricule ins, String nomNaissance, String listePrenom, String sexe,
            String dateNaissance, String lieuNaissance, boolean tiqPrenom, List<Former> history,
            boolean demoVitaleCard) {
        boolean matchesTraits(String nom, String prenom, String sex, String date, String lieu) {
            return nomNaissance.equals(nom) && sexe.equals(sex) && dateNaissance.equals(date)
                    && (lieu == null || lieu.equals(lieuNaissance))
                    && (StrictTraits.samePrenom(prenom, listePrenom)
                            || StrictTraits.samePrenom(prenom, listePrenom.split(" ")[0]));
        }

        boolean matchesVitale(String matricule, String nom, String date) {
            boolean known = ins.value().equals(matricule)
                    || history.stream().anyMatch(f -> f.ins().value().equals(matricule));
            return known && nomNaissance.equals(nom) && dateNaissance.equals(date);
        }

        @Override
        public String toString() {
            return "Identity[" + InsMatricule.mask(ins.value()) + "]";
        }
    }

    private final List<Identity> identities;

    private SandboxIdentities(List<Identity> identities) {
        this.identities = List.copyOf(identities);
    }

    /** The built-in data set. */
    public static SandboxIdentities builtIn() {
        try (InputStream in = SandboxIdentities.class.getResourceAsStream("/sandbox/insi-identities.json")) {
            return read(Objects.requireNonNull(in, "sandbox/insi-identities.json is not on the class path"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in INSi test identities", e);
        }
    }

    /**
     * Reads a data file.
     *
     * @throws IllegalArgumentException naming the entry and the field that is wrong
     */
    public static SandboxIdentities read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<Identity> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.path("identities")) {
            try {
                List<Former> history = new ArrayList<>();
                for (JsonNode h : n.path("history")) {
                    history.add(new Former(matricule(h), h.path("dateDeb").asText(null), h.path("dateFin").asText(null)));
                }
                out.add(new Identity(matricule(n), field(n, "nomNaissance"), field(n, "listePrenom"), field(n, "sexe"),
                        field(n, "dateNaissance"), n.path("lieuNaissance").asText(null), n.path("tiqPrenom").asBoolean(false),
                        history, n.path("demoVitaleCard").asBoolean(false)));
            } catch (IdentityException e) {
                throw new IllegalArgumentException("identity #" + i + ": " + e.error() + " " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("identity #" + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the INSi test identity file holds no identities");
        }
        return new SandboxIdentities(out);
    }

    /** {@code ins} and {@code oid} of an entry; {@code "keyVerifies": false} keeps a key that must not verify. */
    private static Matricule matricule(JsonNode n) throws IdentityException {
        String text = n.path("ins").asText();
        InsOid oid = InsOid.parse(n.path("oid").asText());
        if (n.path("keyVerifies").asBoolean(true)) {
            return new Matricule(InsMatricule.parse(text).value(), oid);
        }
        try {
            InsMatricule.parse(text);
        } catch (IdentityException e) {
            if (e.error() == IdentityError.KEY_MISMATCH && text.matches("[12][0-9]{5}[0-9AB][0-9]{8}")) {
                return new Matricule(text, oid);
            }
            throw e;
        }
        throw new IllegalArgumentException("an entry says keyVerifies false, but its key verifies");
    }

    private static String field(JsonNode n, String name) {
        String v = n.path(name).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException("an identity has no " + name);
        }
        return v;
    }

    List<Identity> byTraits(String nom, String prenom, String sexe, String date, String lieu) {
        return identities.stream().filter(id -> id.matchesTraits(nom, prenom, sexe, date, lieu)).toList();
    }

    List<Identity> byVitale(String matricule, String nom, String date) {
        return identities.stream().filter(id -> id.matchesVitale(matricule, nom, date)).toList();
    }

    /** Every identity, in the file's order. */
    List<Identity> all() {
        return identities;
    }

    /** How many identities the data set holds. */
    public int size() {
        return identities.size();
    }
}
