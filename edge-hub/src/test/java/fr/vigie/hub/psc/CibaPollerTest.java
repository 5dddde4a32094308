package fr.vigie.hub.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CibaPollerTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final List<Duration> intervalsUsed = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A request whose interval is 1 ms of real time, so the scheduler runs the polls at once. */
    CibaRequest request() throws Exception {
        return new CibaRequest("req", "42", Duration.ofSeconds(120), Duration.ofMillis(1), IdNatPs.parse("810099900010"),
                CibaChannel.CARD, clock.instant().plusSeconds(120));
    }

    CibaPoll run(Deque<CibaPoll> answers, Runnable onEachPoll) throws Exception {
        CibaPoller poller = new CibaPoller((req, interval) -> {
            intervalsUsed.add(interval);
            onEachPoll.run();
            return answers.pop();
        }, scheduler, clock);
        return poller.await(request()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void pollsThroughPendingAndSlowDownUntilTokensUsingTheLongerInterval() throws Exception {
        PscTokens tokens = SessionBindingGuardTest.tokensFor("810099900010");
        Deque<CibaPoll> answers = new ArrayDeque<>(List.of(new CibaPoll.Pending(),
                new CibaPoll.SlowDown(Duration.ofMillis(2)), new CibaPoll.Pending(), new CibaPoll.Tokens(tokens)));
        CibaPoll end = run(answers, () -> { });
        assertEquals(tokens, assertInstanceOf(CibaPoll.Tokens.class, end).tokens());
        assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(2)),
                intervalsUsed);
    }

    @Test
    void deniedEndsThePolling() throws Exception {
        CibaPoll end = run(new ArrayDeque<>(List.of(new CibaPoll.Pending(),
                new CibaPoll.Denied(PscError.PSC_ACCESS_DENIED))), () -> { });
        assertEquals(PscError.PSC_ACCESS_DENIED, assertInstanceOf(CibaPoll.Denied.class, end).error());
        assertEquals(2, intervalsUsed.size());
    }

    @Test
    void requestPastItsExpiryByTheClockEndsWithoutAskingPscAgain() throws Exception {
        Deque<CibaPoll> answers = new ArrayDeque<>(List.of(new CibaPoll.Pending(), new CibaPoll.Pending()));
        CibaPoll end = run(answers, () -> clock.advance(Duration.ofSeconds(121)));
        assertEquals(PscError.PSC_REQUEST_EXPIRED, assertInstanceOf(CibaPoll.Expired.class, end).error());
        assertEquals(1, intervalsUsed.size());
    }

    @Test
    void pscFailureCompletesTheFutureWithItsCode() throws Exception {
        CibaPoller poller = new CibaPoller((req, interval) -> {
            throw new PscException(PscError.PSC_UNREACHABLE, "down");
        }, scheduler, clock);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> poller.await(request()).get(10, TimeUnit.SECONDS));
        assertEquals(PscError.PSC_UNREACHABLE, ((PscException) e.getCause()).error());
    }
}
