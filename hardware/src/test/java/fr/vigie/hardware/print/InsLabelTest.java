package fr.vigie.hardware.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.hardware.barcode.BarcodeDecoder;
import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.hardware.barcode.ScannedCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The label drawn as PDF, read back as a scanner and a reader would: the DataMatrix and the words. */
class InsLabelTest {

    @Test
    void theDataMatrixOfTheRenderedLabelDecodesToTheSameIns() throws Exception {
        InsDataMatrix dm = LabelIdentities.dartagnan();
        byte[] pdf = InsLabel.of(dm).toPdf();

        InsDataMatrix read = decode(pdf, 300);
        assertThat(read.text()).isEqualTo(dm.text());
        assertThat(read.matricule()).isEqualTo(dm.matricule());
        assertThat(read.oid()).isEqualTo(dm.oid());
        assertThat(read.traits()).isEqualTo(dm.traits());
    }

    @Test
    void theLabelShowsTheTraitsAndTheInsInFrenchOnAHundredByFiftyMillimetrePage() throws Exception {
        byte[] pdf = InsLabel.of(LabelIdentities.dartagnan()).toPdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth() / 72 * 25.4).isCloseTo(100, org.assertj.core.data.Offset.offset(0.1));
            assertThat(box.getHeight() / 72 * 25.4).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Nom de naissance : D'ARTAGNAN DE L'HERAULT", "Prénom(s) : PIERRE-ALAIN JEAN",
                    "Sexe : M", "Né(e) le : 15/03/1950", "Lieu de naissance : 2B020", "INS : 1 80 03 2B 020 401 23",
                    "INS-NIR-TEST (OID 1.2.250.1.213.1.4.10)");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Etiquette INS");
            assertThat(String.valueOf(doc.getDocumentInformation().getCOSObject())).doesNotContain("ARTAGNAN");
        }
    }

    @Test
    void theLongestNamesWrapInsideTheLabelAndNothingIsCut() throws Exception {
        InsDataMatrix dm = LabelIdentities.longest();
        byte[] pdf = InsLabel.of(dm).toPdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle box = doc.getPage(0).getMediaBox();
            List<TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    glyphs.addAll(positions);
                    super.writeString(text, positions);
                }
            };
            String text = stripper.getText(doc).replaceAll("\\s+", "");
            for (String shown : List.of(dm.traits().nomNaissance(), dm.traits().listePrenomText(),
                    dm.traits().nomUtilise().orElseThrow(), "ANNE", "00/02/1997", "297022A02077878", "INS-NIA")) {
                assertThat(text).contains(shown.replace(" ", ""));
            }
            float margin = (float) (InsLabel.MARGIN_MM / 25.4 * 72) - 0.5f;
            assertThat(glyphs).isNotEmpty().allSatisfy(g -> {
                assertThat(g.getXDirAdj()).isGreaterThanOrEqualTo(margin);
                assertThat(g.getXDirAdj() + g.getWidthDirAdj()).isLessThanOrEqualTo(box.getWidth() - margin);
                assertThat(g.getYDirAdj() - g.getHeightDir()).isGreaterThanOrEqualTo(margin);
                assertThat(g.getYDirAdj()).isLessThanOrEqualTo(box.getHeight() - margin);
            });
        }
        // the used name and first name are on the label, not in the DataMatrix (S1 to S7)
        assertThat(decode(pdf, 300).text()).isEqualTo(dm.text());
    }

    @Test
    void matriculesAreGroupedAsOnACarteVitale() {
        assertThat(InsLabel.grouped("280057505612389")).isEqualTo("2 80 05 75 056 123 89");
        assertThat(InsLabel.grouped("297022A02077878")).isEqualTo("2 97 02 2A 020 778 78");
    }

    /** Renders the first page at {@code dpi} and reads its one DataMatrix as an INS DataMatrix. */
    static InsDataMatrix decode(byte[] pdf, int dpi) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.GRAY);
            List<ScannedCode> codes = BarcodeDecoder.thorough().require(page);
            assertThat(codes).hasSize(1);
            assertThat(codes.get(0).format()).isEqualTo(BarcodeFormat.DATA_MATRIX);
            return InsDataMatrix.parse(codes.get(0).text(), LabelIdentities.TODAY);
        }
    }
}
