package fr.vigie.system.tools.scan;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.hardware.barcode.BarcodeSymbol;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2025, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsInsDataMatrixWithTheMatriculeMaskedAndExitsZero() throws Exception {
        StrictTraits traits = StrictTraits.check(TraitsInput.of("D'ARTAGNAN DE L'HERAULT", "JEAN-PIERRE MARIE", "M",
                "1950-03-12").withLieuNaissance("2A004"), LocalDate.of(2025, 6, 1)).orThrow();
        InsDataMatrix dm = InsDataMatrix.encode(InsMatricule.parse("180032B02040123"), InsOid.INS_NIR, traits,
                RnivStatus.QUAL);
        Path png = Files.write(dir.resolve("label.png"), dm.symbol().toPng(4));
        Path qr = Files.write(dir.resolve("rx.png"), BarcodeSymbol.qrCode("ORDO:AB12-CD34-EF56").toPng(4));
        assertThat(run(png.toString(), qr.toString())).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("INS DataMatrix: matricule 1************23", "OID 1.2.250.1.213.1.4.8 (INS-NIR)",
                "prénoms JEAN-PIERRE MARIE", "nom de naissance D'ARTAGNAN DE L'HERAULT", "lieu de naissance 2A004",
                "e-prescription number AB12CD34EF56");
        assertThat(text).doesNotContain("180032B02040123");
    }

    @Test
    void saysWhyNothingWasReadAndExitsOne() throws Exception {
        Path notImage = Files.writeString(dir.resolve("a.png"), "text");
        Path blank = Files.write(dir.resolve("b.png"), BarcodeSymbol.qrCode("x").toPng(1));
        Files.write(blank, Files.readAllBytes(blank));
        assertThat(run(notImage.toString(), dir.resolve("missing.png").toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("IMAGE_UNREADABLE").contains("IMAGE_IO");
    }

    @Test
    void rejectedPayloadIsShownWithItsCode() throws Exception {
        Path qr = Files.write(dir.resolve("fake.png"), BarcodeSymbol.qrCode("IS01" + "0".repeat(22) + "S1").toPng(4));
        assertThat(run(qr.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rejected [BARCODE_MISLABELLED]");
    }

    @Test
    void noArgumentIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }

    private int run(String... args) {
        return ScanCommand.run(List.of(args), CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
