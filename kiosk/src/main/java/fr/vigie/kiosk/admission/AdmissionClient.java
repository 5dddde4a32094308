package fr.vigie.kiosk.admission;

import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleCard;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.device.AdmissionAnswer;
import fr.vigie.protocol.device.AdmissionApi;
import fr.vigie.protocol.device.AdmittedIdentity;
import fr.vigie.protocol.device.ApcvRequest;
import fr.vigie.protocol.device.ComparedIdentities;
import fr.vigie.protocol.device.ComparedTraits;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.protocol.device.DifferingTrait;
import fr.vigie.protocol.device.DocumentRequest;
import fr.vigie.protocol.device.IdentityIns;
import fr.vigie.protocol.device.TraitsRequest;
import fr.vigie.protocol.device.VitaleRequest;
import fr.vigie.protocol.identity.BirthPlace;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The hub's admission routes ({@link AdmissionApi}) called through {@link HubApi}, over mutual TLS with the
 * kiosk's device certificate. Requests never name the agent: the hub takes the one proven at this kiosk
 * ({@link AgentProof}). Every refusal becomes an {@link AdmissionFailure} with the hub's code
 * ({@code AGENT_NOT_PROVEN}, {@code NOT_AN_ADMISSION_DESK}, {@code INSI_NO_MATCH}…), and both identities when
 * the hub did not apply an answer. Thread-safe.
 *
 * <pre>{@code
 * Admitted a = new AdmissionClient(hubApi, clock).traits(OptionalLong.empty(), traits);
 * }</pre>
 */
public final class AdmissionClient {
    private static final List<Trait> COMPARED = List.of(Trait.NOM_NAISSANCE, Trait.LISTE_PRENOM, Trait.SEXE,
            Trait.DATE_NAISSANCE, Trait.LIEU_NAISSANCE);
    private final HubApi hub;
    private final Clock clock;

    public AdmissionClient(HubApi hub, Clock clock) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** INSi with checked traits (premier prénom, then the full list, on the hub). */
    public Admitted traits(OptionalLong recordId, StrictTraits t) throws AdmissionFailure {
        return call(AdmissionApi.TRAITS, new TraitsRequest(id(recordId), t.nomNaissance(), t.listePrenomText(),
                t.sexe().traitCode(), t.dateNaissance().toString(), t.lieuNaissance().map(BirthPlace::code),
                t.nomUtilise(), t.prenomUtilise()));
    }

    /** INSi with a beneficiary read from a Vitale card. */
    public Admitted vitale(OptionalLong recordId, VitaleCard.Content card, VitaleBeneficiary b)
            throws AdmissionFailure {
        String d = b.birthDate().toString();
        return call(AdmissionApi.VITALE, new VitaleRequest(id(recordId), b.nir().orElse(card.insuredNir()),
                card.insuredNir(), insiAlphabet(b.familyName()), d.substring(0, 4) + "-" + d.substring(4, 6) + "-"
                        + d.substring(6), Optional.of(b.rang())));
    }

    /** A scanned ApCV token, as its full text ({@code APCV1.…}). */
    public Admitted apcv(OptionalLong recordId, String tokenText) throws AdmissionFailure {
        return call(AdmissionApi.APCV, new ApcvRequest(id(recordId), tokenText));
    }

    /** The agent checked the traits against {@code document}. */
    public Admitted document(long recordId, HighTrustDocument document) throws AdmissionFailure {
        return call(AdmissionApi.DOCUMENT, new DocumentRequest(document.name()), Long.toString(recordId));
    }

    private static Optional<Long> id(OptionalLong recordId) {
        return recordId.isPresent() ? Optional.of(recordId.getAsLong()) : Optional.empty();
    }

    private <Q> Admitted call(DeviceRoute<Q, AdmissionAnswer> route, Q request, String... parameters)
            throws AdmissionFailure {
        AdmissionAnswer answer;
        try {
            answer = hub.call(route, request, parameters);
        } catch (HubApiException e) {
            Optional<ComparedIdentities> compared = e.refusal().flatMap(r -> r.comparison());
            if (compared.isPresent()) {
                throw new AdmissionFailure(e.error(), e.getMessage(), comparison(compared.get()));
            }
            throw new AdmissionFailure(e.error(), e.getMessage());
        }
        return read(answer);
    }

    /** Both identities of an {@code IDENTITY_MISMATCH} or {@code IDENTITY_CHANGE_REQUESTED} refusal. */
    private static AdmissionFailure.Comparison comparison(ComparedIdentities c) {
        List<String> differing = c.differences().stream().map(DifferingTrait::trait).toList();
        List<AdmissionFailure.Row> rows = new ArrayList<>();
        for (Trait t : COMPARED) {
            rows.add(new AdmissionFailure.Row(t, value(c.local(), t), value(c.returned(), t),
                    differing.contains(t.label())));
        }
        return new AdmissionFailure.Comparison(c.source(), c.recordId(), rows, c.returned().insMasked().orElse(null));
    }

    private static String value(ComparedTraits t, Trait trait) {
        return switch (trait) {
            case NOM_NAISSANCE -> t.nomNaissance();
            case LISTE_PRENOM -> t.listePrenom();
            case SEXE -> t.sexe();
            case DATE_NAISSANCE -> t.dateNaissance();
            case LIEU_NAISSANCE -> t.lieuNaissance().orElse(null);
            default -> throw new IllegalArgumentException(trait + " is not compared");
        };
    }

    private Admitted read(AdmissionAnswer a) throws AdmissionFailure {
        AdmittedIdentity id = a.identity();
        try {
            StrictTraits traits = StrictTraits.check(new TraitsInput(id.nomNaissance(), id.listePrenom(), id.sexe(),
                    id.dateNaissance(), id.lieuNaissance().orElse(null), id.nomUtilise().orElse(null),
                    id.prenomUtilise().orElse(null)), LocalDate.now(clock).plusDays(1)).orThrow();
            Optional<InsOid> oid = id.ins().flatMap(IdentityIns::oid).isPresent()
                    ? Optional.of(InsOid.parse(id.ins().flatMap(IdentityIns::oid).get())) : Optional.empty();
            List<Admitted.Difference> diffs = a.differences().stream().map(d -> new Admitted.Difference(d.trait(),
                    d.local().orElse(null), d.returned().orElse(null))).toList();
            List<String> steps = a.insiSteps().stream().map(s -> s.sent() + ":" + s.codeCr()).toList();
            if (steps.isEmpty() && a.matchedQuery().isPresent()) {
                // a Vitale search is one call, which the hub names only as the query that found the identity
                steps = List.of(a.matchedQuery().get() + ":00");
            }
            return new Admitted(id.id(), id.status(), traits, id.ins().map(IdentityIns::masked),
                    id.ins().flatMap(IdentityIns::matricule), oid, id.document().map(Enum::name), diffs, steps,
                    a.source());
        } catch (IdentityException e) {
            throw new AdmissionFailure(DeviceApiError.HUB_ANSWER_MALFORMED, "the hub's admission answer is not valid: "
                    + e.error());
        }
    }

    /** A Vitale card name in the INSi alphabet: uppercase, accents removed. */
    static String insiAlphabet(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{Mn}", "")
                .toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
