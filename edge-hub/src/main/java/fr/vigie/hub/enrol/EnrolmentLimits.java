package fr.vigie.hub.enrol;

/**
 * How much of the open enrolment endpoint one source address may use, so that a flood from one
 * machine never keeps kiosks elsewhere from enrolling ({@code hub.enrol.*}). A source is the peer
 * address of the connection, an IPv6 /64 counting as one ({@link fr.vigie.hub.http.SourceAddress}).
 * Immutable; a value out of its bounds throws an {@link IllegalArgumentException} whose message starts
 * with its key.
 *
 * @param maxPending requests waiting for IT at once, all sources together; more are refused 429
 *        {@code ENROLMENT_QUEUE_FULL} ({@value #MAX_PENDING}, 1–100000, default 1000)
 * @param maxPendingPerSource requests waiting for IT at once from one source; more are refused 429
 *        {@code ENROLMENT_SOURCE_QUEUE_FULL} ({@value #MAX_PENDING_PER_SOURCE}, 1–10000, default 20)
 * @param requestsPerMinutePerSource enrolment submissions one source may make per minute (a bucket of
 *        that many, refilled evenly); more are refused 429 {@code ENROLMENT_RATE_LIMITED} with
 *        {@code Retry-After} ({@value #REQUESTS_PER_MINUTE_PER_SOURCE}, 1–100000, default 60)
 */
public record EnrolmentLimits(int maxPending, int maxPendingPerSource, int requestsPerMinutePerSource) {
    public static final String MAX_PENDING = "hub.enrol.max-pending";
    public static final String MAX_PENDING_PER_SOURCE = "hub.enrol.max-pending-per-source";
    public static final String REQUESTS_PER_MINUTE_PER_SOURCE = "hub.enrol.requests-per-minute-per-source";

    public EnrolmentLimits {
        within(MAX_PENDING, maxPending, 100_000);
        within(MAX_PENDING_PER_SOURCE, maxPendingPerSource, 10_000);
        within(REQUESTS_PER_MINUTE_PER_SOURCE, requestsPerMinutePerSource, 100_000);
        if (maxPendingPerSource > maxPending) {
            throw new IllegalArgumentException(MAX_PENDING_PER_SOURCE + " (" + maxPendingPerSource
                    + ") must not exceed " + MAX_PENDING + " (" + maxPending + ")");
        }
    }

    /** 1000 waiting in all, 20 per source, 60 submissions per minute per source. */
    public static EnrolmentLimits defaults() {
        return new EnrolmentLimits(1000, 20, 60);
    }

    private static void within(String key, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(key + " must be between 1 and " + max + ", got " + value);
        }
    }
}
