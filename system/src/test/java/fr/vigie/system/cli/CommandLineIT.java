package fr.vigie.system.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.system.VigieHome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./vigie} script as a person runs it, one process per command, on the modules this build has
 * just packaged ({@code VIGIE_NO_BUILD=1}: the script does not rebuild from inside the build): {@code --help}
 * after every command and subcommand prints its usage and exits 0 without starting anything, and a port
 * another program holds stops the hub or the kiosk with one line naming the port and its setting.
 */
class CommandLineIT {
    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private Run vigie(String... args) throws IOException, InterruptedException {
        Path root = VigieHome.locate().root();
        List<String> command = new ArrayList<>(List.of(root.resolve("vigie").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        pb.environment().put("VIGIE_NO_BUILD", "1");
        pb.environment().put("HOME", tmp.resolve("home").toString());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw new AssertionError("./vigie " + String.join(" ", args) + " still runs after 60 s");
        }
        return new Run(p.exitValue(), java.nio.file.Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
                java.nio.file.Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void helpAfterEveryCommandAndSubcommandPrintsItsUsageAndExitsZero() throws Exception {
        List<List<String>> commands = List.of(List.of("admin"), List.of("admin", "enrol"), List.of("admin", "login"), List.of("admin", "gam"),
                List.of("demo"), List.of("ins"), List.of("ins", "check"), List.of("card"), List.of("card", "list"),
                List.of("card", "watch"), List.of("bench"), List.of("bench", "scan"), List.of("bench", "ciba"),
                List.of("hub"), List.of("kiosk"), List.of("scan"), List.of("test"), List.of("build"));
        for (List<String> words : commands) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(words);
                args.add(help);

                Run r = vigie(args.toArray(String[]::new));

                String what = "./vigie " + String.join(" ", args) + "\nstdout: " + r.out + "\nstderr: " + r.err;
                assertThat(r.status).as(what).isZero();
                assertThat(r.out.toLowerCase(java.util.Locale.ROOT)).as(what).contains("usage: ");
                assertThat(r.out).as(what).doesNotContain("READY", "watching card readers", "Vigie demo is running");
            }
        }
        assertThat(vigie("card", "watch", "--help").out).startsWith("usage: ./vigie card watch");
        assertThat(vigie("bench", "ciba", "--help").out).isEqualTo("usage: ./vigie bench ciba [SIGN-INS] [WARM-UP]\n");
    }

    @Test
    void aBusyPortStopsTheHubAndTheKioskWithOneLineNamingItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());

            Run http = vigie("hub", "--data", tmp.resolve("hub").toString(), "--http-port", port, "--mqtt-port", "0",
                    "--set", "hub.device-api.port=0", "--set", "hub.mqtt.tls-port=0");
            Run mqtt = vigie("hub", "--data", tmp.resolve("hub").toString(), "--http-port", "0", "--mqtt-port", port);
            Run kiosk = vigie("kiosk", "--site", "demo", "--kiosk-id", "k1", "--data", tmp.resolve("k1").toString(),
                    "--ui-port", port);

            assertThat(http.status).isEqualTo(1);
            assertThat(http.err.strip()).isEqualTo("vigie-hub: cannot start: port " + port + " on 127.0.0.1 is already in"
                    + " use by another program: stop that program or change hub.http.port (--http-port)");
            assertThat(mqtt.status).isEqualTo(1);
            assertThat(mqtt.err.strip()).endsWith("change hub.mqtt.port (--mqtt-port)").doesNotContain("\n");
            assertThat(kiosk.status).isEqualTo(1);
            assertThat(kiosk.err.strip()).isEqualTo("vigie-kiosk: cannot start: port " + port + " on 127.0.0.1 is already"
                    + " in use by another program: stop that program or change kiosk.ui.port (--ui-port)");
        }
    }
}
