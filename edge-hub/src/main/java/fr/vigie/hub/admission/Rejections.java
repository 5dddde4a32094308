package fr.vigie.hub.admission;

import fr.vigie.hub.identity.RegistryRejection;
import fr.vigie.hub.insi.InsiError;
import fr.vigie.hub.insi.InsiException;
import fr.vigie.hub.insi.InsiResult;
import fr.vigie.protocol.device.AdmissionError;

/**
 * Turns INSi outcomes, ApCV refusals and registry refusals into {@link AdmissionRejection}s with the device
 * API's codes. Every hub code keeps its name on the wire (a test checks that each has its
 * {@link AdmissionError}). Stateless.
 */
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
            return new AdmissionRejection(AdmissionError.INSI_KEY_NOT_VERIFIED,
                    "INSi returned an identity whose INS number does not pass its key check: it is kept exactly as"
                            + " INSi sent it, nothing was changed, and the identity-vigilance cell must look at it");
        }
        if (result instanceof InsiResult.SeveralIdentities) {
            return new AdmissionRejection(AdmissionError.INSI_SEVERAL_MATCHES,
                    birthPlaceSent ? "INSi found several identities even with the birth place: check the traits"
                            : "INSi found several identities: ask the patient for the birth place and search again");
        }
        return new AdmissionRejection(AdmissionError.INSI_NO_MATCH,
                "INSi found no identity: check the traits against the patient's identity document");
    }

    static AdmissionRejection of(InsiException e) {
        String detail = e.faultDetail().map(d -> " (" + d + ")").orElse("");
        return new AdmissionRejection(code(e.error()), e.getMessage() + detail);
    }

    static AdmissionRejection of(RegistryRejection e) {
        return new AdmissionRejection(code(e.code()), e.getMessage());
    }

    /** The device API's code of an INSi outcome. */
    static AdmissionError code(InsiError error) {
        return AdmissionError.valueOf(error.name());
    }

    /** The device API's code of an ApCV refusal. */
    static AdmissionError code(ApcvError error) {
        return AdmissionError.valueOf(error.name());
    }

    /** The device API's code of a registry refusal: a {@code RegistryError} or {@code RnivError} name. */
    static AdmissionError code(String registryCode) {
        return AdmissionError.valueOf(registryCode);
    }
}
