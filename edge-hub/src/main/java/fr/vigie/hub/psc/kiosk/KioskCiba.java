package fr.vigie.hub.psc.kiosk;

import fr.vigie.protocol.device.CibaError;
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
import fr.vigie.protocol.identity.IdNatPs;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CIBA sign-ins on behalf of kiosks. {@link #start} asks PSC to have the professional approve (on
 * the card app for {@code CARD}, the e-CPS phone for {@code MOBILE}) and polls in the background;
 * approved tokens go through the {@link SessionBindingGuard}: they stay on the hub, bound to the
 * kiosk's session, only if their {@code SubjectNameID} is the idNat_PS the kiosk named, otherwise
 * they are dropped and the refusal is recorded in {@link BindingRefusals}. {@link #status} tells the
 * kiosk where its request stands, never with a token, and only for its own requests.
 *
 * <p>Requests live in memory: they last two minutes at PSC, and tokens are deliberately never
 * written to disk. A kiosk may have {@value #MAX_OPEN_PER_KIOSK} requests awaiting approval at once;
 * ended requests are forgotten five minutes after they end, bound ones when their token expires.
 * Thread-safe.
 *
 * <pre>{@code
 * CibaStarted s = ciba.start(kiosk, IdNatPs.parse("810099900010"), CibaChannel.CARD, "session-1");
 * CibaStatus now = ciba.status(kiosk, s.requestId()).orElseThrow();   // Pending, then Bound or Refused
 * }</pre>
 */
public final class KioskCiba {
    /** Requests a kiosk may have awaiting approval at once. */
    public static final int MAX_OPEN_PER_KIOSK = 4;
    private static final Logger LOG = LoggerFactory.getLogger(KioskCiba.class);
    private static final Duration KEEP_ENDED = Duration.ofMinutes(5);

    private final CibaGateway gateway;
    private final SessionBindingGuard guard;
    private final BindingRefusals refusals;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Entry> requests = new ConcurrentHashMap<>();

    private static final class Entry {
        final KioskAddress kiosk;
        final String sessionId;
        final IdNatPs expected;
        volatile CibaStatus status;
        volatile PscTokens tokens;
        volatile SubjectRefPro exercices;
        volatile Instant forgetAt;

        Entry(KioskAddress kiosk, String sessionId, IdNatPs expected, CibaStatus status, Instant forgetAt) {
            this.kiosk = kiosk;
            this.sessionId = sessionId;
            this.expected = expected;
            this.status = status;
            this.forgetAt = forgetAt;
        }
    }

    KioskCiba(CibaGateway gateway, SessionBindingGuard guard, BindingRefusals refusals, Clock clock,
            SecureRandom random) {
        this.gateway = gateway;
        this.guard = guard;
        this.refusals = refusals;
        this.clock = clock;
        this.random = random;
    }

    /** Sign-ins through {@code gateway}, binding with {@code guard}, refusals recorded in {@code refusals}. */
    public static KioskCiba over(PscGateway gateway, SessionBindingGuard guard, BindingRefusals refusals, Clock clock,
            SecureRandom random) {
        return new KioskCiba(gateway, guard, refusals, clock, random);
    }

    /**
     * Starts a CIBA sign-in of {@code who} for the session {@code kioskSessionId} of {@code kiosk}.
     *
     * @throws PscException PSC refused the request (e.g. unknown professional) or could not be reached
     * @throws KioskCibaException {@link CibaError#CIBA_TOO_MANY_REQUESTS}
     */
    public CibaStarted start(KioskAddress kiosk, IdNatPs who, CibaChannel channel, String kioskSessionId)
            throws PscException, KioskCibaException {
        purge();
        long open = requests.values().stream()
                .filter(e -> e.kiosk.equals(kiosk) && e.status instanceof CibaStatus.Pending).count();
        if (open >= MAX_OPEN_PER_KIOSK) {
            throw new KioskCibaException(CibaError.CIBA_TOO_MANY_REQUESTS, "kiosk " + kiosk + " already has "
                    + open + " sign-ins awaiting approval");
        }
        CibaRequest request = gateway.start(who, channel);
        String id = newId();
        Entry entry = new Entry(kiosk, kioskSessionId, who, new CibaStatus.Pending(request.bindingMessage(),
                request.expiresAt()), request.expiresAt().plus(KEEP_ENDED));
        requests.put(id, entry);
        LOG.info("CIBA {} for kiosk {} session {}: {} on {}", id, kiosk, kioskSessionId, who, channel);
        gateway.await(request).whenComplete((poll, failure) -> settle(id, entry, poll, failure));
        return new CibaStarted(id, request.bindingMessage(), request.interval(), request.expiresAt());
    }

    /** Where {@code kiosk}'s request {@code requestId} stands; empty if unknown or another kiosk's. */
    public Optional<CibaStatus> status(KioskAddress kiosk, String requestId) {
        return own(kiosk, requestId).map(e -> e.status);
    }

    /**
     * Records the exercice the clinician chose among a bound request's.
     *
     * @throws KioskCibaException unknown request, or not bound
     * @throws PscException {@link PscError#PSC_EXERCICE_UNKNOWN} for an index out of range
     */
    public SubjectRefPro.Exercice chooseExercice(KioskAddress kiosk, String requestId, int index)
            throws KioskCibaException, PscException {
        Entry e = own(kiosk, requestId).orElseThrow(() -> unknown(requestId));
        synchronized (e) {
            if (!(e.status instanceof CibaStatus.Bound b)) {
                throw new KioskCibaException(CibaError.CIBA_NOT_BOUND, "request " + requestId + " is not bound");
            }
            SubjectRefPro.Exercice chosen = e.exercices.choose(index);
            e.status = new CibaStatus.Bound(b.who(), b.exercices(), Optional.of(index), b.expiresAt());
            LOG.info("CIBA {}: kiosk {} session {} works under exercice {}", requestId, kiosk, e.sessionId, index);
            return chosen;
        }
    }

    /** The tokens bound to {@code kiosk}'s session {@code kioskSessionId}, for hub features acting for it. */
    public Optional<PscTokens> tokensOf(KioskAddress kiosk, String kioskSessionId) {
        Instant now = clock.instant();
        return requests.values().stream().filter(e -> e.kiosk.equals(kiosk) && e.sessionId.equals(kioskSessionId)
                && e.tokens != null && now.isBefore(e.forgetAt)).map(e -> e.tokens).findFirst();
    }

    /**
     * The professional whose tokens request {@code requestId} of {@code kiosk} bound to its session
     * {@code kioskSessionId}, while the hub holds them; empty otherwise (unknown, another kiosk's or
     * session's, not bound, forgotten). A hub feature may take it as proof of who acts in that session.
     */
    public Optional<IdNatPs> boundProfessional(KioskAddress kiosk, String requestId, String kioskSessionId) {
        return own(kiosk, requestId).filter(e -> e.sessionId.equals(kioskSessionId) && e.tokens != null
                && e.status instanceof CibaStatus.Bound).map(e -> e.expected);
    }

    private void settle(String id, Entry entry, CibaPoll poll, Throwable failure) {
        CibaStatus status;
        try {
            status = failure != null ? failed(failure) : outcome(entry, poll);
        } catch (RuntimeException e) {
            LOG.error("CIBA {}: settling failed", id, e);
            status = new CibaStatus.Failed(PscError.PSC_PROTOCOL_ERROR, "the hub could not read PSC's answer");
        }
        synchronized (entry) {
            entry.status = status;
        }
        LOG.info("CIBA {} for kiosk {} session {}: {}", id, entry.kiosk, entry.sessionId, describe(status));
    }

    private CibaStatus outcome(Entry entry, CibaPoll poll) {
        if (poll instanceof CibaPoll.Denied d) {
            return new CibaStatus.Refused(d.error(), "the professional refused the sign-in");
        }
        if (poll instanceof CibaPoll.Expired x) {
            return new CibaStatus.Refused(x.error(), "the sign-in was not approved in time");
        }
        if (poll instanceof CibaPoll.Tokens t) {
            return bind(entry, t.tokens());
        }
        return new CibaStatus.Failed(PscError.PSC_PROTOCOL_ERROR, "polling ended without an answer");
    }

    private CibaStatus bind(Entry entry, PscTokens tokens) {
        String audited = entry.kiosk + "/" + entry.sessionId;
        if (guard.bind(audited, entry.expected, tokens) instanceof SessionBindingGuard.Binding.Refused r) {
            refusals.refused(entry.kiosk, entry.sessionId, entry.expected, tokens.claims().subjectNameId(), r.reason());
            return new CibaStatus.Refused(r.reason(), "PSC authenticated another professional than the one"
                    + " who opened the session");
        }
        PscUserInfo info;
        try {
            info = gateway.userinfo(tokens);
        } catch (PscException e) {
            return e.rejected() ? new CibaStatus.Refused(e.error(), e.getMessage())
                    : new CibaStatus.Failed(e.error(), e.getMessage());
        }
        if (!info.subjectNameId().equals(entry.expected)) {
            refusals.refused(entry.kiosk, entry.sessionId, entry.expected, info.subjectNameId(),
                    PscError.PSC_SUBJECT_MISMATCH);
            return new CibaStatus.Refused(PscError.PSC_SUBJECT_MISMATCH, "PSC's userinfo names another professional");
        }
        Instant expiresAt = clock.instant().plus(tokens.expiresIn());
        entry.tokens = tokens;
        entry.exercices = info.subjectRefPro();
        entry.forgetAt = expiresAt.isAfter(entry.forgetAt) ? expiresAt : entry.forgetAt;
        return new CibaStatus.Bound(new CibaStatus.Professional(info.subjectNameId().value(), info.givenName(),
                info.familyName()), info.subjectRefPro().exercices(),
                info.subjectRefPro().single().map(x -> 0), expiresAt);
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

    private Optional<Entry> own(KioskAddress kiosk, String requestId) {
        purge();
        Entry e = requestId == null ? null : requests.get(requestId);
        return e != null && e.kiosk.equals(kiosk) ? Optional.of(e) : Optional.empty();
    }

    private static KioskCibaException unknown(String requestId) {
        return new KioskCibaException(CibaError.CIBA_REQUEST_UNKNOWN, "no sign-in request " + requestId
                + " for this kiosk");
    }

    private void purge() {
        Instant now = clock.instant();
        requests.values().removeIf(e -> now.isAfter(e.forgetAt));
    }

    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
