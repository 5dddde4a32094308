package fr.vigie.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The one launcher of a real Mosquitto 2 broker process (Debian package {@code mosquitto}) for tests.
 * It writes {@code <dir>/mosquitto.conf} (this JVM's user, a pid file at {@link #pidFile()}, errors and
 * warnings to {@code <dir>/mosquitto.log}, then the caller's settings: listeners, persistence, and
 * usually an {@code include_dir} of the security configuration the hub writes), starts Mosquitto on it
 * and waits until it accepts connections on {@code port}. It can be stopped and started again on the
 * same configuration. Not thread-safe.
 *
 * <pre>{@code
 * MosquittoProcess mosquitto = MosquittoProcess.configure(dir, hubPort,
 *         List.of("persistence false", "include_dir " + securityDir));
 * mosquitto.start();
 * }</pre>
 */
public final class MosquittoProcess implements AutoCloseable {
    /** Where Debian installs the broker. */
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Path dir;
    private final int port;
    private Process process;

    private MosquittoProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * Writes the configuration; {@code port} is a loopback port of one of the caller's listeners, the one
     * {@link #start()} waits for.
     */
    public static MosquittoProcess configure(Path dir, int port, List<String> settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>(List.of(
                "user " + System.getProperty("user.name"),
                "pid_file " + dir.resolve("mosquitto.pid"),
                "log_dest stdout",
                "log_type error",
                "log_type warning"));
        lines.addAll(settings);
        lines.add("");
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", lines));
        return new MosquittoProcess(dir, port);
    }

    /** The pid file Mosquitto writes, for whoever signals it (the hub, after a revocation). */
    public Path pidFile() {
        return dir.resolve("mosquitto.pid");
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /**
     * Starts Mosquitto and waits until it accepts connections on the port.
     *
     * @throws IllegalStateException when Mosquitto is not installed, or did not start (with its log)
     */
    public MosquittoProcess start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install the Debian package mosquitto (./vigie test does)");
        }
        Path log = dir.resolve("mosquitto.log");
        process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
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
        process.destroyForcibly();
        process = null;
        throw new IllegalStateException("mosquitto did not start listening on port " + port + "; see " + log + ":\n"
                + Files.readString(log));
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the broker cleanly (SIGTERM: it saves its persistence file first), killing it after 10 s. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
