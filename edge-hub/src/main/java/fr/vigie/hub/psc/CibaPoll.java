package fr.vigie.hub.psc;

import java.time.Duration;

/**
 * One answer to a CIBA poll. {@link Pending} and {@link SlowDown} mean "poll again"; the others
 * end the request.
 */
public sealed interface CibaPoll {
    /** Not approved yet ({@code authorization_pending}); poll again after the current interval. */
    record Pending() implements CibaPoll { }

    /** Polled too fast ({@code slow_down}); poll again after {@code interval}, 5 s longer than before. */
    record SlowDown(Duration interval) implements CibaPoll { }

    /** The professional refused ({@code access_denied}). */
    record Denied(PscError error) implements CibaPoll { }

    /** The request expired before approval ({@code expired_token}). */
    record Expired(PscError error) implements CibaPoll { }

    /** Approved: validated tokens. */
    record Tokens(PscTokens tokens) implements CibaPoll { }

    /** Whether the request is over. */
    default boolean terminal() {
        return this instanceof Denied || this instanceof Expired || this instanceof Tokens;
    }
}
