package fr.vigie.hub;

import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.directory.DirectorySettings;
import fr.vigie.hub.enrol.EnrolmentLimits;
import fr.vigie.hub.gam.GamSettings;
import fr.vigie.hub.sso.SsoSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.psc.PscGatewaySettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a properties file and overrides into a {@link HubConfig}, rejecting bad keys and values; the
 * gateways' keys are read by {@link GatewaySettingsReader}.
 */
final class HubConfigReader {
    static final Set<String> KEYS = union(Set.of(HubConfig.DATA_DIR, HubConfig.HTTP_BIND, HubConfig.HTTP_PORT,
            HubConfig.MQTT_URL, HubConfig.MQTT_PORT, HubConfig.DB_URL, HubConfig.DB_USER, HubConfig.DB_PASSWORD,
            HubConfig.INGEST_ENABLED, HubConfig.INGEST_BATCH_SIZE, HubConfig.OFFLINE_AFTER_HEARTBEATS,
            HubPkiConfig.SITE, HubPkiConfig.DEVICE_API_BIND, HubPkiConfig.DEVICE_API_PORT,
            HubPkiConfig.SERVER_NAMES, HubPkiConfig.CA_PASSPHRASE_FILE, HubPkiConfig.MQTT_TLS, HubPkiConfig.MQTT_TLS_PORT,
            HubPkiConfig.MQTT_TLS_BIND, HubConfig.IGC_SANTE_CRL_FILES,
            HubConfig.AUDIT_ANCHOR_SECONDS, HubConfig.HTTP_NAMES, EnrolmentLimits.MAX_PENDING,
            EnrolmentLimits.MAX_PENDING_PER_SOURCE, EnrolmentLimits.REQUESTS_PER_MINUTE_PER_SOURCE,
            HubConfig.IGC_SANTE_ANCHORS, HubPkiConfig.MOSQUITTO_DIR, HubPkiConfig.MOSQUITTO_PID_FILE),
            InsiGatewaySettings.KEYS, PscGatewaySettings.KEYS, ApcvSettings.KEYS, GamSettings.KEYS,
            SsoSettings.KEYS, DirectorySettings.KEYS);
    private static final String DEFAULT_DATA_DIR = "./data/hub";

    private HubConfigReader() {
    }

    static HubConfig read(Path file, Map<String, String> overrides) throws HubConfigException {
        return read(Map.of(), file, overrides);
    }

    /** Reads {@code base} settings, then the file's {@code hub.*} keys over them, then the overrides. */
    static HubConfig read(Map<String, String> base, Path file, Map<String, String> overrides)
            throws HubConfigException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(base).entrySet()) {
            raw.put(requireKnown(e.getKey(), "in the launcher's settings"), e.getValue() == null ? ""
                    : e.getValue().trim());
        }
        if (file != null) {
            for (Map.Entry<String, String> e : readFile(file).entrySet()) {
                if (e.getKey().startsWith("hub.")) {
                    raw.put(requireKnown(e.getKey(), "in " + file), e.getValue().trim());
                }
            }
            if (!raw.getOrDefault(HubConfig.DB_PASSWORD, "").isEmpty()) {
                requireOwnerOnly(file);
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            raw.put(requireKnown(e.getKey(), "in the overrides"), e.getValue() == null ? "" : e.getValue().trim());
        }
        HubConfig d = HubConfig.defaults(Path.of(DEFAULT_DATA_DIR));
        try {
            return new HubConfig(
                    path(HubConfig.DATA_DIR, raw.getOrDefault(HubConfig.DATA_DIR, DEFAULT_DATA_DIR)),
                    raw.getOrDefault(HubConfig.HTTP_BIND, d.httpBind()),
                    integer(raw, HubConfig.HTTP_PORT, d.httpPort()),
                    raw.getOrDefault(HubConfig.MQTT_URL, d.brokerUrl()),
                    integer(raw, HubConfig.MQTT_PORT, d.embeddedMqttPort()),
                    raw.getOrDefault(HubConfig.DB_URL, d.jdbcUrl()),
                    raw.getOrDefault(HubConfig.DB_USER, d.jdbcUser()),
                    raw.getOrDefault(HubConfig.DB_PASSWORD, d.jdbcPassword()),
                    bool(raw, HubConfig.INGEST_ENABLED, d.ingestEnabled()),
                    integer(raw, HubConfig.INGEST_BATCH_SIZE, d.ingestBatchSize()),
                    integer(raw, HubConfig.OFFLINE_AFTER_HEARTBEATS, d.offlineAfterHeartbeats()),
                    GatewaySettingsReader.read(raw),
                    pki(raw, integer(raw, HubConfig.HTTP_PORT, d.httpPort()), integer(raw, HubConfig.MQTT_PORT,
                            d.embeddedMqttPort()), raw.getOrDefault(HubConfig.MQTT_URL, d.brokerUrl()).isBlank()),
                    paths(raw, HubConfig.IGC_SANTE_CRL_FILES),
                    Duration.ofSeconds(integer(raw, HubConfig.AUDIT_ANCHOR_SECONDS, (int) d.auditAnchorPeriod().toSeconds())),
                    list(raw, HubConfig.HTTP_NAMES),
                    enrolLimits(raw),
                    paths(raw, HubConfig.IGC_SANTE_ANCHORS),
                    gam(raw),
                    sso(raw, integer(raw, HubConfig.HTTP_PORT, d.httpPort())));
        } catch (HubConfig.InvalidSetting e) {
            throw new HubConfigException(e.key, e.value, e.getMessage());
        }
    }

    /**
     * The PKI keys. The device API and the broker's TLS listener pick free ports by default when the
     * HTTP, respectively the MQTT, port is 0, so that tests and benchmarks never collide on 8443/8883.
     */
    private static HubPkiConfig pki(Map<String, String> raw, int httpPort, int mqttPort, boolean embeddedBroker) {
        HubPkiConfig d = HubPkiConfig.defaults();
        String file = raw.getOrDefault(HubPkiConfig.CA_PASSPHRASE_FILE, "");
        String mosquittoDir = raw.getOrDefault(HubPkiConfig.MOSQUITTO_DIR, "");
        String mosquittoPid = raw.getOrDefault(HubPkiConfig.MOSQUITTO_PID_FILE, "");
        String names = raw.get(HubPkiConfig.SERVER_NAMES);
        String key = HubPkiConfig.SITE;
        try {
            HubPkiConfig c = new HubPkiConfig(raw.getOrDefault(HubPkiConfig.SITE, d.site()),
                    raw.getOrDefault(HubPkiConfig.DEVICE_API_BIND, d.deviceApiBind()),
                    integer(raw, HubPkiConfig.DEVICE_API_PORT, httpPort == 0 ? 0 : d.deviceApiPort()),
                    names == null ? d.serverNames()
                            : java.util.Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList(),
                    file.isBlank() ? null : path(HubPkiConfig.CA_PASSPHRASE_FILE, file),
                    bool(raw, HubPkiConfig.MQTT_TLS, embeddedBroker),
                    integer(raw, HubPkiConfig.MQTT_TLS_PORT, mqttPort == 0 && embeddedBroker ? 0 : d.mqttTlsPort()),
                    raw.getOrDefault(HubPkiConfig.MQTT_TLS_BIND, d.mqttTlsBind()),
                    mosquittoDir.isBlank() ? null : path(HubPkiConfig.MOSQUITTO_DIR, mosquittoDir),
                    mosquittoPid.isBlank() ? null : path(HubPkiConfig.MOSQUITTO_PID_FILE, mosquittoPid));
            return c;
        } catch (IllegalArgumentException e) {
            throw keyed(e, raw, key);
        }
    }

    private static EnrolmentLimits enrolLimits(Map<String, String> raw) {
        EnrolmentLimits d = EnrolmentLimits.defaults();
        try {
            return new EnrolmentLimits(integer(raw, EnrolmentLimits.MAX_PENDING, d.maxPending()),
                    integer(raw, EnrolmentLimits.MAX_PENDING_PER_SOURCE, d.maxPendingPerSource()),
                    integer(raw, EnrolmentLimits.REQUESTS_PER_MINUTE_PER_SOURCE, d.requestsPerMinutePerSource()));
        } catch (IllegalArgumentException e) {
            throw keyed(e, raw, EnrolmentLimits.MAX_PENDING);
        }
    }

    /** The OpenID Provider's keys; its port is free by default when the HTTP port is (tests, benchmarks). */
    private static SsoSettings sso(Map<String, String> raw, int httpPort) {
        SsoSettings d = SsoSettings.off();
        try {
            String issuer = raw.getOrDefault(SsoSettings.ISSUER, "");
            return new SsoSettings(bool(raw, SsoSettings.ENABLED, d.enabled()),
                    raw.getOrDefault(SsoSettings.BIND, raw.getOrDefault(HubPkiConfig.DEVICE_API_BIND,
                            HubPkiConfig.defaults().deviceApiBind())),
                    integer(raw, SsoSettings.PORT, httpPort == 0 ? 0 : d.port()),
                    issuer.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(java.net.URI.create(issuer)),
                    java.time.Duration.ofMinutes(integer(raw, SsoSettings.TAP_WINDOW_MINUTES,
                            (int) d.tapWindow().toMinutes())));
        } catch (IllegalArgumentException e) {
            throw keyed(e, raw, SsoSettings.ENABLED);
        }
    }

    private static GamSettings gam(Map<String, String> raw) {
        GamSettings d = GamSettings.off();
        try {
            return new GamSettings(raw.getOrDefault(GamSettings.HOST, d.host()), integer(raw, GamSettings.PORT, d.port()),
                    bool(raw, GamSettings.TLS, d.tls()), paths(raw, GamSettings.TLS_TRUST),
                    raw.getOrDefault(GamSettings.SENDING_APPLICATION, d.sendingApplication()),
                    raw.getOrDefault(GamSettings.SENDING_FACILITY, d.sendingFacility()),
                    raw.getOrDefault(GamSettings.RECEIVING_APPLICATION, d.receivingApplication()),
                    raw.getOrDefault(GamSettings.RECEIVING_FACILITY, d.receivingFacility()),
                    raw.getOrDefault(GamSettings.PATIENT_ID_AUTHORITY, ""), raw.getOrDefault(GamSettings.PATIENT_ID_OID, ""),
                    Duration.ofSeconds(integer(raw, GamSettings.ACK_TIMEOUT_SECONDS, (int) d.ackTimeout().toSeconds())),
                    Duration.ofSeconds(integer(raw, GamSettings.RETRY_MAX_SECONDS, (int) d.retryMax().toSeconds())));
        } catch (IllegalArgumentException e) {
            throw keyed(e, raw, GamSettings.HOST);
        }
    }

    /**
     * An {@link IllegalArgumentException} of a settings record as the {@link HubConfig.InvalidSetting} of
     * the key its message starts with ({@code fallbackKey} when none does).
     */
    private static HubConfig.InvalidSetting keyed(IllegalArgumentException e, Map<String, String> raw,
            String fallbackKey) {
        return keyed(e, raw, fallbackKey, KEYS);
    }

    /** As {@link #keyed(IllegalArgumentException, Map, String)}, among {@code keys} only. */
    static HubConfig.InvalidSetting keyed(IllegalArgumentException e, Map<String, String> raw, String fallbackKey,
            Set<String> keys) {
        if (e instanceof HubConfig.InvalidSetting s) {
            return s;
        }
        String key = fallbackKey;
        String message = e.getMessage();
        for (String k : keys) {
            if (message != null && message.startsWith(k + " ")) {
                key = k;
            }
        }
        return new HubConfig.InvalidSetting(key, String.valueOf(raw.get(key)), message);
    }

    @SafeVarargs
    private static Set<String> union(Collection<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Collection<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    private static List<String> list(Map<String, String> raw, String key) {
        String value = raw.getOrDefault(key, "");
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
    }

    private static Map<String, String> readFile(Path file) throws HubConfigException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new HubConfigException("config-file", file.toString(),
                    "configuration file '" + file + "' cannot be read: " + e);
        }
        Map<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k)));
        return out;
    }

    /** A configuration file that holds a password is a secret: owner-only. */
    private static void requireOwnerOnly(Path file) throws HubConfigException {
        try {
            HubFilePermissions.requireOwnerOnly(file);
        } catch (HubFilePermissions.InsecureFileException e) {
            throw new HubConfigException(HubConfig.DB_PASSWORD, "****", HubConfig.DB_PASSWORD
                    + " is in a file other users can read: " + e.getMessage());
        } catch (IOException e) {
            throw new HubConfigException("config-file", file.toString(), "configuration file '" + file
                    + "' cannot be checked: " + e);
        }
    }

    private static String requireKnown(String key, String where) throws HubConfigException {
        if (key.startsWith("hub.sandbox.")) {
            throw new HubConfigException(key, "", "'" + key + "' " + where + " is no longer a hub setting: the"
                    + " production hub has no simulators; run them beside a hub with './vigie sandbox' (edge-hub-sandbox),"
                    + " which points the hub at them through hub.psc.*, hub.insi.* and hub.apcv.*");
        }
        if (!KEYS.contains(key)) {
            throw new HubConfigException(key, "", "unknown configuration key '" + key + "' " + where
                    + " (known keys: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }
        return key;
    }

    static Path path(String key, String value) {
        try {
            if (value.isBlank()) {
                throw new InvalidPathException(value, "empty path");
            }
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new HubConfig.InvalidSetting(key, value, key + " must be a path, got '" + value + "'");
        }
    }

    static List<Path> paths(Map<String, String> raw, String key) {
        String value = raw.getOrDefault(key, "");
        List<Path> out = new ArrayList<>();
        for (String part : value.isBlank() ? new String[0] : value.split(",")) {
            try {
                if (part.isBlank()) {
                    throw new InvalidPathException(part, "empty path");
                }
                out.add(Path.of(part.trim()));
            } catch (InvalidPathException e) {
                throw new HubConfig.InvalidSetting(key, value, key + " must be file paths separated by commas, got '"
                        + value + "'");
            }
        }
        return out;
    }

    static int integer(Map<String, String> raw, String key, int fallback) {
        String value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new HubConfig.InvalidSetting(key, value, key + " must be a whole number, got '" + value + "'");
        }
    }

    static boolean bool(Map<String, String> raw, String key, boolean fallback) {
        String value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new HubConfig.InvalidSetting(key, value, key + " must be true or false, got '" + value + "'");
        }
    }
}
