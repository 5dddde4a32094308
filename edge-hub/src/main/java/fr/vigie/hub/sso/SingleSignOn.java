package fr.vigie.hub.sso;

import fr.vigie.hub.agent.CardProof;
import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.DataSeal;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.hub.psc.SubjectRefPro;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.SsoError;
import fr.vigie.protocol.device.SsoExercice;
import fr.vigie.protocol.device.SsoFactor;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Single sign-on for the site's applications (HospiConnect): who is signed in at each kiosk, proven, and
 * the OpenID Provider's state. A kiosk opens the SSO session of its clinician session with the card's
 * signature over a hub nonce ({@link #openWithCard}, checked by {@link ProvenAgents#checkCard}) or the session's
 * bound Pro Santé Connect sign-in ({@link #openThroughPsc}); it then asks for one-time {@linkplain #ticket
 * tickets} for its browser, and {@linkplain #end ends} the session when it locks or closes, which logs every
 * application of the session out ({@link BackChannelLogout}). A kiosk only ever acts on its own sessions. The
 * protocol endpoints are {@link OpenIdProvider}'s; clients are {@link #clients()}. Thread-safe.
 */
public final class SingleSignOn implements AutoCloseable {
    /** How long a kiosk's ticket may wait before its browser presents it. */
    public static final Duration TICKET_TTL = Duration.ofSeconds(60);
    /** The longest an SSO session lives without the kiosk ending it: a long shift, as an agent binding. */
    public static final Duration MAX_SESSION = ProvenAgents.MAX_BINDING;
    /** How often expired sessions are ended (and their applications sent logout tokens). */
    static final Duration SWEEP = Duration.ofMinutes(1);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SingleSignOn.class);

    private final SsoSettings settings;
    private final ProvenAgents agents;
    private final PscSignIns psc;
    private final SsoClients clients;
    private final SsoSessions sessions;
    private final SigningKeys keys;
    private final BackChannelLogout logout;
    private final LocalAccounts accounts;
    private final SsoLaunchpad launchpad;
    private final AuditLog audit;
    private final Clock clock;
    private volatile URI issuer;
    private final java.util.concurrent.ScheduledExecutorService sweeper =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sso-session-sweeper");
                t.setDaemon(true);
                return t;
            });

    private SingleSignOn(SsoSettings settings, ProvenAgents agents, PscSignIns psc, SsoClients clients,
            SsoSessions sessions, SigningKeys keys, LocalAccounts accounts, SsoLaunchpad launchpad, AuditLog audit,
            Clock clock) {
        this.settings = settings;
        this.agents = agents;
        this.psc = psc;
        this.clients = clients;
        this.sessions = sessions;
        this.keys = keys;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.logout = new BackChannelLogout(sessions, clients, keys, audit, clock);
        this.launchpad = launchpad;
    }

    /** The service over the hub database; makes sure a signing key exists when the OP is on. */
    public static SingleSignOn create(SsoSettings settings, DataSource dataSource, DataSeal seal, AuditLog audit,
            ProvenAgents agents, PscSignIns psc, LocalAccounts accounts, Clock clock, SecureRandom random)
            throws SQLException {
        SingleSignOn sso = new SingleSignOn(settings, agents, psc, new SsoClients(dataSource, audit, clock, random),
                new SsoSessions(dataSource, audit, clock, random), new SigningKeys(dataSource, seal, audit, clock),
                Objects.requireNonNull(accounts, "accounts"), new SsoLaunchpad(dataSource, audit, clock), audit, clock);
        if (settings.enabled()) {
            sso.keys.ensureCurrent();
            sso.sweeper.scheduleWithFixedDelay(sso::sweepQuietly, SWEEP.toSeconds(), SWEEP.toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS);
        }
        return sso;
    }

    /** The settings. */
    public SsoSettings settings() {
        return settings;
    }

    /** The registered applications. */
    public SsoClients clients() {
        return clients;
    }

    /** The kiosks' launchpads: the applications of each kiosk group and where they start. */
    public SsoLaunchpad launchpad() {
        return launchpad;
    }

    /**
     * The applications of {@code kiosk}'s group, for its launchpad.
     *
     * @throws DeviceRefused {@code SSO_UNAVAILABLE}
     */
    public List<SsoLaunchpad.Application> applications(KioskAddress kiosk) throws DeviceRefused, SQLException {
        requireOn();
        return launchpad.applications(kiosk);
    }

    /** The signing keys (rotation). */
    public SigningKeys keys() {
        return keys;
    }

    SsoSessions sessions() {
        return sessions;
    }

    LocalAccounts accounts() {
        return accounts;
    }

    BackChannelLogout logout() {
        return logout;
    }

    Clock clock() {
        return clock;
    }

    /** Set by the OP's listener once it knows its port. */
    void issuer(URI issuer) {
        this.issuer = issuer;
        logout.issuer(new com.nimbusds.oauth2.sdk.id.Issuer(issuer));
    }

    /** The issuer, once the OP listens. */
    public Optional<URI> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** A one-time nonce for the card of the clinician signing in at {@code kiosk}'s session. */
    public ProvenAgents.Nonce nonce(KioskAddress kiosk, String kioskSessionId) throws DeviceRefused, SQLException {
        requireOn();
        return agents.signInNonce(kiosk, kioskSessionId);
    }

    /**
     * Opens the SSO session of the kiosk session the card's nonce was issued for. A contactless tap opens one
     * only inside {@code hub.sso.tap-window-minutes} after a card + PIN sign-in of the same clinician. The
     * exercice (profession, site) is as the enrolled kiosk read it from the card: the card's signature proves the
     * person, the kiosk vouches for what it read; the ID tokens carry it in PSC's {@code SubjectRefPro} shape.
     *
     * @param exercice the exercice the kiosk read from the card, if any
     * @throws DeviceRefused the card-proof codes of {@link AgentError}, {@code SSO_TAP_REFUSED}
     */
    public SsoSession openWithCard(KioskAddress kiosk, CardProof proof, SsoFactor factor,
            Optional<SsoExercice> exercice) throws DeviceRefused, SQLException {
        requireOn();
        ProvenAgents.ProvenCard card = agents.checkCard(kiosk, proof);
        SsoLevel level = factor == SsoFactor.CARD_PIN ? SsoLevel.CARD_PIN : SsoLevel.CONTACTLESS_TAP;
        Instant now = clock.instant();
        if (level == SsoLevel.CONTACTLESS_TAP) {
            Optional<Instant> last = sessions.lastCardPin(card.professional().value());
            if (last.isEmpty() || last.get().plus(settings.tapWindow()).isBefore(now)) {
                audit.append(AuditEntry.of(AuditEntry.kiosk(kiosk), "SSO_TAP_REFUSED", "agent:"
                        + card.professional().value(), java.util.Map.of("kiosk", kiosk.toString())));
                throw new DeviceRefused(SsoError.SSO_TAP_REFUSED, "no card + PIN sign-in of this clinician in the last "
                        + settings.tapWindow().toMinutes() + " minutes: insert the card and type the PIN");
            }
        }
        Instant expiresAt = now.plus(MAX_SESSION).isBefore(card.notAfter()) ? now.plus(MAX_SESSION) : card.notAfter();
        return opened(sessions.open(kiosk, card.kioskSessionId(), card.professional().value(),
                card.certificate().familyName(), card.certificate().givenName(), level,
                Optional.of(card.certificate().serial()), expiresAt, exercice.map(SingleSignOn::asRead).stream()
                .toList()));
    }

    /** A card exercice as the kiosk read it, in PSC's {@code SubjectRefPro} shape (absent fields empty). */
    private static SubjectRefPro.Exercice asRead(SsoExercice e) {
        List<SubjectRefPro.Activite> site = e.numeroFinessSite().isPresent() || e.raisonSocialeSite().isPresent()
                ? List.of(new SubjectRefPro.Activite("", "", e.numeroFinessSite().orElse(""),
                        e.raisonSocialeSite().orElse("")))
                : List.of();
        return new SubjectRefPro.Exercice(e.codeProfession(), "", e.codeSavoirFaire().orElse(""), "", "", site);
    }

    /**
     * Opens the SSO session of {@code kiosk}'s session from its Pro Santé Connect sign-in bound on the hub, with
     * the names and exercice PSC's userinfo gave (the chosen exercice, every one when none was chosen).
     *
     * @throws DeviceRefused {@code AGENT_PSC_NOT_BOUND}
     */
    public SsoSession openThroughPsc(KioskAddress kiosk, String kioskSessionId, String cibaRequestId)
            throws DeviceRefused, SQLException {
        requireOn();
        Optional<PscSignIns.PscSignIn> who = psc.bound(kiosk, cibaRequestId, kioskSessionId);
        if (who.isEmpty()) {
            throw new DeviceRefused(AgentError.AGENT_PSC_NOT_BOUND, "no Pro Santé Connect sign-in of this kiosk"
                    + " session is bound on the hub");
        }
        PscSignIns.PscSignIn in = who.get();
        return opened(sessions.open(kiosk, kioskSessionId, in.professional().value(), in.familyName(),
                in.givenName(), SsoLevel.PSC_ECPS, Optional.empty(), clock.instant().plus(MAX_SESSION),
                in.exercices()));
    }

    private SsoSession opened(SsoSessions.Opened opened) {
        opened.replacedSids().forEach(logout::sessionEnded);
        return opened.session();
    }

    /** A ticket issued to a kiosk, with its expiry. */
    public record Ticket(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Ticket[redacted, expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * A one-time ticket for {@code kiosk}'s own live SSO session {@code kioskSessionId}.
     *
     * @throws DeviceRefused {@code SSO_SESSION_UNKNOWN}
     */
    public Ticket ticket(KioskAddress kiosk, String kioskSessionId) throws DeviceRefused, SQLException {
        requireOn();
        SsoSession s = sessions.live(kiosk, kioskSessionId).orElseThrow(() -> new DeviceRefused(
                SsoError.SSO_SESSION_UNKNOWN, "this kiosk session has no open single sign-on session on the hub"));
        return new Ticket(sessions.ticket(s.sid(), TICKET_TTL), clock.instant().plus(TICKET_TTL));
    }

    /**
     * {@code kiosk}'s session locked or closed: its SSO session ends, its tokens are revoked and its
     * applications are sent logout tokens.
     *
     * @return whether a session was live
     */
    public boolean end(KioskAddress kiosk, String kioskSessionId, EndReason reason) throws SQLException {
        Optional<String> sid = sessions.end(kiosk, kioskSessionId, reason.name(), AuditEntry.kiosk(kiosk));
        sid.ifPresent(logout::sessionEnded);
        return sid.isPresent();
    }

    /** Ends session {@code sid} on the application's request (RP-initiated logout). */
    boolean endBySid(String sid, String actor) throws SQLException {
        boolean ended = sessions.endSid(sid, "RP_LOGOUT", actor);
        if (ended) {
            logout.sessionEnded(sid);
        }
        return ended;
    }

    /**
     * Ends the sessions past their expiry and sends their applications logout tokens; run every {@link #SWEEP}
     * (any hub sharing the database ends each session once).
     *
     * @return how many sessions it ended
     */
    int sweep() throws SQLException {
        java.util.List<String> ended = sessions.endExpired();
        ended.forEach(logout::sessionEnded);
        return ended.size();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("expired SSO sessions not ended this time: {}", e.toString());
        }
    }

    private void requireOn() throws DeviceRefused {
        if (!settings.enabled()) {
            throw new DeviceRefused(SsoError.SSO_UNAVAILABLE, "this hub's OpenID Provider is off (hub.sso.enabled)");
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        logout.close();
    }
}
