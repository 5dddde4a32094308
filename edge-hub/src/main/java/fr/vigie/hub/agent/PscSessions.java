package fr.vigie.hub.agent;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The Pro Santé Connect sign-ins bound to kiosk sessions on the site's hubs (kiosk CIBA through
 * {@code SessionBindingGuard}), as {@link ProvenAgents} reads them for a PSC proof. Thread-safe.
 */
@FunctionalInterface
public interface PscSessions {
    /** A hub without Pro Santé Connect: no session is ever bound. */
    PscSessions NONE = (kiosk, requestId, session) -> Optional.empty();

    /**
     * The professional whose tokens CIBA request {@code cibaRequestId} of {@code kiosk} bound to its session
     * {@code kioskSessionId} (their {@code SubjectNameID} matched), while those tokens are held; empty when
     * that request is unknown, another kiosk's or another session's, not bound, or over.
     *
     * @throws SQLException the hub database, where the sign-ins are kept, is unavailable
     */
    Optional<IdNatPs> boundProfessional(KioskAddress kiosk, String cibaRequestId, String kioskSessionId)
            throws SQLException;
}
