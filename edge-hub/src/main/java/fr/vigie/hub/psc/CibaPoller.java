package fr.vigie.hub.psc;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls a CIBA request on an injected scheduler until it ends: waits the interval PSC gave between
 * polls, adds 5 s on each {@code slow_down}, and gives up by the injected clock once the request
 * has expired even if PSC never says {@code expired_token}. The returned future completes with a
 * terminal {@link CibaPoll} (tokens, denied, expired) or exceptionally with a {@link PscException};
 * cancelling it stops the polling. Thread-safe.
 */
public final class CibaPoller {
    /** One poll with the interval in force; {@link CibaFlow#poll(CibaRequest, Duration)} in production. */
    interface PollOnce {
        CibaPoll poll(CibaRequest request, Duration interval) throws PscException;
    }

    private final PollOnce flow;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    public CibaPoller(CibaFlow flow, ScheduledExecutorService scheduler, Clock clock) {
        this((PollOnce) flow::poll, scheduler, clock);
    }

    CibaPoller(PollOnce flow, ScheduledExecutorService scheduler, Clock clock) {
        this.flow = flow;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Starts polling {@code request}; the first poll comes one interval after now. */
    public CompletableFuture<CibaPoll> await(CibaRequest request) {
        CompletableFuture<CibaPoll> result = new CompletableFuture<>();
        schedule(request, request.interval(), result);
        return result;
    }

    private void schedule(CibaRequest request, Duration interval, CompletableFuture<CibaPoll> result) {
        if (result.isDone()) {
            return;
        }
        scheduler.schedule(() -> tick(request, interval, result), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick(CibaRequest request, Duration interval, CompletableFuture<CibaPoll> result) {
        if (result.isDone()) {
            return;
        }
        if (clock.instant().isAfter(request.expiresAt())) {
            result.complete(new CibaPoll.Expired(PscError.PSC_REQUEST_EXPIRED));
            return;
        }
        try {
            CibaPoll answer = flow.poll(request, interval);
            if (answer.terminal()) {
                result.complete(answer);
            } else if (answer instanceof CibaPoll.SlowDown slow) {
                schedule(request, slow.interval(), result);
            } else {
                schedule(request, interval, result);
            }
        } catch (PscException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(new PscException(PscError.PSC_PROTOCOL_ERROR, "CIBA poll failed: " + e, e));
        }
    }
}
