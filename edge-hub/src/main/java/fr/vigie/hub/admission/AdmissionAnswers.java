package fr.vigie.hub.admission;

import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.protocol.device.AdmissionAnswer;
import fr.vigie.protocol.device.AdmittedIdentity;
import fr.vigie.protocol.device.ComparedIdentities;
import fr.vigie.protocol.device.ComparedTraits;
import fr.vigie.protocol.device.DifferingTrait;
import fr.vigie.protocol.device.IdentityIns;
import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.protocol.device.InsiQuery;
import fr.vigie.protocol.device.InsiStep;
import fr.vigie.protocol.device.Refusal;
import fr.vigie.protocol.device.TraitRejection;
import fr.vigie.protocol.identity.BirthPlace;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.List;
import java.util.Optional;

/**
 * The device API's answers ({@link AdmissionAnswer}) and refusals ({@link Refusal}) of the admission steps,
 * from what {@link AdmissionService} found. The full matricule travels only for a QUAL identity (the INS may
 * only be transmitted once qualified), so that the kiosk can print its INS DataMatrix; otherwise only the
 * masked one. Stateless.
 */
final class AdmissionAnswers {
    private AdmissionAnswers() {
    }

    static AdmissionAnswer of(AdmissionResult r) {
        return new AdmissionAnswer(r.source(), identity(r.record()), differences(r.differences()),
                r.flagsRaised().size(),
                r.insiSteps().stream().map(s -> new InsiStep(InsiQuery.valueOf(s.sent().name()), s.codeCr())).toList(),
                r.matchedQuery().map(q -> InsiQuery.valueOf(q.name())));
    }

    static AdmittedIdentity identity(IdentityRecord r) {
        StrictTraits t = r.traits();
        boolean qualified = r.state().status() == RnivStatus.QUAL;
        Optional<IdentityIns> ins = r.matricule().map(m -> new IdentityIns(
                qualified ? Optional.of(m.value()) : Optional.empty(), m.masked(), r.oid().map(InsOid::oid)));
        return new AdmittedIdentity(r.id(), r.state().status(), t.nomNaissance(), t.listePrenomText(),
                t.sexe().traitCode(), t.dateNaissance().toString(), t.lieuNaissance().map(BirthPlace::code),
                t.nomUtilise(), t.prenomUtilise(), ins, r.document());
    }

    static Refusal refusal(AdmissionRejection e) {
        return new Refusal(e.error(), e.getMessage(), Optional.of(e.traitRejections().stream()
                .map(r -> new TraitRejection(r.trait().label(), r.error(), r.reason())).toList()),
                e.comparison().map(AdmissionAnswers::comparison));
    }

    private static ComparedIdentities comparison(IdentityComparison c) {
        return new ComparedIdentities(c.source(), c.recordId(), c.recordStatus(), traits(c.local(), null),
                traits(c.returned(), c.returnedInsMasked()), differences(c.differences()), c.flagId(),
                c.changeRequestId());
    }

    private static ComparedTraits traits(StrictTraits t, String insMasked) {
        return new ComparedTraits(t.nomNaissance(), t.listePrenomText(), t.sexe().traitCode(),
                t.dateNaissance().toString(), t.lieuNaissance().map(BirthPlace::code), Optional.ofNullable(insMasked));
    }

    private static List<DifferingTrait> differences(List<TraitDifference> differences) {
        return differences.stream().map(d -> new DifferingTrait(d.trait().label(), Optional.ofNullable(d.local()),
                Optional.ofNullable(d.returned()))).toList();
    }
}
