package fr.vigie.hub;

import fr.vigie.hub.admission.AdmissionService;
import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.hub.device.DeviceRegistry;
import fr.vigie.hub.device.DeviceRoles;
import fr.vigie.hub.enrol.Enrolments;
import fr.vigie.hub.fleet.Fleet;
import fr.vigie.hub.gam.GamLink;
import fr.vigie.hub.gam.GamOutbox;
import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.metrics.HubMetrics;
import fr.vigie.hub.web.Health;
import fr.vigie.provisioning.siteca.SiteCa;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge hub's composition root: reads nothing but its {@link HubConfig}, starts the parts in order
 * with plain constructors — {@link HubFoundation} (data directory, database, keys, broker),
 * {@link HubRegistries} (what the hub records), {@link KioskServices} (what it does for kiosks, with the
 * gateways to the national services built from {@code hub.insi.*}, {@code hub.psc.*},
 * {@code hub.apcv.*}), {@link HubServers} (console/REST API and device API) and {@link HubIngest} — and
 * stops them in the reverse order. Thread-safe.
 *
 * <pre>{@code
 * HubConfig config = HubConfig.load(null, Map.of("hub.data-dir", "/var/lib/vigie/hub", "hub.http.port", "0"));
 * try (EdgeHub hub = EdgeHub.start(config)) {
 *     URI api = hub.httpUri();          // http://127.0.0.1:<port>
 *     String broker = hub.mqttUrl();    // tcp://127.0.0.1:1883
 * }
 * }</pre>
 */
public final class EdgeHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeHub.class);

    private final HubConfig config;
    private final StartedParts parts;
    private final HubFoundation base;
    private final HubRegistries registries;
    private final KioskServices kiosks;
    private final HubServers servers;
    private final HubIngest ingest;
    private boolean closed;

    private EdgeHub(HubConfig config, StartedParts parts, HubFoundation base, HubRegistries registries,
            KioskServices kiosks, HubServers servers, HubIngest ingest) {
        this.config = config;
        this.parts = parts;
        this.base = base;
        this.registries = registries;
        this.kiosks = kiosks;
        this.servers = servers;
        this.ingest = ingest;
    }

    /** Starts a hub on the system clock. */
    public static EdgeHub start(HubConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts database (and migrates it), broker, services, HTTP and device API, and ingest if enabled. On
     * failure, whatever had started is stopped again before the exception is thrown.
     */
    public static EdgeHub start(HubConfig config, Clock clock) throws Exception {
        LoggingSetup.bridgeJul();
        StartedParts parts = new StartedParts();
        try {
            HubFoundation base = HubFoundation.open(config, clock, parts);
            HubRegistries registries = HubRegistries.open(config, base, clock, parts);
            KioskServices kiosks = KioskServices.start(config, base, registries, clock, parts);
            HubMetrics metrics = new HubMetrics();
            HubIngest ingest = new HubIngest(config, base, registries, metrics, clock);
            Health.Probe health = () -> health(base, ingest);
            metrics.gauge("vigie_devices_known", "Kiosks in the device registry.",
                    () -> deviceCounts(registries.devices).known());
            metrics.gauge("vigie_devices_online", "Kiosks considered online now.",
                    () -> deviceCounts(registries.devices).online());
            metrics.gauge("vigie_gam_waiting", "Messages of the GAM feed waiting to be sent.",
                    () -> gamCounts(registries.gam).waiting());
            metrics.gauge("vigie_gam_failed", "Messages of the GAM feed the GAM refused, waiting for IT.",
                    () -> gamCounts(registries.gam).failed());
            HubServers servers = HubServers.start(config, base, registries, kiosks, metrics, health, clock, parts);
            parts.add(ingest);
            EdgeHub hub = new EdgeHub(config, parts, base, registries, kiosks, servers, ingest);
            if (config.ingestEnabled()) {
                ingest.start();
            }
            registries.gam.start();
            LOG.info("edge hub started: http={} mqtt={} data={}", hub.httpUri(), hub.mqttUrl(), config.dataDir());
            return hub;
        } catch (Exception | Error e) {
            parts.close();
            throw e;
        }
    }

    /** The console and REST API's base URI, e.g. {@code http://127.0.0.1:8080}. */
    public URI httpUri() {
        return servers.httpUri(config.httpBind());
    }

    /** The device API's base URI, e.g. {@code https://localhost:8443} (first name of its certificate). */
    public URI deviceApiUri() {
        return servers.deviceApi.uri(config.pki().serverNames().get(0));
    }

    /** {@code tcp://127.0.0.1:<port>} for the embedded broker, or the configured external URL. */
    public String mqttUrl() {
        return base.mqttUrl;
    }

    /**
     * Where kiosks connect with mutual TLS: {@code ssl://<first server name>:<port>} of the embedded
     * broker's device listener ({@code hub.mqtt.tls}), or of the Mosquitto the hub looks after
     * ({@code hub.mqtt.mosquitto-dir}).
     */
    public Optional<String> deviceMqttUrl() {
        String host = config.pki().serverNames().get(0);
        return base.deviceMqttPort(config.pki())
                .map(port -> "ssl://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The site CA this hub keeps (its root's fingerprint is what kiosks pin). */
    public SiteCa siteCa() {
        return base.keys.ca();
    }

    /**
     * The hub's own MQTT username and password (and the client ids derived from them), for clients that
     * run inside the hub's process and must act as the hub on its broker, e.g. a benchmark's subscriber.
     * Never log them.
     */
    public HubMqttCredentials mqttCredentials() {
        return base.mqttCredentials;
    }

    /** Enrolment, bootstrap tokens, renewal and revocation of kiosks (the sandbox's demo tokens, benchmarks). */
    public Enrolments enrolments() {
        return kiosks.enrolments;
    }

    /**
     * The identity registry, for in-process benchmarks of the identity flows ({@code ./vigie bench gam}); the
     * console, the REST API and the device API are the ways in for everything else.
     */
    public IdentityRegistry identities() {
        return registries.identities;
    }

    /** Identity qualification at admission, for in-process benchmarks ({@code ./vigie bench gam}). */
    public AdmissionService admission() {
        return kiosks.admission;
    }

    /** The identity feed to the hospital's patient administration system (HL7 PAM over MLLP). */
    public GamLink gam() {
        return registries.gam;
    }

    /**
     * What the hub knows each kiosk as (admission desk or workstation): for the sandbox's demo admission desk; IT
     * declares desks through the console, the REST API or {@code ./vigie admin role}.
     */
    public DeviceRoles deviceRoles() {
        return kiosks.agents.roles();
    }

    /** The signed package repository kiosks update from (issue 14). */
    public fr.vigie.hub.software.AptRepository softwareRepository() {
        return kiosks.software;
    }

    /** Staged software rollouts (issue 14). */
    public fr.vigie.hub.software.SoftwareRollouts softwareRollouts() {
        return kiosks.softwareRollouts;
    }

    /** Fleet management: configuration rollouts, remote commands, device groups. */
    public Fleet fleet() {
        return kiosks.fleet;
    }

    /** The hub database (pooled). */
    public DataSource dataSource() {
        return registries.dataSource;
    }

    /**
     * Starts ingest if it is not running; for a hub started with {@code hub.ingest.enabled=false}.
     *
     * @throws IllegalStateException when the hub is closed, or the embedded broker refuses the subscriptions
     */
    public void startIngest() {
        ingest.start();
    }

    /** The records and the kiosk services, for test fixtures in this package. */
    HubRegistries registries() {
        return registries;
    }

    KioskServices kiosks() {
        return kiosks;
    }

    /** The current health, as {@code /healthz} reports it: what the service watchdog is fed by. */
    public Health health() {
        return health(base, ingest);
    }

    private static Health health(HubFoundation base, HubIngest ingest) {
        String state = ingest.state();
        boolean brokerUp = "CONNECTED".equals(state)
                || (base.broker != null ? base.broker.isRunning() : reachable(base.mqttUrl));
        return Health.of(base.database.isHealthy(), brokerUp, state);
    }

    private static DeviceRegistry.Counts deviceCounts(DeviceRegistry devices) {
        try {
            return devices.counts();
        } catch (SQLException e) {
            throw new IllegalStateException("device registry unavailable", e);
        }
    }

    private static GamOutbox.Counts gamCounts(GamLink gam) {
        try {
            return gam.outbox().counts();
        } catch (SQLException e) {
            throw new IllegalStateException("GAM outbox unavailable", e);
        }
    }

    private static boolean reachable(String tcpUrl) {
        URI uri = URI.create(tcpUrl);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Stops ingest (committing and acknowledging the batch in progress), the device API and HTTP, the
     * services, the broker, exports the audit chain head a last time, and stops the embedded database,
     * in that order. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("edge hub stopping");
        parts.close();
        LOG.info("edge hub stopped");
    }
}
