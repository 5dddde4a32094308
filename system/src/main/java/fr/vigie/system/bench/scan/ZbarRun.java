package fr.vigie.system.bench.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Runs {@code zbarimg} once over every bench picture, QR codes only ({@code -Sdisable
 * -Sqrcode.enable}: zbar reads no DataMatrix, and looking for the 1D symbologies too would only make
 * it slower), with {@code --xml} so that each text read is tied to its file, and {@code --nodbus}
 * (zbar would otherwise try D-Bus for every picture). Its start-up (process, libraries) is measured
 * apart, as the best of three runs on one blank 8×8 PNG, so it can be subtracted from the total.
 * Besides wall time, the CPU time zbar used (user + system, as bash's {@code times} reports for its
 * child) is read, which a busy machine inflates far less.
 */
final class ZbarRun {
    static final List<String> OPTIONS = List.of("--xml", "--quiet", "--nodbus", "-Sdisable", "-Sqrcode.enable");
    private static final Pattern SOURCE = Pattern.compile("<source href='([^']*)'>(.*?)</source>", Pattern.DOTALL);
    private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");
    private static final Pattern DATA = Pattern.compile("<data( format='base64')?><!\\[CDATA\\[(.*?)\\]\\]></data>",
            Pattern.DOTALL);

    /**
     * What zbar read.
     *
     * @param texts the texts read in each file (files where nothing was read are absent)
     * @param wallMillis wall time of the one process over all files
     * @param startMillis wall time of a run over one blank picture: start-up and exit
     * @param cpuMillis CPU time of the one process over all files
     * @param startCpuMillis CPU time of a run over one blank picture
     * @param version {@code zbarimg --version}
     */
    record Reads(Map<Path, List<String>> texts, double wallMillis, double startMillis, double cpuMillis,
            double startCpuMillis, String version) {
    }

    private ZbarRun() {
    }

    static Reads run(String zbar, List<Path> files, Path scratch) throws IOException, InterruptedException {
        String version = new String(start(List.of(zbar, "--version")).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim();
        Path blank = scratch.resolve("zbar-start-up-blank.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());
        double startMillis = Double.MAX_VALUE;
        double startCpu = Double.MAX_VALUE;
        try {
            for (int i = 0; i < 3; i++) {
                double[] times = new double[2];
                run(zbar, List.of(blank), times);
                startMillis = Math.min(startMillis, times[0]);
                startCpu = Math.min(startCpu, times[1]);
            }
        } finally {
            Files.deleteIfExists(blank);
        }
        double[] times = new double[2];
        String xml = run(zbar, files, times);
        Map<Path, List<String>> texts = new HashMap<>();
        Matcher source = SOURCE.matcher(xml);
        while (source.find()) {
            List<String> read = new ArrayList<>();
            Matcher data = DATA.matcher(source.group(2));
            while (data.find()) {
                read.add(data.group(1) != null
                        ? new String(java.util.Base64.getMimeDecoder().decode(data.group(2)), StandardCharsets.ISO_8859_1)
                        : data.group(2));
            }
            if (!read.isEmpty()) {
                texts.put(Path.of(source.group(1)), read);
            }
        }
        return new Reads(texts, times[0], startMillis, times[1], startCpu, version);
    }

    /**
     * Runs zbar over {@code files} under bash, whose {@code times} then reports the CPU time of its
     * child; {@code times[0]} gets the wall time, {@code times[1]} the CPU time, both in milliseconds.
     */
    private static String run(String zbar, List<Path> files, double[] times) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "\"$@\" 2>/dev/null; times >&2", "zbar-bench", zbar));
        command.addAll(OPTIONS);
        files.forEach(f -> command.add(f.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroy();
            throw new IOException("zbarimg did not finish in 10 minutes");
        }
        times[0] = (System.nanoTime() - t0) / 1e6;
        String xml = new String(out, StandardCharsets.UTF_8);
        if (!xml.contains("<barcodes")) {
            throw new IOException(zbar + " printed no XML (is it installed? apt-get install zbar-tools)");
        }
        // bash's times: the shell's user and system time, then its children's: "0m1.101s 0m0.061s".
        Matcher child = CHILD_TIMES.matcher(err);
        double cpu = Double.NaN;
        while (child.find()) {
            cpu = 60_000 * (Double.parseDouble(child.group(1)) + Double.parseDouble(child.group(3)))
                    + 1000 * (Double.parseDouble(child.group(2)) + Double.parseDouble(child.group(4)));
        }
        times[1] = cpu;
        return xml;
    }

    private static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
