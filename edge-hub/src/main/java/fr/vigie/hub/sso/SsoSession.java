package fr.vigie.hub.sso;

import fr.vigie.protocol.KioskAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * A clinician's single sign-on session: one kiosk session, proven by the clinician's card or a bound Pro Santé
 * Connect sign-in. Its {@code sid} is the ID tokens' and logout tokens' {@code sid}. Immutable.
 *
 * @param sid the session id
 * @param kiosk the kiosk it was opened at
 * @param kioskSessionId the kiosk's clinician session
 * @param subject the clinician's idNat_PS
 * @param familyName the family name the card certificate gives (empty through PSC)
 * @param givenName the given name the card certificate gives (empty through PSC)
 * @param level how the clinician authenticated
 * @param authenticatedAt when ({@code auth_time})
 * @param expiresAt when it ends at the latest
 * @param endedAt when it ended, if it did
 */
public record SsoSession(String sid, KioskAddress kiosk, String kioskSessionId, String subject, String familyName,
        String givenName, SsoLevel level, Instant authenticatedAt, Instant expiresAt, Optional<Instant> endedAt) {

    /** Whether it may still authenticate the clinician at {@code now}. */
    public boolean liveAt(Instant now) {
        return endedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
