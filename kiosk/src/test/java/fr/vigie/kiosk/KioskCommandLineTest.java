package fr.vigie.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.config.KioskConfigException;
import fr.vigie.kiosk.demo.VirtualFleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KioskCommandLineTest {

    @Test
    void optionsBecomeConfigurationOverrides() throws Exception {
        KioskCommandLine cli = KioskCommandLine.parse(new String[] {"--site", "chu-nord", "--kiosk-id", "accueil",
            "--broker", "tcp://hub:1883", "--data", "/tmp/k", "--heartbeat", "3", "--virtual", "5", "--burst", "400",
            "--rate", "12.5", "--sync", "NORMAL"});

        assertEquals(Map.of("kiosk.site", "chu-nord", "kiosk.id", "accueil", "kiosk.mqtt.url", "tcp://hub:1883",
                "kiosk.data-dir", "/tmp/k", "kiosk.heartbeat-seconds", "3", "kiosk.outbox.sync", "NORMAL"), cli.overrides());
        assertEquals(5, cli.virtual());
        assertEquals(400, cli.burst());
        assertEquals(12.5, cli.rate());
    }

    @Test
    void activityEveryAcceptsFractionsOfSeconds() throws Exception {
        assertEquals(Duration.ofMillis(1500),
                KioskCommandLine.parse(new String[] {"--activity-every", "1.5"}).activityEvery());
    }

    @Test
    void badOptionValuesAreRejectedNamingOptionAndValue() {
        KioskConfigException e = assertThrows(KioskConfigException.class,
                () -> KioskCommandLine.parse(new String[] {"--burst", "many"}));
        assertEquals("--burst", e.key());
        assertEquals("many", e.value());

        assertEquals("--frobnicate", assertThrows(KioskConfigException.class,
                () -> KioskCommandLine.parse(new String[] {"--frobnicate", "1"})).value());
        assertEquals("--virtual", assertThrows(KioskConfigException.class,
                () -> KioskCommandLine.parse(new String[] {"--virtual"})).key());
        assertEquals("--activity-every", assertThrows(KioskConfigException.class,
                () -> KioskCommandLine.parse(new String[] {"--burst", "5", "--activity-every", "2"})).key());
    }

    @Test
    void theDemosAdmissionDeskIsOneVirtualKioskWithTheSandboxServer() throws Exception {
        KioskCommandLine cli = KioskCommandLine.parse(new String[] {"--virtual", "3", "--admission-desk", "kiosk-001",
                "--sandbox", "http://127.0.0.1:41234"});
        assertEquals("kiosk-001", cli.admissionDesk());
        assertEquals(java.net.URI.create("http://127.0.0.1:41234"), cli.sandbox());

        assertEquals("--admission-desk", assertThrows(KioskConfigException.class,
                () -> KioskCommandLine.parse(new String[] {"--admission-desk", "kiosk-001"})).key(),
                "a real kiosk says kiosk.admission-desk=true");
        assertEquals("../x", assertThrows(KioskConfigException.class,
                () -> KioskCommandLine.parse(new String[] {"--virtual", "1", "--admission-desk", "../x"})).value());
        assertEquals("--sandbox", assertThrows(KioskConfigException.class,
                () -> KioskCommandLine.parse(new String[] {"--sandbox", "file:/etc/passwd"})).key());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KioskMain.run(new String[] {"--site", "demo", "--broker", "tcp://127.0.0.1:1", "--virtual", "2",
                "--admission-desk", "kiosk-007"},
                new PrintStream(out), new PrintStream(err));
        assertEquals(KioskMain.EXIT_BAD_CONFIG, status);
        assertTrue(err.toString().contains("--admission-desk kiosk-007 is none of the virtual kiosks kiosk-001…kiosk-002"),
                err.toString());
    }

    @Test
    void badConfigurationExitsWithStatusTwoAndTheReasonOnStderr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = KioskMain.run(new String[] {"--site", "chu-nord", "--kiosk-id", "accueil-1", "--heartbeat", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("kiosk.heartbeat-seconds = '0'"), err.toString());
    }

    @Test
    void virtualKiosksGetNumberedIdsAndOwnDataDirectories() throws Exception {
        KioskConfig base = KioskConfig.defaults("chu-nord", "kiosk").withKiosk("kiosk", Path.of("/tmp/fleet"));

        List<KioskConfig> configs = VirtualFleet.configs(3, base);

        assertEquals(List.of("kiosk-001", "kiosk-002", "kiosk-003"), configs.stream().map(KioskConfig::kioskId).toList());
        assertEquals(Path.of("/tmp/fleet/kiosk-002"), configs.get(1).dataDir());
    }
}
