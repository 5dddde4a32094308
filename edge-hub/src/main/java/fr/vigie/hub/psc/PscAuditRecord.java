package fr.vigie.hub.psc;

import java.time.Instant;
import java.util.Optional;

/**
 * One audit fact about binding PSC tokens to a kiosk session. Names identities by idNat_PS and
 * the session by id; never carries a token. Immutable.
 *
 * @param at when it was decided
 * @param sessionId the kiosk session
 * @param expected the idNat_PS that opened the session (card or chosen identifier)
 * @param presented the tokens' {@code SubjectNameID}
 * @param outcome {@code BOUND} or {@code REFUSED}
 * @param reason the refusal's code, empty when bound
 */
public record PscAuditRecord(Instant at, String sessionId, String expected, String presented, String outcome,
        Optional<PscError> reason) {
}
