package fr.vigie.protocol.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends service state notifications ({@code READY=1}, {@code WATCHDOG=1}, {@code STATUS=…},
 * {@code STOPPING=1}) to the service manager through the datagram socket named by {@code $NOTIFY_SOCKET}, the
 * {@code sd_notify} protocol.
 *
 * <p>Java 17 has no Unix datagram sockets, so each notification is sent by Debian's {@code systemd-notify}
 * with {@code --pid} naming this JVM. {@code systemd-notify} waits until the service manager has processed
 * the message before it exits (its synchronisation barrier), so the unit must say {@code NotifyAccess=all}:
 * the sender is a short-lived child in the service's control group, not the main process. Thread-safe.
 *
 * <pre>{@code
 * ServiceNotifier.fromEnvironment().ifPresent(n -> n.notify("READY=1"));
 * }</pre>
 */
public final class ServiceNotifier {
    /** Where Debian installs the command; the first one that exists is used. */
    static final List<Path> COMMANDS = List.of(Path.of("/usr/bin/systemd-notify"), Path.of("/bin/systemd-notify"));
    private static final System.Logger LOG = System.getLogger(ServiceNotifier.class.getName());
    private static final long TIMEOUT_SECONDS = 10;

    private final Path command;
    private final String socket;
    private final long pid;

    ServiceNotifier(Path command, String socket, long pid) {
        this.command = command;
        this.socket = socket;
        this.pid = pid;
    }

    /** The notifier of this process when a service manager started it ({@code NOTIFY_SOCKET} set), else empty. */
    public static Optional<ServiceNotifier> fromEnvironment() {
        return from(System.getenv(), COMMANDS);
    }

    static Optional<ServiceNotifier> from(Map<String, String> environment, List<Path> commands) {
        String socket = environment.get("NOTIFY_SOCKET");
        if (socket == null || socket.isBlank()) {
            return Optional.empty();
        }
        Optional<Path> command = commands.stream().filter(Files::isExecutable).findFirst();
        if (command.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "NOTIFY_SOCKET is set but systemd-notify is not installed ({0}): "
                    + "the service manager will not hear from this process", commands);
            return Optional.empty();
        }
        return Optional.of(new ServiceNotifier(command.get(), socket, ProcessHandle.current().pid()));
    }

    /**
     * Sends one notification made of {@code assignments} (e.g. {@code "READY=1"}, {@code "STATUS=…"}) and waits
     * until the service manager took it. Returns whether it was delivered; a failure is logged, never thrown.
     */
    public boolean notify(String... assignments) {
        List<String> line = new ArrayList<>(List.of(command.toString(), "--pid=" + pid));
        line.addAll(List.of(assignments));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("NOTIFY_SOCKET", socket);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                LOG.log(System.Logger.Level.WARNING, "systemd-notify {0} did not finish within {1} s",
                        List.of(assignments), TIMEOUT_SECONDS);
                return false;
            }
            if (process.exitValue() != 0) {
                LOG.log(System.Logger.Level.WARNING, "systemd-notify {0} failed (exit {1}): {2}", List.of(assignments),
                        process.exitValue(), output.strip());
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot run {0}: {1}", command, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
