package fr.vigie.hub.sandbox.psc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox PSC's pending CIBA requests and the rules of polling them, by the injected clock:
 * {@code authorization_pending} until the phone approves, {@code slow_down} (and 5 s more
 * interval) when polled sooner than the interval after the previous poll, {@code access_denied}
 * once refused, {@code expired_token} after {@code expires_in}. An approved request yields its
 * tokens once. Thread-safe.
 */
public final class CibaLedger {
    /** What the phone shows and decides about; {@code ref} is the phone's handle, not the auth_req_id. */
    public record Pending(String ref, SandboxProfessional professional, String bindingMessage, String channel,
            Instant expiresAt) {
    }

    /** The answer to one poll. */
    public enum Answer { PENDING, SLOW_DOWN, DENIED, EXPIRED, APPROVED, UNKNOWN }

    /** A poll's answer and, when approved, the request it approved. */
    public record PollResult(Answer answer, Optional<Pending> request) {
    }

    private enum State { PENDING, APPROVED, DENIED }

    private static final class Entry {
        final Pending view;
        State state = State.PENDING;
        SandboxProfessional approvedAs;
        Duration interval;
        Instant lastPoll;

        Entry(Pending view, Duration interval) {
            this.view = view;
            this.interval = interval;
        }
    }

    private final Clock clock;
    private final SecureRandom random;
    private final Duration expiresIn;
    private final Duration interval;
    private final Map<String, Entry> byAuthReqId = new HashMap<>();
    private final Map<String, String> authReqIdByRef = new HashMap<>();

    public CibaLedger(Clock clock, SecureRandom random, Duration expiresIn, Duration interval) {
        this.clock = clock;
        this.random = random;
        this.expiresIn = expiresIn;
        this.interval = interval;
    }

    /** Records a new request; returns its {@code auth_req_id}. */
    public synchronized String open(SandboxProfessional professional, String bindingMessage, String channel) {
        return open(professional, bindingMessage, channel, false);
    }

    /** Records a new request, already approved when {@code approved} (the sandbox's instant approval). */
    public synchronized String open(SandboxProfessional professional, String bindingMessage, String channel,
            boolean approved) {
        purge();
        String authReqId = token(24);
        String ref = token(9);
        Entry e = new Entry(new Pending(ref, professional, bindingMessage, channel, clock.instant().plus(expiresIn)),
                interval);
        if (approved) {
            e.state = State.APPROVED;
        }
        byAuthReqId.put(authReqId, e);
        authReqIdByRef.put(ref, authReqId);
        return authReqId;
    }

    /** Answers one poll of {@code authReqId}. */
    public synchronized PollResult poll(String authReqId) {
        Entry e = byAuthReqId.get(authReqId);
        if (e == null) {
            return new PollResult(Answer.UNKNOWN, Optional.empty());
        }
        Instant now = clock.instant();
        if (now.isAfter(e.view.expiresAt())) {
            forget(authReqId);
            return new PollResult(Answer.EXPIRED, Optional.empty());
        }
        boolean tooSoon = e.lastPoll != null && now.isBefore(e.lastPoll.plus(e.interval));
        e.lastPoll = now;
        if (tooSoon) {
            e.interval = e.interval.plusSeconds(5);
            return new PollResult(Answer.SLOW_DOWN, Optional.empty());
        }
        return switch (e.state) {
            case PENDING -> new PollResult(Answer.PENDING, Optional.empty());
            case DENIED -> {
                forget(authReqId);
                yield new PollResult(Answer.DENIED, Optional.empty());
            }
            case APPROVED -> {
                forget(authReqId);
                Pending v = e.view;
                SandboxProfessional who = e.approvedAs == null ? v.professional() : e.approvedAs;
                yield new PollResult(Answer.APPROVED, Optional.of(new Pending(v.ref(), who, v.bindingMessage(),
                        v.channel(), v.expiresAt())));
            }
        };
    }

    /** The phone approves ({@code true}) or refuses a pending request; false if it is not pending. */
    public synchronized boolean decide(String ref, boolean approve) {
        return decide(ref, approve, Optional.empty());
    }

    /**
     * Like {@link #decide(String, boolean)}; an approval {@code as} another professional yields that
     * professional's tokens, as when the CPS app reads another card than the one asked for (a card
     * swap): what the hub's session binding guard must refuse.
     */
    public synchronized boolean decide(String ref, boolean approve, Optional<SandboxProfessional> as) {
        String id = authReqIdByRef.get(ref);
        Entry e = id == null ? null : byAuthReqId.get(id);
        if (e == null || e.state != State.PENDING || clock.instant().isAfter(e.view.expiresAt())) {
            return false;
        }
        e.state = approve ? State.APPROVED : State.DENIED;
        e.approvedAs = approve ? as.orElse(null) : null;
        return true;
    }

    /** The requests awaiting a decision, oldest first. */
    public synchronized List<Pending> pending() {
        purge();
        Instant now = clock.instant();
        List<Pending> out = new ArrayList<>();
        byAuthReqId.values().stream().filter(e -> e.state == State.PENDING && !now.isAfter(e.view.expiresAt()))
                .forEach(e -> out.add(e.view));
        out.sort(Comparator.comparing(Pending::expiresAt));
        return out;
    }

    Duration expiresIn() {
        return expiresIn;
    }

    Duration interval() {
        return interval;
    }

    private void purge() {
        Instant now = clock.instant();
        List<String> old = byAuthReqId.entrySet().stream()
                .filter(en -> now.isAfter(en.getValue().view.expiresAt().plus(expiresIn))).map(Map.Entry::getKey).toList();
        old.forEach(this::forget);
    }

    private void forget(String authReqId) {
        Entry e = byAuthReqId.remove(authReqId);
        if (e != null) {
            authReqIdByRef.remove(e.view.ref());
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
