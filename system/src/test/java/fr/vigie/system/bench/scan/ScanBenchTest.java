package fr.vigie.system.bench.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import fr.vigie.hardware.barcode.BarcodeFormat;
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
    void benchWritesTheSameSetForTheSameSeedAndReportsEverySide() throws Exception {
        assumeThat(BenchEncoder.missingPackages(BenchSet.encoders())).as("qrencode, dmtx-utils, zint (./vigie test installs them)")
                .isEmpty();
        ScanBench.Results r = ScanBench.run(1, ScanBench.SEED, 1.0, dir.resolve("a"), "zbarimg");
        assertThat(r.total(BarcodeFormat.QR_CODE)).isEqualTo(1);
        assertThat(r.total(BarcodeFormat.DATA_MATRIX)).isEqualTo(1);
        assertThat(r.zbar().isPresent() || r.zbarProblem().isPresent()).isTrue();
        assertThat(dir.resolve("a/manifest.tsv")).content().contains("QR_CODE", "DATA_MATRIX", "MILD");

        ScanBench.Results again = ScanBench.run(1, ScanBench.SEED, 1.0, dir.resolve("b"), "/nonexistent/zbarimg");
        assertThat(again.zbarProblem()).isPresent();
        for (int i = 0; i < r.pictures().size(); i++) {
            Path a = r.pictures().get(i).file();
            assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(a.getFileName())));
        }
        ScanBench.Results other = ScanBench.run(1, ScanBench.SEED + 1, 1.0, dir.resolve("c"), "/nonexistent/zbarimg");
        assertThat(other.pictures().get(0).expected()).isNotEqualTo(r.pictures().get(0).expected());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScanBench.print(r, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("QR read", "DataMatrix read", "Vigie thorough",
                "by distortion", "by encoder", "mild only");
    }
}
