package fr.vigie.kiosk.config;

import fr.vigie.kiosk.outbox.SyncLevel;
import fr.vigie.protocol.KioskAddress;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A kiosk's configuration, typed and checked once: the constructor rejects any invalid component
 * with an {@link IllegalArgumentException} naming the property key and value, and {@link #load}
 * turns properties (a file, then overrides such as command-line options) into a config or a
 * {@link KioskConfigException}. Immutable.
 *
 * <pre>{@code
 * KioskConfig c = KioskConfig.load(Path.of("/etc/vigie/kiosk.properties"), Map.of("kiosk.id", "accueil-2"));
 * }</pre>
 *
 * @param site site id ({@value #SITE}, required)
 * @param kioskId kiosk id ({@value #ID}, required)
 * @param brokerUrl MQTT broker ({@value #MQTT_URL}, default {@value #DEFAULT_BROKER_URL})
 * @param dataDir where the outbox lives ({@value #DATA_DIR}, default {@code ./data/kiosk/<kioskId>})
 * @param heartbeatSeconds interval of the retained ONLINE status ({@code kiosk.heartbeat-seconds}, a fleet setting: see {@link KioskSettingsCatalogue})
 * @param outboxCapacity most events held before accepting fails ({@value #OUTBOX_CAPACITY}, default 100000)
 * @param outboxSync durability of each commit ({@value #OUTBOX_SYNC}: FULL, the default, or NORMAL)
 * @param publishWindow most QoS 1 events in flight ({@value #MQTT_WINDOW}, default 128; the broker's
 *        Receive Maximum may lower it)
 * @param softwareVersion from the jar manifest, or {@code dev}; not a property
 * @param hub the device API, enrolment and device identity ({@code kiosk.hub.*}, {@code kiosk.enrol.*},
 *        {@code kiosk.device-secret-file}); {@link HubAccess#NONE} for plain MQTT without enrolment
 * @param cardTrust IGC-Santé anchors and CRLs for clinicians' cards ({@code kiosk.igc-sante.*})
 * @param station the clinician workstation: UI port, card readers, GPIO, session time limits
 *        ({@code kiosk.ui.*}, {@code kiosk.card.*}, {@code kiosk.gpio}, {@code kiosk.gpio.*}, {@code kiosk.session.*}, see {@link StationConfig})
 */
public record KioskConfig(String site, String kioskId, String brokerUrl, Path dataDir, int heartbeatSeconds,
        int outboxCapacity, SyncLevel outboxSync, int publishWindow, String softwareVersion, HubAccess hub,
        CardTrustSettings cardTrust, StationConfig station) {

    public static final String SITE = "kiosk.site";
    public static final String ID = "kiosk.id";
    public static final String MQTT_URL = "kiosk.mqtt.url";
    public static final String DATA_DIR = "kiosk.data-dir";
    public static final String HEARTBEAT_SECONDS = fr.vigie.config.KioskFleetSettings.HEARTBEAT.key();
    public static final String OUTBOX_CAPACITY = "kiosk.outbox.capacity";
    public static final String OUTBOX_SYNC = "kiosk.outbox.sync";
    public static final String MQTT_WINDOW = "kiosk.mqtt.window";
    /**
     * Every key the file may hold, the {@link KioskSettingsCatalogue kiosk's catalogue}: any other {@code kiosk.*}
     * key is rejected.
     */
    public static final Set<String> KEYS = KioskSettingsCatalogue.CATALOGUE.keys();

    public static final String DEFAULT_BROKER_URL = "tcp://127.0.0.1:1883";
    public static final int DEFAULT_HEARTBEAT_SECONDS = fr.vigie.config.KioskFleetSettings.HEARTBEAT.defaultInt();
    public static final int DEFAULT_OUTBOX_CAPACITY = 100_000;
    public static final int DEFAULT_PUBLISH_WINDOW = 128;
    private static final Set<String> BROKER_SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public KioskConfig {
        if (!KioskAddress.isValidId(site)) {
            throw invalidId(SITE, site);
        }
        if (!KioskAddress.isValidId(kioskId)) {
            throw invalidId(ID, kioskId);
        }
        checkBrokerUrl(brokerUrl);
        if (dataDir == null) {
            throw new InvalidSetting(DATA_DIR, null, "is required");
        }
        checkRange(HEARTBEAT_SECONDS, heartbeatSeconds, fr.vigie.config.KioskFleetSettings.HEARTBEAT.min().orElseThrow()
                .intValue(), fr.vigie.config.KioskFleetSettings.HEARTBEAT.max().orElseThrow().intValue(), "seconds");
        checkRange(OUTBOX_CAPACITY, outboxCapacity, 1, 10_000_000, "events");
        if (outboxSync == null) {
            throw new InvalidSetting(OUTBOX_SYNC, null, "is required (FULL or NORMAL)");
        }
        checkRange(MQTT_WINDOW, publishWindow, 1, 65_534, "events in flight");
        if (softwareVersion == null || softwareVersion.isBlank() || softwareVersion.length() > 64) {
            throw new IllegalArgumentException("softwareVersion must be 1 to 64 characters, got '" + softwareVersion + "'");
        }
        hub = Objects.requireNonNullElse(hub, HubAccess.NONE);
        if (hub.enabled() && !brokerUrl.startsWith("ssl://")) {
            throw new InvalidSetting(MQTT_URL, brokerUrl, "must be ssl://host:port when " + HubAccess.URL
                    + " is set: an enrolled kiosk connects with mutual TLS");
        }
        Objects.requireNonNull(cardTrust, "cardTrust");
        Objects.requireNonNull(station, "station");
    }

    /** A configuration with every default, for the given kiosk. */
    public static KioskConfig defaults(String site, String kioskId) {
        return new KioskConfig(site, kioskId, DEFAULT_BROKER_URL, defaultDataDir(kioskId), DEFAULT_HEARTBEAT_SECONDS,
                DEFAULT_OUTBOX_CAPACITY, SyncLevel.FULL, DEFAULT_PUBLISH_WINDOW, runningSoftwareVersion(), HubAccess.NONE,
                CardTrustSettings.defaults(), StationConfig.defaults());
    }

    /**
     * Reads the properties file (if any), then applies {@code overrides} on top, and checks the
     * result.
     *
     * @param propertiesFileOrNull a {@code .properties} file in UTF-8, or null
     * @param overrides keys and values that win over the file's (e.g. from the command line)
     * @throws KioskConfigException naming the key and value at fault: a missing required key, an
     *         invalid value, an unknown {@code kiosk.*} key, or an unreadable file
     */
    public static KioskConfig load(Path propertiesFileOrNull, Map<String, String> overrides)
            throws KioskConfigException {
        return load(propertiesFileOrNull, Map.of(), overrides);
    }

    /** As {@link #load(Path, Map)}, with {@code defaults} under the file's values. */
    public static KioskConfig load(Path propertiesFileOrNull, Map<String, String> defaults, Map<String, String> overrides)
            throws KioskConfigException {
        Map<String, String> raw = new LinkedHashMap<>(defaults);
        if (propertiesFileOrNull != null) {
            raw.putAll(readFile(propertiesFileOrNull));
        }
        raw.putAll(overrides);
        Set<String> unknown = new TreeSet<>();
        raw.keySet().stream().filter(k -> k.startsWith("kiosk.") && !KEYS.contains(k)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            String key = unknown.iterator().next();
            throw new KioskConfigException(key, raw.get(key), "unknown configuration key; known keys are "
                    + new TreeSet<>(KEYS));
        }
        String site = required(raw, SITE);
        String kioskId = required(raw, ID);
        try {
            return new KioskConfig(site, kioskId,
                    raw.getOrDefault(MQTT_URL, DEFAULT_BROKER_URL).trim(),
                    raw.containsKey(DATA_DIR) ? path(raw, DATA_DIR) : defaultDataDir(kioskId),
                    integer(raw, HEARTBEAT_SECONDS, DEFAULT_HEARTBEAT_SECONDS),
                    integer(raw, OUTBOX_CAPACITY, DEFAULT_OUTBOX_CAPACITY),
                    sync(raw),
                    integer(raw, MQTT_WINDOW, DEFAULT_PUBLISH_WINDOW),
                    runningSoftwareVersion(), hubAccess(raw), CardTrustSettings.parse(raw),
                    StationConfig.parse(raw));
        } catch (InvalidSetting e) {
            throw e.toConfigException();
        }
    }

    /** This kiosk's address in the topic tree. */
    public KioskAddress address() {
        return new KioskAddress(site, kioskId);
    }

    /** The same configuration for another kiosk id and data directory. */
    public KioskConfig withKiosk(String otherKioskId, Path otherDataDir) {
        return new KioskConfig(site, otherKioskId, brokerUrl, otherDataDir, heartbeatSeconds, outboxCapacity,
                outboxSync, publishWindow, softwareVersion, hub, cardTrust, station);
    }

    /** The same configuration with another broker URL. */
    public KioskConfig withBrokerUrl(String otherBrokerUrl) {
        return new KioskConfig(site, kioskId, otherBrokerUrl, dataDir, heartbeatSeconds, outboxCapacity, outboxSync,
                publishWindow, softwareVersion, hub, cardTrust, station);
    }

    /** The same configuration with another way to the hub's device API. */
    public KioskConfig withHub(HubAccess other) {
        return new KioskConfig(site, kioskId, brokerUrl, dataDir, heartbeatSeconds, outboxCapacity, outboxSync,
                publishWindow, softwareVersion, other, cardTrust, station);
    }

    /** The same configuration with another workstation part. */
    public KioskConfig withStation(StationConfig other) {
        return new KioskConfig(site, kioskId, brokerUrl, dataDir, heartbeatSeconds, outboxCapacity, outboxSync,
                publishWindow, softwareVersion, hub, cardTrust, other);
    }

    /** {@link #hub()} for this kiosk: {@code {id}} replaced in its paths, the secret file defaulted. */
    public HubAccess hubAccess() {
        return hub.forKiosk(kioskId, dataDir);
    }

    private static HubAccess hubAccess(Map<String, String> raw) throws KioskConfigException {
        String url = raw.getOrDefault(HubAccess.URL, "").trim();
        if (url.isEmpty()) {
            return HubAccess.NONE;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new KioskConfigException(HubAccess.URL, url, "must be https://host:port");
        }
        String pin = raw.getOrDefault(HubAccess.CA_FINGERPRINT, "").trim();
        String token = raw.getOrDefault(HubAccess.TOKEN_FILE, "").trim();
        String secret = raw.getOrDefault(HubAccess.SECRET_FILE, "").trim();
        int restart = integer(raw, HubAccess.RESTART_SECONDS, (int) HubAccess.DEFAULT_RESTART.toSeconds());
        return new HubAccess(uri, pin.isEmpty() ? null : pin, token.isEmpty() ? null : Path.of(token),
                secret.isEmpty() ? null : Path.of(secret), java.time.Duration.ofSeconds(restart));
    }

    /** The version in the kiosk jar's manifest ({@code Implementation-Version}), or {@code dev}. */
    public static String runningSoftwareVersion() {
        String v = KioskConfig.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    private static Path defaultDataDir(String kioskId) {
        return Path.of("data", "kiosk", kioskId);
    }

    private static Map<String, String> readFile(Path file) throws KioskConfigException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new KioskConfigException("configuration file", file.toString(), "cannot be read: " + e, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static String required(Map<String, String> raw, String key) throws KioskConfigException {
        String v = raw.get(key);
        if (v == null) {
            throw new KioskConfigException(key, null, "is required");
        }
        return v.trim();
    }

    private static int integer(Map<String, String> raw, String key, int defaultValue) throws KioskConfigException {
        String v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new KioskConfigException(key, v, "must be a whole number");
        }
    }

    private static Path path(Map<String, String> raw, String key) throws KioskConfigException {
        String v = raw.get(key).trim();
        try {
            if (v.isEmpty()) {
                throw new InvalidPathException(v, "empty");
            }
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new KioskConfigException(key, v, "is not a usable directory path");
        }
    }

    private static SyncLevel sync(Map<String, String> raw) throws KioskConfigException {
        String v = raw.get(OUTBOX_SYNC);
        if (v == null) {
            return SyncLevel.FULL;
        }
        try {
            return SyncLevel.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KioskConfigException(OUTBOX_SYNC, v, "must be FULL (fsync every commit, the default) or NORMAL");
        }
    }

    private static InvalidSetting invalidId(String key, String value) {
        return new InvalidSetting(key, value, value == null ? "is required"
                : "must be 1 to 40 characters of a-z, 0-9 and '-', starting with a letter or digit");
    }

    private static void checkRange(String key, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new InvalidSetting(key, value, "must be between " + min + " and " + max + " " + unit);
        }
    }

    private static void checkBrokerUrl(String url) {
        Objects.requireNonNull(url, MQTT_URL);
        String reason = "must look like tcp://host:port (schemes " + new TreeSet<>(BROKER_SCHEMES) + ")";
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !BROKER_SCHEMES.contains(uri.getScheme()) || uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getScheme().startsWith("ws"))) {
                throw new InvalidSetting(MQTT_URL, url, reason);
            }
        } catch (URISyntaxException e) {
            throw new InvalidSetting(MQTT_URL, url, reason);
        }
    }
}
