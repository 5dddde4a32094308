package fr.vigie.system.bench.scan;

import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.BarcodeSymbol;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The encoders whose symbols the bench photographs: three independent implementations run as
 * Debian command-line tools (libqrencode's {@code qrencode}, libdmtx's {@code dmtxwrite}, Zint's
 * {@code zint}), and ZXing, the library Vigie decodes with, for a minority of the pictures. Each
 * draws its symbol at one pixel per module with its own choices (error correction level, version,
 * mask, encodation), which {@link ModuleGrid#fromPicture} turns back into modules.
 */
enum BenchEncoder {
    /** libqrencode: level L/M/Q/H, a minimum version, sometimes 8-bit mode only. */
    QRENCODE(BarcodeFormat.QR_CODE, "qrencode", "qrencode"),
    /** Zint's QR code: level 1–4, sometimes a forced mask. */
    ZINT_QR(BarcodeFormat.QR_CODE, "zint", "zint"),
    /** ZXing's QR code at level M (what Vigie prints). */
    ZXING_QR(BarcodeFormat.QR_CODE, null, null),
    /** libdmtx: ASCII, C40 or Base 256 encodation, square. */
    DMTXWRITE(BarcodeFormat.DATA_MATRIX, "dmtxwrite", "dmtx-utils"),
    /** Zint's DataMatrix: square or the size Zint picks (rectangles too), sometimes its fast encodation. */
    ZINT_DM(BarcodeFormat.DATA_MATRIX, "zint", "zint"),
    /** ZXing's square DataMatrix (what Vigie prints). */
    ZXING_DM(BarcodeFormat.DATA_MATRIX, null, null);

    private static final char[] QR_LEVELS = {'L', 'M', 'Q', 'H'};
    private static final String[] DMTX_ENCODATIONS = {"a", "c", "8"};

    /**
     * One encoded symbol.
     *
     * @param grid its modules
     * @param options what the encoder was asked, e.g. {@code qrencode -l Q -v 4}
     */
    record Encoded(ModuleGrid grid, String options) {
    }

    private final BarcodeFormat format;
    private final String tool;
    private final String debianPackage;

    BenchEncoder(BarcodeFormat format, String tool, String debianPackage) {
        this.format = format;
        this.tool = tool;
        this.debianPackage = debianPackage;
    }

    BarcodeFormat format() {
        return format;
    }

    /** The Debian packages that provide the tools of {@code encoders} and are not on the PATH. */
    static List<String> missingPackages(List<BenchEncoder> encoders) {
        List<String> missing = new ArrayList<>();
        for (BenchEncoder e : encoders) {
            if (e.tool != null && !onPath(e.tool) && !missing.contains(e.debianPackage)) {
                missing.add(e.debianPackage);
            }
        }
        return missing;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Encodes {@code text} (ISO-8859-1; GS and US kept as bytes) with options drawn from {@code random}.
     *
     * @param work a directory for the tool's input and output files (deleted afterwards)
     * @throws IOException when the tool is missing, fails or draws nothing
     */
    Encoded encode(String text, Random random, Path work) throws IOException {
        return switch (this) {
            case QRENCODE -> {
                char level = QR_LEVELS[random.nextInt(QR_LEVELS.length)];
                int version = 1 + random.nextInt(8);
                boolean eightBit = random.nextInt(10) < 3;
                List<String> args = new ArrayList<>(List.of("qrencode", "-s", "1", "-m", "0", "-l", String.valueOf(level),
                        "-v", String.valueOf(version)));
                if (eightBit) {
                    args.add("-8");
                }
                yield run(args, text, work, true, String.join(" ", args.subList(5, args.size())));
            }
            case ZINT_QR -> {
                int level = 1 + random.nextInt(4);
                List<String> args = new ArrayList<>(List.of("zint", "-b", "58", "--secure=" + level));
                if (random.nextInt(10) < 3) {
                    args.add("--mask=" + random.nextInt(8));
                }
                yield run(zint(args), text, work, false, "zint QR " + String.join(" ", args.subList(3, args.size())));
            }
            case DMTXWRITE -> {
                String encodation = DMTX_ENCODATIONS[random.nextInt(DMTX_ENCODATIONS.length)];
                List<String> args = List.of("dmtxwrite", "-d", "1", "-m", "1", "-s", "s", "-e", encodation);
                yield run(args, text, work, true, "dmtxwrite -e " + encodation);
            }
            case ZINT_DM -> {
                List<String> args = new ArrayList<>(List.of("zint", "-b", "71"));
                if (random.nextInt(10) < 7) {
                    args.add("--square");
                }
                if (random.nextInt(10) < 3) {
                    args.add("--fast");
                }
                yield run(zint(args), text, work, false, "zint DataMatrix " + String.join(" ", args.subList(3, args.size())));
            }
            case ZXING_QR -> zxing(() -> BarcodeSymbol.qrCode(text), "ZXing QR -l M");
            case ZXING_DM -> zxing(() -> BarcodeSymbol.dataMatrix(text), "ZXing DataMatrix");
        };
    }

    private static List<String> zint(List<String> args) {
        List<String> all = new ArrayList<>(args);
        // Scale 0.5 is one pixel per module for matrix symbols; no quiet zone, no human-readable text.
        all.addAll(List.of("--scale=0.5", "--notext", "--noquietzones"));
        return all;
    }

    private interface SymbolMaker {
        BarcodeSymbol make() throws BarcodeRejectedException;
    }

    private static Encoded zxing(SymbolMaker maker, String options) throws IOException {
        try {
            return new Encoded(ModuleGrid.of(maker.make()), options);
        } catch (BarcodeRejectedException e) {
            throw new IOException("ZXing cannot encode the bench payload: " + e.getMessage(), e);
        }
    }

    /** Runs a tool that reads the data from stdin ({@code stdin}) or from {@code -i FILE}, and writes a PNG. */
    private static Encoded run(List<String> args, String text, Path work, boolean stdin, String options)
            throws IOException {
        Path out = Files.createTempFile(work, "symbol", ".png");
        Path in = stdin ? null : Files.createTempFile(work, "data", ".txt");
        try {
            byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
            List<String> command = new ArrayList<>(args);
            command.addAll(List.of("-o", out.toString()));
            if (in != null) {
                Files.write(in, data);
                command.addAll(List.of("-i", in.toString()));
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin) {
                try (OutputStream o = p.getOutputStream()) {
                    o.write(data);
                }
            } else {
                p.getOutputStream().close();
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                throw new IOException(options + " failed: " + said);
            }
            BufferedImage picture = ImageIO.read(out.toFile());
            if (picture == null) {
                throw new IOException(options + " wrote no PNG: " + said);
            }
            return new Encoded(ModuleGrid.fromPicture(picture), options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + args.get(0), e);
        } finally {
            Files.deleteIfExists(out);
            if (in != null) {
                Files.deleteIfExists(in);
            }
        }
    }
}
