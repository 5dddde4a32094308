package fr.vigie.hardware.barcode.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench runs end to end on a few pictures; its figures are printed, not asserted. */
class ScanBenchTest {
    @TempDir
    Path dir;

    @Test
    void benchGeneratesDeterministicPicturesAndReportsBothSides() throws Exception {
        ScanBench.Results r = ScanBench.run(3, ScanBench.SEED, dir.resolve("a"), "zbarimg");
        assertThat(r.qr().total()).isEqualTo(3);
        assertThat(r.dataMatrix().total()).isEqualTo(3);
        assertThat(r.zbar().isPresent() || r.zbarProblem().isPresent()).isTrue();
        ScanBench.run(3, ScanBench.SEED, dir.resolve("b"), "/nonexistent/zbarimg");
        assertThat(Files.readAllBytes(dir.resolve("a/qr-001.png"))).isEqualTo(Files.readAllBytes(dir.resolve("b/qr-001.png")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScanBench.print(r, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("read rate", "Vigie QR", "Vigie DataMatrix");
    }
}
