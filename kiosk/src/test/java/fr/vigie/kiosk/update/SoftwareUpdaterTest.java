package fr.vigie.kiosk.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.protocol.device.RepositoryKeyAnswer;
import fr.vigie.protocol.device.SoftwareApi;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's side of an update, with the hub's device API served from a directory and the clock controlled. */
class SoftwareUpdaterTest {
    private static final String KEY = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nhub\n-----END PGP PUBLIC KEY BLOCK-----\n";
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T01:00:00Z"));
    final List<EventPayload> reported = new ArrayList<>();
    final AtomicBoolean session = new AtomicBoolean();
    final AtomicBoolean hubDown = new AtomicBoolean();
    ScheduledThreadPoolExecutor scheduler;
    Path served;
    String hubKey = KEY;

    @BeforeEach
    void repository() throws Exception {
        scheduler = new ScheduledThreadPoolExecutor(1);
        served = dir.resolve("hub");
        for (String f : List.of("InRelease", "Release", "Release.gpg")) {
            write("dists/vigie/" + f, f);
        }
        write("dists/vigie/main/binary-all/Packages", "Package: vigie-kiosk\nVersion: 0.2.0\nFilename: "
                + "pool/main/vigie-kiosk/vigie-kiosk_0.2.0_all.deb\n\nPackage: vigie-kiosk\nVersion: 0.3.0\nFilename: "
                + "pool/main/vigie-kiosk/vigie-kiosk_0.3.0_all.deb\n");
        write("dists/vigie/main/binary-all/Packages.gz", "gz");
        write("pool/main/vigie-kiosk/vigie-kiosk_0.2.0_all.deb", "old");
        write("pool/main/vigie-kiosk/vigie-kiosk_0.3.0_all.deb", "new");
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void outsideAClinicianSessionAndInTheWindowTheVersionAndTheInstalledOneAreMirroredAndHandedOver() throws Exception {
        SoftwareUpdater updater = updater("00:30-04:00");
        updater.attempt(request());

        Path mirror = dir.resolve("updates/mirror");
        assertEquals("new", Files.readString(mirror.resolve("pool/main/vigie-kiosk/vigie-kiosk_0.3.0_all.deb")));
        assertEquals("old", Files.readString(mirror.resolve("pool/main/vigie-kiosk/vigie-kiosk_0.2.0_all.deb")),
                "the installed version is kept for a rollback");
        assertEquals("InRelease", Files.readString(mirror.resolve("dists/vigie/InRelease")));
        assertEquals(KEY, Files.readString(dir.resolve("updates/repository.asc")));
        assertEquals("rolloutId=4\npackage=vigie-kiosk\nversion=0.3.0\nallowDowngrade=false\n",
                Files.readString(dir.resolve("updates/request")));
        EventPayload.SoftwareUpdate updating = (EventPayload.SoftwareUpdate) reported.get(0);
        assertEquals("UPDATING", updating.state());
        assertEquals("0.2.0", updating.fromVersion());
    }

    @Test
    void itWaitsWhileAClinicianIsSignedInOutsideTheWindowAndWhileTheHubIsUnreachable() throws Exception {
        SoftwareUpdater updater = updater("02:00-05:00");
        updater.attempt(request());
        assertWaiting("outside the window");

        clock.set(Instant.parse("2026-06-01T02:30:00Z"));
        session.set(true);
        updater.attempt(request());
        assertWaiting("a clinician session is open");

        session.set(false);
        hubDown.set(true);
        updater.attempt(request());
        assertWaiting("the hub cannot be reached");

        hubDown.set(false);
        updater.attempt(request());
        assertTrue(Files.exists(dir.resolve("updates/request")));
    }

    @Test
    void aDifferentRepositoryKeyOrAVersionTheHubDoesNotListIsRefused() throws Exception {
        SoftwareUpdater updater = updater("");
        new UpdateFiles(dir.resolve("updates")).pinKey(KEY);
        hubKey = KEY.replace("hub", "impostor");
        updater.attempt(request());
        assertEquals("REPOSITORY_KEY_CHANGED", ((EventPayload.SoftwareUpdate) reported.get(0)).code());

        hubKey = KEY;
        updater.attempt(new SoftwareUpdater.Request(4, "vigie-kiosk", "9.0.0", false));
        assertEquals("PACKAGE_NOT_FOUND", ((EventPayload.SoftwareUpdate) reported.get(1)).code());
        assertFalse(Files.exists(dir.resolve("updates/request")));
    }

    @Test
    void aCommandForAnotherPackageOrWithoutAVersionIsRefusedAtOnce() {
        SoftwareUpdater updater = updater("");
        assertThrows(IllegalArgumentException.class, () -> updater.accept(Map.of("rolloutId", "1", "package",
                "openssh-server", "version", "1.0")));
        assertThrows(IllegalArgumentException.class, () -> updater.accept(Map.of("rolloutId", "1", "package",
                "vigie-kiosk", "version", "../../x")));
        assertThrows(IllegalArgumentException.class, () -> updater.accept(Map.of("package", "vigie-kiosk",
                "version", "1.0")));
    }

    @Test
    void theRootUnitsOutcomeIsReportedOnceAfterTheRestart() throws Exception {
        SoftwareUpdater updater = updater("");
        Files.createDirectories(dir.resolve("updates"));
        Files.writeString(dir.resolve("updates/result"), "rolloutId=4\nstate=UPDATED\ncode=OK\nfromVersion=0.2.0\n"
                + "toVersion=0.3.0\nrunningVersion=0.3.0\nmessage=installed, restarted and healthy\n");
        assertTrue(updater.reportOutcome());
        assertFalse(updater.reportOutcome());
        assertEquals(List.of(new EventPayload.SoftwareUpdate(4, "vigie-kiosk", "0.2.0", "0.3.0", "UPDATED", "OK",
                "installed, restarted and healthy")), reported);
    }

    private void assertWaiting(String why) {
        assertFalse(Files.exists(dir.resolve("updates/request")), why);
        assertTrue(reported.isEmpty(), why);
        assertEquals(1, scheduler.getQueue().size(), why + ": tried again later");
        scheduler.getQueue().clear();
    }

    private static SoftwareUpdater.Request request() {
        return new SoftwareUpdater.Request(4, "vigie-kiosk", "0.3.0", false);
    }

    private SoftwareUpdater updater(String window) {
        return new SoftwareUpdater(KioskAddress.of("site-a", "k-1"), new UpdateFiles(dir.resolve("updates")),
                () -> Optional.of(new DirectoryHub()), "0.2.0", () -> MaintenanceWindow.parse(window), session::get,
                reported::add, clock, scheduler, Duration.ofHours(1));
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(served.resolve(path).getParent());
        Files.writeString(served.resolve(path), text);
    }

    /** The device API's software routes, served from {@link #served}. */
    private final class DirectoryHub implements HubApi {
        @Override
        @SuppressWarnings("unchecked")
        public <Q, A> A call(DeviceRoute<Q, A> route, Q request, String... parameters) throws HubApiException {
            unreachable();
            if (route == SoftwareApi.REPOSITORY_KEY) {
                return (A) new RepositoryKeyAnswer("0123456789ABCDEF0123456789ABCDEF01234567", hubKey);
            }
            throw new UnsupportedOperationException(route.toString());
        }

        @Override
        public long download(String path, Path target) throws HubApiException {
            unreachable();
            Path file = served.resolve(path.substring(SoftwareApi.REPOSITORY.length() + 1));
            if (!Files.exists(file)) {
                throw new HubApiException(404, DeviceApiError.NOT_FOUND, path, null);
            }
            try {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                return Files.size(file);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        private void unreachable() throws HubApiException {
            if (hubDown.get()) {
                throw new HubApiException(0, DeviceApiError.HUB_UNREACHABLE, "connection refused", null);
            }
        }

        @Override
        public URI base() {
            return URI.create("https://hub.test:8443");
        }
    }
}
