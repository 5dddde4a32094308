package fr.vigie.hub.psc.kiosk;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.DataSeal;
import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.psc.PscAuditSink;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.SessionBindingGuard;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.protocol.device.CibaError;
import fr.vigie.protocol.identity.IdNatPs;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kiosk CIBA sign-ins wired for a hub: the {@link KioskCiba} service over a {@link PscGateway}, its
 * requests in the hub database, its device routes ({@link CibaApi}), binding refusals appended to the hub's
 * {@link AuditLog} as {@code PSC_BINDING_REFUSED}, and the thread that polls PSC and sweeps the
 * requests every {@value #SWEEP_SECONDS} s (see {@link KioskCiba#sweep()}). Without a PSC configuration
 * the routes answer 503 {@code CIBA_UNAVAILABLE}, so kiosks carry on offline. Thread-safe.
 *
 * <pre>{@code
 * KioskPsc psc = KioskPsc.start(Optional.of(gatewayConfig), auditLog, dataSource, seal, hubInstanceId, clock);
 * deviceRoutes.add(psc);   // mounted on the device API
 * }</pre>
 */
public final class KioskPsc implements DeviceRoutes, AutoCloseable {
    /** The audit action of a refused binding. */
    public static final String PSC_BINDING_REFUSED = "PSC_BINDING_REFUSED";
    /** How often the hub renews its polling leases, takes over orphaned requests and forgets ended ones. */
    static final int SWEEP_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(KioskPsc.class);

    private final ScheduledExecutorService scheduler;
    private final Optional<KioskCiba> ciba;

    private KioskPsc(ScheduledExecutorService scheduler, Optional<KioskCiba> ciba) {
        this.scheduler = scheduler;
        this.ciba = ciba;
    }

    /**
     * Kiosk sign-ins through PSC at {@code config}, or none (503) when empty; requests kept in
     * {@code dataSource}, PSC's handles and tokens sealed by {@code seal}, this hub polling as {@code hubInstance}.
     */
    public static KioskPsc start(Optional<PscGatewayConfig> config, AuditLog audit, DataSource dataSource,
            DataSeal seal, String hubInstance, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "psc-ciba-poller");
            t.setDaemon(true);
            return t;
        });
        SecureRandom random = new SecureRandom();
        PscAuditSink bindings = r -> LOG.info("PSC binding {} session={} expected={} presented={}{}", r.outcome(),
                r.sessionId(), r.expected(), r.presented(), r.reason().map(e -> " reason=" + e).orElse(""));
        Optional<KioskCiba> ciba = config.map(c -> KioskCiba.over(PscGateway.of(c, clock, random, scheduler),
                new SessionBindingGuard(bindings, clock), audited(audit), dataSource, seal, hubInstance, clock, random));
        ciba.ifPresent(c -> scheduler.scheduleWithFixedDelay(c::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS));
        return new KioskPsc(scheduler, ciba);
    }

    /** Refusals appended to {@code audit}; a failure to write is logged, never thrown. */
    static BindingRefusals audited(AuditLog audit) {
        BindingRefusals logged = BindingRefusals.logged();
        return (kiosk, session, expected, presented, code) -> {
            logged.refused(kiosk, session, expected, presented, code);
            try {
                audit.append(AuditEntry.of(AuditEntry.HUB, PSC_BINDING_REFUSED, AuditEntry.kiosk(kiosk),
                        Map.of("kioskSessionId", session, "expected", expected.value(), "presented", presented.value(),
                                "code", code.name())));
            } catch (SQLException | RuntimeException e) {
                LOG.error("PSC_BINDING_REFUSED for kiosk {} session {} not written to the audit log", kiosk, session, e);
            }
        };
    }

    /**
     * The professional whose PSC tokens the CIBA sign-in {@code requestId} bound to {@code kiosk}'s session
     * {@code kioskSessionId}, until they expire (see {@link KioskCiba#boundProfessional}); empty without PSC.
     *
     * @throws SQLException the database is unavailable
     */
    public Optional<IdNatPs> boundProfessional(KioskAddress kiosk, String requestId, String kioskSessionId)
            throws SQLException {
        return ciba.isPresent() ? ciba.get().boundProfessional(kiosk, requestId, kioskSessionId) : Optional.empty();
    }

    /** The bound sign-in {@link #boundProfessional} finds, with PSC's userinfo (see {@link KioskCiba#boundSignIn}). */
    public Optional<KioskCiba.BoundSignIn> boundSignIn(KioskAddress kiosk, String requestId, String kioskSessionId)
            throws SQLException {
        return ciba.isPresent() ? ciba.get().boundSignIn(kiosk, requestId, kioskSessionId) : Optional.empty();
    }

    /** The service, when PSC is configured; hub features acting for a kiosk session read its tokens here. */
    public Optional<KioskCiba> ciba() {
        return ciba;
    }

    @Override
    public void mount(Javalin app) {
        if (ciba.isPresent()) {
            new PscDeviceRoutes(ciba.get()).mount(app);
            return;
        }
        // whatever the body: a kiosk told 503 carries on offline
        app.post(CibaApi.PREFIX + "/*", KioskPsc::unavailable);
        app.post(CibaApi.PREFIX, KioskPsc::unavailable);
        app.get(CibaApi.PREFIX + "/*", KioskPsc::unavailable);
    }

    private static void unavailable(Context ctx) {
        DeviceExchange.refuse(ctx, new DeviceRefused(CibaError.CIBA_UNAVAILABLE,
                "this hub has no Pro Santé Connect configuration"));
    }

    /** Stops polling PSC (another hub sharing the database takes the pending requests over), then the thread. */
    @Override
    public void close() {
        ciba.ifPresent(KioskCiba::stop);
        scheduler.shutdownNow();
    }
}
