package fr.vigie.hub.sso;

import fr.vigie.hub.psc.SubjectRefPro;
import fr.vigie.protocol.KioskAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A clinician's single sign-on session: one kiosk session, proven by the clinician's card or a bound Pro Santé
 * Connect sign-in. Its {@code sid} is the ID tokens' and logout tokens' {@code sid}. Immutable.
 *
 * @param sid the session id
 * @param kiosk the kiosk it was opened at
 * @param kioskSessionId the kiosk's clinician session
 * @param subject the clinician's idNat_PS
 * @param familyName the family name the card certificate (or PSC's userinfo) gives
 * @param givenName the given name the card certificate (or PSC's userinfo) gives
 * @param level how the clinician authenticated
 * @param authenticatedAt when ({@code auth_time})
 * @param expiresAt when it ends at the latest
 * @param endedAt when it ended, if it did
 * @param exercices the exercices the ID tokens carry: the one the kiosk read from the card (as the enrolled kiosk
 *     read it), or the PSC sign-in's chosen one (all of them when none was chosen); empty when none is known
 */
public record SsoSession(String sid, KioskAddress kiosk, String kioskSessionId, String subject, String familyName,
        String givenName, SsoLevel level, Instant authenticatedAt, Instant expiresAt, Optional<Instant> endedAt,
        List<SubjectRefPro.Exercice> exercices) {
    public SsoSession {
        exercices = List.copyOf(exercices);
    }

    /** Whether it may still authenticate the clinician at {@code now}. */
    public boolean liveAt(Instant now) {
        return endedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
