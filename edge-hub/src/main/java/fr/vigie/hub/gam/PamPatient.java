package fr.vigie.hub.gam;

import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.rniv.IdentityAttribute;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivState;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the GAM is told about one record: its id, traits, RNIV status and attributes, and its INS only when the
 * identity is qualified (DOMAIN §2, §11: the INS is transmitted only for a QUAL identity). Two records that give
 * equal views need no update message. Immutable; {@link #toString()} shows no personal data.
 *
 * @param ins the INS matricule and OID, present only for a QUAL record holding one
 */
record PamPatient(long recordId, StrictTraits traits, RnivState state, Optional<Ins> ins) {

    /** An INS as transmitted. */
    record Ins(InsMatricule matricule, InsOid oid) {
        Ins {
            Objects.requireNonNull(matricule, "matricule");
            Objects.requireNonNull(oid, "oid");
        }
    }

    PamPatient {
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ins, "ins");
    }

    /** The view of {@code r}: its INS only if it is QUAL. */
    static PamPatient of(IdentityRecord r) {
        boolean qualified = r.state().status() == RnivStatus.QUAL && r.matricule().isPresent() && r.oid().isPresent();
        return new PamPatient(r.id(), r.traits(), r.state(), qualified
                ? Optional.of(new Ins(r.matricule().get(), r.oid().get())) : Optional.empty());
    }

    /**
     * PID-32 as IHE PAM France codes it: the RNIV status ({@code PROV}, {@code RECUP}, {@code VALI}, {@code QUAL}),
     * then each attribute ({@code DOUT}, {@code FICT}, {@code HOMA}) as a further repetition.
     */
    List<String> reliabilityCodes() {
        List<String> codes = new ArrayList<>();
        codes.add(state.status().name());
        state.attributes().stream().map(IdentityAttribute::name).sorted().forEach(codes::add);
        return codes;
    }

    @Override
    public String toString() {
        return "PamPatient[" + recordId + ", " + state.status() + (ins.isPresent() ? ", INS" : "") + "]";
    }
}
