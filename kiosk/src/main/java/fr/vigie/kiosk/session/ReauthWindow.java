package fr.vigie.kiosk.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may re-authenticate by a contactless tap: the clinicians who signed in with their contact card and
 * PIN on this kiosk less than {@link SessionTimeouts#reauthWindow()} ago. Confined to the session's lock.
 */
final class ReauthWindow {
    private final Duration length;
    private final Map<String, Instant> pinSignIns = new HashMap<>();

    ReauthWindow(Duration length) {
        this.length = length;
    }

    /** {@code idNatPs} signed in with card and PIN {@code at}: their window starts again. */
    void pinSignIn(String idNatPs, Instant at) {
        pinSignIns.values().removeIf(t -> Duration.between(t, at).compareTo(length) > 0);
        pinSignIns.put(idNatPs, at);
    }

    /** Whether a tap by {@code idNatPs} {@code at} is inside their window (its last instant included). */
    boolean open(String idNatPs, Instant at) {
        Instant signIn = pinSignIns.get(idNatPs);
        return signIn != null && Duration.between(signIn, at).compareTo(length) <= 0;
    }

    /** Closes {@code idNatPs}'s window: only card and PIN sign them in again. */
    void close(String idNatPs) {
        pinSignIns.remove(idNatPs);
    }
}
