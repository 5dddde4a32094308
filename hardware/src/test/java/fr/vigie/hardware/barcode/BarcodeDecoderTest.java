package fr.vigie.hardware.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarcodeDecoderTest {
    private static final String WITH_SEPARATORS = "DC03FR000001125E125C0001" + "10JEAN" + ScannedCode.GS + "20X"
            + ScannedCode.US + "ABC";

    @TempDir
    Path dir;

    @Test
    void dataMatrixKeepsGsAndUs() throws Exception {
        List<ScannedCode> codes = BarcodeDecoder.fast().decode(BarcodeSymbol.dataMatrix(WITH_SEPARATORS).toImage(4));
        assertThat(codes).extracting(ScannedCode::text).containsExactly(WITH_SEPARATORS);
        assertThat(codes.get(0).bytes()).contains(0x1D, 0x1F);
    }

    @Test
    void qrCodeKeepsGsAndUs() throws Exception {
        List<ScannedCode> codes = BarcodeDecoder.fast().decode(BarcodeSymbol.qrCode(WITH_SEPARATORS).toImage(4));
        assertThat(codes).singleElement().satisfies(c -> {
            assertThat(c.format()).isEqualTo(BarcodeFormat.QR_CODE);
            assertThat(c.text()).isEqualTo(WITH_SEPARATORS);
            assertThat(c.source()).isEqualTo(ScanSource.IMAGE);
        });
    }

    @Test
    void readsAQrCodeAndADataMatrixInOnePicture() throws Exception {
        BufferedImage canvas = whiteCanvas(640, 480);
        Graphics2D g = canvas.createGraphics();
        g.drawImage(BarcodeSymbol.qrCode("ORDO:ABCD-1234-EFGH").toImage(5), 20, 40, null);
        g.drawImage(TestIdentities.dartagnan().symbol().toImage(5), 330, 40, null);
        g.dispose();
        List<ScannedCode> codes = BarcodeDecoder.thorough().decode(canvas);
        assertThat(codes).extracting(ScannedCode::format).containsExactly(BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX);
    }

    @Test
    void readsTwoQrCodesInOnePicture() throws Exception {
        BufferedImage canvas = whiteCanvas(640, 480);
        Graphics2D g = canvas.createGraphics();
        g.drawImage(BarcodeSymbol.qrCode("ORDO:AAAA-1111-BBBB").toImage(5), 20, 40, null);
        g.drawImage(BarcodeSymbol.qrCode("ORDO:CCCC-2222-DDDD").toImage(5), 340, 200, null);
        g.dispose();
        assertThat(BarcodeDecoder.thorough().decode(canvas)).extracting(ScannedCode::text)
                .containsExactlyInAnyOrder("ORDO:AAAA-1111-BBBB", "ORDO:CCCC-2222-DDDD");
    }

    @Test
    void cameraFrameOfLuminanceBytesIsDecoded() throws Exception {
        BufferedImage image = BarcodeSymbol.qrCode("hello").toImage(6);
        LuminanceFrame frame = LuminanceFrame.of(image);
        assertThat(BarcodeDecoder.fast().decode(frame)).singleElement()
                .satisfies(c -> assertThat(c.source()).isEqualTo(ScanSource.CAMERA));
    }

    @Test
    void blankPictureIsRejectedAsNotFound() {
        assertThatThrownBy(() -> BarcodeDecoder.thorough().require(whiteCanvas(320, 240)))
                .isInstanceOfSatisfying(BarcodeRejectedException.class,
                        e -> assertThat(e.error()).isEqualTo(BarcodeError.BARCODE_NOT_FOUND));
    }

    @Test
    void fileThatIsNotAnImageIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertThatThrownBy(() -> BarcodeDecoder.thorough().read(file))
                .isInstanceOfSatisfying(BarcodeRejectedException.class,
                        e -> assertThat(e.error()).isEqualTo(BarcodeError.IMAGE_UNREADABLE));
    }

    @Test
    void missingFileFails() {
        assertThatThrownBy(() -> BarcodeDecoder.thorough().read(dir.resolve("absent.png")))
                .isInstanceOfSatisfying(BarcodeFailedException.class,
                        e -> assertThat(e.error()).isEqualTo(BarcodeError.IMAGE_IO));
    }

    @Test
    void frameShorterThanItsSizeIsRefused() {
        assertThatThrownBy(() -> new LuminanceFrame(10, 10, new byte[99])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payloadTooLongForADataMatrixIsRejected() {
        assertThatThrownBy(() -> BarcodeSymbol.dataMatrix("x".repeat(4000)))
                .isInstanceOfSatisfying(BarcodeRejectedException.class,
                        e -> assertThat(e.error()).isEqualTo(BarcodeError.BARCODE_TOO_LONG));
    }

    static BufferedImage whiteCanvas(int w, int h) {
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return canvas;
    }
}
