package fr.vigie.kiosk.fleet;

import fr.vigie.config.CommandVerifier;
import fr.vigie.config.ConfigVerifier;
import fr.vigie.kiosk.link.HubLink;
import fr.vigie.kiosk.link.StatusFacts;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import fr.vigie.protocol.Topics;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.signing.SigningKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's fleet side, attached to its {@link HubLink}: configuration bundles go to the
 * {@link ConfigAgent}, commands to the {@link CommandAgent} (both on {@code executor}, never on the
 * MQTT thread), and the heartbeat reports the configuration version, certificate expiry and readers.
 *
 * <p>The hub's signing key is pinned in {@code <data-dir>/config/hub-config-key.pem} (written at
 * enrolment, or copied there by the demo); it verifies configuration bundles and commands alike.
 * Without it every bundle is refused with {@code CONFIG_SIGNATURE_INVALID} and every command with
 * {@code COMMAND_SIGNATURE_INVALID}. Commands already received are remembered in
 * {@code <data-dir>/commands/spent} until they expire ({@link SpentCommands}). Thread-safe.
 *
 * <pre>{@code
 * KioskFleet fleet = KioskFleet.attach(link, parts, clock, executor);   // before link.start()
 * fleet.pinHubKey(hubKeyFromEnrolment).onBundle(firstBundle);            // at enrolment
 * fleet.config().addListener(settings -> ...);
 * }</pre>
 */
public final class KioskFleet {
    /** The directory of the configuration in force, inside the kiosk's data directory. */
    public static final String CONFIG_DIR = "config";
    /** The pinned hub configuration key, inside {@link #CONFIG_DIR}. */
    public static final String HUB_KEY_FILE = "hub-config-key.pem";
    private static final Logger LOG = LoggerFactory.getLogger(KioskFleet.class);

    /**
     * What the fleet side needs from the kiosk.
     *
     * @param self the kiosk
     * @param dataDir its data directory
     * @param softwareVersion its software version
     * @param startedAt when its process started
     * @param outboxDepth reads the outbox depth
     * @param readers reads the names of the card readers it sees
     * @param rotation certificate renewal ({@link CertificateRotation#NOT_ENROLLED} before enrolment)
     * @param reboot what {@code reboot} does
     * @param health the check after applying a configuration
     */
    public record Parts(KioskAddress self, Path dataDir, String softwareVersion, Instant startedAt,
            LongSupplier outboxDepth, Supplier<List<String>> readers, CertificateRotation rotation, Reboot reboot,
            HealthCheck health) {
    }

    private final Parts parts;
    private final HubLink link;
    private final Clock clock;
    private final RecentErrors errors;
    private final CommandAgent commands;
    private volatile ConfigAgent config;
    private volatile CommandVerifier commandVerifier;

    private KioskFleet(Parts parts, HubLink link, Clock clock) throws IOException {
        this.parts = parts;
        this.link = link;
        this.clock = clock;
        this.errors = new RecentErrors(clock);
        this.commands = new CommandAgent(parts.self(), () -> commandVerifier, SpentCommands.open(parts.dataDir(), clock),
                () -> config, parts.rotation(), parts.reboot(), () -> diagnostics(parts, config, errors, clock), clock,
                link::reply, errors);
    }

    /** Builds the agents and attaches them to {@code link}; call before the link starts. */
    public static KioskFleet attach(HubLink link, Parts parts, Clock clock, Executor shared) throws IOException {
        Executor executor = new SerialExecutor(shared);
        KioskFleet fleet = new KioskFleet(parts, link, clock);
        Path keyFile = parts.dataDir().resolve(CONFIG_DIR).resolve(HUB_KEY_FILE);
        if (Files.exists(keyFile)) {
            fleet.trust(SigningKeyStore.readPublicKey(keyFile));
        } else {
            LOG.info("kiosk {}: no hub configuration key pinned ({}); configuration bundles and commands are"
                    + " refused until enrolment pins one", parts.self(), keyFile);
        }
        link.onInbound((channel, payload, retained) -> executor.execute(() -> {
            if (channel == Topics.Channel.CONFIG) {
                ConfigAgent agent = fleet.config;
                if (agent != null) {
                    agent.onBundle(payload);
                } else {
                    refuseWithoutKey(parts.self(), payload, link, clock, fleet.errors);
                }
            } else if (channel == Topics.Channel.CMD) {
                fleet.commands.onCommand(payload);
            }
        }));
        link.statusFacts(() -> {
            ConfigAgent agent = fleet.config;
            return new StatusFacts(agent == null ? 0 : agent.version(), parts.rotation().currentExpiry().orElse(null),
                    parts.readers().get());
        });
        return fleet;
    }

    /** Hands the hub's {@code update-software} commands to {@code updates} (refused as not supported until then). */
    public void softwareUpdates(SoftwareUpdates updates) {
        commands.softwareUpdates(updates);
    }

    /**
     * Pins the hub's configuration key, received at enrolment over the mutually authenticated device
     * API, and starts accepting bundles and commands signed with it. Pinning the key already pinned does nothing;
     * a different key is refused (a kiosk changes hub only by enrolling again from scratch).
     *
     * @return the configuration agent, e.g. to hand it the first configuration received at enrolment
     * @throws IllegalStateException when another key is pinned
     */
    public synchronized ConfigAgent pinHubKey(ECPublicKey hubKey) throws IOException {
        Path keyFile = parts.dataDir().resolve(CONFIG_DIR).resolve(HUB_KEY_FILE);
        if (Files.exists(keyFile)) {
            ECPublicKey pinned = SigningKeyStore.readPublicKey(keyFile);
            if (!java.util.Arrays.equals(pinned.getEncoded(), hubKey.getEncoded())) {
                throw new IllegalStateException("another hub configuration key is pinned in " + keyFile);
            }
        } else {
            AtomicFiles.createPrivateDirectory(keyFile.getParent());
            AtomicFiles.write(keyFile, SigningKeyStore.publicKeyPem(hubKey).getBytes(StandardCharsets.US_ASCII));
        }
        if (config == null) {
            trust(hubKey);
        }
        return config;
    }

    /** Starts verifying bundles and commands with {@code hubKey}. */
    private void trust(ECPublicKey hubKey) throws IOException {
        config = new ConfigAgent(parts.dataDir().resolve(CONFIG_DIR), new ConfigVerifier(hubKey, parts.self()),
                parts.self(), parts.health(), clock, link::reply, errors);
        commandVerifier = new CommandVerifier(hubKey, parts.self(), clock);
    }

    private static void refuseWithoutKey(KioskAddress self, byte[] payload, HubLink link, Clock clock,
            RecentErrors errors) {
        String why = "no hub configuration key is pinned on this kiosk";
        String id;
        try {
            id = "config-" + new ProtocolCodec().decodeConfig(payload).version();
        } catch (fr.vigie.protocol.ProtocolException e) {
            id = "config-unreadable";
        }
        errors.add("CONFIG_SIGNATURE_INVALID", why);
        link.reply(new Reply(id, self.site(), self.kioskId(), Reply.Outcome.REJECTED, "CONFIG_SIGNATURE_INVALID", why,
                clock.instant(), ProtocolCodec.SCHEMA_VERSION));
    }

    /** The diagnostics bundle: versions, readers, outbox depth, uptime, recent errors; never secrets. */
    static Map<String, String> diagnostics(Parts parts, ConfigAgent config, RecentErrors errors, Clock clock) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("softwareVersion", parts.softwareVersion());
        d.put("configVersion", Long.toString(config == null ? 0 : config.version()));
        d.put("hubKeyPinned", Boolean.toString(config != null));
        d.put("certificateNotAfter", parts.rotation().currentExpiry().map(Instant::toString).orElse("none"));
        List<String> readers = parts.readers().get();
        d.put("readerCount", Integer.toString(readers.size()));
        d.put("readers", String.join(", ", readers));
        d.put("outboxDepth", Long.toString(parts.outboxDepth().getAsLong()));
        d.put("uptimeSeconds", Long.toString(Duration.between(parts.startedAt(), clock.instant()).toSeconds()));
        d.put("javaVersion", System.getProperty("java.version", "unknown"));
        List<String> recent = errors.list();
        for (int i = 0; i < recent.size(); i++) {
            d.put("recentError." + (i + 1), recent.get(i));
        }
        return d;
    }

    /** The configuration agent, or null when no hub key is pinned. */
    public ConfigAgent config() {
        return config;
    }

    public CommandAgent commands() {
        return commands;
    }

    /** The recent errors reported in diagnostics. */
    public RecentErrors errors() {
        return errors;
    }
}
