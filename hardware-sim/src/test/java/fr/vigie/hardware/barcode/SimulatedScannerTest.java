package fr.vigie.hardware.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.hardware.barcode.ScannerSourcesTest.Recorder;
import fr.vigie.hardware.sim.barcode.SimulatedScanner;
import org.junit.jupiter.api.Test;

/**
 * The simulated scanner has the real scanners' listener shape (hardware's {@code ScannerSourcesTest});
 * in hardware's test package to use its fixtures ({@code TestIdentities}, the recorder) from its test jar.
 */
class SimulatedScannerTest {
    private final Recorder heard = new Recorder();

    @Test
    void simulatedScannerDecodesPicturesLikeTheRealOnes() throws Exception {
        SimulatedScanner scanner = new SimulatedScanner("demo");
        scanner.addListener(heard);
        scanner.presentImage(TestIdentities.dartagnan().symbol().toImage(4));
        scanner.presentImage(BarcodeDecoderTest.whiteCanvas(200, 200));
        scanner.present(BarcodeFormat.QR_CODE, "ORDO:1234567890");
        scanner.unplug();
        assertThat(heard.codes).extracting(ScannedCode::text)
                .containsExactly(TestIdentities.dartagnan().text(), "ORDO:1234567890");
        assertThat(heard.codes).allSatisfy(c -> assertThat(c.source()).isEqualTo(ScanSource.SIMULATED));
        assertThat(heard.rejections).extracting(BarcodeException::error).containsExactly(BarcodeError.BARCODE_NOT_FOUND);
        assertThat(heard.failures).extracting(BarcodeException::error).containsExactly(BarcodeError.SCANNER_UNAVAILABLE);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthersAndClosedScannersAreSilent() {
        SimulatedScanner scanner = new SimulatedScanner("demo");
        scanner.addListener(code -> {
            throw new IllegalStateException("boom");
        });
        scanner.addListener(heard);
        scanner.present(BarcodeFormat.QR_CODE, "A");
        scanner.close();
        scanner.present(BarcodeFormat.QR_CODE, "B");
        assertThat(heard.codes).extracting(ScannedCode::text).containsExactly("A");
    }
}
