package fr.vigie.hub.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.List;

/**
 * JSON shapes of the admission device routes. The full matricule travels only for a QUAL identity
 * (DOMAIN §2: the INS may only be transmitted once qualified), so that the kiosk can print its INS
 * DataMatrix; otherwise only the masked one.
 */
final class AdmissionJson {
    private AdmissionJson() {
    }

    /** Body of POST /device/v1/admission/traits. */
    record TraitsBody(String agent, Long recordId, String nomNaissance, String listePrenom, String sexe,
            String dateNaissance, String lieuNaissance, String nomUtilise, String prenomUtilise) {
    }

    /** Body of POST /device/v1/admission/vitale. */
    record VitaleBody(String agent, Long recordId, String matriculeIndividu, String matriculeOd, String nomNaissance,
            String dateNaissance, Integer rang) {
    }

    /** Body of POST /device/v1/admission/apcv. */
    record ApcvBody(String agent, Long recordId, String token) {
    }

    /** Body of POST /device/v1/admission/{id}/document. */
    record DocumentBody(String agent, String document) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ins(String matricule, String masked, String oid) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Identity(long id, String status, String nomNaissance, String listePrenom, String sexe, String dateNaissance,
            String lieuNaissance, String nomUtilise, String prenomUtilise, Ins ins, String document) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Difference(String trait, String local, String returned) {
    }

    record Step(String sent, String codeCr) {
    }

    /** A successful step; {@code matchedQuery} is PREMIER_PRENOM, FULL_LIST or VITALE, absent without INSi. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String source, Identity identity, List<Difference> differences, int flagsRaised,
            List<Step> insiSteps, String matchedQuery) {
    }

    /** A trait refused before INSi was called. */
    record TraitRejection(String trait, String code, String reason) {
    }

    /** Strict traits of one side of a comparison; {@code ins} (masked) for the returned side. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Traits(String nomNaissance, String listePrenom, String sexe, String dateNaissance, String lieuNaissance,
            String insMasked) {
    }

    /** Both identities side by side (IDENTITY_MISMATCH, IDENTITY_CHANGE_REQUESTED); nothing was changed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Comparison(String source, long recordId, String recordStatus, Traits local, Traits returned,
            List<Difference> differences, Long flagId, Long changeRequestId) {
    }

    /** Every refusal. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Error(String error, String message, List<TraitRejection> rejections, Comparison comparison) {
    }

    static Result of(AdmissionResult r) {
        return new Result(r.source().name(), identity(r.record()),
                differences(r.differences()),
                r.flagsRaised().size(),
                r.insiSteps().stream().map(s -> new Step(s.sent().name(), s.codeCr())).toList(),
                r.matchedQuery().map(Enum::name).orElse(null));
    }

    static Identity identity(IdentityRecord r) {
        StrictTraits t = r.traits();
        boolean qualified = r.state().status() == RnivStatus.QUAL;
        Ins ins = r.matricule().map(m -> new Ins(qualified ? m.value() : null, m.masked(),
                r.oid().map(InsOid::oid).orElse(null))).orElse(null);
        return new Identity(r.id(), r.state().status().name(), t.nomNaissance(), t.listePrenomText(),
                t.sexe().traitCode(), t.dateNaissance().toString(), t.lieuNaissance().map(p -> p.code()).orElse(null),
                t.nomUtilise().orElse(null), t.prenomUtilise().orElse(null), ins, r.document().map(Enum::name).orElse(null));
    }

    static Error of(AdmissionRejection e) {
        return new Error(e.code(), e.getMessage(), e.traitRejections().stream()
                .map(r -> new TraitRejection(r.trait().label(), r.error().name(), r.reason())).toList(),
                e.comparison().map(AdmissionJson::comparison).orElse(null));
    }

    private static Comparison comparison(IdentityComparison c) {
        return new Comparison(c.source().name(), c.recordId(), c.recordStatus().name(), traits(c.local(), null),
                traits(c.returned(), c.returnedInsMasked()), differences(c.differences()), c.flagId().orElse(null),
                c.changeRequestId().orElse(null));
    }

    private static Traits traits(StrictTraits t, String insMasked) {
        return new Traits(t.nomNaissance(), t.listePrenomText(), t.sexe().traitCode(), t.dateNaissance().toString(),
                t.lieuNaissance().map(p -> p.code()).orElse(null), insMasked);
    }

    private static List<Difference> differences(List<TraitDifference> differences) {
        return differences.stream().map(d -> new Difference(d.trait().label(), d.local(), d.returned())).toList();
    }
}
