package fr.vigie.hub;

import fr.vigie.hub.enrol.EnrolmentLimits;
import fr.vigie.hub.gam.GamSettings;
import fr.vigie.hub.sso.SsoSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The edge hub's configuration, typed and validated once when it is built. Immutable.
 *
 * <p>Empty {@link #brokerUrl()} means "start the embedded MQTT broker"; empty {@link #jdbcUrl()} means
 * "start the embedded PostgreSQL", whose data and the broker's live under {@link #dataDir()}. Port 0
 * means "pick a free port". Building a record with a bad value throws an
 * {@link IllegalArgumentException} naming the property key and the value; {@link #load} turns the same
 * checks into a {@link HubConfigException}.
 *
 * <pre>{@code
 * HubConfig config = HubConfig.load(Path.of("/etc/vigie/hub.properties"),
 *         Map.of("hub.http.port", "0"));
 * try (EdgeHub hub = EdgeHub.start(config)) { ... }
 * }</pre>
 *
 * @param dataDir where the hub keeps its embedded database, broker data and instance id ({@code hub.data-dir})
 * @param httpBind address the HTTP server binds to ({@code hub.http.bind})
 * @param httpPort HTTP port, 0 for a free one ({@code hub.http.port})
 * @param brokerUrl external broker as {@code tcp://host:port}, empty for the embedded one ({@code hub.mqtt.url})
 * @param embeddedMqttPort port of the embedded broker on 127.0.0.1, 0 for a free one ({@code hub.mqtt.port})
 * @param jdbcUrl external PostgreSQL JDBC URL, empty for the embedded one ({@code hub.db.url})
 * @param jdbcUser user for the external database ({@code hub.db.user})
 * @param jdbcPassword password for the external database ({@code hub.db.password}); never printed
 * @param ingestEnabled whether ingest starts with the hub ({@code hub.ingest.enabled})
 * @param ingestBatchSize largest number of messages committed in one transaction ({@code hub.ingest.batch-size})
 * @param offlineAfterHeartbeats missed heartbeat intervals after which a kiosk is shown offline
 *        ({@code hub.devices.offline-after-heartbeats})
 * @param gateways the gateways to INSi, Pro Santé Connect, the ApCV issuer and the site's directory
 *        ({@code hub.insi.*}, {@code hub.psc.*}, {@code hub.apcv.*}, {@code hub.directory.*}); each is off without its settings, see {@link GatewaySettings}
 * @param pki the site CA, the device API and the broker's device listener ({@code hub.site},
 *        {@code hub.device-api.*}, {@code hub.ca.*}, {@code hub.mqtt.tls*}); see {@link HubPkiConfig}
 * @param igcSanteCrlFiles the IGC-Santé CRL files the hub serves to kiosks, re-read when they change
 *        ({@code hub.igc-sante.crl-files}, comma separated; empty: none)
 * @param auditAnchorPeriod how often the hub exports the audit chain head, signed, outside the database
 *        ({@code hub.audit.anchor-seconds}, 10 to 86400; it is also exported at start and at shutdown)
 * @param httpNames the DNS names and IP addresses the console and REST API answer to: a request whose
 *        {@code Host} names anything else is refused 421 {@code HOST_REFUSED}, which defeats DNS
 *        rebinding ({@code hub.http.names}, comma separated; empty: {@code localhost}, {@code 127.0.0.1},
 *        {@code ::1}, {@code hub.http.bind} unless it is a wildcard, and {@code hub.device-api.names})
 * @param enrolLimits what one source address may use of the open enrolment endpoint ({@code hub.enrol.*})
 * @param igcSanteAnchors PEM files of the IGC-Santé roots (and intermediates) the hub trusts when an agent's
 *        card proves who acts at an admission desk ({@code hub.igc-sante.anchors}, comma separated; empty:
 *        every card refused)
 * @param gam the identity feed to the hospital's patient administration system ({@code hub.gam.*}; off without
 *        a host), see {@link GamSettings}
 * @param sso the hub's OpenID Provider for the site's applications ({@code hub.sso.*}; off unless enabled), see
 *        {@link SsoSettings}
 */
public record HubConfig(Path dataDir, String httpBind, int httpPort, String brokerUrl, int embeddedMqttPort,
        String jdbcUrl, String jdbcUser, String jdbcPassword, boolean ingestEnabled, int ingestBatchSize,
        int offlineAfterHeartbeats, GatewaySettings gateways, HubPkiConfig pki, List<Path> igcSanteCrlFiles,
        Duration auditAnchorPeriod, List<String> httpNames, EnrolmentLimits enrolLimits, List<Path> igcSanteAnchors,
        GamSettings gam, SsoSettings sso) {

    public static final String DATA_DIR = "hub.data-dir";
    public static final String HTTP_BIND = "hub.http.bind";
    public static final String HTTP_PORT = "hub.http.port";
    public static final String MQTT_URL = "hub.mqtt.url";
    public static final String MQTT_PORT = "hub.mqtt.port";
    public static final String DB_URL = "hub.db.url";
    public static final String DB_USER = "hub.db.user";
    public static final String DB_PASSWORD = "hub.db.password";
    public static final String INGEST_ENABLED = "hub.ingest.enabled";
    public static final String INGEST_BATCH_SIZE = "hub.ingest.batch-size";
    public static final String OFFLINE_AFTER_HEARTBEATS = "hub.devices.offline-after-heartbeats";
    public static final String IGC_SANTE_CRL_FILES = "hub.igc-sante.crl-files";
    public static final String AUDIT_ANCHOR_SECONDS = "hub.audit.anchor-seconds";
    public static final String HTTP_NAMES = "hub.http.names";
    public static final String IGC_SANTE_ANCHORS = "hub.igc-sante.anchors";

    /** Largest accepted {@code hub.ingest.batch-size}. */
    public static final int MAX_BATCH_SIZE = 10_000;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-:\\[\\]%]{1,253}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.\\-:]{1,253}");
    private static final List<String> WILDCARDS = List.of("0.0.0.0", "::", "[::]");

    public HubConfig {
        if (dataDir == null) {
            throw new InvalidSetting(DATA_DIR, "", DATA_DIR + " must be set");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        httpBind = Objects.requireNonNullElse(httpBind, "").trim();
        if (!HOST.matcher(httpBind).matches()) {
            throw new InvalidSetting(HTTP_BIND, httpBind, HTTP_BIND + " must be a host name or IP address, got '"
                    + httpBind + "'");
        }
        requirePort(HTTP_PORT, httpPort);
        brokerUrl = Objects.requireNonNullElse(brokerUrl, "").trim();
        requireBrokerUrl(brokerUrl);
        requirePort(MQTT_PORT, embeddedMqttPort);
        jdbcUrl = Objects.requireNonNullElse(jdbcUrl, "").trim();
        jdbcUser = Objects.requireNonNullElse(jdbcUser, "").trim();
        jdbcPassword = Objects.requireNonNullElse(jdbcPassword, "");
        if (!jdbcUrl.isEmpty() && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidSetting(DB_URL, jdbcUrl, DB_URL
                    + " must be empty (embedded PostgreSQL) or a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got '"
                    + jdbcUrl + "'");
        }
        if (jdbcUrl.isEmpty() && !jdbcUser.isEmpty()) {
            throw new InvalidSetting(DB_USER, jdbcUser, DB_USER + " is '" + jdbcUser + "' but " + DB_URL
                    + " is empty: the embedded PostgreSQL takes no user; set " + DB_URL + " or remove " + DB_USER);
        }
        if (jdbcUrl.isEmpty() && !jdbcPassword.isEmpty()) {
            throw new InvalidSetting(DB_PASSWORD, "****", DB_PASSWORD + " is set but " + DB_URL
                    + " is empty: the embedded PostgreSQL takes no password");
        }
        if (ingestBatchSize < 1 || ingestBatchSize > MAX_BATCH_SIZE) {
            throw new InvalidSetting(INGEST_BATCH_SIZE, Integer.toString(ingestBatchSize), INGEST_BATCH_SIZE
                    + " must be between 1 and " + MAX_BATCH_SIZE + ", got " + ingestBatchSize);
        }
        if (offlineAfterHeartbeats < 1 || offlineAfterHeartbeats > 1000) {
            throw new InvalidSetting(OFFLINE_AFTER_HEARTBEATS, Integer.toString(offlineAfterHeartbeats),
                    OFFLINE_AFTER_HEARTBEATS + " must be between 1 and 1000, got " + offlineAfterHeartbeats);
        }
        Objects.requireNonNull(gateways, "gateways");
        Objects.requireNonNull(pki, "pki");
        if (pki.mqttTls() && !brokerUrl.isEmpty()) {
            throw new InvalidSetting(HubPkiConfig.MQTT_TLS, "true", HubPkiConfig.MQTT_TLS + " switches on the embedded"
                    + " broker's device listener, but " + MQTT_URL + " names an external broker; configure its TLS"
                    + " listener there (MosquittoSecurityConfig) and leave " + HubPkiConfig.MQTT_TLS + " false");
        }
        if (pki.mosquittoDir() != null && !isLoopbackTcp(brokerUrl)) {
            throw new InvalidSetting(HubPkiConfig.MOSQUITTO_DIR, pki.mosquittoDir().toString(), HubPkiConfig.MOSQUITTO_DIR
                    + " writes the configuration of a Mosquitto on this machine, whose hub listener " + MQTT_URL
                    + " must name as tcp://127.0.0.1:PORT, got '" + brokerUrl + "'");
        }
        igcSanteCrlFiles = List.copyOf(Objects.requireNonNullElse(igcSanteCrlFiles, List.of()));
        Objects.requireNonNull(auditAnchorPeriod, "auditAnchorPeriod");
        if (auditAnchorPeriod.compareTo(Duration.ofSeconds(10)) < 0 || auditAnchorPeriod.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidSetting(AUDIT_ANCHOR_SECONDS, Long.toString(auditAnchorPeriod.toSeconds()),
                    AUDIT_ANCHOR_SECONDS + " must be between 10 and 86400 seconds, got " + auditAnchorPeriod.toSeconds());
        }
        httpNames = httpNames == null || httpNames.isEmpty() ? defaultHttpNames(httpBind, pki) : List.copyOf(httpNames);
        for (String n : httpNames) {
            if (!NAME.matcher(n).matches()) {
                throw new InvalidSetting(HTTP_NAMES, String.join(",", httpNames), HTTP_NAMES + " holds '" + n
                        + "', which is not a DNS name or IP address");
            }
        }
        Objects.requireNonNull(enrolLimits, "enrolLimits");
        igcSanteAnchors = List.copyOf(Objects.requireNonNullElse(igcSanteAnchors, List.of()));
        gam = Objects.requireNonNullElse(gam, GamSettings.off());
        sso = Objects.requireNonNullElse(sso, SsoSettings.off());
    }

    /** {@code localhost}, the loopback addresses, the bind address unless a wildcard, and the device API's names. */
    private static List<String> defaultHttpNames(String httpBind, HubPkiConfig pki) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (!WILDCARDS.contains(httpBind)) {
            names.add(httpBind.startsWith("[") && httpBind.endsWith("]") ? httpBind.substring(1, httpBind.length() - 1)
                    : httpBind);
        }
        names.addAll(pki.serverNames());
        return List.copyOf(names);
    }

    /** The defaults, with the given data directory: embedded broker on 1883, embedded database, HTTP on 8080. */
    public static HubConfig defaults(Path dataDir) {
        return new HubConfig(dataDir, "127.0.0.1", 8080, "", 1883, "", "", "", true, 500, 3, GatewaySettings.none(),
                HubPkiConfig.defaults(),
                List.of(), Duration.ofMinutes(5), List.of(), EnrolmentLimits.defaults(), List.of(), GamSettings.off(),
                SsoSettings.off());
    }

    /**
     * Reads the configuration: defaults, then the {@code hub.*} keys of the properties file (UTF-8, may be
     * {@code null}), then the overrides. Keys outside {@code hub.*} in the file are left to other
     * components; unknown {@code hub.*} keys are rejected. A relative data directory is taken from the
     * working directory.
     *
     * @throws HubConfigException naming the first key whose value is unusable
     */
    public static HubConfig load(Path propertiesFileOrNull, Map<String, String> overrides) throws HubConfigException {
        return HubConfigReader.read(propertiesFileOrNull, overrides == null ? Map.of() : overrides);
    }

    /** Whether the hub starts its own broker. */
    public boolean embeddedBroker() {
        return brokerUrl.isEmpty();
    }

    /** Whether the hub starts its own PostgreSQL. */
    public boolean embeddedDatabase() {
        return jdbcUrl.isEmpty();
    }

    /** This configuration with ingest switched on or off. */
    public HubConfig withIngestEnabled(boolean enabled) {
        return new HubConfig(dataDir, httpBind, httpPort, brokerUrl, embeddedMqttPort, jdbcUrl, jdbcUser,
                jdbcPassword, enabled, ingestBatchSize, offlineAfterHeartbeats, gateways, pki, igcSanteCrlFiles,
                auditAnchorPeriod, httpNames, enrolLimits, igcSanteAnchors, gam, sso);
    }

    @Override
    public String toString() {
        return "HubConfig[dataDir=" + dataDir + ", httpBind=" + httpBind + ", httpPort=" + httpPort
                + ", brokerUrl=" + (embeddedBroker() ? "(embedded)" : brokerUrl)
                + ", embeddedMqttPort=" + embeddedMqttPort
                + ", jdbcUrl=" + (embeddedDatabase() ? "(embedded)" : jdbcUrl) + ", jdbcUser=" + jdbcUser
                + ", jdbcPassword=" + (jdbcPassword.isEmpty() ? "" : "****") + ", ingestEnabled=" + ingestEnabled
                + ", ingestBatchSize=" + ingestBatchSize + ", offlineAfterHeartbeats=" + offlineAfterHeartbeats
                + ", " + gateways + ", " + pki + ", igcSanteCrlFiles=" + igcSanteCrlFiles
                + ", auditAnchorPeriod=" + auditAnchorPeriod + ", httpNames=" + httpNames + ", " + enrolLimits
                + ", igcSanteAnchors=" + igcSanteAnchors + ", gam=" + (gam.enabled() ? gam.destination() : "(off)")
                + ", sso=" + (sso.enabled() ? sso.bind() + ":" + sso.port() : "(off)") + "]";
    }

    private static void requirePort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new InvalidSetting(key, Integer.toString(port),
                    key + " must be a port between 0 (pick a free one) and 65535, got " + port);
        }
    }

    private static boolean isLoopbackTcp(String url) {
        return !url.isEmpty() && "127.0.0.1".equals(URI.create(url).getHost());
    }

    private static void requireBrokerUrl(String url) {
        if (url.isEmpty()) {
            return;
        }
        String expected = MQTT_URL + " must be empty (embedded broker) or tcp://host:port, got '" + url + "'";
        try {
            URI uri = new URI(url);
            boolean ok = "tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0
                    && uri.getPort() <= 65535 && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!ok) {
                throw new InvalidSetting(MQTT_URL, url, expected);
            }
        } catch (URISyntaxException e) {
            throw new InvalidSetting(MQTT_URL, url, expected);
        }
    }

    /** A setting that fails validation; {@link HubConfigReader} turns it into a {@link HubConfigException}. */
    static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String key;
        final String value;

        InvalidSetting(String key, String value, String message) {
            super(message);
            this.key = key;
            this.value = value;
        }
    }
}
