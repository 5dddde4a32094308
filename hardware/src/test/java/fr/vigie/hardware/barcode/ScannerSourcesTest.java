package fr.vigie.hardware.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyboard wedge and the camera: one listener shape (the simulated scanner: hardware-sim's SimulatedScannerTest). */
class ScannerSourcesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
    private final Recorder heard = new Recorder();

    @Test
    void wedgeTurnsPlaceholdersBackIntoGsAndUs() {
        KeyboardWedgeScanner wedge = new KeyboardWedgeScanner(WedgeSettings.defaults(), clock);
        wedge.addListener(heard);
        wedge.type("IS01<GS>AB<US>CD\r\n");
        assertThat(heard.codes).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("IS01" + ScannedCode.GS + "AB" + ScannedCode.US + "CD");
            assertThat(c.source()).isEqualTo(ScanSource.KEYBOARD_WEDGE);
            assertThat(c.format()).isEqualTo(BarcodeFormat.UNKNOWN);
        });
    }

    @Test
    void wedgeReadsAimIdentifierAndConfiguredPrefixAndPlaceholder() {
        KeyboardWedgeScanner wedge = new KeyboardWedgeScanner(WedgeSettings.defaults().withPrefix("#")
                .withGsPlaceholder("~").withSuffix("\t"), clock);
        wedge.addListener(heard);
        wedge.type("#]d2AB~CD\t#]Q1XY\t");
        assertThat(heard.codes).extracting(ScannedCode::format).containsExactly(BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE);
        assertThat(heard.codes.get(0).text()).isEqualTo("AB" + ScannedCode.GS + "CD");
    }

    @Test
    void wedgeLineWithoutPrefixIsRejectedAsCutOff() {
        KeyboardWedgeScanner wedge = new KeyboardWedgeScanner(WedgeSettings.defaults().withPrefix("#"), clock);
        wedge.addListener(heard);
        wedge.type("ORDO:1234\n");
        assertThat(heard.codes).isEmpty();
        assertThat(heard.rejections).extracting(BarcodeException::error).containsExactly(BarcodeError.BARCODE_TRUNCATED);
    }

    @Test
    void wedgePauseLongerThanTheKeyTimeoutDiscardsThePartialLine() {
        KeyboardWedgeScanner wedge = new KeyboardWedgeScanner(WedgeSettings.defaults(), clock);
        wedge.addListener(heard);
        wedge.type("IS0100");
        clock.advance(Duration.ofMillis(301));
        wedge.type("ORDO:1234567890\n");
        assertThat(heard.rejections).extracting(BarcodeException::error).containsExactly(BarcodeError.BARCODE_TRUNCATED);
        assertThat(heard.codes).extracting(ScannedCode::text).containsExactly("ORDO:1234567890");
    }

    @Test
    void wedgeTimerExpiresAStaleLineWithoutAnotherKey() {
        KeyboardWedgeScanner wedge = new KeyboardWedgeScanner(WedgeSettings.defaults(), clock);
        wedge.addListener(heard);
        wedge.type("IS01");
        wedge.expireStale();
        assertThat(heard.rejections).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        wedge.expireStale();
        assertThat(heard.rejections).hasSize(1);
    }

    @Test
    void wedgeLineOverTheLimitIsRejected() {
        KeyboardWedgeScanner wedge = new KeyboardWedgeScanner(WedgeSettings.defaults().withMaxLength(10), clock);
        wedge.addListener(heard);
        wedge.type("x".repeat(30) + "\n");
        assertThat(heard.rejections).extracting(BarcodeException::error).contains(BarcodeError.BARCODE_TOO_LONG);
        assertThat(heard.codes).isEmpty();
    }

    @Test
    void cameraReportsACodeHeldInViewOnceUntilItLeavesForTheRepeatInterval() throws Exception {
        CameraScanner camera = new CameraScanner("camera test", BarcodeDecoder.fast(), Duration.ofSeconds(2), clock);
        camera.addListener(heard);
        LuminanceFrame frame = LuminanceFrame.of(BarcodeSymbol.qrCode("ORDO:1234567890").toImage(4));
        LuminanceFrame empty = LuminanceFrame.of(BarcodeDecoderTest.whiteCanvas(160, 120));
        camera.submit(frame);
        clock.advance(Duration.ofMillis(100));
        camera.submit(frame);
        assertThat(heard.codes).hasSize(1);
        camera.submit(empty);
        clock.advance(Duration.ofSeconds(3));
        camera.submit(empty);
        camera.submit(frame);
        assertThat(heard.codes).hasSize(2).allSatisfy(c -> assertThat(c.source()).isEqualTo(ScanSource.CAMERA));
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthersAndClosedListenersAreSilent() {
        ScanListeners listeners = new ScanListeners("test");
        listeners.add(code -> {
            throw new IllegalStateException("boom");
        });
        listeners.add(heard);
        listeners.scanned(new ScannedCode(BarcodeFormat.QR_CODE, "A", ScanSource.IMAGE));
        listeners.close();
        listeners.scanned(new ScannedCode(BarcodeFormat.QR_CODE, "B", ScanSource.IMAGE));
        assertThat(heard.codes).extracting(ScannedCode::text).containsExactly("A");
    }

    @Test
    void scannedCodeToStringHidesTheContent() {
        ScannedCode code = new ScannedCode(BarcodeFormat.DATA_MATRIX, TestIdentities.dartagnan().text(), ScanSource.IMAGE);
        assertThat(code.toString()).doesNotContain(TestIdentities.NIR_MALE).doesNotContain("ARTAGNAN");
        assertThat(code.visibleText()).contains("<GS>");
    }

    static final class Recorder implements ScanListener {
        final List<ScannedCode> codes = new ArrayList<>();
        final List<BarcodeRejectedException> rejections = new ArrayList<>();
        final List<BarcodeFailedException> failures = new ArrayList<>();

        @Override
        public void scanned(ScannedCode code) {
            codes.add(code);
        }

        @Override
        public void rejected(BarcodeRejectedException reason) {
            rejections.add(reason);
        }

        @Override
        public void failed(BarcodeFailedException failure) {
            failures.add(failure);
        }
    }

}
