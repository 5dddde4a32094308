package fr.vigie.hub.psc.kiosk;

import fr.vigie.hub.db.DataSeal;
import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.CibaRequest;
import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.PscTokens;
import fr.vigie.hub.psc.PscUserInfo;
import fr.vigie.hub.psc.SessionBindingGuard;
import fr.vigie.hub.psc.SubjectRefPro;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CibaError;
import fr.vigie.protocol.identity.IdNatPs;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CIBA sign-ins on behalf of kiosks. {@link #start} asks PSC to have the professional approve (on
 * the card app for {@code CARD}, the e-CPS phone for {@code MOBILE}) and polls in the background;
 * approved tokens go through the {@link SessionBindingGuard}: they stay on the hub side, bound to the
 * kiosk's session, only if their {@code SubjectNameID} is the idNat_PS the kiosk named, otherwise
 * they are dropped and the refusal is recorded in {@link BindingRefusals}. {@link #status} tells the
 * kiosk where its request stands, never with a token, and only for its own requests.
 *
 * <p>Requests live in PostgreSQL ({@link CibaRequests}), so that every hub sharing the site's database
 * answers a kiosk about any of them: a kiosk may start a sign-in through one hub and poll it through
 * another. PSC's {@code auth_req_id} and the tokens are stored sealed under the hubs' data key. The hub
 * that started a request polls PSC for it under a lease of {@value #LEASE_SECONDS} s, renewed by
 * {@link #sweep()}; when that hub stops (or dies), another hub's sweep takes polling over. A pending
 * request nobody polls any more reads as expired {@value #ORPHAN_GRACE_SECONDS} s after PSC's expiry. A kiosk
 * may have {@value #MAX_OPEN_PER_KIOSK} requests awaiting approval at once; ended requests are
 * forgotten five minutes after they end, bound ones when their token expires. Thread-safe.
 *
 * <pre>{@code
 * CibaStarted s = ciba.start(kiosk, IdNatPs.parse("810099900010"), CibaChannel.CARD, "session-1");
 * CibaStatus now = ciba.status(kiosk, s.requestId()).orElseThrow();   // Pending, then Bound or Refused
 * }</pre>
 */
public final class KioskCiba {
    /** Requests a kiosk may have awaiting approval at once. */
    public static final int MAX_OPEN_PER_KIOSK = 4;
    /** How long a hub's claim to poll a request lasts unless renewed. */
    static final int LEASE_SECONDS = 30;
    /** How long after PSC's expiry a pending request nobody settled reads as expired. */
    static final int ORPHAN_GRACE_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(KioskCiba.class);
    private static final Duration KEEP_ENDED = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofSeconds(LEASE_SECONDS);
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(ORPHAN_GRACE_SECONDS);
    /** Requests one sweep takes over at most. */
    private static final int CLAIM_BATCH = 20;

    private final CibaGateway gateway;
    private final SessionBindingGuard guard;
    private final BindingRefusals refusals;
    private final CibaRequests requests;
    private final String hubInstance;
    private final Clock clock;
    private final SecureRandom random;
    /** The requests this hub polls PSC for now (its work, not the requests' state). */
    private final Map<String, CompletableFuture<CibaPoll>> polling = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    KioskCiba(CibaGateway gateway, SessionBindingGuard guard, BindingRefusals refusals, CibaRequests requests,
            String hubInstance, Clock clock, SecureRandom random) {
        this.gateway = gateway;
        this.guard = guard;
        this.refusals = refusals;
        this.requests = requests;
        this.hubInstance = hubInstance;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Sign-ins through {@code gateway}, binding with {@code guard}, refusals recorded in {@code refusals},
     * requests kept in {@code dataSource} with PSC's handles and tokens sealed by {@code seal}, polled by
     * this hub as {@code hubInstance}.
     */
    public static KioskCiba over(PscGateway gateway, SessionBindingGuard guard, BindingRefusals refusals,
            DataSource dataSource, DataSeal seal, String hubInstance, Clock clock, SecureRandom random) {
        return new KioskCiba(gateway, guard, refusals, new CibaRequests(dataSource, seal), hubInstance, clock, random);
    }

    /**
     * Starts a CIBA sign-in of {@code who} for the session {@code kioskSessionId} of {@code kiosk}.
     *
     * @throws PscException PSC refused the request (e.g. unknown professional) or could not be reached
     * @throws KioskCibaException {@link CibaError#CIBA_TOO_MANY_REQUESTS}
     * @throws SQLException the database is unavailable
     */
    public CibaStarted start(KioskAddress kiosk, IdNatPs who, CibaChannel channel, String kioskSessionId)
            throws PscException, KioskCibaException, SQLException {
        Instant now = clock.instant();
        int open = requests.pendingOf(kiosk, now);
        if (open >= MAX_OPEN_PER_KIOSK) {
            throw new KioskCibaException(CibaError.CIBA_TOO_MANY_REQUESTS, "kiosk " + kiosk + " already has "
                    + open + " sign-ins awaiting approval");
        }
        CibaRequest request = gateway.start(who, channel);
        String id = newId();
        requests.insert(id, kiosk, kioskSessionId, request, hubInstance, now.plus(LEASE),
                request.expiresAt().plus(KEEP_ENDED), now);
        LOG.info("CIBA {} for kiosk {} session {}: {} on {}", id, kiosk, kioskSessionId, who, channel);
        poll(id, kiosk, kioskSessionId, who, request);
        return new CibaStarted(id, request.bindingMessage(), request.interval(), request.expiresAt());
    }

    /**
     * Where {@code kiosk}'s request {@code requestId} stands; empty if unknown, another kiosk's or forgotten.
     *
     * @throws SQLException the database is unavailable
     */
    public Optional<CibaStatus> status(KioskAddress kiosk, String requestId) throws SQLException {
        Instant now = clock.instant();
        return own(kiosk, requestId).map(r -> r.status() instanceof CibaStatus.Pending
                && now.isAfter(r.expiresAt().plus(ORPHAN_GRACE))
                ? new CibaStatus.Refused(PscError.PSC_REQUEST_EXPIRED, "the sign-in was not approved in time")
                : r.status());
    }

    /**
     * Records the exercice the clinician chose among a bound request's.
     *
     * @throws KioskCibaException unknown request, or not bound
     * @throws PscException {@link PscError#PSC_EXERCICE_UNKNOWN} for an index out of range
     * @throws SQLException the database is unavailable
     */
    public SubjectRefPro.Exercice chooseExercice(KioskAddress kiosk, String requestId, int index)
            throws KioskCibaException, PscException, SQLException {
        CibaRequests.Stored r = own(kiosk, requestId).orElseThrow(() -> unknown(requestId));
        if (!(r.status() instanceof CibaStatus.Bound b)) {
            throw new KioskCibaException(CibaError.CIBA_NOT_BOUND, "request " + requestId + " is not bound");
        }
        SubjectRefPro.Exercice chosen = new SubjectRefPro(b.exercices()).choose(index);
        requests.choose(requestId, index);
        LOG.info("CIBA {}: kiosk {} session {} works under exercice {}", requestId, kiosk, r.sessionId(), index);
        return chosen;
    }

    /**
     * The tokens bound to {@code kiosk}'s session {@code kioskSessionId} until they expire, for hub features
     * acting for it, whichever hub polled PSC.
     *
     * @throws SQLException the database is unavailable
     */
    public Optional<PscTokens> tokensOf(KioskAddress kiosk, String kioskSessionId) throws SQLException {
        return requests.tokensOf(kiosk, kioskSessionId, clock.instant());
    }

    /**
     * The professional whose tokens request {@code requestId} of {@code kiosk} bound to its session
     * {@code kioskSessionId}, until those tokens expire; empty otherwise (unknown, another kiosk's or
     * session's, not bound, expired). A hub feature may take it as proof of who acts in that session.
     *
     * @throws SQLException the database is unavailable
     */
    public Optional<IdNatPs> boundProfessional(KioskAddress kiosk, String requestId, String kioskSessionId)
            throws SQLException {
        return boundSignIn(kiosk, requestId, kioskSessionId).map(BoundSignIn::professional);
    }

    /**
     * The sign-in {@link #boundProfessional} finds, with what PSC's userinfo said of the professional (names,
     * {@code SubjectRefPro} exercices, the one chosen).
     *
     * @throws SQLException the database is unavailable
     */
    public Optional<BoundSignIn> boundSignIn(KioskAddress kiosk, String requestId, String kioskSessionId)
            throws SQLException {
        Instant now = clock.instant();
        return own(kiosk, requestId).filter(r -> r.sessionId().equals(kioskSessionId)
                && r.status() instanceof CibaStatus.Bound && r.boundUntil().map(now::isBefore).orElse(false))
                .map(r -> new BoundSignIn(r.expected(), (CibaStatus.Bound) r.status()));
    }

    /**
     * A bound sign-in: the professional whose {@code SubjectNameID} matched, and PSC's answer.
     *
     * @param professional the idNat_PS the binding checked
     * @param bound the names and exercices PSC's userinfo gave, and the exercice chosen
     */
    public record BoundSignIn(IdNatPs professional, CibaStatus.Bound bound) {
    }

    /**
     * What each hub does every few seconds: renews its lease on the requests it polls, takes polling over
     * for pending requests whose hub stopped, and forgets ended requests. Failures are logged; the next
     * sweep tries again.
     */
    void sweep() {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        try {
            requests.renew(hubInstance, List.copyOf(polling.keySet()), now.plus(LEASE));
            for (CibaRequests.Polled p : requests.claim(hubInstance, now, now.plus(LEASE), CLAIM_BATCH)) {
                CibaRequests.Stored r = p.stored();
                if (!polling.containsKey(r.requestId())) {
                    LOG.info("CIBA {} for kiosk {} session {}: this hub polls PSC for it now", r.requestId(), r.kiosk(),
                            r.sessionId());
                    poll(r.requestId(), r.kiosk(), r.sessionId(), r.expected(), p.request());
                }
            }
            int forgotten = requests.purge(now);
            if (forgotten > 0) {
                LOG.debug("{} ended CIBA requests forgotten", forgotten);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("CIBA sweep failed, tried again shortly: {}", e.toString());
        }
    }

    /** Stops polling PSC and lets another hub take this hub's pending requests over at once. */
    void stop() {
        stopped = true;
        List<String> ids = List.copyOf(polling.keySet());
        ids.forEach(id -> {
            CompletableFuture<CibaPoll> f = polling.remove(id);
            if (f != null) {
                f.cancel(false);
            }
        });
        try {
            requests.release(hubInstance, ids);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{} pending CIBA requests not released; another hub takes them over within {} s: {}", ids.size(),
                    LEASE_SECONDS, e.toString());
        }
    }

    private void poll(String id, KioskAddress kiosk, String sessionId, IdNatPs expected, CibaRequest request) {
        CompletableFuture<CibaPoll> f = gateway.await(request);
        polling.put(id, f);
        f.whenComplete((poll, failure) -> {
            polling.remove(id, f);
            if (!(failure instanceof CancellationException)) {
                settle(id, kiosk, sessionId, expected, request.expiresAt(), poll, failure);
            }
        });
    }

    private void settle(String id, KioskAddress kiosk, String sessionId, IdNatPs expected, Instant expiresAt,
            CibaPoll poll, Throwable failure) {
        Outcome outcome;
        try {
            outcome = failure != null ? new Outcome(failed(failure), Optional.empty())
                    : outcome(kiosk, sessionId, expected, poll);
        } catch (RuntimeException e) {
            LOG.error("CIBA {}: settling failed", id, e);
            outcome = new Outcome(new CibaStatus.Failed(PscError.PSC_PROTOCOL_ERROR,
                    "the hub could not read PSC's answer"), Optional.empty());
        }
        Instant ended = clock.instant();
        Instant forgetAt = (ended.isAfter(expiresAt) ? ended : expiresAt).plus(KEEP_ENDED);
        if (outcome.status() instanceof CibaStatus.Bound b && b.expiresAt().isAfter(forgetAt)) {
            forgetAt = b.expiresAt();
        }
        try {
            if (!requests.settle(id, outcome.status(), outcome.tokens(), forgetAt)) {
                LOG.info("CIBA {}: already settled by another hub", id);
                return;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("CIBA {} for kiosk {}: its outcome ({}) could not be stored", id, kiosk,
                    describe(outcome.status()), e);
            return;
        }
        LOG.info("CIBA {} for kiosk {} session {}: {}", id, kiosk, sessionId, describe(outcome.status()));
    }

    /** Where a request ends, with the tokens of a bound one. */
    private record Outcome(CibaStatus status, Optional<PscTokens> tokens) {
    }

    private Outcome outcome(KioskAddress kiosk, String sessionId, IdNatPs expected, CibaPoll poll) {
        if (poll instanceof CibaPoll.Denied d) {
            return new Outcome(new CibaStatus.Refused(d.error(), "the professional refused the sign-in"),
                    Optional.empty());
        }
        if (poll instanceof CibaPoll.Expired x) {
            return new Outcome(new CibaStatus.Refused(x.error(), "the sign-in was not approved in time"),
                    Optional.empty());
        }
        if (poll instanceof CibaPoll.Tokens t) {
            return bind(kiosk, sessionId, expected, t.tokens());
        }
        return new Outcome(new CibaStatus.Failed(PscError.PSC_PROTOCOL_ERROR, "polling ended without an answer"),
                Optional.empty());
    }

    private Outcome bind(KioskAddress kiosk, String sessionId, IdNatPs expected, PscTokens tokens) {
        String audited = kiosk + "/" + sessionId;
        if (guard.bind(audited, expected, tokens) instanceof SessionBindingGuard.Binding.Refused r) {
            refusals.refused(kiosk, sessionId, expected, tokens.claims().subjectNameId(), r.reason());
            return new Outcome(new CibaStatus.Refused(r.reason(), "PSC authenticated another professional than the"
                    + " one who opened the session"), Optional.empty());
        }
        PscUserInfo info;
        try {
            info = gateway.userinfo(tokens);
        } catch (PscException e) {
            return new Outcome(e.rejected() ? new CibaStatus.Refused(e.error(), e.getMessage())
                    : new CibaStatus.Failed(e.error(), e.getMessage()), Optional.empty());
        }
        if (!info.subjectNameId().equals(expected)) {
            refusals.refused(kiosk, sessionId, expected, info.subjectNameId(), PscError.PSC_SUBJECT_MISMATCH);
            return new Outcome(new CibaStatus.Refused(PscError.PSC_SUBJECT_MISMATCH,
                    "PSC's userinfo names another professional"), Optional.empty());
        }
        Instant expiresAt = clock.instant().plus(tokens.expiresIn());
        return new Outcome(new CibaStatus.Bound(new CibaStatus.Professional(info.subjectNameId().value(),
                info.givenName(), info.familyName()), info.subjectRefPro().exercices(),
                info.subjectRefPro().single().map(x -> 0), expiresAt), Optional.of(tokens));
    }

    private static CibaStatus failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof PscException e) {
            return e.rejected() ? new CibaStatus.Refused(e.error(), e.getMessage())
                    : new CibaStatus.Failed(e.error(), e.getMessage());
        }
        return new CibaStatus.Failed(PscError.PSC_PROTOCOL_ERROR, "polling PSC failed");
    }

    private static String describe(CibaStatus s) {
        if (s instanceof CibaStatus.Bound b) {
            return "bound to " + b.who().idNatPs();
        }
        if (s instanceof CibaStatus.Refused r) {
            return "refused " + r.code();
        }
        return s instanceof CibaStatus.Failed f ? "failed " + f.code() : "pending";
    }

    private Optional<CibaRequests.Stored> own(KioskAddress kiosk, String requestId) throws SQLException {
        if (requestId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return requests.find(requestId).filter(r -> r.kiosk().equals(kiosk) && !now.isAfter(r.forgetAt()));
    }

    private static KioskCibaException unknown(String requestId) {
        return new KioskCibaException(CibaError.CIBA_REQUEST_UNKNOWN, "no sign-in request " + requestId
                + " for this kiosk");
    }

    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
