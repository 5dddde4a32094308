package fr.vigie.hardware.print;

import fr.vigie.hardware.barcode.BarcodeSymbol;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.protocol.identity.StrictTraits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A patient label of a qualified identity, drawn as a one-page PDF of {@value #WIDTH_MM} × {@value #HEIGHT_MM} mm:
 * the INS DataMatrix on the left (vector squares, modules of at most {@value #MAX_MODULE_MM} mm, its quiet zone
 * kept), and on the right, in French, what the INS referential asks a document to show in clear: birth name,
 * first names, used name and first name when there are, sex, birth date, birth place code when known, the INS
 * matricule and what kind of INS it is with its OID. Long names wrap and the text shrinks to fit; nothing is cut.
 * The PDF carries no patient data in its metadata. Immutable.
 *
 * <pre>{@code
 * byte[] pdf = InsLabel.of(InsDataMatrix.encode(matricule, oid, traits, RnivStatus.QUAL)).toPdf();
 * }</pre>
 */
public final class InsLabel {
    public static final double WIDTH_MM = 100;
    public static final double HEIGHT_MM = 50;
    public static final double MAX_MODULE_MM = 0.5;
    static final double MARGIN_MM = 3;
    private static final double GAP_MM = 3;
    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float LARGEST_POINTS = 10;
    private static final float SMALLEST_POINTS = 5;
    private static final float LEADING = 1.2f;

    private final InsDataMatrix ins;

    private InsLabel(InsDataMatrix ins) {
        this.ins = ins;
    }

    /** The label of the identity {@code ins} carries (an INS DataMatrix exists for a qualified identity only). */
    public static InsLabel of(InsDataMatrix ins) {
        return new InsLabel(Objects.requireNonNull(ins, "ins"));
    }

    /** The text lines shown beside the DataMatrix, in order, before wrapping. */
    List<Line> lines() {
        StrictTraits t = ins.traits();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Nom de naissance : " + t.nomNaissance(), true));
        lines.add(new Line("Prénom(s) : " + t.listePrenomText(), true));
        t.nomUtilise().ifPresent(n -> lines.add(new Line("Nom utilisé : " + n, false)));
        t.prenomUtilise().ifPresent(p -> lines.add(new Line("Prénom utilisé : " + p, false)));
        lines.add(new Line("Sexe : " + t.sexe().traitCode() + "    Né(e) le : "
                + t.dateNaissance().toDayMonthYear().replace('-', '/'), false));
        t.lieuNaissance().ifPresent(p -> lines.add(new Line("Lieu de naissance : " + p.code(), false)));
        lines.add(new Line("INS : " + grouped(ins.matricule().value()), true));
        lines.add(new Line(ins.oid().label() + " (OID " + ins.oid().oid() + ")", false));
        return lines;
    }

    /** A line of text and whether it is in bold. */
    record Line(String text, boolean bold) {
    }

    /** The label as PDF bytes. */
    public byte[] toPdf() {
        BarcodeSymbol symbol = ins.symbol();
        float width = mm(WIDTH_MM);
        float height = mm(HEIGHT_MM);
        float margin = mm(MARGIN_MM);
        int side = symbol.width() + 2 * symbol.quietZone();
        float module = Math.min(mm(MAX_MODULE_MM), (height - 2 * margin) / side);
        float textLeft = margin + side * module + mm(GAP_MM);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle("Etiquette INS");
            doc.getDocumentInformation().setCreator("Vigie");
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.setNonStrokingColor(0f);
                float top = (height + side * module) / 2;
                drawSymbol(content, symbol, margin, top, module);
                drawText(content, regular, bold, textLeft, width - margin - textLeft, height - 2 * margin,
                        height - margin);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a label PDF could not be written in memory", e);
        }
    }

    /** Dark modules as filled squares, runs of a row joined; the quiet zone is left blank. */
    private static void drawSymbol(PDPageContentStream content, BarcodeSymbol symbol, float left, float top, float module)
            throws IOException {
        int q = symbol.quietZone();
        for (int y = 0; y < symbol.height(); y++) {
            int x = 0;
            while (x < symbol.width()) {
                if (!symbol.isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < symbol.width() && symbol.isDark(x, y)) {
                    x++;
                }
                content.addRect(left + (q + start) * module, top - (q + y + 1) * module, (x - start) * module, module);
            }
        }
        content.fill();
    }

    /** The lines at the largest size at which they fit, wrapped to {@code width}. */
    private void drawText(PDPageContentStream content, PDType1Font regular, PDType1Font bold, float left, float width,
            float room, float top) throws IOException {
        float size = LARGEST_POINTS;
        List<Line> wrapped = wrap(regular, bold, width, size);
        while (wrapped.size() * size * LEADING > room && size > SMALLEST_POINTS) {
            size = Math.max(SMALLEST_POINTS, size - 0.5f);
            wrapped = wrap(regular, bold, width, size);
        }
        float y = top - size;
        for (Line line : wrapped) {
            content.beginText();
            content.setFont(line.bold() ? bold : regular, size);
            content.newLineAtOffset(left, y);
            content.showText(line.text());
            content.endText();
            y -= size * LEADING;
        }
    }

    private List<Line> wrap(PDType1Font regular, PDType1Font bold, float width, float size) throws IOException {
        List<Line> out = new ArrayList<>();
        for (Line line : lines()) {
            PDType1Font font = line.bold() ? bold : regular;
            StringBuilder current = new StringBuilder();
            for (String word : line.text().split(" ", -1)) {
                String tried = current.length() == 0 ? word : current + " " + word;
                if (width(font, size, tried) <= width) {
                    current.setLength(0);
                    current.append(tried);
                    continue;
                }
                if (current.length() > 0) {
                    out.add(new Line(current.toString(), line.bold()));
                    current.setLength(0);
                }
                // a word wider than the column is cut between characters, never dropped
                String rest = word;
                while (width(font, size, rest) > width) {
                    int n = rest.length() - 1;
                    while (n > 1 && width(font, size, rest.substring(0, n)) > width) {
                        n--;
                    }
                    out.add(new Line(rest.substring(0, n), line.bold()));
                    rest = rest.substring(n);
                }
                current.append(rest);
            }
            if (current.length() > 0) {
                out.add(new Line(current.toString(), line.bold()));
            }
        }
        return out;
    }

    private static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** {@code 2 80 05 75 056 123 89}: sex, year, month, department, commune, order, key. */
    static String grouped(String matricule) {
        return matricule.substring(0, 1) + " " + matricule.substring(1, 3) + " " + matricule.substring(3, 5) + " "
                + matricule.substring(5, 7) + " " + matricule.substring(7, 10) + " " + matricule.substring(10, 13) + " "
                + matricule.substring(13);
    }

    private static float mm(double millimetres) {
        return (float) (millimetres * POINTS_PER_MM);
    }

    @Override
    public String toString() {
        return "InsLabel[" + ins + "]";
    }
}
