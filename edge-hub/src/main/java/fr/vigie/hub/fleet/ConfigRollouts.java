package fr.vigie.hub.fleet;

import fr.vigie.hub.db.Transactions;
import fr.vigie.config.ConfigSigner;
import fr.vigie.config.KioskSettings;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import fr.vigie.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed configuration rollout to a group of kiosks. A rollout validates the settings, takes the next
 * version (one counter for the site, never below a version a kiosk of the group reports), signs one
 * bundle per kiosk of the group, records the rollout, its targets and the audit entry
 * {@code CONFIG_ROLLED_OUT} in one transaction, then publishes each bundle retained on the kiosk's
 * config topic. Replies ({@code config-<version>}) move each target out of {@code PENDING} once; a
 * target still waiting when a newer version goes to the same kiosk becomes {@code SUPERSEDED}.
 * A rollback re-issues an earlier rollout's content as a new version ({@code CONFIG_REISSUED}).
 * Rollouts are serialised by a transaction-scoped advisory lock. Thread-safe.
 *
 * <pre>{@code
 * Rollout r = rollouts.rollOut("default", KioskSettings.defaults().withIdleLockSeconds(60), "alice");
 * Rollout progress = rollouts.find(r.version()).orElseThrow();
 * }</pre>
 */
public final class ConfigRollouts {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigRollouts.class);
    private static final long ROLLOUT_LOCK = 0x5649474945L; // "VIGIE"
    private static final String CONFIG_REPLY_PREFIX = "config-";

    private final DataSource dataSource;
    private final ConfigSigner signer;
    private final Outgoing outgoing;
    private final AuditLog audit;
    private final Clock clock;
    private final ProtocolCodec codec = new ProtocolCodec();

    ConfigRollouts(DataSource dataSource, ConfigSigner signer, Outgoing outgoing, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.signer = signer;
        this.outgoing = outgoing;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Rolls {@code settings} out to every kiosk of {@code group} as a new version. A group with no kiosk
     * (empty, or never used) still gets the version as its content, which kiosks moved into it later
     * receive; the rollout then says so ({@link Rollout#targeted()} 0, {@link Rollout#warning()}
     * {@value Rollout#NO_KIOSK}).
     */
    public Rollout rollOut(String group, KioskSettings settings, String actor) throws SQLException, FleetRejection {
        Groups.requireValid(group);
        return issue(group, settings, null, actor, null, "CONFIG_ROLLED_OUT");
    }

    /**
     * Gives {@code kiosk}, just moved into {@code group}, the group's latest content as a new version
     * (audited as {@code CONFIG_ROLLED_OUT} with {@code kiosks=1}); nothing when the group has none yet.
     */
    public Optional<Rollout> catchUp(KioskAddress kiosk, String group, String actor) throws SQLException, FleetRejection {
        Optional<Rollout> latest = latest(group);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        try {
            KioskSettings settings = KioskSettings.fromStoredJson(latest.get().settings().getBytes(StandardCharsets.UTF_8));
            return Optional.of(issue(group, settings, latest.get().version(), actor, kiosk, "CONFIG_ROLLED_OUT"));
        } catch (fr.vigie.config.ConfigException e) {
            throw new FleetRejection(FleetRejection.Kind.CONFLICT, e.error().name(), "the latest configuration of group "
                    + group + " can no longer be issued: " + e.getMessage());
        }
    }

    /**
     * Re-issues the content of rollout {@code earlierVersion} to every kiosk of {@code group} as a new
     * version: the console's rollback.
     *
     * @throws FleetRejection {@code ROLLOUT_NOT_FOUND} when there is no such rollout
     */
    public Rollout reissue(String group, long earlierVersion, String actor) throws SQLException, FleetRejection {
        Groups.requireValid(group);
        String json = settingsOf(earlierVersion).orElseThrow(() -> new FleetRejection(FleetRejection.Kind.NOT_FOUND,
                "ROLLOUT_NOT_FOUND", "no configuration version " + earlierVersion + " was ever rolled out"));
        try {
            return issue(group, KioskSettings.fromStoredJson(json.getBytes(StandardCharsets.UTF_8)), earlierVersion, actor,
                    null, "CONFIG_REISSUED");
        } catch (fr.vigie.config.ConfigException e) {
            throw new FleetRejection(FleetRejection.Kind.CONFLICT, e.error().name(), "version " + earlierVersion
                    + " can no longer be issued: " + e.getMessage());
        }
    }

    private record Issued(long version, List<ConfigBundle> bundles) {
    }

    /** Issues {@code settings} to every kiosk of {@code group}, or to {@code only} when given. */
    private Rollout issue(String group, KioskSettings settings, Long reissueOf, String actor, KioskAddress only,
            String action) throws SQLException, FleetRejection {
        Instant now = clock.instant();
        Issued issued = Transactions.run(dataSource, c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ROLLOUT_LOCK);
                lock.execute();
            }
            List<KioskAddress> kiosks = new ArrayList<>();
            long highestReported = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT site, kiosk_id, COALESCE(config_version, 0) AS v"
                    + " FROM devices WHERE device_group = ?" + (only == null ? "" : " AND site = ? AND kiosk_id = ?")
                    + " ORDER BY site, kiosk_id")) {
                ps.setString(1, group);
                if (only != null) {
                    ps.setString(2, only.site());
                    ps.setString(3, only.kioskId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        kiosks.add(KioskAddress.of(rs.getString(1), rs.getString(2)));
                        highestReported = Math.max(highestReported, rs.getLong(3));
                    }
                }
            }
            long version = nextVersion(c, highestReported);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO config_rollouts (version, device_group,"
                    + " settings, reissue_of, actor, created_at) VALUES (?, ?, ?::jsonb, ?, ?, ?)")) {
                ps.setLong(1, version);
                ps.setString(2, group);
                ps.setString(3, new String(settings.toJson(), StandardCharsets.UTF_8));
                ps.setObject(4, reissueOf);
                ps.setString(5, actor);
                ps.setObject(6, Db.utc(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE config_rollout_targets SET state = 'SUPERSEDED',"
                    + " message = ? WHERE site = ? AND kiosk_id = ? AND version < ? AND state IN ('PENDING', 'UNSENT')")) {
                for (KioskAddress k : kiosks) {
                    ps.setString(1, "superseded by version " + version + " before the kiosk answered");
                    ps.setString(2, k.site());
                    ps.setString(3, k.kioskId());
                    ps.setLong(4, version);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<ConfigBundle> bundles = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO config_rollout_targets (version, site,"
                    + " kiosk_id, state, published_at) VALUES (?, ?, ?, 'PENDING', ?)")) {
                for (KioskAddress k : kiosks) {
                    bundles.add(signer.sign(k, version, settings));
                    ps.setLong(1, version);
                    ps.setString(2, k.site());
                    ps.setString(3, k.kioskId());
                    ps.setObject(4, Db.utc(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<String, String> details = new HashMap<>(Map.of("version", Long.toString(version), "kiosks",
                    Integer.toString(kiosks.size())));
            if (reissueOf != null) {
                details.put("reissueOf", Long.toString(reissueOf));
            }
            if (only != null) {
                details.put("kiosk", only.toString());
            }
            audit.append(c, AuditEntry.of(actor, action, "group:" + group, details));
            return new Issued(version, bundles);
        });
        for (ConfigBundle b : issued.bundles()) {
            KioskAddress k = KioskAddress.of(b.site(), b.kioskId());
            try {
                outgoing.publish(Topics.config(k), codec.encode(b), true);
            } catch (Exception e) {
                LOG.warn("configuration version {} not published to {}: {}", b.version(), k, e.toString());
                markUnsent(b.version(), k, e.toString());
            }
        }
        return find(issued.version()).orElseThrow();
    }

    /**
     * The first configuration of a kiosk being enrolled, inside the enrolment's transaction {@code c}:
     * the latest content rolled out to the {@code default} group (the defaults before any), signed for
     * {@code kiosk} at a fresh version of the site's counter, so that the next rollout is newer.
     */
    public static ConfigBundle firstBundle(Connection c, ConfigSigner signer, KioskAddress kiosk) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, ROLLOUT_LOCK);
            lock.execute();
        }
        KioskSettings settings = KioskSettings.defaults();
        try (PreparedStatement ps = c.prepareStatement("SELECT settings::text FROM config_rollouts WHERE device_group = ?"
                + " ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, Groups.DEFAULT);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    settings = KioskSettings.fromStoredJson(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (fr.vigie.config.ConfigException e) {
            LOG.warn("the default group's latest settings no longer validate ({}); a new kiosk starts on the defaults",
                    e.getMessage());
        }
        return signer.sign(kiosk, nextVersion(c, 0), settings);
    }

    /** Under the rollout lock: the next version, above every version a kiosk of the group reported. */
    private static long nextVersion(Connection c, long highestReported) throws SQLException {
        long v;
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('config_version_seq')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            v = rs.getLong(1);
        }
        if (v <= highestReported) {
            v = highestReported + 1;
            try (PreparedStatement ps = c.prepareStatement("SELECT setval('config_version_seq', ?)")) {
                ps.setLong(1, v);
                ps.execute();
            }
        }
        return v;
    }

    private void markUnsent(long version, KioskAddress k, String why) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE config_rollout_targets SET state = 'UNSENT', message = ? WHERE version = ? AND site = ?"
                        + " AND kiosk_id = ? AND state = 'PENDING'")) {
            ps.setString(1, "not published: " + why);
            ps.setLong(2, version);
            ps.setString(3, k.site());
            ps.setString(4, k.kioskId());
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("cannot record that version {} was not published to {}: {}", version, k, e.toString());
        }
    }

    /** A rollout with its progress. */
    public Optional<Rollout> find(long version) throws SQLException {
        return RolloutQueries.find(dataSource, version);
    }

    /** The latest rollouts, newest first, of one group or of all ({@code group} null). */
    public List<Rollout> list(String group, int limit) throws SQLException {
        return RolloutQueries.list(dataSource, group, limit);
    }

    /** The latest rollout of {@code group}: the configuration its kiosks should have. */
    public Optional<Rollout> latest(String group) throws SQLException {
        List<Rollout> last = list(group, 1);
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
    }

    private Optional<String> settingsOf(long version) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT settings::text FROM config_rollouts WHERE version = ?")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether {@code reply} is about a configuration bundle. */
    static boolean isConfigReply(Reply reply) {
        return reply.commandId().startsWith(CONFIG_REPLY_PREFIX);
    }

    /**
     * Records a kiosk's verdict on a bundle. Only a target still waiting moves; a kiosk's refusal is
     * audited: {@code CONFIG_REJECTED_BY_KIOSK} for a bundle of a rollout, {@code CONFIG_BUNDLE_REFUSED}
     * for one the hub has no pending rollout for (a replay or a forged bundle on the kiosk's topic).
     */
    void onReply(Reply reply) throws SQLException, FleetRejection {
        long version;
        try {
            version = Long.parseLong(reply.commandId().substring(CONFIG_REPLY_PREFIX.length()));
        } catch (NumberFormatException e) {
            version = -1;
        }
        String state = switch (reply.outcome()) {
            case DONE -> "APPLIED";
            case REJECTED -> "REJECTED";
            case FAILED -> "FAILED";
        };
        long v = version;
        Transactions.run(dataSource, c -> {
            int moved;
            try (PreparedStatement ps = c.prepareStatement("UPDATE config_rollout_targets SET state = ?, code = ?,"
                    + " message = ?, replied_at = ? WHERE version = ? AND site = ? AND kiosk_id = ?"
                    + " AND state IN ('PENDING', 'UNSENT')")) {
                ps.setString(1, state);
                ps.setString(2, reply.code());
                ps.setString(3, reply.message());
                ps.setObject(4, Db.utc(reply.repliedAt()));
                ps.setLong(5, v);
                ps.setString(6, reply.site());
                ps.setString(7, reply.kioskId());
                moved = ps.executeUpdate();
            }
            if (reply.outcome() != Reply.Outcome.DONE) {
                KioskAddress k = KioskAddress.of(reply.site(), reply.kioskId());
                audit.append(c, AuditEntry.of(AuditEntry.kiosk(k), moved > 0 ? "CONFIG_REJECTED_BY_KIOSK"
                        : "CONFIG_BUNDLE_REFUSED", AuditEntry.kiosk(k), Map.of("version", reply.commandId()
                                .substring(CONFIG_REPLY_PREFIX.length()), "code", reply.code(), "outcome",
                                reply.outcome().name())));
            }
            return null;
        });
    }
}
