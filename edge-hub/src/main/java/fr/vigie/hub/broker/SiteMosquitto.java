package fr.vigie.hub.broker;

import fr.vigie.provisioning.siteca.SiteCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's Mosquitto broker as the hub looks after it ({@code hub.mqtt.mosquitto-dir}): at start
 * the hub writes its security configuration ({@link MosquittoSecurityConfig}, with the hub's own
 * credentials), and from then on keeps Mosquitto's CRL equal to the site CA's. After a revocation
 * ({@link #publishCrl}), and every minute to catch certificates superseded by a renewal and the CRL
 * re-signed before its nextUpdate, a changed CRL is written and Mosquitto is told to read it again
 * with {@code SIGHUP}, sent to the process named in its pid file ({@code pid_file} in mosquitto.conf)
 * when that process is a Mosquitto. Without a pid file the files are written and a warning asks to
 * reload Mosquitto. Thread-safe.
 *
 * <pre>{@code
 * try (SiteMosquitto mosquitto = SiteMosquitto.start(dir, tls, 1883, hubCredentials, Optional.of(pidFile))) {
 *     enrolments.revoke(kiosk, reason, "alice");
 *     mosquitto.publishCrl();   // Mosquitto refuses the kiosk from its next connection
 * }
 * }</pre>
 */
public final class SiteMosquitto implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteMosquitto.class);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final Path dir;
    private final SiteCa ca;
    private final Optional<Path> pidFile;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigie-mosquitto-crl");
        t.setDaemon(true);
        return t;
    });

    private SiteMosquitto(Path dir, SiteCa ca, Optional<Path> pidFile) {
        this.dir = dir;
        this.ca = ca;
        this.pidFile = pidFile;
    }

    /**
     * Writes Mosquitto's security configuration into {@code dir}, asks a running Mosquitto to reload
     * it, and starts watching the CRL.
     *
     * @param tls Mosquitto's device listener (fixed port)
     * @param hubPort the port of Mosquitto's loopback listener for the hub
     * @param pidFile Mosquitto's pid file, if it writes one
     */
    public static SiteMosquitto start(Path dir, BrokerTls tls, int hubPort, HubMqttCredentials hub,
            Optional<Path> pidFile) throws IOException {
        Path conf = MosquittoSecurityConfig.write(dir, tls, hubPort, hub);
        SiteMosquitto mosquitto = new SiteMosquitto(dir, tls.siteCa(), pidFile);
        LOG.info("Mosquitto security configuration written to {} (include it in mosquitto.conf)", conf);
        mosquitto.reload();
        mosquitto.timer.scheduleWithFixedDelay(() -> {
            try {
                mosquitto.publishCrl();
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot bring Mosquitto's CRL up to date: {}", e.toString());
            }
        }, CHECK_EVERY.toSeconds(), CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
        return mosquitto;
    }

    /** The folder of the configuration; the fragment to include is {@link MosquittoSecurityConfig#CONF}. */
    public Path dir() {
        return dir;
    }

    /**
     * Writes the site CA's current CRL for Mosquitto when it differs from the one there, and tells
     * Mosquitto to read it.
     *
     * @return whether a new CRL was written
     */
    public synchronized boolean publishCrl() throws IOException {
        Path file = dir.resolve(MosquittoSecurityConfig.CRL);
        String current = ca.currentCrlPem();
        if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).equals(current)) {
            return false;
        }
        MosquittoSecurityConfig.refreshCrl(dir, ca);
        reload();
        return true;
    }

    /** SIGHUP to the Mosquitto of the pid file: it reads its password file, ACLs and CRL again. */
    private void reload() {
        if (pidFile.isEmpty()) {
            LOG.warn("Mosquitto's files in {} changed; reload Mosquitto (SIGHUP), or set hub.mqtt.mosquitto-pid-file"
                    + " so that the hub does", dir);
            return;
        }
        Optional<ProcessHandle> mosquitto = running(pidFile.get());
        if (mosquitto.isEmpty()) {
            LOG.info("no Mosquitto running per {}; it reads {} when it starts", pidFile.get(), dir);
            return;
        }
        try {
            Process kill = new ProcessBuilder(List.of("kill", "-HUP", Long.toString(mosquitto.get().pid())))
                    .redirectErrorStream(true).start();
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                LOG.warn("could not signal Mosquitto (pid {}) to reload: {}", mosquitto.get().pid(), out);
                return;
            }
            LOG.info("Mosquitto (pid {}) told to reload its security configuration", mosquitto.get().pid());
        } catch (IOException e) {
            LOG.warn("could not signal Mosquitto (pid {}) to reload: {}", mosquitto.get().pid(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The live Mosquitto process named by {@code pidFile}; empty when the file is absent or stale. */
    static Optional<ProcessHandle> running(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().command()
                    .map(c -> Path.of(c).getFileName().toString().equals("mosquitto")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
