package fr.vigie.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Mosquitto 2 broker process (Debian package {@code mosquitto}) on a loopback port, with
 * persistence in a folder of its own, that a test can stop and start again on the same port.
 */
final class MosquittoBroker implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Path dir;
    private final int port;
    private ChildProcess process;

    MosquittoBroker(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = FreePort.pick();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "user root",
                "persistence true",
                "persistence_location " + dir + "/",
                "autosave_interval 1",
                "max_queued_messages 0",
                "max_inflight_messages 0",
                "max_packet_size 1048576",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                ""));
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    MosquittoBroker start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install the Debian package mosquitto (./vigie test does)");
        }
        process = ChildProcess.start("mosquitto", List.of(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString()),
                dir, System.out);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return this;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start listening on port " + port);
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
