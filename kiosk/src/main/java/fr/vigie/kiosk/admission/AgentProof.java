package fr.vigie.kiosk.admission;

import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.session.CardSignature;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.PscView;
import fr.vigie.kiosk.session.SessionCardException;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionView;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.EndReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proof, at an admission desk, of who acts: as soon as an agent's session opens (card + PIN, or
 * unlocked), the kiosk asks the hub for a nonce, has the session's own contact card sign it (the PIN never
 * leaves the card path; see {@link ClinicianSession#signWithSessionCard}) and presents the signature with
 * the card's certificate; the hub binds that agent to the kiosk session. An e-CPS session (no card), or a
 * card session whose card is no longer there, is proven by its Pro Santé Connect sign-in bound on the hub
 * instead, when there is one. The proof is kept while the session is open and dropped — the hub told —
 * when it locks or closes; unlocking proves again. A step at the desk that finds no proof (it failed, it
 * expired, the hub forgot it) {@linkplain #require proves again} then and there.
 *
 * <p>Session transitions are handled on one thread of its own, in the order they happened; hub calls and
 * card I/O never run under the session's lock. No nonce, signature or PIN reaches a log. Thread-safe.
 *
 * <pre>{@code
 * AgentProof proof = AgentProof.start(session, new HubAgentClient(hubApi), station::pscRequest, clock);
 * String agent = proof.require();   // the idNat_PS the hub bound, or AdmissionFailure(NOT_AN_ADMISSION_DESK…)
 * }</pre>
 */
public final class AgentProof implements AutoCloseable {
    /** The session's contact card (with its PIN) is not in the reader, and no PSC sign-in can stand in. */
    public static final String CARD_NEEDED = "AGENT_CARD_NEEDED";
    /** The session's card did not sign the hub's nonce. */
    public static final String CARD_ERROR = "AGENT_CARD_ERROR";
    private static final Logger LOG = LoggerFactory.getLogger(AgentProof.class);

    private final ClinicianSession session;
    private final AgentHub hub;
    private final Function<String, Optional<String>> pscRequests;
    private final Clock clock;
    private final ExecutorService transitions;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Kiosk sessions whose end the hub has not heard of yet (unreachable), with the reason. */
    private final Map<String, EndReason> endsToTell = new LinkedHashMap<>();
    private AgentHub.Proven proven;
    private String refusedSession;
    /** Volatile: the screens read it from under the session's lock, which must never wait for this one. */
    private volatile AdmissionFailure refusal;

    private AgentProof(ClinicianSession session, AgentHub hub, Function<String, Optional<String>> pscRequests,
            Clock clock) {
        this.session = session;
        this.hub = hub;
        this.pscRequests = pscRequests;
        this.clock = clock;
        this.transitions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigie-agent-proof");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts following {@code session}.
     *
     * @param pscRequests the CIBA request id of a kiosk session's Pro Santé Connect sign-in, if any
     */
    public static AgentProof start(ClinicianSession session, AgentHub hub,
            Function<String, Optional<String>> pscRequests, Clock clock) {
        AgentProof proof = new AgentProof(Objects.requireNonNull(session, "session"), Objects.requireNonNull(hub, "hub"),
                Objects.requireNonNull(pscRequests, "pscRequests"), Objects.requireNonNull(clock, "clock"));
        // The listener runs under the session's lock: it only takes a snapshot (a read) and hands it over,
        // so that a quick lock-unlock is still seen as a lock, then an unlock. The state at start is followed
        // only while no transition has been handed over: afterwards the snapshots are newer than it.
        AtomicBoolean transitionSeen = new AtomicBoolean();
        session.addListener(() -> {
            transitionSeen.set(true);
            SessionView now = session.view();
            proof.transitions.execute(() -> proof.follow(now));
        });
        proof.transitions.execute(() -> {
            if (!transitionSeen.get()) {
                proof.follow(session.view());
            }
        });
        return proof;
    }

    /**
     * The agent proven for the session open now, proving it first if needed (card in the reader, or a bound
     * PSC sign-in).
     *
     * @return the agent's idNat_PS, as the hub bound it
     * @throws AdmissionFailure {@code AGENT_NOT_SIGNED_IN}, {@link #CARD_NEEDED}, {@link #CARD_ERROR}, or the
     *     hub's refusal ({@code NOT_AN_ADMISSION_DESK}, {@code AGENT_CERT_REVOKED}…, {@code HUB_UNREACHABLE})
     */
    public String require() throws AdmissionFailure {
        // On the transitions' thread, after every transition already queued: a lock (or the end of an earlier
        // session) that happened before this step is handled before the step proves anything.
        Future<String> agent = transitions.submit(this::requireInOrder);
        try {
            return agent.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AdmissionFailure failure) {
                throw failure;
            }
            throw new IllegalStateException("proving the agent failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdmissionFailure(AdmissionFailure.AGENT_NOT_SIGNED_IN, "interrupted while proving the agent");
        } catch (RejectedExecutionException e) {
            throw new AdmissionFailure(AdmissionFailure.AGENT_NOT_SIGNED_IN, "the desk is shutting down");
        }
    }

    private String requireInOrder() throws AdmissionFailure {
        SessionView now = session.view();
        boolean proved;
        String agent;
        AdmissionFailure failure;
        synchronized (this) {
            if (now.state() != SessionState.OPEN || now.sessionId() == null) {
                throw new AdmissionFailure(AdmissionFailure.AGENT_NOT_SIGNED_IN, "an agent must be signed in");
            }
            proved = !provenFor(now.sessionId());
            if (proved) {
                prove(now);
            }
            agent = proven == null ? null : proven.agent();
            failure = refusal;
        }
        if (proved) {
            tell(listeners);
        }
        if (agent == null) {
            throw failure;
        }
        return agent;
    }

    /** The hub said the agent is not proven (binding expired or ended there): the next step proves again. */
    public synchronized void lost() {
        proven = null;
    }

    /** Why proving the open session's agent failed last, if it did (for the screens; never waits). */
    public Optional<AdmissionFailure> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Calls {@code listener} (on the proof's thread or the caller's) when the proof or its refusal changes. */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void follow(SessionView now) {
        synchronized (this) {
            if (now.state() == SessionState.OPEN && now.sessionId() != null) {
                if (provenFor(now.sessionId()) || now.sessionId().equals(refusedSession)) {
                    return; // proven already, or refused: the agent's next step tries again
                }
                prove(now);
            } else {
                if (proven != null) {
                    endAtHub(proven.kioskSessionId(), now.state() == SessionState.LOCKED ? EndReason.LOCKED : EndReason.CLOSED);
                    proven = null;
                }
                refusal = null;
                refusedSession = null;
            }
        }
        tell(listeners);
    }

    private boolean provenFor(String sessionId) {
        return proven != null && proven.kioskSessionId().equals(sessionId)
                && clock.instant().isBefore(proven.expiresAt());
    }

    /** Proves the agent of the open session {@code now}; sets {@link #proven} or {@link #refusal}. */
    private void prove(SessionView now) {
        String sessionId = now.sessionId();
        if (proven != null && !proven.kioskSessionId().equals(sessionId)) {
            endAtHub(proven.kioskSessionId(), EndReason.CLOSED); // another session took the kiosk meanwhile
        }
        proven = null;
        tellEnds();
        try {
            if (session.hasSessionCard(sessionId)) {
                AgentHub.Nonce nonce = hub.nonce(sessionId);
                CardSignature signature = session.signWithSessionCard(sessionId, nonce.value());
                proven(hub.proveWithCard(nonce.value(), signature), sessionId);
                return;
            }
            Optional<String> ciba = now.psc().status() == PscView.Status.CONNECTED ? pscRequests.apply(sessionId)
                    : Optional.empty();
            if (ciba.isPresent()) {
                proven(hub.proveThroughPsc(sessionId, ciba.get()), sessionId);
                return;
            }
            refused(sessionId, new AdmissionFailure(CARD_NEEDED, "the card that opened this session with its PIN"
                    + " is not in the reader"));
        } catch (SessionCardException e) {
            refused(sessionId, new AdmissionFailure(e.reason() == SessionCardException.Reason.ABSENT ? CARD_NEEDED
                    : CARD_ERROR, e.getMessage()));
        } catch (HubApiException e) {
            refused(sessionId, new AdmissionFailure(e.error(), e.getMessage()));
        }
    }

    private void proven(AgentHub.Proven p, String sessionId) {
        if (!p.kioskSessionId().equals(sessionId)) {
            refused(sessionId, new AdmissionFailure(DeviceApiError.HUB_ANSWER_MALFORMED, "the hub bound another session"));
            return;
        }
        proven = p;
        refusal = null;
        refusedSession = null;
        LOG.info("session {}: agent {} proven to the hub ({}) until {}", sessionId, p.agent(), p.method(),
                p.expiresAt());
    }

    private void refused(String sessionId, AdmissionFailure why) {
        refusal = why;
        refusedSession = sessionId;
        LOG.warn("session {}: the agent could not be proven to the hub: {}", sessionId, why.code());
    }

    private void endAtHub(String sessionId, EndReason reason) {
        endsToTell.put(sessionId, reason);
        tellEnds();
    }

    /** Tells the hub of the sessions that ended; those it could not hear of are told at the next proof. */
    private void tellEnds() {
        for (Map.Entry<String, EndReason> e : new ArrayList<>(endsToTell.entrySet())) {
            try {
                hub.end(e.getKey(), e.getValue());
                endsToTell.remove(e.getKey());
                LOG.info("session {}: the hub ended its agent binding ({})", e.getKey(), e.getValue());
            } catch (HubApiException x) {
                if (x.refused()) {
                    endsToTell.remove(e.getKey()); // the hub answered: nothing to retry
                }
                LOG.warn("session {}: the hub was not told that the session {}: {}", e.getKey(), e.getValue(),
                        x.error());
            }
        }
    }

    private static void tell(List<Runnable> listeners) {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("agent proof listener failed", e);
            }
        }
    }

    /** Stops following the session; the hub is told that the session proven here is over. */
    @Override
    public void close() {
        transitions.shutdownNow();
        synchronized (this) {
            if (proven != null) {
                endAtHub(proven.kioskSessionId(), EndReason.CLOSED);
                proven = null;
            }
        }
    }
}
