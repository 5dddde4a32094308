package fr.vigie.hub;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hub's site CA and the listeners that kiosks reach with it: the device API (HTTPS, TLS 1.3,
 * enrolment and per-device routes) and the broker's mutual-TLS device listener. Immutable; a bad
 * value throws an {@link IllegalArgumentException} naming its key.
 *
 * <p><b>CA passphrase.</b> The site CA's keys are encrypted at rest under a passphrase read from
 * {@link #caPassphraseFile()}. When none is configured, the hub generates a random one on first start
 * in {@code <data>/site-ca.passphrase} (mode 600): convenient for the demo, but it lives next to the
 * keys it protects; a production hub points {@code hub.ca.passphrase-file} at a file outside the data
 * directory (e.g. a systemd credential), so that a copy of the data directory does not open the CA.
 *
 * @param site the site this hub's CA serves ({@code hub.site}); kiosks of other sites cannot enrol
 * @param deviceApiBind address of the device API ({@code hub.device-api.bind})
 * @param deviceApiPort its port, 0 for a free one ({@code hub.device-api.port})
 * @param serverNames DNS names and IP addresses kiosks use to reach the hub, written into its server
 *        certificates ({@code hub.device-api.names}, comma-separated)
 * @param caPassphraseFile file holding the CA passphrase, or null for a generated one
 *        ({@code hub.ca.passphrase-file})
 * @param mqttTls whether the embedded broker opens its mutual-TLS device listener, the only way kiosks
 *        connect to it ({@code hub.mqtt.tls}; default true with the embedded broker, false with an external one)
 * @param mqttTlsPort port of that listener, 0 for a free one ({@code hub.mqtt.tls-port})
 * @param mqttTlsBind address of that listener ({@code hub.mqtt.tls-bind})
 * @param mosquittoDir with an external Mosquitto on this machine, the folder where the hub writes its
 *        security configuration at start and keeps its CRL current ({@code hub.mqtt.mosquitto-dir}); its
 *        device listener is at {@code mqttTlsBind:mqttTlsPort}; null when the hub does not look after one
 * @param mosquittoPidFile that Mosquitto's pid file ({@code pid_file}), to which the hub sends SIGHUP
 *        after changing its files ({@code hub.mqtt.mosquitto-pid-file}), or null
 */
public record HubPkiConfig(String site, String deviceApiBind, int deviceApiPort, List<String> serverNames,
        Path caPassphraseFile, boolean mqttTls, int mqttTlsPort, String mqttTlsBind, Path mosquittoDir, Path mosquittoPidFile) {
    public static final String SITE = "hub.site";
    public static final String DEVICE_API_BIND = "hub.device-api.bind";
    public static final String DEVICE_API_PORT = "hub.device-api.port";
    public static final String SERVER_NAMES = "hub.device-api.names";
    public static final String CA_PASSPHRASE_FILE = "hub.ca.passphrase-file";
    public static final String MQTT_TLS = "hub.mqtt.tls";
    public static final String MQTT_TLS_PORT = "hub.mqtt.tls-port";
    public static final String MQTT_TLS_BIND = "hub.mqtt.tls-bind";
    public static final String MOSQUITTO_DIR = "hub.mqtt.mosquitto-dir";
    public static final String MOSQUITTO_PID_FILE = "hub.mqtt.mosquitto-pid-file";
    private static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.\\-:]{1,253}");

    public HubPkiConfig {
        if (site == null || !SITE_ID.matcher(site).matches()) {
            throw new IllegalArgumentException(SITE + " must be 1 to 40 characters of a-z, 0-9 and '-', got '"
                    + site + "'");
        }
        requireHost(DEVICE_API_BIND, deviceApiBind);
        requireHost(MQTT_TLS_BIND, mqttTlsBind);
        requirePort(DEVICE_API_PORT, deviceApiPort);
        requirePort(MQTT_TLS_PORT, mqttTlsPort);
        if (mosquittoPidFile != null && mosquittoDir == null) {
            throw new IllegalArgumentException(MOSQUITTO_PID_FILE + " is set but " + MOSQUITTO_DIR
                    + " is not: the hub only reloads a Mosquitto whose configuration it writes");
        }
        if (mosquittoDir != null && mqttTlsPort == 0) {
            throw new IllegalArgumentException(MQTT_TLS_PORT + " must be a fixed port (Mosquitto's device listener) when "
                    + MOSQUITTO_DIR + " is set, got 0");
        }
        serverNames = List.copyOf(Objects.requireNonNull(serverNames, SERVER_NAMES));
        if (serverNames.isEmpty()) {
            throw new IllegalArgumentException(SERVER_NAMES + " must name at least one DNS name or IP address");
        }
        for (String n : serverNames) {
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException(SERVER_NAMES + " holds '" + n + "', which is not a DNS name or IP address");
            }
        }
    }

    /**
     * Site {@code demo}, device API on 127.0.0.1:8443, names localhost and 127.0.0.1, generated passphrase,
     * the embedded broker's device listener on 127.0.0.1:8883 (kiosks connect only there).
     */
    public static HubPkiConfig defaults() {
        return new HubPkiConfig("demo", "127.0.0.1", 8443, List.of("localhost", "127.0.0.1"), null, true, 8883,
                "127.0.0.1", null, null);
    }

    /** The DNS names among {@link #serverNames()}. */
    public List<String> dnsNames() {
        return serverNames.stream().filter(n -> !isIpAddress(n)).toList();
    }

    /** The IP addresses among {@link #serverNames()}. */
    public List<String> ipAddresses() {
        return serverNames.stream().filter(HubPkiConfig::isIpAddress).toList();
    }

    static boolean isIpAddress(String name) {
        return name.contains(":") || name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    private static void requireHost(String key, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " must be a host name or IP address, got '" + value + "'");
        }
    }

    private static void requirePort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(key + " must be a port between 0 (pick a free one) and 65535, got " + port);
        }
    }
}
