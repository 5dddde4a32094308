package fr.vigie.system.bench;

import fr.vigie.hub.broker.FreePort;
import fr.vigie.system.VigieHome;
import fr.vigie.system.packaging.PackageCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./vigie bench start [--runs N]}: builds the two Debian packages, prints their sizes, unpacks them and
 * starts the hub and the kiosk N times each (default 5) with the packages' own commands ({@code /usr/bin/vigie-hub},
 * {@code /usr/bin/vigie-kiosk}: same jars, same JVM options, only the install prefix moved to the unpacked tree).
 * Prints each cold start (a new JVM on existing data: the hub's first start, which creates its database and CA,
 * is printed apart) to the hub's READY line and to the kiosk's first screen (its page answering 200), their
 * medians, and each service's resident memory (VmRSS) two seconds after it is up. Works in a new
 * {@code target/bench-start-*} directory.
 */
final class StartBench {
    private StartBench() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        int runs = 5;
        if (args.length == 2 && args[0].equals("--runs") && Integer.parseInt(args[1]) > 0) {
            runs = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            throw new IllegalArgumentException("bench start takes only --runs N (N at least 1)");
        }
        Path root = VigieHome.locate().root();
        Path dir = Files.createTempDirectory(Files.createDirectories(root.resolve("target")), "bench-start-");
        if (PackageCommand.run(List.of("--version", "0.0~bench", "--out", dir.toString()), root, Clock.systemUTC(), out,
                System.err) != 0) {
            throw new IllegalStateException("the packages could not be built");
        }
        Path hubCommand = unpack(dir, "vigie-hub");
        Path kioskCommand = unpack(dir, "vigie-kiosk");

        Path hubData = dir.resolve("hub-data");
        Path hubConfig = Files.writeString(dir.resolve("hub.properties"), "hub.data-dir=" + hubData + "\nhub.http.port=0\n"
                + "hub.mqtt.port=" + FreePort.onLoopback() + "\n");
        Started first = start(hubCommand, hubConfig, "VIGIE-HUB READY", null);
        first.stop();
        out.printf(Locale.ROOT, "hub first start (creates database, site CA, keys): %.2f s%n", first.seconds());
        report(out, "hub cold start to READY", hubCommand, hubConfig, "VIGIE-HUB READY", runs);

        Path kioskConfig = Files.writeString(dir.resolve("kiosk.properties"), "kiosk.site=bench\nkiosk.id=desk-1\n"
                + "kiosk.data-dir=" + dir.resolve("kiosk-data") + "\nkiosk.device-secret-file=" + dir.resolve("kiosk.secret")
                + "\nkiosk.ui.port=0\nkiosk.gpio=mock\nkiosk.mqtt.url=tcp://127.0.0.1:" + FreePort.onLoopback() + "\n");
        report(out, "kiosk cold start to first screen", kioskCommand, kioskConfig, "VIGIE-KIOSK UI ", runs);
    }

    private static void report(PrintStream out, String what, Path command, Path config, String line, int runs)
            throws Exception {
        double[] seconds = new double[runs];
        long[] rss = new long[runs];
        for (int i = 0; i < runs; i++) {
            Started s = start(command, config, line, line.startsWith("VIGIE-KIOSK") ? "page" : null);
            seconds[i] = s.seconds();
            Thread.sleep(2000);
            rss[i] = s.rssKib();
            s.stop();
        }
        Percentiles p = Percentiles.of(seconds);
        out.printf(Locale.ROOT, "%s: median %.2f s (runs: %s)%n", what, p.at(50), java.util.Arrays.toString(seconds));
        long[] sorted = rss.clone();
        java.util.Arrays.sort(sorted);
        out.printf(Locale.ROOT, "  resident memory 2 s after: median %d MB (runs: %s KiB)%n", sorted[runs / 2] / 1024,
                java.util.Arrays.toString(rss));
    }

    /** Unpacks a package and returns its command, rewritten to the unpacked tree. */
    private static Path unpack(Path dir, String name) throws IOException, InterruptedException {
        Path tree = dir.resolve("tree-" + name);
        Process p = new ProcessBuilder("dpkg-deb", "-x", dir.resolve(name + "_0.0~bench_all.deb").toString(), tree.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("dpkg-deb -x " + name + " failed");
        }
        Path command = dir.resolve(name);
        Files.writeString(command, Files.readString(tree.resolve("usr/bin/" + name))
                .replace("/usr/share/vigie/", tree.resolve("usr/share/vigie") + "/"));
        command.toFile().setExecutable(true);
        return command;
    }

    private static Started start(Path command, Path config, String line, String page) throws Exception {
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder("sh", command.toString(), "--config", config.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String l; (l = lines.readLine()) != null; ) {
            if (l.startsWith(line)) {
                if (page != null) {
                    String url = l.substring(l.lastIndexOf(' ') + 1);
                    int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) {
                        throw new IllegalStateException("first screen answered " + status);
                    }
                }
                Started s = new Started(process, (System.nanoTime() - t0) / 1e9);
                Thread drain = new Thread(() -> {
                    try {
                        lines.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return s;
            }
        }
        throw new IllegalStateException(command + " exited " + process.waitFor() + " before '" + line + "'");
    }

    private record Started(Process process, double seconds) {
        long rssKib() throws IOException {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
