package fr.vigie.hub.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.identity.ChangeRequest;
import fr.vigie.hub.identity.DocumentCheck;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.InsHistoryEntry;
import fr.vigie.hub.identity.Saved;
import fr.vigie.hub.identity.VigilanceFlag;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * JSON shapes of the identity registry API. The full matricule appears only where {@code full} is asked
 * (see {@link IdentityRoutes} for who may see it).
 */
final class IdentityJson {
    private IdentityJson() {
    }

    /** Body of POST /api/v1/identities and PUT /api/v1/identities/{id}. */
    record TraitsBody(String nomNaissance, String listePrenom, String sexe, String dateNaissance,
            String lieuNaissance, String nomUtilise, String prenomUtilise) {
    }

    /**
     * Body of POST /api/v1/identities/{id}/actions. {@code matricule}, {@code oid} and {@code history} are
     * read only to be refused with {@code EVIDENCE_REQUIRED}: an INS never comes through the REST API.
     */
    record ActionBody(String action, String document, String attribute, String matricule, String oid,
            JsonNode history) {
    }

    /** Body of POST /api/v1/vigilance/flags/{id}/merge: the record to keep. */
    record MergeBody(Long survivor) {
    }

    /** A merge done: the record kept (INS masked) and the one merged into it. */
    record MergedJson(long flagId, Identity survivor, long absorbed) {
    }

    /** Body of POST /api/v1/vigilance/change-requests/{id}/refuse. */
    record RefuseBody(String note) {
    }

    /** The INS of a record: {@code matricule} only when asked for and allowed, {@code masked} always. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ins(String matricule, String masked, String oid) {
    }

    /** A document check: the evidence of the C axis. */
    record DocumentCheckJson(String document, String checkedBy, Instant checkedAt) {
    }

    /** One fact of the INS history; the matricule always masked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InsHistoryJson(String masked, String oid, String source, LocalDate validFrom, LocalDate validTo,
            String recordedBy, Instant recordedAt) {
    }

    /** One record; {@code documentChecks} and {@code insHistory} (the evidence) only in the single-record GET. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Identity(long id, String nomNaissance, String listePrenom, String sexe, String dateNaissance,
            String lieuNaissance, String nomUtilise, String prenomUtilise, Ins ins, String status,
            List<String> attributes, String document, boolean mayCallInsi, String createdBy, Instant createdAt,
            String updatedBy, Instant updatedAt, List<DocumentCheckJson> documentChecks,
            List<InsHistoryJson> insHistory, Long mergedInto) {
    }

    /** A record after a save, with the flags the save raised. */
    record SavedJson(Identity identity, List<VigilanceFlag> flagsRaised) {
    }

    /** The vigilance flags page. */
    record Flags(List<VigilanceFlag> flags) {
    }

    /** Strict traits of one side of a change request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Traits(String nomNaissance, String listePrenom, String sexe, String dateNaissance, String lieuNaissance,
            String status, String insMasked) {
    }

    /** A change request, with the record as it is now ({@code current}) and what was proposed, INS masked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangeRequestJson(long requestId, long recordId, String source, String status, Traits current,
            Traits proposed, String requestedBy, Instant requestedAt, String resolvedBy, Instant resolvedAt,
            String note) {
    }

    /** The change requests page. */
    record ChangeRequests(List<ChangeRequestJson> changeRequests) {
    }

    static Identity of(IdentityRecord r, boolean fullMatricule) {
        return of(r, fullMatricule, null, null, null);
    }

    /** @param mergedInto the record this one was merged into by the identity-vigilance cell, or null */
    static Identity of(IdentityRecord r, boolean fullMatricule, List<DocumentCheck> checks,
            List<InsHistoryEntry> history, Long mergedInto) {
        var t = r.traits();
        Ins ins = r.matricule().map(m -> new Ins(fullMatricule ? m.value() : null, m.masked(),
                r.oid().map(InsOid::oid).orElse(null))).orElse(null);
        return new Identity(r.id(), t.nomNaissance(), t.listePrenomText(), t.sexe().traitCode(),
                t.dateNaissance().toString(), t.lieuNaissance().map(p -> p.code()).orElse(null),
                t.nomUtilise().orElse(null), t.prenomUtilise().orElse(null), ins, r.state().status().name(),
                r.state().attributes().stream().map(Enum::name).sorted().toList(),
                r.document().map(Enum::name).orElse(null), r.state().mayCallInsi(), r.createdBy(), r.createdAt(),
                r.updatedBy(), r.updatedAt(), checks == null ? null : checks.stream()
                        .map(d -> new DocumentCheckJson(d.document().name(), d.checkedBy(), d.checkedAt())).toList(),
                history == null ? null : history.stream().map(h -> new InsHistoryJson(h.matricule().masked(),
                        h.oid().oid(), h.source(), h.validFrom(), h.validTo(), h.recordedBy(), h.recordedAt())).toList(),
                mergedInto);
    }

    static SavedJson of(Saved s) {
        return new SavedJson(of(s.record(), false), s.raised());
    }

    static ChangeRequestJson of(ChangeRequest c, IdentityRecord now) {
        return new ChangeRequestJson(c.requestId(), c.recordId(), c.source().name(), c.status().name(),
                traits(now.traits(), now.state().status().name(), now.matricule().map(m -> m.masked()).orElse(null)),
                traits(c.proposed(), null, c.matricule().masked()), c.requestedBy(), c.requestedAt(),
                c.resolvedBy().orElse(null), c.resolvedAt().orElse(null), c.note().orElse(null));
    }

    private static Traits traits(StrictTraits t, String status, String insMasked) {
        return new Traits(t.nomNaissance(), t.listePrenomText(), t.sexe().traitCode(), t.dateNaissance().toString(),
                t.lieuNaissance().map(p -> p.code()).orElse(null), status, insMasked);
    }
}
