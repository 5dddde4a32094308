package fr.vigie.hub.psc.kiosk;

import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.SubjectRefPro;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a kiosk's CIBA sign-in stands, as the kiosk may see it: never a token. Immutable.
 */
public sealed interface CibaStatus {
    /** Waiting for the professional's approval on the card app or the phone. */
    record Pending(String bindingMessage, Instant expiresAt) implements CibaStatus { }

    /**
     * Approved, and the tokens' {@code SubjectNameID} is the expected idNat_PS: the tokens are bound
     * to the kiosk session (and stay on the hub).
     *
     * @param who the professional as PSC's userinfo names them
     * @param exercices every exercice from {@code SubjectRefPro}, in PSC's order
     * @param chosen the index of the exercice the clinician chose, when chosen (or the only one)
     * @param expiresAt when the access token expires
     */
    record Bound(Professional who, List<SubjectRefPro.Exercice> exercices, Optional<Integer> chosen,
            Instant expiresAt) implements CibaStatus {
        public Bound {
            exercices = List.copyOf(exercices);
        }
    }

    /** PSC or the binding guard said no: refused on the phone, expired, another professional's tokens… */
    record Refused(PscError code, String message) implements CibaStatus { }

    /** The exchange with PSC could not happen (unreachable, server error). */
    record Failed(PscError code, String message) implements CibaStatus { }

    /** The professional a bound sign-in belongs to. */
    record Professional(String idNatPs, String givenName, String familyName) { }
}
