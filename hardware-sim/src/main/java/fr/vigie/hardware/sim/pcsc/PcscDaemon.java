package fr.vigie.hardware.sim.pcsc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code pcscd} process started by Vigie with only the {@code vsmartcard-vpcd} driver, for
 * integration tests, the benchmark and demos on a machine without card readers. It runs in the
 * foreground as a child of this JVM, with its own reader configuration directory; stopping it
 * stops only that process. vpcd then offers "Virtual PCD 00 00" on {@code port} and
 * "Virtual PCD 00 01" on {@code port + 1}. Not thread-safe.
 *
 * <p>pcscd serves one socket per machine ({@code /run/pcscd/pcscd.comm}): another running
 * {@code pcscd} makes {@link #start()} fail with a message saying so. Needs the right to create that
 * socket (root, or a pcscd built for the user).
 */
public final class PcscDaemon implements AutoCloseable {
    /** Where Debian's vsmartcard-vpcd installs its pcscd driver. */
    public static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");

    private final Path pcscd;
    private final int port;
    private final Path configDir;
    private final Path log;
    private Process process;

    private PcscDaemon(Path pcscd, int port) throws IOException {
        this.pcscd = pcscd;
        this.port = port;
        Path workDir = Files.createTempDirectory("vigie-pcscd");
        // pcscd reads every file of its configuration directory as reader configuration: keep the log out of it.
        this.configDir = Files.createDirectory(workDir.resolve("readers"));
        this.log = workDir.resolve("pcscd.log");
        Files.writeString(configDir.resolve("vpcd"), String.format("FRIENDLYNAME \"Virtual PCD\"%n"
                + "DEVICENAME   /dev/null:0x%04X%nLIBPATH      %s%nCHANNELID   0x%04X%n", port, VPCD_DRIVER, port));
    }

    /** @return a daemon (not started yet) with vpcd listening on {@code port} and {@code port + 1} */
    public static PcscDaemon withVpcd(int port) throws IOException {
        Path pcscd = List.of(Path.of("/usr/sbin/pcscd"), Path.of("/sbin/pcscd"), Path.of("/usr/bin/pcscd")).stream()
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IOException("pcscd not found: install the Debian package pcscd"));
        if (!Files.isReadable(VPCD_DRIVER)) {
            throw new IOException("vpcd driver not found at " + VPCD_DRIVER + ": install vsmartcard-vpcd");
        }
        return new PcscDaemon(pcscd, port);
    }

    /** @return whether pcscd and the vpcd driver are installed here */
    public static boolean installed() {
        return Files.isReadable(VPCD_DRIVER) && Files.isExecutable(Path.of("/usr/sbin/pcscd"));
    }

    public int port() {
        return port;
    }

    /** Starts pcscd and waits until vpcd accepts card connections. */
    public void start(Duration timeout) throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(pcscd.toString(), "--foreground", "--config", configDir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("pcscd exited at once (" + process.exitValue() + "): " + tail()
                        + " — is another pcscd running, or are we not allowed to create /run/pcscd?");
            }
            if (listening()) {
                return;
            }
            pause(50);
        }
        stop();
        throw new IOException("pcscd did not open vpcd's port " + port + " within " + timeout + ": " + tail());
    }

    /** Stops the pcscd this object started (SIGTERM, then SIGKILL after 5 s). */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port + 1), 200);
            return true; // probing the second slot leaves the first one untouched
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        try {
            String text = Files.readString(log);
            return text.length() > 600 ? text.substring(text.length() - 600) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
