package fr.vigie.system;

import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.broker.MosquittoSecurityConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Mosquitto 2 broker process (Debian package {@code mosquitto}) on loopback ports, looked
 * after by the hub as a site's Mosquitto is: the hub writes its security configuration into
 * {@code <dir>/security} ({@link #hubSettings()}) and signals it through its pid file; this process
 * includes that configuration, keeps its persistence in a folder of its own, and can be stopped and
 * started again on the same ports. Start the hub first, then the broker.
 */
final class MosquittoBroker implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Path dir;
    private final int hubPort;
    private final int devicePort;
    private ChildProcess process;

    MosquittoBroker(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.hubPort = FreePort.pick();
        this.devicePort = FreePort.pick();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "user root",
                "pid_file " + dir.resolve("mosquitto.pid"),
                "persistence true",
                "persistence_location " + dir + "/",
                "autosave_interval 1",
                "max_queued_messages 0",
                "max_inflight_messages 0",
                "max_packet_size 1048576",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "include_dir " + dir.resolve("security"),
                ""));
    }

    /** The hub's settings for this broker: its URL, and the folder and pid file the hub looks after. */
    Map<String, String> hubSettings() {
        return Map.of(HubConfig.MQTT_URL, "tcp://127.0.0.1:" + hubPort,
                HubPkiConfig.MOSQUITTO_DIR, dir.resolve("security").toString(),
                HubPkiConfig.MOSQUITTO_PID_FILE, dir.resolve("mosquitto.pid").toString(),
                HubPkiConfig.MQTT_TLS_PORT, Integer.toString(devicePort));
    }

    /** The hub's listener (loopback, the hub's credentials only). */
    String hubUrl() {
        return "tcp://127.0.0.1:" + hubPort;
    }

    MosquittoBroker start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install the Debian package mosquitto (./vigie test does)");
        }
        if (!Files.exists(dir.resolve("security").resolve(MosquittoSecurityConfig.CONF))) {
            throw new IllegalStateException("start the hub first: it writes Mosquitto's security configuration");
        }
        process = ChildProcess.start("mosquitto", List.of(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString()),
                dir, System.out);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), hubPort)) {
                return this;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start listening on port " + hubPort);
    }

    /** Stops the broker cleanly (SIGTERM: it saves its persistence file first). */
    void stop() throws InterruptedException {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
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
