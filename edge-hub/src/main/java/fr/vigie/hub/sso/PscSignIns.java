package fr.vigie.hub.sso;

import fr.vigie.hub.psc.SubjectRefPro;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The Pro Santé Connect sign-ins bound to kiosk sessions (kiosk CIBA, {@code SessionBindingGuard}), as the OP reads
 * them to open an SSO session through PSC: who, and what PSC's userinfo said of them. Thread-safe.
 */
@FunctionalInterface
public interface PscSignIns {
    /** A hub without Pro Santé Connect: no sign-in is ever bound. */
    PscSignIns NONE = (kiosk, requestId, session) -> Optional.empty();

    /**
     * The sign-in CIBA request {@code cibaRequestId} of {@code kiosk} bound to its session {@code kioskSessionId}
     * (its {@code SubjectNameID} matched), while its tokens are held; empty otherwise.
     *
     * @throws SQLException the hub database, where the sign-ins are kept, is unavailable
     */
    Optional<PscSignIn> bound(KioskAddress kiosk, String cibaRequestId, String kioskSessionId) throws SQLException;

    /**
     * A bound sign-in.
     *
     * @param professional the idNat_PS the binding checked
     * @param familyName the family name PSC's userinfo gave
     * @param givenName the given name PSC's userinfo gave
     * @param exercices the exercice the clinician chose among {@code SubjectRefPro}'s, or all of them when none
     *     was chosen
     */
    record PscSignIn(IdNatPs professional, String familyName, String givenName,
            List<SubjectRefPro.Exercice> exercices) {
        public PscSignIn {
            exercices = List.copyOf(exercices);
        }
    }
}
