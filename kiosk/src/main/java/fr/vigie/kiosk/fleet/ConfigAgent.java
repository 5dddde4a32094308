package fr.vigie.kiosk.fleet;

import fr.vigie.config.AppliedConfigStore;
import fr.vigie.config.ConfigError;
import fr.vigie.config.ConfigException;
import fr.vigie.config.ConfigReplies;
import fr.vigie.config.ConfigVerifier;
import fr.vigie.config.KioskSettings;
import fr.vigie.config.VerifiedConfig;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kiosk side of the configuration rollout: for each bundle from the config topic, decodes it,
 * verifies signature, version and content with the hub's pinned key, applies it atomically, hands
 * the settings to the components, runs the {@link HealthCheck}, rolls back if it fails, and replies
 * applied ({@code DONE}), rejected (with the {@link ConfigError} code) or rolled back ({@code FAILED}).
 * A refused bundle leaves the configuration in force untouched. The retained bundle the broker sends
 * again after each reconnection is answered again when it is the one in force (so a lost reply is
 * not lost for good) and ignored when it is the version that was just rolled back. Thread-safe
 * (bundles are handled one at a time).
 *
 * <pre>{@code
 * ConfigAgent agent = ConfigAgent.open(dataDir.resolve("config"), hubKey, self, HealthCheck.componentsAccept(),
 *         clock, link::reply, errors);
 * agent.addListener(settings -> session.apply(settings));
 * agent.onBundle(payload);
 * }</pre>
 */
public final class ConfigAgent {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigAgent.class);
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private final Path dir;
    private final ConfigVerifier verifier;
    private final KioskAddress self;
    private final HealthCheck health;
    private final Clock clock;
    private final Consumer<Reply> replies;
    private final RecentErrors errors;
    private final List<Consumer<KioskSettings>> listeners = new CopyOnWriteArrayList<>();
    private AppliedConfigStore store;

    ConfigAgent(Path dir, ConfigVerifier verifier, KioskAddress self, HealthCheck health, Clock clock,
            Consumer<Reply> replies, RecentErrors errors) throws IOException {
        this.dir = dir;
        this.verifier = verifier;
        this.self = self;
        this.health = health;
        this.clock = clock;
        this.replies = replies;
        this.errors = errors;
        this.store = new AppliedConfigStore(dir, verifier);
    }

    /** Runs {@code listener} with the settings each time they change (applied, rolled back, reloaded). */
    public void addListener(Consumer<KioskSettings> listener) {
        listeners.add(listener);
    }

    /** The settings in force (the defaults before any bundle). */
    public synchronized KioskSettings settings() {
        return store.settings();
    }

    /** Version of the configuration in force, 0 for the defaults. */
    public synchronized long version() {
        return store.current().map(VerifiedConfig::version).orElse(0L);
    }

    /** Handles one message of the config topic. */
    public synchronized void onBundle(byte[] payload) {
        ConfigBundle bundle;
        try {
            bundle = CODEC.decodeConfig(payload);
        } catch (ProtocolException e) {
            refuse(null, new ConfigException(ConfigError.CONFIG_MALFORMED, "not a configuration bundle: " + e.getMessage()));
            return;
        }
        Optional<VerifiedConfig> current = store.current();
        if (current.isPresent() && current.get().version() == bundle.version()
                && current.get().bundle().jws().equals(bundle.jws())) {
            replies.accept(ConfigReplies.applied(current.get(), clock.instant()));
            return;
        }
        long seen = store.highestVersionSeen();
        if (bundle.version() == seen && current.map(c -> c.version() != seen).orElse(true)) {
            LOG.debug("kiosk {}: version {} was rolled back already; the hub must issue a newer one", self, seen);
            return;
        }
        VerifiedConfig v;
        try {
            v = verifier.verify(bundle, seen);
        } catch (ConfigException e) {
            refuse(bundle, e);
            return;
        }
        try {
            store.apply(v);
        } catch (ConfigException e) {
            refuse(bundle, e);
            return;
        } catch (IOException e) {
            errors.add(ConfigError.CONFIG_STORE_FAILED.name(), e.toString());
            replies.accept(new Reply("config-" + v.version(), self.site(), self.kioskId(), Reply.Outcome.FAILED,
                    ConfigError.CONFIG_STORE_FAILED.name(), "configuration version " + v.version()
                            + " could not be written: " + e.getMessage(), clock.instant(), ProtocolCodec.SCHEMA_VERSION));
            return;
        }
        Optional<String> problem = notifyListeners(v.settings());
        if (problem.isEmpty()) {
            problem = health.check(v.settings());
        }
        if (problem.isPresent()) {
            rollBack(v, problem.get());
            return;
        }
        LOG.info("kiosk {} applied configuration version {}", self, v.version());
        replies.accept(ConfigReplies.applied(v, clock.instant()));
    }

    private void rollBack(VerifiedConfig failed, String problem) {
        long backTo;
        try {
            backTo = store.undo(failed);
        } catch (IOException e) {
            backTo = -1;
            LOG.error("kiosk {}: configuration version {} failed ({}) and could not be taken back: {}", self,
                    failed.version(), problem, e.toString());
        }
        notifyListeners(store.settings());
        errors.add(ConfigError.CONFIG_HEALTH_CHECK_FAILED.name(), "version " + failed.version() + ": " + problem);
        LOG.warn("kiosk {}: configuration version {} failed its health check ({}); version {} is back", self,
                failed.version(), problem, backTo);
        replies.accept(ConfigReplies.rolledBack(failed, Math.max(0, backTo), clock.instant()));
    }

    /**
     * Reads the configuration in force again from disk (verifying it again) and hands it to the
     * components: the {@code reload-config} command.
     *
     * @return the version now in force
     */
    public synchronized long reload() throws IOException {
        store = new AppliedConfigStore(dir, verifier);
        notifyListeners(store.settings());
        return version();
    }

    private Optional<String> notifyListeners(KioskSettings settings) {
        for (Consumer<KioskSettings> l : listeners) {
            try {
                l.accept(settings);
            } catch (RuntimeException e) {
                return Optional.of("a component refused the settings: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private void refuse(ConfigBundle bundle, ConfigException reason) {
        errors.add(reason.error().name(), reason.getMessage());
        LOG.warn("kiosk {} refused a configuration bundle: {} {}", self, reason.error(), reason.getMessage());
        // always in this kiosk's name: a bundle may name another kiosk, and the hub only reads replies
        // that name the kiosk whose topic they come on
        replies.accept(new Reply(bundle != null ? "config-" + bundle.version() : "config-unreadable", self.site(),
                self.kioskId(), Reply.Outcome.REJECTED, reason.error().name(), reason.getMessage(), clock.instant(),
                ProtocolCodec.SCHEMA_VERSION));
    }
}
