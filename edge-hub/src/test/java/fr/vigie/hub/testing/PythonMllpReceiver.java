package fr.vigie.hub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A GAM for tests in its own process, written with another HL7 implementation than the hub's: the script
 * {@code gam/mllp_receiver.py} on Debian's {@code python3-hl7} (an MLLP server, {@code hl7.parse}, {@code create_ack}).
 * It logs every message it read, parsed, as one JSON line, and answers AA, or AE for a patient the test asked it to
 * refuse once ({@link #refuseNext}). Stopped with SIGTERM and started again on the same port to play an outage.
 */
public final class PythonMllpReceiver implements AutoCloseable {
    /** The Debian interpreter, which has python3-hl7 (not a virtualenv's python3 first in PATH). */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final int port;
    private Process process;

    private PythonMllpReceiver(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts the receiver with its script, log and rules in {@code dir}, on {@code port} (0: a free one). */
    public static PythonMllpReceiver start(Path dir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("rules"));
        Path script = dir.resolve("mllp_receiver.py");
        try (InputStream in = PythonMllpReceiver.class.getResourceAsStream("/gam/mllp_receiver.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        PythonMllpReceiver r = new PythonMllpReceiver(dir, port);
        return r.launch();
    }

    private PythonMllpReceiver launch() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " is missing: install the Debian package python3-hl7 (./vigie test)");
        }
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), dir.resolve("mllp_receiver.py").toString(),
                "--port", Integer.toString(port), "--out", log().toString(), "--rules", dir.resolve("rules").toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("receiver.err").toFile()));
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ready;
        try {
            ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("the Python MLLP receiver did not start: " + e, e);
        }
        if (ready == null || !ready.startsWith("READY ")) {
            p.destroyForcibly();
            throw new IllegalStateException("the Python MLLP receiver did not start (" + ready + "): see "
                    + dir.resolve("receiver.err") + ": " + Files.readString(dir.resolve("receiver.err")));
        }
        PythonMllpReceiver started = port == 0 ? new PythonMllpReceiver(dir, Integer.parseInt(ready.substring(6).strip()))
                : this;
        started.process = p;
        return started;
    }

    /** Its port. */
    public int port() {
        return port;
    }

    /**
     * The next message about {@code key} — a record id (PID-3, type PI) or a birth name (PID-5, type L) — is answered
     * AE with {@code text}; later ones AA.
     */
    public void refuseNext(String key, String text) throws IOException {
        Files.writeString(dir.resolve("rules").resolve("refuse-" + key), text, StandardCharsets.UTF_8);
    }

    /** Every message it read so far, in order, as it parsed them, with {@code answer} AA or AE. */
    public List<JsonNode> received() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (Files.exists(log())) {
            for (String line : Files.readAllLines(log(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    /** Stops it (SIGTERM) and waits for it to end. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts it again on the same port, with the same log. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    private Path log() {
        return dir.resolve("received.jsonl");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
