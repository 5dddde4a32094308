package fr.vigie.hub.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto 2 process (Debian package {@code mosquitto}) for tests, running a main
 * configuration that includes a generated {@link MosquittoSecurityConfig} fragment and writes a pid
 * file, as a site's Mosquitto does for the hub to signal it.
 */
final class MosquittoProcess implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Process process;
    private final int hubPort;

    private MosquittoProcess(Process process, int hubPort) {
        this.process = process;
        this.hubPort = hubPort;
    }

    static MosquittoProcess start(Path dir, Path securityFragment, int hubPort, Path pidFile)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install the Debian package mosquitto (./vigie test does)");
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "user " + System.getProperty("user.name"),
                "persistence false",
                "pid_file " + pidFile,
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                Files.readString(securityFragment),
                ""));
        Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), hubPort)) {
                return new MosquittoProcess(process, hubPort);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("mosquitto did not start; see " + dir.resolve("mosquitto.log") + ":\n"
                + Files.readString(dir.resolve("mosquitto.log")));
    }

    String hubUrl() {
        return "tcp://127.0.0.1:" + hubPort;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
