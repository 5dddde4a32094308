package fr.vigie.kiosk.config;

import fr.vigie.provisioning.device.RootPin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a kiosk reaches its hub's device API and gets its identity: where the API is, which site root
 * to trust before it holds a certificate, an optional one-time bootstrap token, and where its device
 * secret lives. With no {@link #deviceApi()} the kiosk neither enrols nor uses the device API, and
 * talks to a plain {@code tcp://} broker. Immutable; the constructor rejects a bad value naming its key.
 *
 * @param deviceApi e.g. {@code https://hub.site.local:8443} ({@value #URL}), or null
 * @param caFingerprint SHA-256 of the site root, 64 hex digits ({@value #CA_FINGERPRINT}); null trusts
 *        the first root seen (trust on first use)
 * @param tokenFile a file holding a bootstrap token ({@value #TOKEN_FILE}), or null to wait for IT's
 *        approval; {@code {id}} in the path stands for the kiosk id (for virtual fleets)
 * @param deviceSecretFile the secret that encrypts the device key ({@value #SECRET_FILE}); default
 *        {@code <data-dir>.secret}, outside the data directory
 * @param restartAfterRejection how long a kiosk whose request IT rejected (or closed because another key
 *        was approved for its id) waits before asking again, doubling at each new rejection up to an hour
 *        ({@value #RESTART_SECONDS}, 1–3600 seconds, default 60)
 */
public record HubAccess(URI deviceApi, String caFingerprint, Path tokenFile, Path deviceSecretFile,
        Duration restartAfterRejection) {
    public static final String URL = "kiosk.hub.url";
    public static final String CA_FINGERPRINT = "kiosk.hub.ca-fingerprint";
    public static final String TOKEN_FILE = "kiosk.enrol.token-file";
    public static final String SECRET_FILE = "kiosk.device-secret-file";
    public static final String RESTART_SECONDS = "kiosk.enrol.restart-seconds";
    /** The default {@link #restartAfterRejection()}. */
    public static final Duration DEFAULT_RESTART = Duration.ofMinutes(1);
    /** No device API: plain MQTT, no enrolment. */
    public static final HubAccess NONE = new HubAccess(null, null, null, null, DEFAULT_RESTART);

    public HubAccess {
        if (deviceApi != null && (!"https".equals(deviceApi.getScheme()) || deviceApi.getHost() == null)) {
            throw new InvalidSetting(URL, deviceApi, "must be https://host:port");
        }
        if (caFingerprint != null && !RootPin.isFingerprint(caFingerprint)) {
            throw new InvalidSetting(CA_FINGERPRINT, caFingerprint, "must be 64 hex digits (SHA-256)");
        }
        restartAfterRejection = restartAfterRejection == null ? DEFAULT_RESTART : restartAfterRejection;
        if (restartAfterRejection.toSeconds() < 1 || restartAfterRejection.toSeconds() > 3600) {
            throw new InvalidSetting(RESTART_SECONDS, restartAfterRejection.toSeconds(), "must be between 1 and 3600 seconds");
        }
    }

    /** Whether the kiosk enrols and uses the device API. */
    public boolean enabled() {
        return deviceApi != null;
    }

    /**
     * This access for kiosk {@code kioskId} with data directory {@code dataDir}: {@code {id}} replaced
     * in the file paths, and the secret file defaulted to {@code <dataDir>.secret}.
     */
    HubAccess forKiosk(String kioskId, Path dataDir) {
        Path token = tokenFile == null ? null : Path.of(tokenFile.toString().replace("{id}", kioskId));
        Path abs = dataDir.toAbsolutePath().normalize();
        Path secret = deviceSecretFile == null ? abs.resolveSibling(abs.getFileName() + ".secret")
                : Path.of(deviceSecretFile.toString().replace("{id}", kioskId));
        return new HubAccess(deviceApi, caFingerprint, token, secret, restartAfterRejection);
    }
}
