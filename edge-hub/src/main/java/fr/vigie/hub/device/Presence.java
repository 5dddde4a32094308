package fr.vigie.hub.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The rule that says whether a kiosk is online, on an injected clock. Immutable and thread-safe.
 *
 * <p>A kiosk is online when its last status said {@code ONLINE} and no more than
 * {@code offlineAfterHeartbeats × heartbeatSeconds} have passed since its last heartbeat. A last will
 * (state {@code OFFLINE}) makes it offline at once; a kiosk seen only through its events has sent no
 * heartbeat and is offline.
 *
 * <pre>{@code
 * Presence presence = new Presence(Clock.systemUTC(), 3);
 * boolean online = presence.isOnline("ONLINE", lastHeartbeatAt, 10);
 * }</pre>
 */
public final class Presence {
    /** State of a kiosk that has never sent a status, only events. */
    public static final String UNKNOWN = "UNKNOWN";

    private final Clock clock;
    private final int offlineAfterHeartbeats;

    public Presence(Clock clock, int offlineAfterHeartbeats) {
        if (offlineAfterHeartbeats < 1) {
            throw new IllegalArgumentException("offlineAfterHeartbeats must be at least 1, got " + offlineAfterHeartbeats);
        }
        this.clock = clock;
        this.offlineAfterHeartbeats = offlineAfterHeartbeats;
    }

    /**
     * Whether a kiosk with this last reported state and heartbeat is online now.
     *
     * @param state last reported state ({@code ONLINE}, {@code OFFLINE} or {@link #UNKNOWN})
     * @param lastHeartbeatAt when its last heartbeat was sent, or {@code null} if none came
     * @param heartbeatSeconds the interval the kiosk announced, or {@code null} if unknown
     */
    public boolean isOnline(String state, Instant lastHeartbeatAt, Integer heartbeatSeconds) {
        if (!"ONLINE".equals(state) || lastHeartbeatAt == null || heartbeatSeconds == null || heartbeatSeconds < 1) {
            return false;
        }
        Duration grace = Duration.ofSeconds((long) heartbeatSeconds * offlineAfterHeartbeats);
        return clock.instant().isBefore(lastHeartbeatAt.plus(grace));
    }

    /**
     * When a heartbeat counts as sent: the kiosk's own {@code sentAt}, but never later than when the
     * hub received it. A status replayed by the broker (retained, or queued while the hub was away)
     * therefore keeps its age, and a kiosk whose clock runs ahead cannot stay online beyond its grace.
     */
    public static Instant heartbeatTime(Instant sentAt, Instant receivedAt) {
        return sentAt.isBefore(receivedAt) ? sentAt : receivedAt;
    }

    /** The hub's clock. */
    public Clock clock() {
        return clock;
    }
}
