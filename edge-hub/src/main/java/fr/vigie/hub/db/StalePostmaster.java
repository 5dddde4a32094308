package fr.vigie.hub.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a hub killed without warning (SIGKILL, power cut) leaves in its PostgreSQL data directory,
 * so that the next start succeeds:
 *
 * <ul>
 * <li>a postmaster still running on that directory (the embedded server outlives its JVM, since
 * {@code pg_ctl} detaches it): it is asked to shut down (SIGTERM), and killed with its children if it
 * does not within the timeout;
 * <li>a {@code postmaster.pid} whose process is gone, or whose number now belongs to another program:
 * the file is removed (PostgreSQL would refuse to start if the number had been reused).
 * </ul>
 *
 * Callers must hold the hub's data-directory lock, so that no live hub can be using that directory.
 */
final class StalePostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void clear(Path dataDir, java.time.Duration timeout) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        OptionalLong pid = pidOf(Files.readAllLines(pidFile, StandardCharsets.UTF_8));
        Optional<ProcessHandle> process = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
        Owner owner = process.isPresent() && process.get().isAlive() ? ownerOf(process.get(), dataDir) : Owner.NONE;
        if (owner == Owner.UNKNOWN) {
            throw new IOException("PostgreSQL process " + pid.getAsLong() + " may be serving " + dataDir
                    + " but its command line cannot be read; stop it, then start the hub again");
        }
        if (owner == Owner.THIS_DIRECTORY) {
            LOG.warn("a PostgreSQL server (pid {}) is still running on {} after the hub stopped without closing it;"
                    + " shutting it down before starting again", pid.getAsLong(), dataDir);
            stop(process.get(), timeout);
        } else {
            LOG.info("removing stale postmaster.pid (pid {} is not running PostgreSQL)",
                    pid.isPresent() ? Long.toString(pid.getAsLong()) : "unreadable");
        }
        Files.deleteIfExists(pidFile);
    }

    /** The postmaster's process id: the first line of {@code postmaster.pid}. */
    static OptionalLong pidOf(List<String> pidFileLines) {
        if (pidFileLines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(pidFileLines.get(0).trim());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the executable of {@code command} is PostgreSQL's server. */
    static boolean isPostgresCommand(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.equals("postgres") || name.equals("postmaster");
    }

    /** Who the process named in the pid file is, as far as this directory is concerned. */
    enum Owner { NONE, THIS_DIRECTORY, UNKNOWN }

    private static Owner ownerOf(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        if (!info.command().map(StalePostmaster::isPostgresCommand).orElse(false)) {
            return Owner.NONE; // the number was reused by another program
        }
        return info.arguments().map(args -> servesDirectory(List.of(args), dataDir) ? Owner.THIS_DIRECTORY
                : Owner.NONE).orElse(Owner.UNKNOWN);
    }

    /** Whether a postgres command line ({@code -D dir} or {@code -Ddir}) names {@code dataDir}. */
    static boolean servesDirectory(List<String> args, Path dataDir) {
        Path wanted = dataDir.toAbsolutePath().normalize();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String dir = a.equals("-D") && i + 1 < args.size() ? args.get(i + 1)
                    : a.startsWith("-D") && a.length() > 2 ? a.substring(2) : null;
            if (dir != null && Path.of(dir).toAbsolutePath().normalize().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static void stop(ProcessHandle postmaster, java.time.Duration timeout) throws IOException {
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroy(); // SIGTERM: smart shutdown; the dead hub's connections are already closed
        if (!awaitExit(postmaster, timeout)) {
            LOG.warn("PostgreSQL (pid {}) did not stop within {}; killing it", postmaster.pid(), timeout);
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            awaitExit(postmaster, timeout);
        }
        for (ProcessHandle child : children) {
            // children holding the old shared memory would stop the new postmaster from starting
            if (!awaitExit(child, timeout)) {
                throw new IOException("PostgreSQL process " + child.pid() + " left by a previous hub does not exit");
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, java.time.Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
