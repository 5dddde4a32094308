package fr.vigie.hub.admission;

import fr.vigie.hub.identity.RegistryRejection;
import fr.vigie.hub.insi.InsiError;
import fr.vigie.hub.insi.InsiException;
import fr.vigie.hub.insi.InsiResult;

/** Turns INSi outcomes and registry refusals into {@link AdmissionRejection}s with stable codes. Stateless. */
final class Rejections {
    private Rejections() {
    }

    /**
     * {@code 01}, {@code 02}, or a {@code 00} whose key does not verify: what the agent should do next.
     * The last is refused as {@code INSI_KEY_NOT_VERIFIED}: nothing is changed, and the refusal is in
     * the audit log and in the INSi call record for the identity-vigilance cell.
     */
    static AdmissionRejection notOne(InsiResult result, boolean birthPlaceSent) {
        if (result instanceof InsiResult.KeyNotVerified) {
            return new AdmissionRejection(AdmissionRejection.Kind.NOT_RESOLVED, InsiError.INSI_KEY_NOT_VERIFIED.name(),
                    "INSi returned an identity whose INS number does not pass its key check: it is kept exactly as"
                            + " INSi sent it, nothing was changed, and the identity-vigilance cell must look at it");
        }
        if (result instanceof InsiResult.SeveralIdentities) {
            return new AdmissionRejection(AdmissionRejection.Kind.NOT_RESOLVED, InsiError.INSI_SEVERAL_MATCHES.name(),
                    birthPlaceSent ? "INSi found several identities even with the birth place: check the traits"
                            : "INSi found several identities: ask the patient for the birth place and search again");
        }
        return new AdmissionRejection(AdmissionRejection.Kind.NOT_RESOLVED, InsiError.INSI_NO_MATCH.name(),
                "INSi found no identity: check the traits against the patient's identity document");
    }

    static AdmissionRejection of(InsiException e) {
        AdmissionRejection.Kind kind = switch (e.error()) {
            case INSI_TRAITS_REJECTED -> AdmissionRejection.Kind.INVALID;
            case INSI_NO_MATCH, INSI_SEVERAL_MATCHES, INSI_KEY_NOT_VERIFIED, INSI_FAULT_REQUEST_INVALID,
                    INSI_FAULT_AUTHENTICATION ->
                AdmissionRejection.Kind.NOT_RESOLVED;
            default -> AdmissionRejection.Kind.UNAVAILABLE;
        };
        String detail = e.faultDetail().map(d -> " (" + d + ")").orElse("");
        return new AdmissionRejection(kind, e.error().name(), e.getMessage() + detail);
    }

    static AdmissionRejection of(RegistryRejection e) {
        AdmissionRejection.Kind kind = switch (e.kind()) {
            case INVALID -> AdmissionRejection.Kind.INVALID;
            case NOT_FOUND -> AdmissionRejection.Kind.NOT_FOUND;
            case CONFLICT -> AdmissionRejection.Kind.CONFLICT;
        };
        return new AdmissionRejection(kind, e.code(), e.getMessage());
    }
}
