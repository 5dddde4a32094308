package fr.vigie.hub.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.Saved;
import fr.vigie.hub.identity.VigilanceFlag;
import fr.vigie.protocol.identity.InsOid;
import java.time.Instant;
import java.util.List;

/** JSON shapes of the identity registry API. The full matricule appears only where {@code full} is asked. */
final class IdentityJson {
    private IdentityJson() {
    }

    /** Body of POST /api/v1/identities and PUT /api/v1/identities/{id}. */
    record TraitsBody(String operator, String nomNaissance, String listePrenom, String sexe, String dateNaissance,
            String lieuNaissance, String nomUtilise, String prenomUtilise) {
    }

    /** An older INS in an action body. */
    record PastInsBody(String matricule, String oid, String validFrom, String validTo) {
    }

    /** Body of POST /api/v1/identities/{id}/actions. */
    record ActionBody(String operator, String action, String document, String attribute, String matricule, String oid,
            List<PastInsBody> history) {
    }

    /** The INS of a record: {@code matricule} only in the single-record GET, {@code masked} always. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ins(String matricule, String masked, String oid) {
    }

    /** One record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Identity(long id, String nomNaissance, String listePrenom, String sexe, String dateNaissance,
            String lieuNaissance, String nomUtilise, String prenomUtilise, Ins ins, String status,
            List<String> attributes, String document, boolean mayCallInsi, String createdBy, Instant createdAt,
            String updatedBy, Instant updatedAt) {
    }

    /** A record after a save, with the flags the save raised. */
    record SavedJson(Identity identity, List<VigilanceFlag> flagsRaised) {
    }

    /** The vigilance flags page. */
    record Flags(List<VigilanceFlag> flags) {
    }

    static Identity of(IdentityRecord r, boolean fullMatricule) {
        var t = r.traits();
        Ins ins = r.matricule().map(m -> new Ins(fullMatricule ? m.value() : null, m.masked(),
                r.oid().map(InsOid::oid).orElse(null))).orElse(null);
        return new Identity(r.id(), t.nomNaissance(), t.listePrenomText(), t.sexe().traitCode(),
                t.dateNaissance().toString(), t.lieuNaissance().map(p -> p.code()).orElse(null),
                t.nomUtilise().orElse(null), t.prenomUtilise().orElse(null), ins, r.state().status().name(),
                r.state().attributes().stream().map(Enum::name).sorted().toList(),
                r.document().map(Enum::name).orElse(null), r.state().mayCallInsi(), r.createdBy(), r.createdAt(),
                r.updatedBy(), r.updatedAt());
    }

    static SavedJson of(Saved s) {
        return new SavedJson(of(s.record(), false), s.raised());
    }
}
