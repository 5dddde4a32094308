package fr.vigie.protocol;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Makes {@link EventId}s that strictly increase within one generator, even when several are made in
 * the same millisecond or when the clock steps backwards (the 12-bit sub-millisecond counter of
 * RFC 9562 method 1, carrying into the timestamp on overflow). Thread-safe.
 */
public final class EventIdGenerator {
    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private int counter;

    public EventIdGenerator(Clock clock, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A generator on the system clock and a {@link SecureRandom}. */
    public static EventIdGenerator system() {
        return new EventIdGenerator(Clock.systemUTC(), new SecureRandom());
    }

    public synchronized EventId next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = random.nextInt(1 << 11); // leave headroom for increments within the millisecond
        } else if (++counter >= (1 << 12)) {
            lastMillis++;
            counter = 0;
        }
        long msb = (lastMillis << 16) | (0x7L << 12) | counter;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new EventId(new UUID(msb, lsb));
    }
}
