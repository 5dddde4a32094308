package fr.vigie.hub.psc;

import fr.vigie.protocol.identity.IdNatPs;
import java.time.Instant;
import java.util.Optional;

/**
 * What a validated PSC ID token says. Immutable.
 *
 * @param subject {@code sub}, PSC's opaque UUID for the professional
 * @param subjectNameId {@code SubjectNameID}, the professional's idNat_PS
 * @param acr the authentication level, always {@code eidas1} once validated
 * @param authMode how the professional authenticated ({@code CARD}, {@code MOBILE}, …) when given
 * @param sid PSC's session id, when given
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 */
public record IdTokenClaims(String subject, IdNatPs subjectNameId, String acr, Optional<String> authMode,
        Optional<String> sid, Instant issuedAt, Instant expiresAt) {
}
