package fr.vigie.hub.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Debian {@code psql} client, run as a local user of the hub's machine would: never prompting
 * for a password ({@code -w}), with one given through {@code PGPASSWORD} or none at all.
 */
public final class Psql {
    public static final Path BINARY = Path.of("/usr/bin/psql");

    /** What psql answered: its exit status (0 = ran the command) and its output. */
    public record Result(int exitCode, String output) {
        public boolean connected() {
            return exitCode == 0;
        }
    }

    private Psql() {
    }

    /** {@code psql -h host -p port -U user -d database -c sql}, with {@code password} or none (null). */
    public static Result run(String host, int port, String user, String database, String password, String sql)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install the Debian package postgresql-client");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-w", "-X", "-A", "-t", "-v",
                "ON_ERROR_STOP=1", "-h", host, "-p", Integer.toString(port), "-U", user, "-d", database, "-c", sql));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("psql did not finish: " + out);
        }
        return new Result(p.exitValue(), out);
    }
}
