package fr.vigie.protocol.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceWatchdogTest {
    private static final String SELF = Long.toString(ProcessHandle.current().pid());

    @Test
    void watchdogPeriodIsWhatSystemdSetForThisProcess() {
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                ServiceWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", SELF)));
        assertEquals(Optional.of(Duration.ofMillis(500)), ServiceWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "500000")));
    }

    @Test
    void noWatchdogForAnotherProcessOrWithoutAPeriod() {
        assertEquals(Optional.empty(), ServiceWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1")));
        assertEquals(Optional.empty(), ServiceWatchdog.watchdogPeriod(Map.of()));
        assertEquals(Optional.empty(), ServiceWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "0")));
        assertEquals(Optional.empty(), ServiceWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "soon")));
    }

    @Test
    void outsideAServiceManagerThereIsNothingToNotify() {
        assertTrue(ServiceNotifier.from(Map.of(), ServiceNotifier.COMMANDS).isEmpty());
        assertTrue(ServiceNotifier.from(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"),
                List.of(Path.of("/nonexistent/systemd-notify"))).isEmpty(), "no command, no notifier");
    }
}
