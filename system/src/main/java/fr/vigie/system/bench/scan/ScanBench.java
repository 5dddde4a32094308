package fr.vigie.system.bench.scan;

import fr.vigie.hardware.barcode.BarcodeDecoder;
import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.ScannedCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

/**
 * {@code ./vigie bench scan [--count N] [--seed S] [--strength X] [--dir DIR] [--zbar PATH]}:
 * writes N QR and N DataMatrix camera-like pictures ({@link BenchSet}: symbols drawn by qrencode,
 * dmtxwrite and Zint, ZXing for a minority; perspective, rotation, defocus and motion blur, noise,
 * uneven light and glare, downscaling, JPEG, tight quiet zones), reads them with Vigie's decoder
 * ({@link BarcodeDecoder#thorough()} and {@link BarcodeDecoder#fast()}) and with {@code zbarimg}, and
 * prints read rates, wrong reads and milliseconds per frame side by side, then per distortion and
 * per encoder.
 *
 * <p>Timing, so both sides count the same work on the same files: Vigie reads each file (ImageIO)
 * and decodes it, one thread, after a JIT warm-up (one untimed pass over the same files); zbar's figure is the
 * time of one {@code zbarimg} process over all the files, less its start-up measured apart, divided
 * by the number of files (the wall figure with start-up is printed too). Wall time and CPU time are
 * both given, the CPU time of the whole process on both sides (Vigie's includes its garbage
 * collector and JIT): on a machine shared with other work the wall time swings with the load, the
 * CPU time much less. zbar reads no DataMatrix: it runs for QR codes only, over all the files, and
 * its DataMatrix column is empty.
 */
public final class ScanBench {
    /** Default seed: the same pictures on every machine. */
    public static final long SEED = 20250101L;

    /**
     * What one reader did with each picture.
     *
     * @param name the reader
     * @param read for each picture (in {@link Results#pictures()} order), whether its text was read
     * @param wrong for each picture, whether a text other than the one encoded came out
     * @param msPerFrame wall milliseconds per picture, file reading included (start-up excluded for zbar)
     * @param cpuMsPerFrame CPU milliseconds per picture, the same way
     * @param note how the time was taken
     */
    public record Side(String name, boolean[] read, boolean[] wrong, double msPerFrame, double cpuMsPerFrame, String note) {
        int count(List<BenchSet.Picture> pictures, Predicate<BenchSet.Picture> which, boolean[] flags) {
            int n = 0;
            for (int i = 0; i < pictures.size(); i++) {
                if (flags[i] && which.test(pictures.get(i))) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * All figures of one run.
     *
     * @param pictures the set
     * @param thorough Vigie, {@link BarcodeDecoder.Effort#THOROUGH}
     * @param fast Vigie, {@link BarcodeDecoder.Effort#FAST}
     * @param zbar zbarimg, empty when it could not run
     * @param zbarProblem why zbar has no figures
     * @param seed the set's seed
     * @param strength the distortions' strength
     * @param dir where the pictures are
     */
    public record Results(List<BenchSet.Picture> pictures, Side thorough, Side fast, Optional<Side> zbar,
            Optional<String> zbarProblem, long seed, double strength, Path dir) {

        /** Pictures of {@code format} whose text {@code side} read. */
        public int read(Side side, BarcodeFormat format) {
            return side.count(pictures, p -> p.format() == format, side.read());
        }

        /** Pictures where {@code side} returned a text that was not encoded there. */
        public int wrong(Side side) {
            return side.count(pictures, p -> true, side.wrong());
        }

        /** Pictures of {@code format}. */
        public int total(BarcodeFormat format) {
            return (int) pictures.stream().filter(p -> p.format() == format).count();
        }
    }

    private ScanBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = 100;
        long seed = SEED;
        double strength = 1.0;
        Path dir = null;
        String zbar = "zbarimg";
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                switch (a) {
                    case "--count" -> count = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--strength" -> strength = Double.parseDouble(args[++i]);
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--zbar" -> zbar = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (count < 1 || strength <= 0 || strength > 3) {
                throw new IllegalArgumentException("--count must be at least 1 and --strength in (0, 3]");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ./vigie bench scan [--count N] [--seed S] [--strength X] [--dir DIR] [--zbar PATH]");
            System.exit(2);
        }
        if (dir == null) {
            dir = Files.createTempDirectory("vigie-scan-bench");
        }
        try {
            print(run(count, seed, strength, dir, zbar), System.out);
        } catch (IllegalStateException e) {
            System.err.println("vigie bench scan: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Generates the pictures into {@code dir}, reads them with Vigie and with zbar, and returns the figures. */
    public static Results run(int count, long seed, double strength, Path dir, String zbar)
            throws IOException, InterruptedException {
        List<BenchSet.Picture> pictures = BenchSet.generate(count, seed, strength, dir);
        warmUp(pictures);
        Side thorough = vigie("Vigie thorough", BarcodeDecoder.thorough(), pictures);
        Side fast = vigie("Vigie fast (camera loop)", BarcodeDecoder.fast(), pictures);
        try {
            return new Results(pictures, thorough, fast, Optional.of(zbar(zbar, pictures, dir)), Optional.empty(), seed,
                    strength, dir);
        } catch (IOException e) {
            return new Results(pictures, thorough, fast, Optional.empty(), Optional.of("zbarimg did not run: "
                    + e.getMessage()), seed, strength, dir);
        }
    }

    /**
     * One untimed pass of both decoders over the set first: the JIT compiles the decoding paths then,
     * not during the measured pass (a kiosk decodes for days; compiling once is not a per-frame cost).
     * The decoders keep no state, so what the measured pass reads does not depend on it.
     */
    private static void warmUp(List<BenchSet.Picture> pictures) throws IOException {
        for (BenchSet.Picture p : pictures) {
            BufferedImage image = ImageIO.read(p.file().toFile());
            BarcodeDecoder.thorough().decode(image);
            BarcodeDecoder.fast().decode(image);
        }
    }

    private static Side vigie(String name, BarcodeDecoder decoder, List<BenchSet.Picture> pictures) throws IOException {
        boolean[] read = new boolean[pictures.size()];
        boolean[] wrong = new boolean[pictures.size()];
        // The whole process's CPU time, as for zbar: the garbage collector's and the JIT's threads count too.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long total = 0;
        long cpu = 0;
        for (int i = 0; i < pictures.size(); i++) {
            BenchSet.Picture p = pictures.get(i);
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            BufferedImage image = ImageIO.read(p.file().toFile());
            List<ScannedCode> codes = decoder.decode(image);
            total += System.nanoTime() - t0;
            cpu += os.getProcessCpuTime() - c0;
            read[i] = codes.stream().anyMatch(c -> c.format() == p.format() && c.text().equals(p.expected()));
            wrong[i] = codes.stream().anyMatch(c -> !c.text().equals(p.expected()));
        }
        return new Side(name, read, wrong, total / 1e6 / pictures.size(), cpu / 1e6 / pictures.size(),
                "file + decode, one decoding thread; CPU of the whole JVM");
    }

    private static Side zbar(String zbar, List<BenchSet.Picture> pictures, Path dir) throws IOException, InterruptedException {
        List<Path> files = pictures.stream().map(BenchSet.Picture::file).toList();
        ZbarRun.Reads reads = ZbarRun.run(zbar, files, dir);
        boolean[] read = new boolean[pictures.size()];
        boolean[] wrong = new boolean[pictures.size()];
        for (int i = 0; i < pictures.size(); i++) {
            BenchSet.Picture p = pictures.get(i);
            List<String> texts = reads.texts().getOrDefault(p.file(), List.of());
            read[i] = p.format() == BarcodeFormat.QR_CODE && texts.contains(p.expected());
            wrong[i] = texts.stream().anyMatch(t -> !t.equals(p.expected()));
        }
        double withStart = reads.wallMillis() / files.size();
        double perFrame = (reads.wallMillis() - reads.startMillis()) / files.size();
        double cpuPerFrame = (reads.cpuMillis() - reads.startCpuMillis()) / files.size();
        return new Side(reads.version().isEmpty() ? "zbarimg" : "zbarimg " + reads.version(), read, wrong, perFrame,
                cpuPerFrame, String.format(Locale.ROOT, "one process over all files, start-up %.0f ms (CPU %.0f ms)"
                        + " subtracted (wall %.2f with it)", reads.startMillis(), reads.startCpuMillis(), withStart));
    }

    /** Prints the figures: the summary, then per distortion and per encoder. */
    public static void print(Results r, PrintStream out) {
        int qr = r.total(BarcodeFormat.QR_CODE);
        int dm = r.total(BarcodeFormat.DATA_MATRIX);
        out.printf(Locale.ROOT, "Vigie scan bench: %d QR + %d DataMatrix pictures (qrencode, dmtxwrite, Zint; ZXing for"
                + " about 15%%), seed %d, strength %.2f%n", qr, dm, r.seed(), r.strength());
        out.println("pictures and manifest.tsv in " + r.dir());
        out.printf(Locale.ROOT, "%-28s %15s %17s %6s %9s %9s  %s%n", "", "QR read", "DataMatrix read", "wrong",
                "wall ms", "CPU ms", "per frame");
        List<Side> sides = new ArrayList<>(List.of(r.thorough(), r.fast()));
        r.zbar().ifPresent(sides::add);
        for (Side s : sides) {
            boolean isZbar = r.zbar().map(z -> z == s).orElse(false);
            String dataMatrix = isZbar ? "(reads none)" : rate(r.read(s, BarcodeFormat.DATA_MATRIX), dm);
            out.printf(Locale.ROOT, "%-28s %15s %17s %6d %9.2f %9.2f  %s%n", s.name(),
                    rate(r.read(s, BarcodeFormat.QR_CODE), qr), dataMatrix, r.wrong(s), s.msPerFrame(), s.cpuMsPerFrame(),
                    s.note());
        }
        r.zbarProblem().ifPresent(p -> out.println("zbarimg: " + p));
        out.println();
        breakdown(r, out, "distortion", java.util.Arrays.stream(Distortion.values()).map(d -> new Group(d.label(),
                p -> p.distortion() == d)).toList());
        out.println();
        breakdown(r, out, "encoder", java.util.Arrays.stream(BenchEncoder.values()).map(e -> new Group(e.name()
                .toLowerCase(Locale.ROOT), p -> p.encoder() == e)).toList());
        r.zbar().ifPresent(z -> {
            out.println();
            for (Side s : List.of(r.thorough(), r.fast())) {
                int vigie = r.read(s, BarcodeFormat.QR_CODE);
                int zb = r.read(z, BarcodeFormat.QR_CODE);
                out.printf(Locale.ROOT, "QR verdict, %s: reads %d, zbar %d (%s); CPU %.2f ms per frame against zbar's %.2f"
                        + " (%.2f×), wall %.2f against %.2f%n", s.name(), vigie, zb, vigie >= zb ? "at least zbar's read rate"
                        : "FEWER than zbar", s.cpuMsPerFrame(), z.cpuMsPerFrame(), s.cpuMsPerFrame() / z.cpuMsPerFrame(),
                        s.msPerFrame(), z.msPerFrame());
            }
        });
    }

    private record Group(String label, Predicate<BenchSet.Picture> which) {
    }

    private static void breakdown(Results r, PrintStream out, String title, List<Group> groups) {
        out.printf(Locale.ROOT, "%-20s %12s %12s %12s %14s %14s%n", "by " + title, "QR thorough", "QR fast", "QR zbar",
                "DM thorough", "DM fast");
        for (Group g : groups) {
            Predicate<BenchSet.Picture> isQr = p -> p.format() == BarcodeFormat.QR_CODE && g.which().test(p);
            Predicate<BenchSet.Picture> isDm = p -> p.format() == BarcodeFormat.DATA_MATRIX && g.which().test(p);
            int nq = (int) r.pictures().stream().filter(isQr).count();
            int nd = (int) r.pictures().stream().filter(isDm).count();
            if (nq + nd == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "%-20s %12s %12s %12s %14s %14s%n", g.label(), cell(r, r.thorough(), isQr, nq),
                    cell(r, r.fast(), isQr, nq), r.zbar().map(z -> cell(r, z, isQr, nq)).orElse("-"),
                    cell(r, r.thorough(), isDm, nd), cell(r, r.fast(), isDm, nd));
        }
    }

    private static String cell(Results r, Side s, Predicate<BenchSet.Picture> which, int n) {
        return n == 0 ? "-" : s.count(r.pictures(), which, s.read()) + "/" + n;
    }

    private static String rate(int read, int total) {
        return String.format(Locale.ROOT, "%d/%d %3.0f%%", read, total, total == 0 ? 0 : 100.0 * read / total);
    }
}
