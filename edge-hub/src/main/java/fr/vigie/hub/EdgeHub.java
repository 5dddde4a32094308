package fr.vigie.hub;

import fr.vigie.hub.admission.AdmissionDeviceRoutes;
import fr.vigie.hub.agent.AgentDeviceRoutes;
import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.hub.admission.AdmissionService;
import fr.vigie.hub.admission.Prescriptions;
import fr.vigie.hub.audit.AuditAnchor;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.RefusalSummary;
import fr.vigie.hub.broker.BrokerTls;
import fr.vigie.hub.broker.EmbeddedBroker;
import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.hub.broker.SiteMosquitto;
import fr.vigie.hub.db.EventQuery;
import fr.vigie.hub.db.EventStore;
import fr.vigie.hub.db.HubDatabase;
import fr.vigie.hub.deviceapi.DeviceApi;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.insi.InsiCallLog;
import fr.vigie.hub.igcsante.CardCertificates;
import fr.vigie.hub.igcsante.CrlDeviceRoutes;
import fr.vigie.hub.igcsante.CrlDistribution;
import fr.vigie.hub.igcsante.CrlRoutes;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.kiosk.KioskPsc;
import fr.vigie.hub.sandbox.psc.PscSimulator;
import fr.vigie.hub.device.DeviceRegistry;
import fr.vigie.hub.device.Presence;
import fr.vigie.hub.enrol.EnrolmentAdminRoutes;
import fr.vigie.hub.enrol.EnrolmentDeviceRoutes;
import fr.vigie.hub.enrol.Enrolments;
import fr.vigie.hub.enrol.HubKeys;
import fr.vigie.hub.enrol.SandboxTokens;
import fr.vigie.hub.fleet.Fleet;
import fr.vigie.hub.fhir.FhirRoutes;
import fr.vigie.hub.gam.GamLink;
import fr.vigie.hub.gam.GamRoutes;
import fr.vigie.hub.http.RequestGate;
import fr.vigie.hub.ingest.Ingest;
import fr.vigie.hub.metrics.HubMetrics;
import fr.vigie.hub.sandbox.HubSandbox;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.hub.web.Health;
import fr.vigie.hub.web.HttpApi;
import fr.vigie.hub.web.AuditRoutes;
import fr.vigie.hub.web.InsiCallRoutes;
import fr.vigie.hub.web.DeviceRoleRoutes;
import fr.vigie.hub.web.FleetRoutes;
import fr.vigie.hub.web.IdentityRoutes;
import fr.vigie.hub.web.StaffRoutes;
import fr.vigie.hub.web.PrescriptionRoutes;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.siteca.SiteCa;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge hub, wired with plain constructors: database (embedded PostgreSQL or external, migrated),
 * broker (embedded HiveMQ or external), HTTP (REST API, health, metrics, IT console) and ingest.
 * Thread-safe.
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
    private static final Duration EMBEDDED_SUBSCRIBE_WAIT = Duration.ofSeconds(30);
    private static final Duration EXTERNAL_SUBSCRIBE_WAIT = Duration.ofSeconds(10);
    /** The purpose ingest's client id is derived for (see {@link HubMqttCredentials#clientId}). */
    private static final String INGEST_CLIENT = "ingest";

    private final HubConfig config;
    private final Clock clock;
    private final HubDataDirectory directory;
    private final HubDatabase database;
    private final EmbeddedBroker broker;
    private final HubMqttCredentials mqttCredentials;
    private final String mqttUrl;
    private final HubMetrics metrics = new HubMetrics();
    private final EventStore eventStore;
    private final DeviceRegistry devices;
    private final IdentityRegistry identities;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final InsiCallLog insiCalls;
    private final GamLink gam;
    private AuditAnchor auditAnchor;
    private final RefusalSummary signInsThrottled;
    private HttpApi http;
    private SiteCa siteCa;
    private Enrolments enrolments;
    private DeviceApi deviceApi;
    private KioskPsc kioskPsc;
    private HubSandbox sandbox;
    private SiteMosquitto siteMosquitto;
    private Fleet fleet;
    private CrlDistribution igcSanteCrls;
    private AdmissionService admission;
    private ProvenAgents agents;
    private volatile Ingest ingest;
    private FormerSessionDrain formerSession;
    private boolean closed;

    private EdgeHub(HubConfig config, Clock clock, HubDataDirectory directory, HubDatabase database,
            EmbeddedBroker broker, HubMqttCredentials mqttCredentials) {
        this.config = config;
        this.clock = clock;
        this.directory = directory;
        this.database = database;
        this.broker = broker;
        this.mqttCredentials = mqttCredentials;
        this.mqttUrl = broker != null ? broker.url() : config.brokerUrl();
        this.eventStore = new EventStore(database.dataSource(), clock);
        this.devices = new DeviceRegistry(database.dataSource(), new Presence(clock, config.offlineAfterHeartbeats()));
        this.staff = new StaffDirectory(database.dataSource(), clock, new SecureRandom());
        this.audit = new AuditLog(database.dataSource(), clock);
        this.insiCalls = new InsiCallLog(database.dataSource());
        this.gam = GamLink.create(config.gam(), database.dataSource(), audit, clock);
        this.identities = new IdentityRegistry(database.dataSource(), audit, clock, gam.changes());
        this.signInsThrottled = new RefusalSummary(audit, "STAFF_SIGNIN_THROTTLED", Duration.ofMinutes(1), clock);
        metrics.gauge("vigie_devices_known", "Kiosks in the device registry.", () -> deviceCounts().known());
        metrics.gauge("vigie_devices_online", "Kiosks considered online now.", () -> deviceCounts().online());
        metrics.gauge("vigie_ingest_queue_depth", "Messages received and waiting for the ingest writer.",
                () -> ingest == null ? 0 : ingest.queueDepth());
        metrics.gauge("vigie_ingest_connected", "1 when ingest is connected and subscribed to the broker.",
                () -> ingest != null && ingest.isConnected() ? 1 : 0);
        metrics.gauge("vigie_gam_waiting", "Messages of the GAM feed waiting to be sent.", () -> gamCounts().waiting());
        metrics.gauge("vigie_gam_failed", "Messages of the GAM feed the GAM refused, waiting for IT.",
                () -> gamCounts().failed());
    }

    /** Starts a hub on the system clock. */
    public static EdgeHub start(HubConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts database (and migrates it), broker, HTTP, and ingest if enabled. On failure, whatever
     * had started is stopped again before the exception is thrown.
     */
    public static EdgeHub start(HubConfig config, Clock clock) throws Exception {
        return start(config, clock, app -> { });
    }

    /**
     * Like {@link #start(HubConfig, Clock)}, letting {@code httpExtension} add routes to the hub's
     * HTTP server before it starts, e.g. the sandbox PSC:
     * {@code app -> psc.mount(app, PscSimulator.DEFAULT_BASE, () -> hubOrigin)}.
     */
    public static EdgeHub start(HubConfig config, Clock clock, Consumer<Javalin> httpExtension) throws Exception {
        LoggingSetup.bridgeJul();
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            HubDataDirectory directory = HubDataDirectory.open(config.dataDir());
            started.push(directory);
            HubFilePermissions.secure(config.dataDir(), config.pki().caPassphraseFile() == null ? List.of()
                    : List.of(config.pki().caPassphraseFile()));
            HubDatabase database = config.embeddedDatabase()
                    ? HubDatabase.embedded(directory.resolve("postgres"))
                    : HubDatabase.external(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
            started.push(database);
            HubKeys keys = HubKeys.open(config.dataDir(), config.pki().site(), config.pki().caPassphraseFile(), clock);
            HubMqttCredentials mqttCredentials = HubMqttCredentials.openOrCreate(directory.resolve(HubMqttCredentials.FILE));
            EmbeddedBroker broker = null;
            if (config.embeddedBroker()) {
                HubPkiConfig pki = config.pki();
                broker = EmbeddedBroker.start(directory.resolve("broker"), config.embeddedMqttPort(), mqttCredentials,
                        pki.mqttTls()
                        ? new BrokerTls(pki.mqttTlsBind(), pki.mqttTlsPort(), pki.dnsNames(), pki.ipAddresses(),
                                keys.ca(), clock)
                        : null);
                started.push(broker);
            }
            EdgeHub hub = new EdgeHub(config, clock, directory, database, broker, mqttCredentials);
            started.push(hub.signInsThrottled);
            started.push(hub.gam);
            if (config.pki().mosquittoDir() != null) {
                HubPkiConfig pki = config.pki();
                hub.siteMosquitto = SiteMosquitto.start(pki.mosquittoDir(), new BrokerTls(pki.mqttTlsBind(),
                        pki.mqttTlsPort(), pki.dnsNames(), pki.ipAddresses(), keys.ca(), clock),
                        URI.create(config.brokerUrl()).getPort(), mqttCredentials,
                        java.util.Optional.ofNullable(pki.mosquittoPidFile()));
                started.push(hub.siteMosquitto);
            }
            hub.staff.ensureFirstAdmin(config.dataDir());
            hub.auditAnchor = new AuditAnchor(hub.audit, directory.resolve(AuditAnchor.FILE), keys.configKey().jws(),
                    keys.configKey().verifier(), clock);
            hub.auditAnchor.start(config.auditAnchorPeriod());
            started.push(hub.auditAnchor);
            hub.siteCa = keys.ca();
            hub.enrolments = new Enrolments(database.dataSource(), keys.ca(), keys.configKey(), hub.audit, clock,
                    hub::disconnectRevoked, config.enrolLimits());
            started.push(hub.enrolments);
            if (config.sandbox() && config.pki().sandboxBootstrapTokens() > 0) {
                SandboxTokens.write(hub.enrolments, directory.resolve(SandboxTokens.DIR),
                        config.pki().sandboxBootstrapTokens());
            }
            hub.fleet = Fleet.start(keys.configKey(), database.dataSource(), hub.audit, hub.mqttUrl, mqttCredentials,
                    broker == null, clock);
            started.push(hub.fleet);
            Consumer<Javalin> routes = app -> {
                StaffRoutes.mount(app, hub.staff, hub.audit, hub.signInsThrottled);
                IdentityRoutes.mount(app, hub.identities, hub.audit);
                PrescriptionRoutes.mount(app, hub.identities, new Prescriptions(database.dataSource()));
                AuditRoutes.mount(app, hub.audit, hub.auditAnchor);
                InsiCallRoutes.mount(app, hub.insiCalls);
                EnrolmentAdminRoutes.mount(app, hub.enrolments);
                FleetRoutes.mount(app, hub.fleet);
                DeviceRoleRoutes.mount(app, hub.agents);
                GamRoutes.mount(app, hub.gam, clock);
                FhirRoutes.mount(app, hub.identities, hub.staff, hub.audit, clock, hub.patientIdSystem());
                httpExtension.accept(app);
            };
            if (config.sandbox()) {
                HubSandbox sandbox = HubSandbox.start(clock, hub.insiCalls);
                started.push(sandbox);
                hub.sandbox = sandbox;
                Consumer<Javalin> hubRoutes = routes;
                routes = app -> {
                    sandbox.mount(app, () -> hub.httpUri().toString());
                    hubRoutes.accept(app);
                };
            }
            hub.igcSanteCrls = new CrlDistribution(config.igcSanteCrlFiles(),
                    hub.sandbox == null ? List.of() : List.of(hub.sandbox.igcSante().ca()::crls));
            CrlDistribution crls = hub.igcSanteCrls;
            Consumer<Javalin> hubAndCrlRoutes = routes;
            routes = app -> {
                CrlRoutes.mount(app, crls);
                hubAndCrlRoutes.accept(app);
            };
            hub.admission = HubAdmission.create(hub.identities, database.dataSource(), hub.audit, hub.sandbox,
                    clock);
            hub.agents = ProvenAgents.create(database.dataSource(), hub.audit, hub.cardCertificates(), hub::pscBound,
                    clock, new SecureRandom());
            hub.http = HttpApi.start(config.httpBind(), config.httpPort(), RequestGate.forHosts(config.httpNames()),
                    hub.devices,
                    new EventQuery(database.dataSource()), hub.metrics, hub::health, routes);
            started.push(hub.http);
            hub.deviceApi = DeviceApi.start(config.pki().deviceApiBind(), config.pki().deviceApiPort(),
                    config.pki().dnsNames(), config.pki().ipAddresses(), hub.siteCa, clock, hub.deviceRoutes());
            started.push(hub.deviceApi);
            if (config.ingestEnabled()) {
                hub.startIngest();
            }
            hub.gam.start();
            LOG.info("edge hub started: http={} mqtt={} data={}", hub.httpUri(), hub.mqttUrl(), config.dataDir());
            if (hub.sandbox != null) {
                LOG.info("sandbox: PSC issuer {}, e-CPS phone page {}, INSi endpoint {}",
                        hub.sandbox.pscIssuer(), hub.sandbox.phonePage(), hub.sandbox.insiEndpoint());
            }
            return hub;
        } catch (Exception | Error e) {
            while (!started.isEmpty()) {
                closeQuietly(started.pop());
            }
            throw e;
        }
    }

    /** The HTTP base URI, e.g. {@code http://127.0.0.1:8080}. */
    public URI httpUri() {
        String bind = config.httpBind();
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind.equals("::") || bind.equals("[::]") ? "::1" : bind;
        return http.uri(host);
    }

    /** The hub features' routes on the device API; a feature adds its {@link DeviceRoutes} here. */
    private List<DeviceRoutes> deviceRoutes() {
        kioskPsc = KioskPsc.start(sandbox().map(s -> PscGatewayConfig.withSecret(s.pscIssuer(),
                PscSimulator.Options.defaults().clientId(), PscSimulator.Options.defaults().clientSecret())),
                audit, clock);
        return List.of(new EnrolmentDeviceRoutes(enrolments), new CrlDeviceRoutes(igcSanteCrls), kioskPsc,
                new AgentDeviceRoutes(agents), new AdmissionDeviceRoutes(admission, agents));
    }

    /**
     * How the hub checks agents' card certificates: the anchors of {@code hub.igc-sante.anchors}, plus the
     * sandbox's test hierarchy on a sandbox hub, with the CRLs the hub distributes.
     */
    private CardCertificates cardCertificates() {
        try {
            return CardCertificates.load(config.igcSanteAnchors(), sandbox == null ? List.of()
                    : sandbox.igcSante().ca().trust().certificates(), igcSanteCrls, clock);
        } catch (IOException | ProvisioningException e) {
            throw new IllegalArgumentException(HubConfig.IGC_SANTE_ANCHORS + " " + config.igcSanteAnchors()
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The professional of a PSC sign-in bound to a kiosk session, for an agent proof through PSC. */
    private java.util.Optional<fr.vigie.protocol.identity.IdNatPs> pscBound(fr.vigie.protocol.KioskAddress kiosk,
            String requestId, String kioskSessionId) {
        KioskPsc psc = kioskPsc;
        return psc == null ? java.util.Optional.empty()
                : psc.ciba().flatMap(c -> c.boundProfessional(kiosk, requestId, kioskSessionId));
    }

    /** Who acts at each admission desk, proven by card or PSC; the kiosks' roles. */
    public ProvenAgents agents() {
        return agents;
    }

    /** Kiosk CIBA sign-ins (Pro Santé Connect through the hub); configured with the sandbox PSC for now. */
    public KioskPsc kioskPsc() {
        return kioskPsc;
    }

    /** Enrolment, bootstrap tokens, renewal and revocation of kiosks. */
    public Enrolments enrolments() {
        return enrolments;
    }

    /**
     * Ends a revoked kiosk's session on the embedded broker, or hands the new CRL to the site's Mosquitto
     * when the hub looks after it (another external broker must read the CRL at {@code /enrol/v1/crl}).
     */
    private void disconnectRevoked(fr.vigie.protocol.KioskAddress kiosk) {
        if (broker != null && broker.deviceUrl().isPresent()) {
            broker.disconnectDevice(kiosk);
        }
        if (siteMosquitto != null) {
            try {
                siteMosquitto.publishCrl();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Mosquitto's CRL could not be updated after revoking {}; it is retried every minute: {}",
                        kiosk, e.toString());
            }
        }
    }

    /** The device API's base URI, e.g. {@code https://localhost:8443} (first name of its certificate). */
    public URI deviceApiUri() {
        return deviceApi.uri(config.pki().serverNames().get(0));
    }

    /**
     * Where kiosks connect with mutual TLS: {@code ssl://<first server name>:<port>} of the embedded
     * broker's device listener ({@code hub.mqtt.tls}), or of the Mosquitto the hub looks after
     * ({@code hub.mqtt.mosquitto-dir}).
     */
    public java.util.Optional<String> deviceMqttUrl() {
        int port;
        if (siteMosquitto != null) {
            port = config.pki().mqttTlsPort();
        } else if (broker != null && broker.deviceUrl().isPresent()) {
            port = URI.create(broker.deviceUrl().get()).getPort();
        } else {
            return java.util.Optional.empty();
        }
        String host = config.pki().serverNames().get(0);
        return java.util.Optional.of("ssl://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The site CA this hub keeps. */
    public SiteCa siteCa() {
        return siteCa;
    }

    /**
     * The hub's own MQTT username and password (and the client ids derived from them), for clients that
     * run inside the hub's process and must act as the hub on its broker, e.g. a benchmark's subscriber.
     * Never log them.
     */
    public HubMqttCredentials mqttCredentials() {
        return mqttCredentials;
    }

    /** {@code tcp://127.0.0.1:<port>} for the embedded broker, or the configured external URL. */
    public String mqttUrl() {
        return mqttUrl;
    }

    /** The sandbox simulators, when the hub was started with {@code hub.sandbox.enabled=true}. */
    public java.util.Optional<HubSandbox> sandbox() {
        return java.util.Optional.ofNullable(sandbox);
    }

    /** The identity registry (patients' records, RNIV status, vigilance flags). */
    public IdentityRegistry identities() {
        return identities;
    }

    /** IT staff accounts, sessions and API tokens. */
    public StaffDirectory staff() {
        return staff;
    }

    /** Identity qualification at admission (INSi, ApCV, document checks) feeding the registry. */
    public AdmissionService admission() {
        return admission;
    }

    /** The hash-chained audit log of admin actions and security events. */
    public AuditLog audit() {
        return audit;
    }

    /** The signed audit chain heads exported outside the database, and verification against the last one. */
    public AuditAnchor auditAnchor() {
        return auditAnchor;
    }

    /**
     * The identifier system of the hub's record ids in the FHIR API: {@code urn:oid:} and {@code hub.gam.patient-id-oid}
     * (the domain the GAM feed's PID-3 names too), or, without one, {@code urn:vigie:<site>:patient}.
     */
    String patientIdSystem() {
        return config.gam().patientIdOidIfAny().map(oid -> "urn:oid:" + oid)
                .orElse("urn:vigie:" + config.pki().site() + ":patient");
    }

    /** The identity feed to the hospital's patient administration system (HL7 PAM over MLLP). */
    public GamLink gam() {
        return gam;
    }

    /** Fleet management: configuration rollouts, remote commands, device groups. */
    public Fleet fleet() {
        return fleet;
    }

    /** The hub database (pooled). */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Starts ingest if it is not running; for a hub started with {@code ingestEnabled=false}. Waits until
     * the subscriptions are in place (for an external broker, at most a few seconds; connecting then
     * goes on in the background).
     *
     * @throws IllegalStateException when the hub is closed, or the embedded broker refuses the subscriptions
     */
    public synchronized void startIngest() {
        if (closed) {
            throw new IllegalStateException("the hub is closed");
        }
        if (ingest != null) {
            return;
        }
        Ingest in = new Ingest(mqttUrl, mqttCredentials, mqttCredentials.clientId(INGEST_CLIENT), eventStore, metrics,
                clock, config.ingestBatchSize(), broker == null);
        ingest = in;
        try {
            boolean subscribed = in.start(broker != null ? EMBEDDED_SUBSCRIBE_WAIT : EXTERNAL_SUBSCRIBE_WAIT);
            if (!subscribed && broker != null) {
                throw new IllegalStateException("ingest could not subscribe on the embedded broker " + mqttUrl);
            }
            if (!subscribed) {
                LOG.warn("broker {} not reachable yet; ingest keeps trying in the background", mqttUrl);
            }
            java.util.Optional<String> former = directory.formerIngestClientId();
            if (former.isPresent()) {
                formerSession = FormerSessionDrain.start(Ingest.drainOf(mqttUrl, mqttCredentials, former.get(),
                        eventStore, metrics, clock, config.ingestBatchSize()), directory);
            }
        } catch (MqttException | IOException e) {
            throw new IllegalStateException("cannot create the ingest client for " + mqttUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting ingest", e);
        }
    }

    /** The current health, as {@code /healthz} reports it. */
    Health health() {
        boolean db = database.isHealthy();
        Ingest in = ingest;
        String ingestState = in == null ? "DISABLED" : in.isConnected() ? "CONNECTED" : "DISCONNECTED";
        boolean brokerUp = (in != null && in.isConnected()) || (broker != null ? broker.isRunning() : reachable(mqttUrl));
        return Health.of(db, brokerUp, ingestState);
    }

    private fr.vigie.hub.gam.GamOutbox.Counts gamCounts() {
        try {
            return gam.outbox().counts();
        } catch (SQLException e) {
            throw new IllegalStateException("GAM outbox unavailable", e);
        }
    }

    private DeviceRegistry.Counts deviceCounts() {
        try {
            return devices.counts();
        } catch (SQLException e) {
            throw new IllegalStateException("device registry unavailable", e);
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
     * Stops ingest (committing and acknowledging the batch in progress), HTTP, the embedded broker,
     * exports the audit chain head a last time, and stops the embedded database, in that order.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("edge hub stopping");
        closeQuietly(formerSession);
        closeQuietly(gam);
        closeQuietly(ingest);
        closeQuietly(deviceApi);
        closeQuietly(kioskPsc);
        closeQuietly(http);
        closeQuietly(fleet);
        closeQuietly(enrolments);
        closeQuietly(signInsThrottled);
        closeQuietly(sandbox);
        closeQuietly(siteMosquitto);
        closeQuietly(broker);
        closeQuietly(auditAnchor);
        closeQuietly(database);
        closeQuietly(directory);
        LOG.info("edge hub stopped");
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
