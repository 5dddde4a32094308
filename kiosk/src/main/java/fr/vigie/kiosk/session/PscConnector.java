package fr.vigie.kiosk.session;

import fr.vigie.kiosk.psc.CibaStart;
import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.kiosk.psc.HubUnavailableException;
import fr.vigie.kiosk.psc.PscHub;
import fr.vigie.kiosk.psc.PscRejectedException;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects clinician sessions to Pro Santé Connect through the hub. After a contact CPS + PIN
 * sign-in (which opens the session even offline) it asks the hub for CIBA on channel {@code CARD}
 * for the card's idNat_PS; for an e-CPS sign-in ({@link #phoneSignIn}) on channel {@code MOBILE}
 * for the identifier the clinician typed or scanned, and the session shows the binding message.
 * It then polls the hub at the interval it gave until the request ends: bound tokens mark the
 * session connected (the kiosk checks the idNat_PS once more), tokens of another professional
 * refuse it, an unreachable hub leaves a card session open offline. Network calls run on the
 * {@code io} executor, waits on the {@link SessionTimers}, never under the session's lock.
 * Thread-safe.
 *
 * <pre>{@code
 * PscConnector psc = new PscConnector(new HubPscClient(transport), ioExecutor, timers, clock);
 * ClinicianSession session = ClinicianSession.builder(timeouts, sink).psc(psc).timers(timers).build();
 * psc.attach(session);
 * psc.phoneSignIn("810099900028");   // e-CPS only
 * }</pre>
 */
public final class PscConnector implements PscLink {
    private static final Logger LOG = LoggerFactory.getLogger(PscConnector.class);
    /** How long past the request's expiry the kiosk keeps polling a hub that says nothing final. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    /** What became of an e-CPS sign-in request typed at the kiosk. */
    public enum PhoneSignIn {
        /** Asked; the session shows the binding message once the hub answers. */
        STARTED,
        /** The identifier is not a valid idNat_PS (see {@link #lastIdentifierError}). */
        IDENTIFIER_INVALID,
        /** A session is under way; lock it or sign out first. */
        BUSY
    }

    private final PscHub hub;
    private final Executor io;
    private final SessionTimers timers;
    private final Clock clock;
    private final Map<String, String> requestBySession = new ConcurrentHashMap<>();
    private volatile ClinicianSession session;
    private volatile String lastIdentifierError = "";

    public PscConnector(PscHub hub, Executor io, SessionTimers timers, Clock clock) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.io = Objects.requireNonNull(io, "io");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The session this connector reports to; call once, after building it with {@code .psc(this)}. */
    public void attach(ClinicianSession value) {
        this.session = Objects.requireNonNull(value, "session");
    }

    @Override
    public void cardSignedIn(String sessionId, String idNatPs) {
        io.execute(() -> start(sessionId, idNatPs, "CARD"));
    }

    @Override
    public void exerciceChosen(String sessionId, int index) {
        String requestId = requestBySession.get(sessionId);
        if (requestId == null) {
            return;
        }
        io.execute(() -> {
            try {
                hub.chooseExercice(requestId, index);
            } catch (HubUnavailableException | PscRejectedException e) {
                LOG.warn("session {}: the hub did not record the exercice chosen: {}", sessionId, e.getMessage());
            }
        });
    }

    /**
     * An e-CPS sign-in for the identifier typed or scanned at the kiosk (an idNat_PS, e.g.
     * {@code 8} + RPPS number).
     */
    public PhoneSignIn phoneSignIn(String identifier) {
        IdNatPs id;
        try {
            id = IdNatPs.parse(identifier);
        } catch (IdentityException e) {
            lastIdentifierError = e.error().name();
            return PhoneSignIn.IDENTIFIER_INVALID;
        }
        return session().phoneSignInStarted(id.value()).map(sid -> {
            io.execute(() -> start(sid, id.value(), "MOBILE"));
            return PhoneSignIn.STARTED;
        }).orElse(PhoneSignIn.BUSY);
    }

    /**
     * The hub's CIBA request id of session {@code sessionId}'s Pro Santé Connect sign-in, if one was
     * started (e.g. for the hub to take that bound sign-in as proof of who acts at an admission desk).
     */
    public Optional<String> requestId(String sessionId) {
        return Optional.ofNullable(requestBySession.get(sessionId));
    }

    /** The code of the last identifier refused by {@link #phoneSignIn}, e.g. {@code RPPS_KEY_MISMATCH}. */
    public String lastIdentifierError() {
        return lastIdentifierError;
    }

    private void start(String sessionId, String idNatPs, String channel) {
        ClinicianSession s = session();
        try {
            CibaStart started = hub.start(idNatPs, channel, sessionId);
            requestBySession.put(sessionId, started.requestId());
            if (channel.equals("MOBILE")) {
                s.phoneBinding(sessionId, started.bindingMessage());
            } else {
                s.cardRequestExpires(sessionId, started.expiresAt());
            }
            schedule(sessionId, started);
        } catch (HubUnavailableException e) {
            LOG.info("session {}: PSC not reachable through the hub ({}); going on without it", sessionId,
                    e.getMessage());
            s.pscUnavailable(sessionId);
        } catch (PscRejectedException e) {
            LOG.warn("session {}: the hub refused the CIBA request: {}", sessionId, e.code());
            s.pscRefused(sessionId, e.code());
        } catch (RuntimeException e) {
            LOG.error("session {}: CIBA request failed", sessionId, e);
            s.pscUnavailable(sessionId);
        }
    }

    private void schedule(String sessionId, CibaStart started) {
        timers.schedule(started.interval(), () -> io.execute(() -> poll(sessionId, started)));
    }

    private void poll(String sessionId, CibaStart started) {
        ClinicianSession s = session();
        if (!s.awaitingPsc(sessionId)) {
            return;
        }
        if (clock.instant().isAfter(started.expiresAt().plus(EXPIRY_MARGIN))) {
            s.pscRefused(sessionId, "PSC_REQUEST_EXPIRED");
            return;
        }
        try {
            CibaState state = hub.state(started.requestId());
            if (state instanceof CibaState.Pending) {
                schedule(sessionId, started);
            } else if (state instanceof CibaState.Bound b) {
                s.pscBound(sessionId, b);
            } else if (state instanceof CibaState.Refused r) {
                s.pscRefused(sessionId, r.code());
            } else {
                s.pscUnavailable(sessionId);
            }
        } catch (HubUnavailableException e) {
            s.pscUnavailable(sessionId);
        } catch (PscRejectedException e) {
            s.pscRefused(sessionId, e.code());
        } catch (RuntimeException e) {
            LOG.error("session {}: CIBA poll failed", sessionId, e);
            s.pscUnavailable(sessionId);
        }
    }

    private ClinicianSession session() {
        ClinicianSession s = session;
        if (s == null) {
            throw new IllegalStateException("PscConnector.attach(session) was not called");
        }
        return s;
    }
}
