package fr.vigie.kiosk.launchpad;

import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.session.CardSignature;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.PscView;
import fr.vigie.kiosk.session.SessionCardException;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionView;
import fr.vigie.protocol.device.CardProofRequest;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.NonceAnswer;
import fr.vigie.protocol.device.NonceRequest;
import fr.vigie.protocol.device.PscProofRequest;
import fr.vigie.protocol.device.SsoApi;
import fr.vigie.protocol.device.SsoApplication;
import fr.vigie.protocol.device.SsoApplicationsAnswer;
import fr.vigie.protocol.device.SsoCardRequest;
import fr.vigie.protocol.device.SsoError;
import fr.vigie.protocol.device.SsoFactor;
import fr.vigie.protocol.device.SsoTicketAnswer;
import fr.vigie.protocol.device.SsoTicketRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a {@link ClinicianSession} and keeps its single sign-on session on the hub: opened when a session
 * opens (if the kiosk's group has applications), ended when it locks or closes — the hub then logs every
 * application of it out. Session transitions are handled on one thread of its own, in the order they happened;
 * hub calls and card I/O never run under the session's lock. No nonce, signature or ticket reaches a log.
 * Thread-safe.
 *
 * <pre>{@code
 * Launchpad pad = Launchpad.start(session, hubApi, station::pscRequest);
 * pad.state();   // what the screen shows: nothing, the applications, or why they cannot open
 * }</pre>
 */
public final class Launchpad implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Launchpad.class);

    /** What the launchpad has for the session in front. Immutable. */
    public sealed interface State {
        /** Nothing to show: no open session, no application for this kiosk, or the hub's SSO is off. */
        record None() implements State {
        }

        /** Opening the SSO session of {@code sessionId} (the card signs). */
        record Opening(String sessionId) implements State {
        }

        /**
         * The applications of session {@code sessionId}, ready to open; {@code key} is the secret the screen's
         * links carry (another page cannot open an application for the clinician in front).
         */
        record Ready(String sessionId, String issuer, List<SsoApplication> applications, String key)
                implements State {
            public Ready {
                applications = List.copyOf(applications);
            }
        }

        /** The applications cannot be opened for session {@code sessionId}: {@code code} says why. */
        record Refused(String sessionId, String code) implements State {
        }
    }

    /** The session's card is not in the reader and no Pro Santé Connect sign-in stands in. */
    public static final String CARD_NEEDED = "LAUNCHPAD_CARD_NEEDED";
    /** The hub could not be reached or refused. */
    public static final String HUB_REFUSED = "LAUNCHPAD_HUB_REFUSED";

    private static final State NONE = new State.None();
    /** How long a kiosk whose hub has single sign-on off stops asking (one call per sign-in otherwise). */
    private static final long UNAVAILABLE_PAUSE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    private final ClinicianSession session;
    private final HubApi hub;
    private final Function<String, Optional<String>> pscRequests;
    private final ExecutorService transitions;
    private final SecureRandom random = new SecureRandom();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Kiosk sessions whose end the hub has not heard of yet (unreachable), with the reason. */
    private final Map<String, EndReason> endsToTell = new LinkedHashMap<>();
    /** The session whose SSO session the hub opened (touched on the transitions' thread only). */
    private String opened;
    /** {@code System.nanoTime()} before which the hub's SSO is taken as off (transitions' thread only). */
    private long unavailableUntil;
    private boolean unavailable;
    private volatile State state = NONE;

    private Launchpad(ClinicianSession session, HubApi hub, Function<String, Optional<String>> pscRequests) {
        this.session = session;
        this.hub = hub;
        this.pscRequests = pscRequests;
        this.transitions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigie-launchpad");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts following {@code session}.
     *
     * @param hub the hub's device API, with the kiosk's certificate
     * @param pscRequests the CIBA request id of a kiosk session's Pro Santé Connect sign-in, if any
     */
    public static Launchpad start(ClinicianSession session, HubApi hub, Function<String, Optional<String>> pscRequests) {
        Launchpad pad = new Launchpad(Objects.requireNonNull(session, "session"), Objects.requireNonNull(hub, "hub"),
                Objects.requireNonNull(pscRequests, "pscRequests"));
        // Under the session's lock: only a snapshot, handed over; the screen goes at once when the session
        // in front is no longer the launchpad's.
        session.addListener(() -> {
            SessionView now = session.view();
            State s = pad.state;
            if (!(s instanceof State.None) && !(now.state() == SessionState.OPEN && sessionOf(s).equals(now.sessionId()))) {
                pad.state = NONE;
                pad.tell();
            }
            pad.transitions.execute(() -> pad.follow(now));
        });
        pad.transitions.execute(() -> pad.follow(session.view()));
        return pad;
    }

    /** What the launchpad has now (for the screens; never waits). */
    public State state() {
        return state;
    }

    /** Calls {@code listener} (on any thread) when {@link #state()} changes; it must be quick. */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Where the kiosk's browser opens application {@code clientId} of the launchpad shown with {@code key}: its
     * start URI with a fresh one-time ticket of the session in front.
     *
     * @return empty when the launchpad shows no such application with that key (any more)
     * @throws HubApiException the hub refused the ticket (e.g. the session ended) or could not be reached
     */
    public Optional<URI> open(String clientId, String key) throws HubApiException {
        if (!(state instanceof State.Ready ready) || key == null || !ready.key().equals(key)) {
            return Optional.empty();
        }
        Optional<SsoApplication> app = ready.applications().stream().filter(a -> a.clientId().equals(clientId))
                .findFirst();
        if (app.isEmpty()) {
            return Optional.empty();
        }
        SsoTicketAnswer ticket = hub.call(SsoApi.TICKET, new SsoTicketRequest(ready.sessionId()));
        String start = app.get().startUri();
        LOG.info("session {}: opening application {}", ready.sessionId(), clientId);
        return Optional.of(URI.create(start + (start.contains("?") ? "&" : "?") + "iss=" + encode(ready.issuer())
                + "&target_link_uri=" + encode(start) + "&login_hint_token=" + encode(ticket.ticket())));
    }

    private void follow(SessionView now) {
        if (now.state() == SessionState.OPEN && now.sessionId() != null) {
            if (now.sessionId().equals(opened) || now.sessionId().equals(sessionOf(state))) {
                return;
            }
            if (opened != null) {
                endAtHub(opened, EndReason.CLOSED); // another session took the kiosk meanwhile
            }
            tellEnds();
            open(now);
        } else if (opened != null) {
            endAtHub(opened, now.state() == SessionState.LOCKED ? EndReason.LOCKED : EndReason.CLOSED);
        }
    }

    private void open(SessionView now) {
        String sessionId = now.sessionId();
        if (unavailable && System.nanoTime() - unavailableUntil < 0) {
            return;
        }
        SsoApplicationsAnswer apps;
        try {
            apps = hub.get(SsoApi.APPLICATIONS);
            unavailable = false;
        } catch (HubApiException e) {
            if (e.error() == SsoError.SSO_UNAVAILABLE) {
                unavailable = true;
                unavailableUntil = System.nanoTime() + UNAVAILABLE_PAUSE_NANOS;
            }
            LOG.info("session {}: no launchpad, the hub answered {}", sessionId, e.error());
            return;
        }
        if (apps.applications().isEmpty()) {
            return;
        }
        set(sessionId, new State.Opening(sessionId));
        try {
            if (session.hasSessionCard(sessionId)) {
                NonceAnswer nonce = hub.call(SsoApi.NONCE, new NonceRequest(sessionId));
                CardSignature signature = session.signWithSessionCard(sessionId, nonce.value());
                List<byte[]> chain = new ArrayList<>();
                for (X509Certificate c : signature.issuers()) {
                    chain.add(c.getEncoded());
                }
                hub.call(SsoApi.CARD_SESSION, new SsoCardRequest(CardProofRequest.of(nonce.value(),
                        signature.signature(), signature.certificate().getEncoded(), chain), SsoFactor.CARD_PIN));
            } else {
                Optional<String> ciba = now.psc().status() == PscView.Status.CONNECTED ? pscRequests.apply(sessionId)
                        : Optional.empty();
                if (ciba.isEmpty()) {
                    set(sessionId, new State.Refused(sessionId, CARD_NEEDED));
                    return;
                }
                hub.call(SsoApi.PSC_SESSION, new PscProofRequest(sessionId, ciba.get()));
            }
        } catch (SessionCardException e) {
            LOG.warn("session {}: the card did not prove the session for single sign-on: {}", sessionId, e.reason());
            set(sessionId, new State.Refused(sessionId, CARD_NEEDED));
            return;
        } catch (HubApiException e) {
            LOG.warn("session {}: the hub did not open single sign-on: {}", sessionId, e.error());
            set(sessionId, new State.Refused(sessionId, HUB_REFUSED));
            return;
        } catch (CertificateEncodingException e) {
            set(sessionId, new State.Refused(sessionId, CARD_NEEDED));
            return;
        }
        opened = sessionId;
        byte[] key = new byte[16];
        random.nextBytes(key);
        if (!set(sessionId, new State.Ready(sessionId, apps.issuer(), apps.applications(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(key)))) {
            // the session locked while the hub opened it: end it now
            endAtHub(sessionId, EndReason.LOCKED);
        } else {
            LOG.info("session {}: launchpad ready ({} applications)", sessionId, apps.applications().size());
        }
    }

    /** Shows {@code next} if {@code sessionId} is still the session open in front. */
    private boolean set(String sessionId, State next) {
        SessionView now = session.view();
        if (now.state() != SessionState.OPEN || !sessionId.equals(now.sessionId())) {
            return false;
        }
        state = next;
        // the session may have locked since the read above: its listener then resets the state
        SessionView after = session.view();
        if (after.state() != SessionState.OPEN || !sessionId.equals(after.sessionId())) {
            state = NONE;
            tell();
            return false;
        }
        tell();
        return true;
    }

    private void endAtHub(String sessionId, EndReason reason) {
        if (sessionId.equals(opened)) {
            opened = null;
        }
        endsToTell.put(sessionId, reason);
        tellEnds();
    }

    /** Tells the hub of the sessions that ended; those it could not hear of are told at the next opening. */
    private void tellEnds() {
        for (Map.Entry<String, EndReason> e : new ArrayList<>(endsToTell.entrySet())) {
            try {
                hub.call(SsoApi.END, new fr.vigie.protocol.device.EndRequest(e.getKey(), e.getValue()));
                endsToTell.remove(e.getKey());
                LOG.info("session {}: the hub ended its single sign-on session ({})", e.getKey(), e.getValue());
            } catch (HubApiException x) {
                if (x.refused()) {
                    endsToTell.remove(e.getKey());
                }
                LOG.warn("session {}: the hub was not told that the session {}: {}", e.getKey(), e.getValue(),
                        x.error());
            }
        }
    }

    private void tell() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("launchpad listener failed", e);
            }
        }
    }

    private static String sessionOf(State s) {
        if (s instanceof State.Opening o) {
            return o.sessionId();
        }
        if (s instanceof State.Ready r) {
            return r.sessionId();
        }
        return s instanceof State.Refused r ? r.sessionId() : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Stops following the session; the hub is told that the SSO session opened here is over. */
    @Override
    public void close() {
        transitions.shutdownNow();
        if (opened != null) {
            endAtHub(opened, EndReason.CLOSED);
        }
    }
}
