package fr.vigie.hub;

import fr.vigie.hub.admission.Prescriptions;
import fr.vigie.hub.audit.AuditAnchor;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.RefusalSummary;
import fr.vigie.hub.db.EventQuery;
import fr.vigie.hub.db.EventStore;
import fr.vigie.hub.device.DeviceRegistry;
import fr.vigie.hub.device.Presence;
import fr.vigie.hub.gam.GamLink;
import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.insi.InsiCallLog;
import fr.vigie.hub.staff.StaffDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * What the hub records in its database, for every other part: kiosks' events and the device registry,
 * the hash-chained audit log and its signed heads exported outside the database, IT staff, the identity
 * registry (whose changes go to the GAM feed's outbox in the same transaction) and prescriptions, and the
 * record of INSi calls. All state is in PostgreSQL, so hubs sharing
 * the database see the same. Built by {@link #open}; thread-safe.
 */
final class HubRegistries {
    final DataSource dataSource;
    final EventStore events;
    final EventQuery eventQuery;
    final DeviceRegistry devices;
    final StaffDirectory staff;
    final AuditLog audit;
    final AuditAnchor auditAnchor;
    final RefusalSummary signInsThrottled;
    final IdentityRegistry identities;
    final Prescriptions prescriptions;
    final InsiCallLog insiCalls;
    /** The identity feed to the GAM, started by the hub once everything else serves. */
    final GamLink gam;

    private HubRegistries(DataSource dataSource, Clock clock, HubConfig config, AuditAnchor anchor,
            RefusalSummary throttled, AuditLog audit, GamLink gam) {
        this.dataSource = dataSource;
        this.events = new EventStore(dataSource, clock);
        this.eventQuery = new EventQuery(dataSource);
        this.devices = new DeviceRegistry(dataSource, new Presence(clock, config.offlineAfterHeartbeats()));
        this.staff = new StaffDirectory(dataSource, clock, new SecureRandom());
        this.audit = audit;
        this.auditAnchor = anchor;
        this.signInsThrottled = throttled;
        this.gam = gam;
        this.identities = new IdentityRegistry(dataSource, audit, clock, gam.changes());
        this.prescriptions = new Prescriptions(dataSource);
        this.insiCalls = new InsiCallLog(dataSource);
    }

    /** Opens the registries, makes the first admin of a fresh hub, and starts exporting audit heads. */
    static HubRegistries open(HubConfig config, HubFoundation base, Clock clock, StartedParts started)
            throws Exception {
        DataSource dataSource = base.database.dataSource();
        AuditLog audit = new AuditLog(dataSource, clock);
        RefusalSummary throttled = started.add(new RefusalSummary(audit, "STAFF_SIGNIN_THROTTLED",
                Duration.ofMinutes(1), clock));
        AuditAnchor anchor = new AuditAnchor(audit, base.directory.resolve(AuditAnchor.FILE),
                base.keys.configKey().jws(), base.keys.configKey().verifier(), clock);
        GamLink gam = started.add(GamLink.create(config.gam(), dataSource, audit, clock));
        HubRegistries registries = new HubRegistries(dataSource, clock, config, anchor, throttled, audit, gam);
        registries.staff.ensureFirstAdmin(config.dataDir());
        anchor.start(config.auditAnchorPeriod());
        started.add(anchor);
        return registries;
    }
}
