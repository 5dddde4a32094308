package fr.vigie.hub.enrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per source address: each source may make {@code perMinute} requests at once, and
 * gets them back evenly over a minute. Buckets that have filled up again are forgotten when many
 * sources are followed, so memory stays bounded by the sources active in the last minute. In memory
 * only: losing it on a restart costs nothing that matters. Thread-safe.
 */
final class SourceRate {
    private static final int PRUNE_ABOVE = 10_000;
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    SourceRate(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one request from {@code source}'s bucket; empty when allowed, else how long until one is. */
    synchronized Optional<Duration> take(String source) {
        Instant now = clock.instant();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> refilled(b, now) >= perMinute);
        }
        Bucket b = buckets.computeIfAbsent(source, s -> new Bucket(perMinute, now));
        b.tokens = refilled(b, now);
        b.at = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return Optional.empty();
        }
        double perMilli = perMinute / 60_000.0;
        return Optional.of(Duration.ofMillis((long) Math.ceil((1 - b.tokens) / perMilli)));
    }

    private double refilled(Bucket b, Instant now) {
        long elapsed = Math.max(0, Duration.between(b.at, now).toMillis());
        return Math.min(perMinute, b.tokens + elapsed * perMinute / 60_000.0);
    }
}
