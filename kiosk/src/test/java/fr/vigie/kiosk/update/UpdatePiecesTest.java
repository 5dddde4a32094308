package fr.vigie.kiosk.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.EventPayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdatePiecesTest {
    @TempDir
    Path dir;

    @Test
    void theMaintenanceWindowMayCrossMidnightAndBlankMeansAnyTime() {
        MaintenanceWindow night = MaintenanceWindow.parse("22:30-04:00");
        assertTrue(night.allows(LocalTime.of(23, 0)));
        assertTrue(night.allows(LocalTime.of(3, 59)));
        assertFalse(night.allows(LocalTime.of(4, 0)));
        assertFalse(night.allows(LocalTime.of(12, 0)));
        MaintenanceWindow early = MaintenanceWindow.parse("02:00-05:00");
        assertTrue(early.allows(LocalTime.of(2, 0)));
        assertFalse(early.allows(LocalTime.of(1, 59)));
        assertTrue(MaintenanceWindow.parse(" ").allows(LocalTime.NOON));
        assertEquals("any time", MaintenanceWindow.parse("").toString());
        assertThrows(IllegalArgumentException.class, () -> MaintenanceWindow.parse("2h-5h"));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceWindow.parse("25:00-05:00"));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceWindow.parse("05:00-05:00"));
    }

    @Test
    void theMirrorTakesOnlyPoolPathsOfThePackageFromTheIndex() {
        String index = "Package: vigie-kiosk\nVersion: 0.2.0\nArchitecture: all\nFilename: pool/main/vigie-kiosk/vigie-kiosk_0.2.0_all.deb\n"
                + "\nPackage: vigie-kiosk\nVersion: 0.3.0\nFilename: ../../etc/shadow\n"
                + "\nPackage: vigie-hub\nVersion: 0.3.0\nFilename: pool/main/vigie-hub/vigie-hub_0.3.0_all.deb\n"
                + "\nPackage: vigie-kiosk\nVersion: 1:0.4.0\nDescription: multi\n line\nFilename: pool/main/vigie-kiosk/vigie-kiosk_1%0.4.0_all.deb\n";
        assertEquals(Map.of("0.2.0", "pool/main/vigie-kiosk/vigie-kiosk_0.2.0_all.deb", "1:0.4.0",
                "pool/main/vigie-kiosk/vigie-kiosk_1%0.4.0_all.deb"), RepositoryMirror.filenames(index, "vigie-kiosk"));
    }

    @Test
    void aRequestIsWrittenForTheRootUnitAndItsResultReadBackAsTheEventToReport() throws Exception {
        UpdateFiles files = new UpdateFiles(dir.resolve("updates"));
        files.request(7, "vigie-kiosk", "0.3.0", false);
        assertEquals("rolloutId=7\npackage=vigie-kiosk\nversion=0.3.0\nallowDowngrade=false\n",
                Files.readString(dir.resolve("updates/request")));
        assertThrows(IllegalArgumentException.class, () -> files.request(7, "vigie-kiosk", "0.3.0\nrolloutId=8", false));

        Files.writeString(dir.resolve("updates/result"), "rolloutId=7\nstate=ROLLED_BACK\ncode=HEALTH_CHECK_FAILED\n"
                + "fromVersion=0.2.0\ntoVersion=0.3.0\nrunningVersion=0.2.0\nmessage=the kiosk did not stay up; 0.2.0 reinstalled\n");
        assertEquals(new EventPayload.SoftwareUpdate(7, "vigie-kiosk", "0.2.0", "0.3.0", "ROLLED_BACK",
                "HEALTH_CHECK_FAILED", "the kiosk did not stay up; 0.2.0 reinstalled"), files.result("vigie-kiosk").orElseThrow());
        files.resultReported();
        assertTrue(files.result("vigie-kiosk").isEmpty());

        Files.writeString(dir.resolve("updates/result"), "rolloutId=7\nstate=WHATEVER\n");
        assertEquals("FAILED", files.result("vigie-kiosk").orElseThrow().state());
    }

    @Test
    void theRepositoryKeyIsPinnedOnceAndADifferentOneIsNotTaken() throws Exception {
        UpdateFiles files = new UpdateFiles(dir.resolve("updates"));
        assertTrue(files.pinKey("-----BEGIN PGP PUBLIC KEY BLOCK-----\nA\n"));
        assertTrue(files.pinKey("-----BEGIN PGP PUBLIC KEY BLOCK-----\nA\n"));
        assertFalse(files.pinKey("-----BEGIN PGP PUBLIC KEY BLOCK-----\nB\n"));
        assertEquals("-----BEGIN PGP PUBLIC KEY BLOCK-----\nA\n", Files.readString(dir.resolve("updates/repository.asc")));
    }
}
