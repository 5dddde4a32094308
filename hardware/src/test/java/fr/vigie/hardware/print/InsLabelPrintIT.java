package fr.vigie.hardware.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.testing.CupsPdfServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INS labels printed over IPP to a real CUPS server whose queue is the Debian PDF printer: the PDF CUPS produced,
 * rendered and scanned, gives back the same INS; a missing, stopped or unreachable printer is told by its code.
 */
class InsLabelPrintIT {
    private static CupsPdfServer cups;
    private static URI labels;

    @BeforeAll
    static void startCups() throws Exception {
        Assumptions.assumeTrue(CupsPdfServer.unavailable().isEmpty(), () -> CupsPdfServer.unavailable().orElse(""));
        cups = CupsPdfServer.start();
        labels = cups.addPdfQueue("etiquettes");
    }

    @AfterAll
    static void stopCups() throws Exception {
        if (cups != null) {
            cups.close();
        }
    }

    @Test
    void theLabelCupsPrintedDecodesToTheSameIns() throws Exception {
        InsDataMatrix dm = LabelIdentities.dartagnan();
        int before = cups.printed("etiquettes").size();

        PrintJob job = IppPrinter.at(labels, "accueil-2").print("etiquette-ins", InsLabel.of(dm).toPdf(),
                "application/pdf");

        assertThat(job.id()).isPositive();
        assertThat(job.printer()).isEqualTo(labels);
        Path printed = cups.awaitPrinted("etiquettes", before, Duration.ofSeconds(60));
        byte[] pdf = Files.readAllBytes(printed);
        // what CUPS made (pdftopdf, then Ghostscript in the PDF printer), not what was sent
        assertThat(pdf).isNotEqualTo(InsLabel.of(dm).toPdf());
        InsDataMatrix read = InsLabelTest.decode(pdf, 300);
        assertThat(read.text()).isEqualTo(dm.text());
        assertThat(read.matricule()).isEqualTo(dm.matricule());
        assertThat(read.oid()).isEqualTo(dm.oid());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("D'ARTAGNAN DE L'HERAULT", "INS : 1 80 03 2B 020 401 23");
        }
    }

    @Test
    void aQueueTheServerDoesNotHaveIsNotFound() {
        assertThatThrownBy(() -> IppPrinter.at(cups.uri("nulle-part"), "accueil-2").print("etiquette-ins",
                InsLabel.of(LabelIdentities.dartagnan()).toPdf(), "application/pdf"))
                .isInstanceOfSatisfying(PrintException.class, e -> {
                    assertThat(e.error()).isEqualTo(PrintError.PRINTER_NOT_FOUND);
                    assertThat(e.getMessage()).contains("client-error-not-found");
                });
    }

    @Test
    void aStoppedPrinterIsToldAndGetsNoJob() throws Exception {
        URI stopped = cups.addPdfQueue("arretee");
        cups.stop("arretee");
        assertThatThrownBy(() -> IppPrinter.at(stopped, "accueil-2").print("etiquette-ins",
                InsLabel.of(LabelIdentities.dartagnan()).toPdf(), "application/pdf"))
                .isInstanceOfSatisfying(PrintException.class, e -> {
                    assertThat(e.error()).isEqualTo(PrintError.PRINTER_STOPPED);
                    assertThat(e.getMessage()).contains("paused by the test");
                });
        cups.resume("arretee");
        IppPrinter.at(stopped, "accueil-2").print("etiquette-ins", InsLabel.of(LabelIdentities.dartagnan()).toPdf(),
                "application/pdf");
        assertThat(cups.awaitPrinted("arretee", 0, Duration.ofSeconds(60))).exists();
    }

    @Test
    void aPortWhereNothingListensIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        URI nowhere = URI.create("ipp://127.0.0.1:" + closed + "/printers/etiquettes");
        assertThatThrownBy(() -> IppPrinter.at(nowhere, "accueil-2").print("etiquette-ins", new byte[] {1},
                "application/pdf"))
                .isInstanceOfSatisfying(PrintException.class, e -> {
                    assertThat(e.error()).isEqualTo(PrintError.PRINTER_UNREACHABLE);
                    assertThat(e.getMessage()).endsWith("connection refused");
                });
        URI unknown = URI.create("ipp://printer.invalid/printers/etiquettes");
        assertThatThrownBy(() -> IppPrinter.at(unknown, "accueil-2").print("etiquette-ins", new byte[] {1},
                "application/pdf"))
                .isInstanceOfSatisfying(PrintException.class, e -> {
                    assertThat(e.error()).isEqualTo(PrintError.PRINTER_UNREACHABLE);
                    assertThat(e.getMessage()).contains("printer.invalid");
                });
    }
}
