package fr.vigie.system;

import fr.vigie.hub.EdgeHub;
import fr.vigie.kiosk.config.HubAccess;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kiosks that reach an in-process hub as real ones do: each enrols over the device API with a one-time
 * bootstrap token the hub issued for its id, then reports over mutual TLS on the hub's device
 * listener (the hub's own listener takes no kiosk). For the benchmarks and the end-to-end tests.
 * Stateless.
 *
 * <pre>{@code
 * Map<String, String> settings = EnrolledKiosks.withTokens(hub, dir.resolve("tokens"), List.of("kiosk-001"));
 * settings.put(KioskConfig.ID, "kiosk-001");
 * settings.put(KioskConfig.DATA_DIR, dir.resolve("kiosk-001").toString());
 * try (Kiosk kiosk = Kiosk.start(KioskConfig.load(null, settings))) { ... }
 * }</pre>
 */
public final class EnrolledKiosks {
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(4);

    private EnrolledKiosks() {
    }

    /**
     * Issues a bootstrap token for each of {@code kioskIds} (of the hub's site), writes each to
     * {@code <tokenDir>/<kioskId>} (owner-only), and returns the kiosk settings that enrol with them:
     * site, device API and its root fingerprint, token file {@code <tokenDir>/{id}}, mutual-TLS broker.
     *
     * @return a mutable map, for the caller to add its own settings
     */
    public static Map<String, String> withTokens(EdgeHub hub, Path tokenDir, List<String> kioskIds) throws Exception {
        String site = hub.siteCa().settings().site();
        AtomicFiles.createPrivateDirectory(tokenDir);
        for (String id : kioskIds) {
            String token = hub.enrolments().issueToken(KioskAddress.of(site, id), TOKEN_LIFETIME, "vigie-system").value();
            AtomicFiles.write(tokenDir.resolve(id), token.getBytes(StandardCharsets.US_ASCII));
        }
        return settings(site, hub.deviceApiUri().toString(), hub.siteCa().rootFingerprint(),
                tokenDir.resolve("{id}"), hub.deviceMqttUrl().orElseThrow(() -> new IllegalStateException(
                        "the hub has no device listener for kiosks (hub.mqtt.tls)")));
    }

    /** The settings of a kiosk that enrols at {@code deviceApi} with the token in {@code tokenFile}. */
    public static Map<String, String> settings(String site, String deviceApi, String rootFingerprint, Path tokenFile,
            String deviceMqttUrl) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(KioskConfig.SITE, site);
        s.put(KioskConfig.MQTT_URL, deviceMqttUrl);
        s.put(HubAccess.URL, deviceApi);
        s.put(HubAccess.CA_FINGERPRINT, rootFingerprint);
        s.put(HubAccess.TOKEN_FILE, tokenFile.toString());
        return s;
    }

    /** The ids {@code <prefix>-001} to {@code <prefix>-<count>}, as {@code VirtualFleet} names its kiosks. */
    public static List<String> fleetIds(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> String.format("%s-%03d", prefix, i))
                .toList();
    }
}
