package fr.vigie.kiosk.admission;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleCard;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The hub's admission routes ({@code /device/v1/admission/…}) called through {@link HubApi}, over
 * mutual TLS with the kiosk's device certificate. Requests never name the agent: the hub takes the one
 * proven at this kiosk ({@link AgentProof}). Every refusal becomes an {@link AdmissionFailure} with the
 * hub's code ({@code AGENT_NOT_PROVEN}, {@code NOT_AN_ADMISSION_DESK}, {@code INSI_NO_MATCH}…). Thread-safe.
 *
 * <pre>{@code
 * Admitted a = new AdmissionClient(hubApi, clock).traits(OptionalLong.empty(), traits);
 * }</pre>
 */
public final class AdmissionClient {
    private final HubApi hub;
    private final Clock clock;

    public AdmissionClient(HubApi hub, Clock clock) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** INSi with checked traits (premier prénom, then the full list, on the hub). */
    public Admitted traits(OptionalLong recordId, StrictTraits t) throws AdmissionFailure {
        Map<String, Object> body = body(recordId);
        body.put("nomNaissance", t.nomNaissance());
        body.put("listePrenom", t.listePrenomText());
        body.put("sexe", t.sexe().traitCode());
        body.put("dateNaissance", t.dateNaissance().toString());
        t.lieuNaissance().ifPresent(p -> body.put("lieuNaissance", p.code()));
        t.nomUtilise().ifPresent(v -> body.put("nomUtilise", v));
        t.prenomUtilise().ifPresent(v -> body.put("prenomUtilise", v));
        return call("/device/v1/admission/traits", body);
    }

    /** INSi with a beneficiary read from a Vitale card. */
    public Admitted vitale(OptionalLong recordId, VitaleCard.Content card, VitaleBeneficiary b)
            throws AdmissionFailure {
        Map<String, Object> body = body(recordId);
        body.put("matriculeIndividu", b.nir().orElse(card.insuredNir()));
        body.put("matriculeOd", card.insuredNir());
        body.put("nomNaissance", insiAlphabet(b.familyName()));
        String d = b.birthDate().toString();
        body.put("dateNaissance", d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6));
        body.put("rang", b.rang());
        return call("/device/v1/admission/vitale", body);
    }

    /** A scanned ApCV token, as its full text ({@code APCV1.…}). */
    public Admitted apcv(OptionalLong recordId, String tokenText) throws AdmissionFailure {
        Map<String, Object> body = body(recordId);
        body.put("token", tokenText);
        return call("/device/v1/admission/apcv", body);
    }

    /** The agent checked the traits against {@code document}. */
    public Admitted document(long recordId, HighTrustDocument document) throws AdmissionFailure {
        return call("/device/v1/admission/" + recordId + "/document", Map.of("document", document.name()));
    }

    private static Map<String, Object> body(OptionalLong recordId) {
        Map<String, Object> body = new LinkedHashMap<>();
        recordId.ifPresent(id -> body.put("recordId", id));
        return body;
    }

    private Admitted call(String path, Object body) throws AdmissionFailure {
        JsonNode answer;
        try {
            answer = hub.post(path, body);
        } catch (HubApiException e) {
            JsonNode compared = e.answer().map(a -> a.path("comparison")).orElse(null);
            if (compared != null && compared.isObject()) {
                throw new AdmissionFailure(e.code(), e.getMessage(), comparison(compared));
            }
            throw new AdmissionFailure(e.code(), e.getMessage());
        }
        return read(answer);
    }

    /** Both identities of an {@code IDENTITY_MISMATCH} or {@code IDENTITY_CHANGE_REQUESTED} refusal. */
    private static AdmissionFailure.Comparison comparison(JsonNode c) {
        JsonNode local = c.path("local");
        JsonNode returned = c.path("returned");
        List<String> differing = new ArrayList<>();
        c.path("differences").forEach(d -> differing.add(d.path("trait").asText()));
        List<AdmissionFailure.Row> rows = new ArrayList<>();
        for (Trait t : List.of(Trait.NOM_NAISSANCE, Trait.LISTE_PRENOM, Trait.SEXE, Trait.DATE_NAISSANCE,
                Trait.LIEU_NAISSANCE)) {
            String field = Character.toLowerCase(t.label().charAt(0)) + t.label().substring(1);
            rows.add(new AdmissionFailure.Row(t, local.path(field).asText(null), returned.path(field).asText(null),
                    differing.contains(t.label())));
        }
        return new AdmissionFailure.Comparison(c.path("source").asText("TRAITS"), c.path("recordId").asLong(), rows,
                returned.path("insMasked").asText(null));
    }

    private Admitted read(JsonNode a) throws AdmissionFailure {
        JsonNode id = a.path("identity");
        try {
            StrictTraits traits = StrictTraits.check(new TraitsInput(id.path("nomNaissance").asText(null),
                    id.path("listePrenom").asText(null), id.path("sexe").asText(null),
                    id.path("dateNaissance").asText(null), id.path("lieuNaissance").asText(null),
                    id.path("nomUtilise").asText(null), id.path("prenomUtilise").asText(null)),
                    LocalDate.now(clock).plusDays(1)).orThrow();
            JsonNode ins = id.path("ins");
            Optional<InsOid> oid = ins.hasNonNull("oid") ? Optional.of(InsOid.parse(ins.get("oid").asText()))
                    : Optional.empty();
            List<Admitted.Difference> diffs = new ArrayList<>();
            for (JsonNode d : a.path("differences")) {
                diffs.add(new Admitted.Difference(d.path("trait").asText(), d.path("local").asText(null),
                        d.path("returned").asText(null)));
            }
            List<String> steps = new ArrayList<>();
            for (JsonNode s : a.path("insiSteps")) {
                steps.add(s.path("sent").asText() + ":" + s.path("codeCr").asText());
            }
            return new Admitted(id.path("id").asLong(), RnivStatus.valueOf(id.path("status").asText()), traits,
                    text(ins, "masked"), text(ins, "matricule"), oid, text(id, "document"), diffs, steps);
        } catch (IdentityException | IllegalArgumentException e) {
            throw new AdmissionFailure(HubApiException.MALFORMED_ANSWER, "the hub's admission answer is not valid: "
                    + (e instanceof IdentityException ie ? ie.error() : e.getMessage()));
        }
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    /** A Vitale card name in the INSi alphabet: uppercase, accents removed. */
    static String insiAlphabet(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{Mn}", "")
                .toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
