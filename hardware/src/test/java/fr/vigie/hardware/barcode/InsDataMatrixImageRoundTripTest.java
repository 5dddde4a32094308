package fr.vigie.hardware.barcode;

import static fr.vigie.hardware.barcode.TestIdentities.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.TraitsInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Encode → render PNG → decode the picture → classify: the identity comes back whole. */
class InsDataMatrixImageRoundTripTest {
    private final PayloadClassifier classifier = PayloadClassifier.standard(
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @Test
    void apostrophesAndHyphensSurviveAPngRoundTrip() throws Exception {
        assertRoundTrip(TestIdentities.dartagnan());
    }

    @Test
    void maximumFieldLengthsSurviveAPngRoundTrip() throws Exception {
        InsDataMatrix dm = TestIdentities.encode(TestIdentities.NIR_CORSICA, InsOid.INS_NIR_DEMO,
                TraitsInput.of(TestIdentities.longName(100, "D'ARTAGNAN DE L'HERAULT-"),
                        TestIdentities.longName(100, "JEAN-PIERRE MARIE "), "F", "1997-02-14").withLieuNaissance("99350"));
        assertThat(dm.text()).hasSize(26 + 17 + 22 + 102 + 102 + 3 + 12 + 7);
        assertRoundTrip(dm);
    }

    @Test
    void svgHasOnePathAndAQuietZone() throws Exception {
        BarcodeSymbol symbol = TestIdentities.dartagnan().symbol();
        String svg = symbol.toSvg(0.5, "mm");
        assertThat(svg.split("<path", -1)).hasSize(2);
        int side = symbol.width() + 2 * symbol.quietZone();
        assertThat(svg).contains("viewBox=\"0 0 " + side + " " + side + "\"")
                .contains("width=\"" + (side / 2.0 == Math.floor(side / 2.0) ? String.valueOf(side / 2) : side / 2.0) + "mm\"");
        assertThat(symbol.quietZone()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void pngHasWhiteQuietZoneAroundTheSymbol() {
        BarcodeSymbol symbol = TestIdentities.dartagnan().symbol();
        BufferedImage image = symbol.toImage(3);
        int q = symbol.quietZone() * 3;
        for (int i = 0; i < image.getWidth(); i++) {
            assertThat(image.getRaster().getSample(i, q - 1, 0)).isEqualTo(255);
            assertThat(image.getRaster().getSample(q - 1, i, 0)).isEqualTo(255);
        }
        // DataMatrix finder: the left column and bottom row of the symbol are solid.
        assertThat(symbol.isDark(0, 0)).isTrue();
        assertThat(symbol.isDark(symbol.width() - 1, symbol.height() - 1)).isTrue();
    }

    private void assertRoundTrip(InsDataMatrix dm) throws Exception {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(dm.symbol().toPng(4)));
        List<ScannedCode> codes = BarcodeDecoder.thorough().require(png);
        assertThat(codes).hasSize(1);
        assertThat(codes.get(0).format()).isEqualTo(BarcodeFormat.DATA_MATRIX);
        assertThat(codes.get(0).text()).isEqualTo(dm.text());
        assertThat(classifier.classify(codes.get(0))).isEqualTo(dm);
    }
}
