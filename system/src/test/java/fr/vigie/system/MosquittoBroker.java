package fr.vigie.system;

import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.broker.FreePort;
import fr.vigie.hub.broker.MosquittoSecurityConfig;
import fr.vigie.testing.MosquittoProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Mosquitto 2 broker (through the shared {@link MosquittoProcess} launcher) on loopback ports,
 * looked after by the hub as a site's Mosquitto is: the hub writes its security configuration into
 * {@code <dir>/security} ({@link #hubSettings()}) and signals it through its pid file; the broker
 * includes that configuration, keeps its persistence in a folder of its own, and can be stopped and
 * started again on the same ports. Start the hub first, then the broker.
 */
final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int hubPort;
    private final int devicePort;
    private final MosquittoProcess process;

    MosquittoBroker(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.hubPort = FreePort.onLoopback();
        this.devicePort = FreePort.onLoopback();
        this.process = MosquittoProcess.configure(dir, hubPort, List.of(
                "persistence true",
                "persistence_location " + dir + "/",
                "autosave_interval 1",
                "max_queued_messages 0",
                "max_inflight_messages 0",
                "max_packet_size 1048576",
                "include_dir " + dir.resolve("security")));
    }

    /** The hub's settings for this broker: its URL, and the folder and pid file the hub looks after. */
    Map<String, String> hubSettings() {
        return Map.of(HubConfig.MQTT_URL, hubUrl(),
                HubPkiConfig.MOSQUITTO_DIR, dir.resolve("security").toString(),
                HubPkiConfig.MOSQUITTO_PID_FILE, process.pidFile().toString(),
                HubPkiConfig.MQTT_TLS_PORT, Integer.toString(devicePort));
    }

    /** The hub's listener (loopback, the hub's credentials only). */
    String hubUrl() {
        return process.url();
    }

    MosquittoBroker start() throws IOException, InterruptedException {
        if (!Files.exists(dir.resolve("security").resolve(MosquittoSecurityConfig.CONF))) {
            throw new IllegalStateException("start the hub first: it writes Mosquitto's security configuration");
        }
        process.start();
        return this;
    }

    /** Stops the broker cleanly (SIGTERM: it saves its persistence file first). */
    void stop() throws InterruptedException {
        process.stop();
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
