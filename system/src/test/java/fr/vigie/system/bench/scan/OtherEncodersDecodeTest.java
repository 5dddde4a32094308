package fr.vigie.system.bench.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import fr.vigie.hardware.barcode.BarcodeDecoder;
import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.ScannedCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbols drawn at test time by other encoders than ZXing (the Debian tools qrencode, dmtxwrite and
 * zint, which {@code ./vigie test} installs), photographed by the bench's camera model, written as
 * JPEG and read back from the file by Vigie's decoder.
 */
class OtherEncodersDecodeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void toolsArePresent() {
        assumeThat(BenchEncoder.missingPackages(BenchSet.encoders())).as("qrencode, dmtx-utils, zint (./vigie test installs them)")
                .isEmpty();
    }

    @Test
    void apcvTokensAndPrescriptionsFromQrencodeAndZintAreReadExactly() throws Exception {
        Random r = new Random(7);
        Tally tally = new Tally();
        for (BenchEncoder encoder : List.of(BenchEncoder.QRENCODE, BenchEncoder.ZINT_QR)) {
            for (String text : List.of(BenchPayloads.apcv(r), BenchPayloads.ePrescription(r))) {
                for (Distortion d : List.of(Distortion.MILD, Distortion.PERSPECTIVE, Distortion.JPEG)) {
                    tally.decode(photograph(encoder, text, d, 1.0, r, encoder + "-" + d), encoder.format(), text);
                }
            }
        }
        // Two of the four 25–50° perspective pictures are missed today.
        tally.assertReadAtLeast(10);
    }

    @Test
    void insDataMatrixAndTwoDDocFromDmtxwriteAndZintAreReadExactlyFromAFlatJpeg() throws Exception {
        Random r = new Random(11);
        for (BenchEncoder encoder : List.of(BenchEncoder.DMTXWRITE, BenchEncoder.ZINT_DM)) {
            for (String text : List.of(BenchPayloads.insDataMatrix(r), BenchPayloads.twoDDoc(r))) {
                // A label scanned flat: the encoder's modules at 4 pixels, a 2-module quiet zone, JPEG.
                BenchEncoder.Encoded symbol = encoder.encode(text, r, dir);
                Path file = dir.resolve(encoder.name() + "-" + text.length() + ".jpg");
                javax.imageio.ImageIO.write(symbol.grid().toImage(4, 2), "jpeg", file.toFile());
                assertThat(BarcodeDecoder.thorough().read(file)).as("%s %s", encoder, symbol.options())
                        .extracting(ScannedCode::format, ScannedCode::text)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(BarcodeFormat.DATA_MATRIX, text));
            }
        }
    }

    @Test
    void insDataMatrixAndTwoDDocFromDmtxwriteAndZintAreReadExactlyFromACameraPicture() throws Exception {
        Random r = new Random(13);
        Tally tally = new Tally();
        for (BenchEncoder encoder : List.of(BenchEncoder.DMTXWRITE, BenchEncoder.ZINT_DM)) {
            for (String text : List.of(BenchPayloads.insDataMatrix(r), BenchPayloads.twoDDoc(r))) {
                for (Distortion d : List.of(Distortion.MILD, Distortion.NOISE, Distortion.JPEG)) {
                    tally.decode(photograph(encoder, text, d, 1.0, r, encoder + "-" + d), encoder.format(), text);
                }
            }
        }
        tally.assertReadAtLeast(11);
    }

    /**
     * Reads of a batch of camera pictures: every code returned must be the one encoded there, and the
     * batch must be read almost whole (the bench measures the rates; a drop below this is a regression).
     */
    private static final class Tally {
        private final List<String> missed = new ArrayList<>();
        private final List<String> wrong = new ArrayList<>();
        private int pictures;

        void decode(Path file, BarcodeFormat format, String text) throws Exception {
            pictures++;
            List<ScannedCode> codes = BarcodeDecoder.thorough().decode(BarcodeDecoder.load(file));
            if (codes.stream().noneMatch(c -> c.format() == format && c.text().equals(text))) {
                missed.add(file.getFileName().toString());
            }
            codes.stream().filter(c -> !c.text().equals(text)).forEach(c -> wrong.add(file.getFileName() + ": " + c.format()));
        }

        void assertReadAtLeast(int read) {
            assertThat(wrong).as("codes read with another text than the one encoded").isEmpty();
            assertThat(pictures - missed.size()).as("pictures read exactly, of %d; missed %s", pictures, missed)
                    .isGreaterThanOrEqualTo(read);
        }
    }

    @Test
    void aSheetWithPrintedTextButNoCodeGivesNoCode() throws Exception {
        java.awt.image.BufferedImage dot = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        ModuleGrid oneDarkModule = ModuleGrid.fromPicture(dot);
        Random r = new Random(5);
        for (Distortion d : List.of(Distortion.MILD, Distortion.NOISE, Distortion.LIGHTING, Distortion.JPEG)) {
            CameraShot shot = withJpeg(CameraShot.draw(r, d, 1.0, BarcodeFormat.QR_CODE, 1, 1));
            Path file = dir.resolve("no-code-" + d + ".jpg");
            BenchImages.write(BenchImages.render(oneDarkModule, shot), shot, file);
            assertThat(BarcodeDecoder.thorough().decode(BarcodeDecoder.load(file))).as("%s", d).isEmpty();
        }
    }

    @Test
    void hardPicturesGiveTheEncodedTextOrNothingNeverAnotherText() throws Exception {
        Random r = new Random(23);
        int read = 0;
        List<String> wrong = new ArrayList<>();
        Distortion[] hard = {Distortion.DEFOCUS, Distortion.MOTION, Distortion.NOISE, Distortion.DOWNSCALE, Distortion.JPEG,
            Distortion.LIGHTING};
        for (int i = 0; i < 8; i++) {
            BenchEncoder encoder = i % 2 == 0 ? BenchEncoder.QRENCODE : BenchEncoder.DMTXWRITE;
            String text = BenchPayloads.payload(encoder.format(), i / 2, r);
            Path file = photograph(encoder, text, hard[i % hard.length], 1.6, r, "hard-" + i);
            for (ScannedCode c : BarcodeDecoder.thorough().decode(BarcodeDecoder.load(file))) {
                if (c.text().equals(text)) {
                    read++;
                } else {
                    wrong.add(file.getFileName() + ": " + c.format());
                }
            }
        }
        assertThat(wrong).as("codes read with another text than the one encoded (%d read right)", read).isEmpty();
    }

    private Path photograph(BenchEncoder encoder, String text, Distortion d, double strength, Random r, String name)
            throws Exception {
        BenchEncoder.Encoded symbol = encoder.encode(text, r, dir);
        CameraShot shot = CameraShot.draw(r, d, strength, encoder.format(), symbol.grid().width(), symbol.grid().height());
        shot = withJpeg(shot);
        Path file = dir.resolve(name + "-" + Math.abs(r.nextInt()) + ".jpg");
        BenchImages.write(BenchImages.render(symbol.grid(), shot), shot, file);
        return file;
    }

    /** Every test picture goes through JPEG (quality kept when the shot chose one). */
    private static CameraShot withJpeg(CameraShot s) {
        return s.jpegQuality() > 0 ? s : new CameraShot(s.width(), s.height(), s.modulePixels(), s.rotation(), s.tiltX(),
                s.tiltY(), s.focal(), s.centreX(), s.centreY(), s.quiet(), s.paperMargin(), s.paper(), s.ink(), s.desk(),
                s.lightGradient(), s.lightAngle(), s.glare(), s.glareX(), s.glareY(), s.glareRadius(), s.blurSigma(),
                s.motionLength(), s.motionAngle(), s.noise(), s.downscale(), s.nearest(), 85, s.detailSeed());
    }
}
