package fr.vigie.kiosk.fleet;

import fr.vigie.protocol.Command;
import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed commands this kiosk has received and not yet seen expire, by nonce and by request id,
 * so that the same command is never carried out twice: not when the broker delivers it again after
 * a reconnection, not when someone who recorded it publishes it again, and not after a restart (a
 * {@code reboot} redelivered after the reboot it caused is refused, not obeyed). Kept in one small
 * file, {@code <data-dir>/commands/spent}, rewritten atomically before a command is carried out; an
 * entry is forgotten once its command can no longer pass the expiry check anyway. Thread-safe.
 *
 * <p>File format, one line per command: {@code <remember-until epoch ms> <nonce> <request id>} (line
 * breaks in a request id are written as spaces).
 */
final class SpentCommands {
    /** The directory of the file inside the kiosk's data directory. */
    static final String DIR = "commands";
    static final String FILE = "spent";
    /** Most commands remembered at once; only commands signed by the hub get in, so this is never reached in use. */
    static final int CAPACITY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SpentCommands.class);

    private record Spent(String nonce, String commandId, Instant until) {
    }

    private final Path file;
    private final Clock clock;
    private final Map<String, Spent> byNonce = new LinkedHashMap<>();

    private SpentCommands(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Reads the remembered commands of {@code dataDir}, forgetting the expired ones. */
    static SpentCommands open(Path dataDir, Clock clock) throws IOException {
        SpentCommands s = new SpentCommands(dataDir.resolve(DIR).resolve(FILE), clock);
        if (Files.exists(s.file)) {
            int skipped = 0;
            for (String line : Files.readAllLines(s.file, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ", 3);
                try {
                    Spent e = new Spent(f[1], f[2], Instant.ofEpochMilli(Long.parseLong(f[0])));
                    s.byNonce.put(e.nonce(), e);
                } catch (RuntimeException bad) {
                    skipped++;
                }
            }
            if (skipped > 0) {
                LOG.warn("{}: {} unreadable line(s) ignored", s.file, skipped);
            }
            s.forgetExpired();
        }
        return s;
    }

    /** Whether {@code c}'s nonce or request id was already received. */
    synchronized boolean seen(Command c) {
        forgetExpired();
        return byNonce.containsKey(c.nonce())
                || byNonce.values().stream().anyMatch(e -> e.commandId().equals(c.commandId()));
    }

    /**
     * Remembers {@code c} until {@code until}, on disk before returning.
     *
     * @throws IOException when it cannot be written (the command must then not be carried out), or
     *     when {@link #CAPACITY} commands are already remembered
     */
    synchronized void remember(Command c, Instant until) throws IOException {
        forgetExpired();
        if (byNonce.size() >= CAPACITY) {
            throw new IOException(CAPACITY + " unexpired commands are remembered already");
        }
        byNonce.put(c.nonce(), new Spent(c.nonce(), c.commandId(), until));
        try {
            write();
        } catch (IOException e) {
            byNonce.remove(c.nonce());
            throw e;
        }
    }

    synchronized int size() {
        return byNonce.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        byNonce.values().removeIf(e -> e.until().isBefore(now));
    }

    private void write() throws IOException {
        StringBuilder b = new StringBuilder();
        for (Spent e : byNonce.values()) {
            b.append(e.until().toEpochMilli()).append(' ').append(e.nonce()).append(' ')
                    .append(e.commandId().replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        AtomicFiles.createPrivateDirectory(file.getParent());
        AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
