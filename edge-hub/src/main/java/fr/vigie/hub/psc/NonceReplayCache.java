package fr.vigie.hub.psc;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the nonces of accepted ID tokens until those tokens expire, so that a token replayed
 * within its lifetime is refused. Forgets entries by the injected clock. Thread-safe.
 */
public final class NonceReplayCache {
    private final Clock clock;
    private final Map<String, Instant> seen = new HashMap<>();

    public NonceReplayCache(Clock clock) {
        this.clock = clock;
    }

    /** Records the nonce until {@code until}; false if it was already recorded and has not expired. */
    public synchronized boolean firstUse(String nonce, Instant until) {
        Instant now = clock.instant();
        seen.values().removeIf(u -> u.isBefore(now));
        return seen.putIfAbsent(nonce, until) == null;
    }

    /** How many nonces are remembered. */
    public synchronized int size() {
        return seen.size();
    }
}
