package fr.vigie.hardware.barcode.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code zbarimg --quiet --raw --nodbus} once over many files and counts the expected texts it
 * printed ({@code --nodbus}: zbar would otherwise try to reach D-Bus for every picture, which costs it
 * time that has nothing to do with decoding).
 * With {@code --raw} zbar prints each symbol's data on its own line without the file name; the
 * bench payloads are single-line and unique, so a printed line equal to an expected text is a read.
 */
final class ZbarRun {
    private ZbarRun() {
    }

    static ScanBench.Figures run(String zbar, List<Path> files, List<String> expected)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(zbar, "--quiet", "--raw", "--nodbus"));
        files.forEach(f -> command.add(f.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        long elapsed = System.nanoTime() - t0;
        Set<String> lines = new HashSet<>(List.of(new String(out, StandardCharsets.ISO_8859_1).split("\n")));
        int read = (int) expected.stream().filter(lines::contains).count();
        return new ScanBench.Figures("zbarimg " + String.join(" ", command.subList(1, 4)) + " (QR)", read, files.size(),
                elapsed / 1e6 / files.size(), Double.NaN);
    }
}
