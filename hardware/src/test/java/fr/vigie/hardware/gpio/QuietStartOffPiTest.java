package fr.vigie.hardware.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Off a Raspberry Pi, starting the kiosk's GPIO board logs no ERROR line; on a board with a device tree,
 * nothing of Pi4J's is hidden. Each start runs in a JVM of its own with the kiosk's logging (Pi4J probes the
 * board once per JVM), and its log is read back.
 */
class QuietStartOffPiTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void offAPi() {
        assumeFalse(Files.exists(GpioProvider.DEVICE_TREE_MODEL), "this machine is a device-tree board");
    }

    private record Start(int status, String out, String log) {
    }

    private static Start start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=gpio/logback-probe.xml",
                BoardStartProbe.class.getName()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out-" + String.join("-", args).hashCode());
        Path err = tmp.resolve("err-" + String.join("-", args).hashCode());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        return new Start(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void pi4jAloneComplainsAboutTheMissingBoardOnThisMachine() throws Exception {
        Start bare = start("bare");

        assertThat(bare.out).contains("BOARD READY");
        assertThat(bare.log).as("what the kiosk logged before (the noise this class removes)")
                .contains("ERROR BoardInfoHelper").contains("/proc/device-tree/model");
    }

    @Test
    void theKiosksBoardStartsOffAPiWithoutAnyErrorLine() throws Exception {
        for (String platform : List.of("detected", "mock")) {
            Start s = start(platform);

            assertThat(s.status).as(platform + ": " + s.log).isZero();
            assertThat(s.out).as(platform).contains("BOARD READY");
            assertThat(s.log.lines().filter(l -> l.startsWith("ERROR"))).as(platform + ": " + s.log).isEmpty();
            assertThat(s.log).as(platform).doesNotContain("BoardInfoHelper");
        }
        assertThat(start("detected").out).contains("BOARD READY on mock (no readable /proc/device-tree/model: not a Raspberry Pi)");
    }

    @Test
    void onABoardWithADeviceTreePi4jsOwnMessagesAreNotHidden() throws Exception {
        // a model file says "this is a Raspberry Pi": Vigie chooses gpiod and silences nothing, and Pi4J, which
        // reads the real /proc/device-tree/model (absent here), says so as it would on a Pi with a real problem;
        // this machine has no Raspberry Pi GPIO, so the board falls back to the mock and says why
        Path model = tmp.resolve("model");
        Files.writeString(model, "Raspberry Pi 4 Model B Rev 1.4\0");

        Start s = start("detected", model.toString());

        assertThat(s.out).contains("BOARD READY on mock (" + model + " names \"Raspberry Pi 4 Model B Rev 1.4\", but its"
                + " GPIO could not be opened");
        assertThat(s.log).contains("ERROR BoardInfoHelper").contains("ERROR GpioChoice - the Raspberry Pi's GPIO cannot be opened");
    }
}
