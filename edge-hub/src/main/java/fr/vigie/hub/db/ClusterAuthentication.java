package fr.vigie.hub.db;

import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an embedded PostgreSQL cluster to anyone without the hub's secrets, before its server
 * starts. zonky's {@code initdb} writes {@code trust} for every local connection, and clusters of
 * earlier hub versions still have it; this rewrites {@code pg_hba.conf} so that every connection,
 * over TCP on the loopback only, needs a SCRAM-SHA-256 password (the server also opens no Unix
 * socket), and gives the {@code postgres} superuser the hub's generated password.
 *
 * <p>The password is set in PostgreSQL's single-user mode ({@code postgres --single}), which
 * listens on no socket at all: there is never a moment when the cluster accepts a connection
 * without a password. Only the SCRAM verifier travels to the server, so that the password cannot
 * end up in PostgreSQL's log. Stateless.
 */
final class ClusterAuthentication {
    /** What {@code pg_hba.conf} holds once secured: SCRAM over the loopback, nothing else. */
    static final String PG_HBA = String.join("\n",
            "# Written by the Vigie hub (fr.vigie.hub.db.ClusterAuthentication); rewritten at each start.",
            "# Every connection needs a password (SCRAM-SHA-256); the server opens no Unix socket.",
            "# TYPE  DATABASE  USER  ADDRESS        METHOD",
            "host    all       all   127.0.0.1/32   scram-sha-256",
            "host    all       all   ::1/128        scram-sha-256",
            "");
    private static final Logger LOG = LoggerFactory.getLogger(ClusterAuthentication.class);
    private static final Duration SINGLE_USER_TIMEOUT = Duration.ofMinutes(2);

    private ClusterAuthentication() {
    }

    /** Whether {@code dataDir}'s {@code pg_hba.conf} is exactly {@link #PG_HBA}. */
    static boolean isSecured(Path dataDir) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA);
    }

    /**
     * Secures the stopped cluster in {@code dataDir}: when its {@code pg_hba.conf} is not
     * {@link #PG_HBA} yet, or {@code resetPassword} is set (a new superuser secret), sets the
     * {@code postgres} password with the single-user server of {@code binaries}, then writes
     * {@link #PG_HBA}. Idempotent; a crash in between leaves a cluster that is secured again at the
     * next start.
     *
     * @throws UncheckedIOException when the single-user server fails (its output is in {@code log})
     */
    static void secure(Path dataDir, PostgresBinaries binaries, char[] superuserPassword, boolean resetPassword,
            Path log) {
        try {
            boolean secured = isSecured(dataDir);
            if (secured && !resetPassword) {
                return;
            }
            if (!secured) {
                LOG.warn("the embedded PostgreSQL in {} accepted connections without a password ({}); closing it:"
                        + " SCRAM passwords only, no Unix socket", dataDir, Files.exists(dataDir.resolve("PG_VERSION"))
                                && Files.exists(dataDir.resolve("base")) ? "pg_hba.conf of an earlier hub or initdb"
                                        : "new cluster");
            }
            setSuperuserPassword(dataDir, binaries.postgres(), superuserPassword, log);
            AtomicFiles.write(dataDir.resolve("pg_hba.conf"), PG_HBA.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(),
                    e);
        }
    }

    private static void setSuperuserPassword(Path dataDir, Path postgres, char[] password, Path log)
            throws IOException {
        String verifier = HubRole.scramVerifier(password);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", dataDir.toString(), "postgres"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("ALTER ROLE postgres WITH PASSWORD '" + verifier + "'\n").getBytes(StandardCharsets.UTF_8));
        }
        String output;
        try (InputStream out = p.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(SINGLE_USER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("PostgreSQL's single-user mode did not finish within " + SINGLE_USER_TIMEOUT);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the superuser password", e);
        }
        Files.writeString(log, output, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        // single-user mode goes on after an error and exits 0: its output tells
        if (p.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IOException("PostgreSQL's single-user mode could not set the superuser password (exit "
                    + p.exitValue() + "); see " + log);
        }
    }
}
