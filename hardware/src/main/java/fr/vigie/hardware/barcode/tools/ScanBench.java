package fr.vigie.hardware.barcode.tools;

import fr.vigie.hardware.barcode.BarcodeDecoder;
import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.ScannedCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * {@code ./vigie bench scan [--count N] [--seed S] [--dir DIR] [--zbar PATH]}: generates N QR and N
 * DataMatrix pictures (640×480 grey PNG, random place and size, rotation up to ±30°, blur, noise,
 * uneven light; fixed seed), decodes them with {@link BarcodeDecoder#thorough()} and runs
 * {@code zbarimg --quiet --raw} once on all the QR files (zbar does not read DataMatrix). It prints
 * the read rate (exact text found) and milliseconds per frame of each.
 *
 * <p>Timing, stated so both sides count the same work: Vigie's figure includes reading the PNG file
 * (ImageIO) and decoding, one thread, after a JIT warm-up on pictures of another seed; its
 * decode-only figure is shown too. zbar's figure is the wall time of the one {@code zbarimg}
 * process (start-up, PNG reading and decoding included) divided by the number of files; nothing is
 * subtracted.
 */
public final class ScanBench {
    /** Default seed: the same pictures on every machine. */
    public static final long SEED = 20250101L;

    /**
     * One side's figures.
     *
     * @param name what was measured
     * @param read pictures whose expected text was read
     * @param total pictures
     * @param msPerFrame milliseconds per picture, file reading included
     * @param decodeMsPerFrame milliseconds per picture for decoding alone, NaN when not measured apart
     */
    public record Figures(String name, int read, int total, double msPerFrame, double decodeMsPerFrame) {
        public double readRate() {
            return total == 0 ? 0 : (double) read / total;
        }
    }

    /**
     * All figures of one run.
     *
     * @param qr Vigie on the QR pictures
     * @param dataMatrix Vigie on the DataMatrix pictures
     * @param zbar zbarimg on the QR pictures, empty when it could not run
     * @param zbarProblem why zbar has no figures, empty otherwise
     * @param dir where the pictures are
     */
    public record Results(Figures qr, Figures dataMatrix, Optional<Figures> zbar, Optional<String> zbarProblem, Path dir) {
    }

    private ScanBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = 100;
        long seed = SEED;
        Path dir = null;
        String zbar = "zbarimg";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage();
                return;
            }
            switch (a) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--zbar" -> zbar = args[++i];
                default -> {
                    usage();
                    return;
                }
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("vigie-scan-bench");
        }
        print(run(count, seed, dir, zbar), System.out);
    }

    private static void usage() {
        System.err.println("usage: ./vigie bench scan [--count N] [--seed S] [--dir DIR] [--zbar PATH]");
        System.exit(2);
    }

    /** Generates the pictures into {@code dir}, decodes them with Vigie and with zbar, and returns the figures. */
    public static Results run(int count, long seed, Path dir, String zbar) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> qrFiles = new ArrayList<>();
        List<String> qrTexts = new ArrayList<>();
        List<Path> dmFiles = new ArrayList<>();
        List<String> dmTexts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            qrTexts.add(BenchPayloads.qr(i, random));
            qrFiles.add(write(dir.resolve(String.format("qr-%03d.png", i)), BarcodeFormat.QR_CODE, qrTexts.get(i), random));
            dmTexts.add(BenchPayloads.insDataMatrix(random));
            dmFiles.add(write(dir.resolve(String.format("dm-%03d.png", i)), BarcodeFormat.DATA_MATRIX, dmTexts.get(i), random));
        }
        BarcodeDecoder decoder = BarcodeDecoder.thorough();
        warmUp(decoder, seed + 1);
        Figures qr = vigie("Vigie QR (ZXing)", decoder, BarcodeFormat.QR_CODE, qrFiles, qrTexts);
        Figures dm = vigie("Vigie DataMatrix (ZXing)", decoder, BarcodeFormat.DATA_MATRIX, dmFiles, dmTexts);
        try {
            return new Results(qr, dm, Optional.of(ZbarRun.run(zbar, qrFiles, qrTexts)), Optional.empty(), dir);
        } catch (IOException e) {
            return new Results(qr, dm, Optional.empty(), Optional.of("zbarimg did not run: " + e.getMessage()), dir);
        }
    }

    private static Path write(Path file, BarcodeFormat format, String text, Random random) throws IOException {
        try {
            ImageIO.write(BenchImages.render(format, text, random, null), "png", file.toFile());
            return file;
        } catch (BarcodeRejectedException e) {
            throw new IllegalStateException("bench payload does not fit its symbol: " + e.getMessage(), e);
        }
    }

    private static void warmUp(BarcodeDecoder decoder, long seed) {
        Random random = new Random(seed);
        try {
            for (int i = 0; i < 15; i++) {
                decoder.decode(BenchImages.render(BarcodeFormat.QR_CODE, BenchPayloads.qr(i, random), random, null));
                decoder.decode(BenchImages.render(BarcodeFormat.DATA_MATRIX, BenchPayloads.insDataMatrix(random), random, null));
            }
        } catch (BarcodeRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Figures vigie(String name, BarcodeDecoder decoder, BarcodeFormat format, List<Path> files,
            List<String> expected) throws IOException {
        int read = 0;
        long total = 0;
        long decoding = 0;
        for (int i = 0; i < files.size(); i++) {
            long t0 = System.nanoTime();
            BufferedImage image = ImageIO.read(files.get(i).toFile());
            long t1 = System.nanoTime();
            List<ScannedCode> codes = decoder.decode(image);
            long t2 = System.nanoTime();
            total += t2 - t0;
            decoding += t2 - t1;
            String want = expected.get(i);
            if (codes.stream().anyMatch(c -> c.format() == format && c.text().equals(want))) {
                read++;
            }
        }
        return new Figures(name, read, files.size(), total / 1e6 / files.size(), decoding / 1e6 / files.size());
    }

    /** Prints the figures side by side. */
    public static void print(Results r, PrintStream out) {
        out.printf(Locale.ROOT, "Vigie scan bench: %d QR + %d DataMatrix pictures, %d×%d grey PNG, rotation up to ±%.0f°,"
                + " blur, noise, uneven light (seed fixed); pictures in %s%n", r.qr().total(), r.dataMatrix().total(),
                BenchImages.WIDTH, BenchImages.HEIGHT, BenchImages.MAX_ROTATION, r.dir());
        out.printf(Locale.ROOT, "%-34s %14s %22s %18s%n", "", "read rate", "ms/frame (file+decode)", "ms/frame (decode)");
        line(out, r.qr());
        line(out, r.dataMatrix());
        r.zbar().ifPresent(z -> line(out, z));
        r.zbarProblem().ifPresent(p -> out.println("zbarimg: " + p));
        out.println("Vigie: one thread, JIT warmed up on other pictures, PNG reading included in file+decode."
                + " zbarimg: one process for all QR files, wall time / files, nothing subtracted.");
        r.zbar().ifPresent(z -> out.printf(Locale.ROOT, "QR verdict: Vigie %s zbar's read rate (%.0f%% vs %.0f%%), at %.2f×"
                + " its time per frame%n", r.qr().read() >= z.read() ? "reaches" : "falls short of",
                100 * r.qr().readRate(), 100 * z.readRate(), r.qr().msPerFrame() / z.msPerFrame()));
    }

    private static void line(PrintStream out, Figures f) {
        out.printf(Locale.ROOT, "%-34s %4d/%-4d %4.0f%% %22.2f %18s%n", f.name(), f.read(), f.total(), 100 * f.readRate(),
                f.msPerFrame(), Double.isNaN(f.decodeMsPerFrame()) ? "-"
                        : String.format(Locale.ROOT, "%.2f", f.decodeMsPerFrame()));
    }
}
