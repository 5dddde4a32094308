package fr.vigie.hub.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalePostmasterTest {
    @TempDir
    Path data;

    @Test
    void pidIsTheFirstLineOfThePidFile() {
        assertEquals(OptionalLong.of(4242), StalePostmaster.pidOf(List.of("4242", "/data", "1700000000", "5432")));
        assertEquals(OptionalLong.empty(), StalePostmaster.pidOf(List.of("garbage")));
        assertEquals(OptionalLong.empty(), StalePostmaster.pidOf(List.of()));
    }

    @Test
    void recognisesThePostgresServerAndItsDataDirectory() {
        assertTrue(StalePostmaster.isPostgresCommand("/tmp/embedded-pg/PG-abc/bin/postgres"));
        assertFalse(StalePostmaster.isPostgresCommand("/usr/bin/java"));
        assertTrue(StalePostmaster.servesDirectory(List.of("-D", data.toString(), "-p", "5432"), data));
        assertTrue(StalePostmaster.servesDirectory(List.of("-D" + data), data));
        assertFalse(StalePostmaster.servesDirectory(List.of("-D", "/var/lib/postgresql/14/main"), data));
    }

    @Test
    void pidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        Files.writeString(pidFile, "999999999\n" + data + "\n");

        StalePostmaster.clear(data, Duration.ofSeconds(1));

        assertFalse(Files.exists(pidFile));
    }

    @Test
    void pidFileWhoseNumberNowBelongsToAnotherProgramIsRemovedAndThatProgramLeftAlone() throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        long self = ProcessHandle.current().pid(); // a live process that is not PostgreSQL
        Files.writeString(pidFile, self + "\n" + data + "\n");

        StalePostmaster.clear(data, Duration.ofSeconds(1));

        assertFalse(Files.exists(pidFile));
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void noPidFileIsNothingToDo() throws Exception {
        StalePostmaster.clear(data, Duration.ofSeconds(1));
        assertFalse(Files.exists(data.resolve("postmaster.pid")));
    }
}
