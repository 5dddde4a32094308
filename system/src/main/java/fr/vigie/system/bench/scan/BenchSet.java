package fr.vigie.system.bench.scan;

import fr.vigie.hardware.barcode.BarcodeFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The scan bench's pictures, written to a directory so that every reader decodes the very same
 * files, with a {@code manifest.tsv} saying what each holds and how it was made. Picture {@code i}
 * of a format features {@link Distortion} {@code i mod 10}; its payload, encoder (mostly qrencode,
 * dmtxwrite and Zint; ZXing for about one in seven) and shot are drawn from a random seeded by the
 * bench seed, the format and {@code i}, so a larger count keeps the first pictures unchanged.
 */
final class BenchSet {
    /** Encoders of each format, with their share of the pictures in percent. */
    private static final List<BenchEncoder> QR_ENCODERS = List.of(BenchEncoder.QRENCODE, BenchEncoder.ZINT_QR,
            BenchEncoder.ZXING_QR);
    private static final List<BenchEncoder> DM_ENCODERS = List.of(BenchEncoder.DMTXWRITE, BenchEncoder.ZINT_DM,
            BenchEncoder.ZXING_DM);
    private static final int[] SHARES = {45, 40, 15};

    /**
     * One picture of the set.
     *
     * @param file where it is
     * @param format what it shows
     * @param encoder who drew the symbol
     * @param options what that encoder was asked
     * @param distortion what the picture features
     * @param expected the exact text encoded
     * @param shot the camera parameters, as text
     */
    record Picture(Path file, BarcodeFormat format, BenchEncoder encoder, String options, Distortion distortion,
            String expected, String shot) {
    }

    private BenchSet() {
    }

    /** Every encoder the set uses. */
    static List<BenchEncoder> encoders() {
        List<BenchEncoder> all = new ArrayList<>(QR_ENCODERS);
        all.addAll(DM_ENCODERS);
        return all;
    }

    /**
     * Writes {@code count} QR and {@code count} DataMatrix pictures and the manifest into {@code dir}.
     *
     * @throws IllegalStateException when a Debian encoder is missing (naming the packages to install)
     */
    static List<Picture> generate(int count, long seed, double strength, Path dir) throws IOException {
        List<String> missing = BenchEncoder.missingPackages(encoders());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the scan bench draws its symbols with other encoders than ZXing; install them:"
                    + " apt-get install " + String.join(" ", missing));
        }
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, "encoder");
        List<Picture> pictures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                for (BarcodeFormat format : List.of(BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX)) {
                    pictures.add(picture(format, i, seed, strength, dir, work));
                }
            }
        } finally {
            Files.deleteIfExists(work);
        }
        writeManifest(pictures, seed, strength, dir.resolve("manifest.tsv"));
        return pictures;
    }

    private static Picture picture(BarcodeFormat format, int index, long seed, double strength, Path dir, Path work)
            throws IOException {
        Random r = new Random(seed * 1_000_003L + index * 2L + (format == BarcodeFormat.QR_CODE ? 0 : 1));
        Distortion distortion = Distortion.values()[index % Distortion.values().length];
        String text = BenchPayloads.payload(format, index, r);
        BenchEncoder encoder = pick(format == BarcodeFormat.QR_CODE ? QR_ENCODERS : DM_ENCODERS, r);
        BenchEncoder.Encoded symbol = encoder.encode(text, r, work);
        CameraShot shot = CameraShot.draw(r, distortion, strength, format, symbol.grid().width(), symbol.grid().height());
        String name = String.format(Locale.ROOT, "%s-%03d-%s.%s", format == BarcodeFormat.QR_CODE ? "qr" : "dm", index,
                distortion.name().toLowerCase(Locale.ROOT).replace('_', '-'), shot.extension());
        Path file = dir.resolve(name);
        BenchImages.write(BenchImages.render(symbol.grid(), shot), shot, file);
        return new Picture(file, format, encoder, symbol.options(), distortion, text, shot.describe());
    }

    private static BenchEncoder pick(List<BenchEncoder> encoders, Random r) {
        int draw = r.nextInt(100);
        for (int i = 0; i < encoders.size(); i++) {
            draw -= SHARES[i];
            if (draw < 0) {
                return encoders.get(i);
            }
        }
        return encoders.get(encoders.size() - 1);
    }

    private static void writeManifest(List<Picture> pictures, long seed, double strength, Path file) throws IOException {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "# Vigie scan bench, seed %d, strength %.2f; text with GS/US as \\x1d/\\x1f%n", seed, strength));
        b.append("file\tformat\tencoder\tdistortion\tshot\ttext\n");
        for (Picture p : pictures) {
            b.append(p.file().getFileName()).append('\t').append(p.format()).append('\t').append(p.options()).append('\t')
                    .append(p.distortion().name()).append('\t').append(p.shot()).append('\t')
                    .append(escape(p.expected())).append('\n');
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == '\\') {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
