package fr.vigie.protocol.service;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog against Debian's real {@code systemd-notify} and a notification socket bound by the test,
 * as systemd would see it: READY once, WATCHDOG pings only while the health probe is healthy.
 */
class ServiceWatchdogIT {
    /** 200 ms watchdog: a ping every 100 ms. */
    private static final String WATCHDOG_USEC = "200000";

    @Test
    void pingsStopWhileUnhealthyAndResumeWhenHealthyAgain(@TempDir Path dir) throws Exception {
        try (FakeNotifySocket socket = FakeNotifySocket.bind(dir)) {
            Map<String, String> env = Map.of("NOTIFY_SOCKET", socket.path().toString(), "WATCHDOG_USEC", WATCHDOG_USEC,
                    "WATCHDOG_PID", Long.toString(ProcessHandle.current().pid()));
            AtomicReference<Optional<String>> health = new AtomicReference<>(Optional.empty());
            // given a healthy application that says it is ready
            try (ServiceWatchdog watchdog = ServiceWatchdog.ready(health::get, env,
                    ServiceNotifier.from(env, ServiceNotifier.COMMANDS))) {
                String ready = socket.next(Duration.ofSeconds(5));
                assertNotNull(ready, "no READY notification");
                assertTrue(ready.contains("READY=1"), ready);
                assertTrue(ready.contains("MAINPID=" + ProcessHandle.current().pid()), ready);
                assertNotNull(socket.nextWith("WATCHDOG=1", Duration.ofSeconds(5)));
                assertNotNull(socket.nextWith("WATCHDOG=1", Duration.ofSeconds(5)));

                // when its health check fails
                health.set(Optional.of("database down"));
                String status = socket.nextWith("STATUS=unhealthy", Duration.ofSeconds(5));

                // then it says why, and the pings stop for as long as it stays unhealthy (10 ping periods here)
                assertNotNull(status, "no unhealthy status");
                assertTrue(status.endsWith(";STATUS=unhealthy: database down"), status);
                assertNull(socket.nextWith("WATCHDOG=1", Duration.ofSeconds(1)), "watchdog fed while unhealthy");

                // when it is healthy again, the pings resume and the status says so
                health.set(Optional.empty());
                String back = socket.nextWith("WATCHDOG=1", Duration.ofSeconds(5));
                assertNotNull(back, "no ping after recovery");
                assertTrue(back.contains("STATUS=serving"), back);
                assertNotNull(socket.nextWith("WATCHDOG=1", Duration.ofSeconds(5)));
            }
            assertNotNull(socket.nextWith("STOPPING=1", Duration.ofSeconds(5)), "no STOPPING on close");
        }
    }

    @Test
    void probeThatThrowsCountsAsUnhealthy(@TempDir Path dir) throws Exception {
        try (FakeNotifySocket socket = FakeNotifySocket.bind(dir)) {
            Map<String, String> env = Map.of("NOTIFY_SOCKET", socket.path().toString(), "WATCHDOG_USEC", WATCHDOG_USEC);
            HealthProbe broken = () -> {
                throw new IllegalStateException("pool closed");
            };
            try (ServiceWatchdog watchdog = ServiceWatchdog.ready(broken, env,
                    ServiceNotifier.from(env, ServiceNotifier.COMMANDS))) {
                assertNotNull(socket.nextWith("READY=1", Duration.ofSeconds(5)));
                String status = socket.nextWith("STATUS=unhealthy", Duration.ofSeconds(5));
                assertTrue(status.contains("pool closed"), status);
                assertNull(socket.nextWith("WATCHDOG=1", Duration.ofSeconds(1)), "watchdog fed by a failing probe");
            }
        }
    }
}
