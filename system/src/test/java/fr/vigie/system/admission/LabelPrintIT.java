package fr.vigie.system.admission;

import static fr.vigie.hub.HubServicesFixture.provenAgents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.barcode.BarcodeDecoder;
import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.hardware.barcode.PayloadClassifier;
import fr.vigie.hardware.barcode.ScannedCode;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.print.IppPrinter;
import fr.vigie.hardware.sim.barcode.SimulatedScanner;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.device.DeviceRole;
import fr.vigie.hub.sandbox.SandboxHub;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.kiosk.admission.AdmissionClient;
import fr.vigie.kiosk.admission.AdmissionDesk;
import fr.vigie.kiosk.admission.AdmissionScreens;
import fr.vigie.kiosk.admission.AgentProof;
import fr.vigie.kiosk.admission.HubAgentClient;
import fr.vigie.kiosk.admission.VitaleSource;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.kiosk.outbox.SyncLevel;
import fr.vigie.kiosk.session.CertificateCheck;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.CpsCardAuthenticator;
import fr.vigie.kiosk.session.PresentedCard;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.session.SessionTimers;
import fr.vigie.kiosk.session.ui.SessionUi;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.kiosk.testing.KioskPage;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.testing.CupsPdfServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The INS label printed from the admission desk's identity screen, in headless Chromium, on two desks wired as in
 * production against a sandbox hub: one whose label printer is a queue of a real CUPS server printing to PDF (the PDF
 * CUPS produced, rendered and scanned, gives back the patient's INS; a stopped, removed or unreachable printer is
 * told in French), one with no label printer (told in French).
 */
class LabelPrintIT {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final ApcvIssuer.Identity NGUYEN = new ApcvIssuer.Identity("285079924351219",
            "1.2.250.1.213.1.4.9", "NGUYEN", "THI LAN", "F", "1985-07-14", "99243");

    @TempDir
    static Path dir;
    static SandboxHub sandboxHub;
    static EdgeHub hub;
    static ApcvIssuer apcv;
    static CpsCredential agent;
    static CertificateCheck cardCheck;
    static ScheduledExecutorService scheduler;
    static CupsPdfServer cups;
    static ChromeDriver browser;
    static Desk printing;
    static Desk withoutPrinter;

    /** One admission desk: its device identity, touch UI, session, agent proof and scanner. */
    record Desk(KioskUi ui, ClinicianSession session, AgentProof proof, VirtualReaders readers, SimulatedScanner scanner) {
        static Desk start(String kioskId, Optional<IppPrinter> printer) throws Exception {
            KioskAddress address = KioskAddress.of("chu-nord", kioskId);
            DeviceIdentity device = DeviceIdentity.openOrCreate(dir.resolve(kioskId), address, "store".toCharArray(),
                    CLOCK);
            hub.siteCa().enrolInProcess(device);
            provenAgents(hub).roles().set(address, DeviceRole.ADMISSION_DESK, "it-test");
            ClinicianSession session = ClinicianSession.builder(new SessionTimeouts(Duration.ofSeconds(30),
                    Duration.ofMinutes(30), Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(15)),
                    t -> { }).timers(SessionTimers.of(scheduler)).build();
            Outbox outbox = Outbox.open(dir.resolve(kioskId + ".db"), address, 1000, SyncLevel.NORMAL, CLOCK);
            HubApi api = HubApi.forDevice(hub.deviceApiUri(), device);
            AgentProof proof = AgentProof.start(session, new HubAgentClient(api), id -> Optional.empty(), CLOCK);
            AdmissionDesk desk = new AdmissionDesk(session, new AdmissionClient(api, CLOCK), proof, outbox::accept,
                    PayloadClassifier.standard(CLOCK), CLOCK, printer);
            KioskUi ui = KioskUi.start(0);
            SessionUi.attach(ui, session, null);
            VirtualReaders readers = new VirtualReaders("Agent", "Patient");
            AdmissionScreens screens = AdmissionScreens.attach(ui, session, desk, VitaleSource.reader(readers, "Patient"));
            SimulatedScanner scanner = new SimulatedScanner(kioskId);
            scanner.addListener(screens);
            return new Desk(ui, session, proof, readers, scanner);
        }

        /** The agent signs in with a CPS card and the patient's ApCV QR code qualifies their identity. */
        void qualifiedPatientShown() throws Exception {
            browser.get(ui.uri() + "?lang=fr");
            page().awaitScreen("session.idle");
            readers.insert("Agent", VirtualCpsCard.builder(agent).pin("4821").build());
            CpsCard cps = CpsCard.open(readers.open().getTerminal("Agent").connect("*"), null);
            session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                    new CpsCardAuthenticator(cps, cardCheck, new SecureRandom())));
            assertEquals(SessionState.OPEN, session.submitPin("4821".toCharArray()));
            page().awaitScreen("admission.home");
            scanner.present(BarcodeFormat.QR_CODE, apcv.issue(NGUYEN, "chu-nord", Duration.ofMinutes(2)));
            page().awaitScreen("admission.identity");
            page().awaitText("identité qualifiée");
        }

        void close() {
            session.logout();
            proof.close();
            ui.close();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, "chu-nord",
                HubPkiConfig.DEVICE_API_PORT, "0"), CLOCK);
        hub = sandboxHub.hub();
        apcv = sandboxHub.sandbox().apcv();
        TestIgcSante igc = TestIgcSante.over(sandboxHub.sandbox().igcSante().ca(), new SecureRandom());
        agent = igc.issuePersonne("810001234565", "LEROY", "Anne");
        cardCheck = SandboxCards.certificateCheck(igc, CLOCK);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        if (CupsPdfServer.unavailable().isEmpty()) {
            cups = CupsPdfServer.start();
            printing = Desk.start("accueil-2", Optional.of(IppPrinter.at(cups.addPdfQueue("etiquettes"), "accueil-2")));
        }
        withoutPrinter = Desk.start("accueil-3", Optional.empty());
        browser = HeadlessChromium.start("fr-FR");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (Desk d : new Desk[] {printing, withoutPrinter}) {
            if (d != null) {
                d.close();
            }
        }
        if (cups != null) {
            cups.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (sandboxHub != null) {
            sandboxHub.close();
        }
    }

    @Test
    void theAgentPrintsTheInsLabelAndThePrintedDataMatrixGivesBackThePatientsIns() throws Exception {
        Assumptions.assumeTrue(cups != null, () -> CupsPdfServer.unavailable().orElse(""));
        printing.qualifiedPatientShown();
        int before = cups.printed("etiquettes").size();

        page().tap("admission-print");

        page().awaitText("Étiquette envoyée à l’imprimante.");
        Path pdf = cups.awaitPrinted("etiquettes", before, Duration.ofSeconds(60));
        InsDataMatrix read = scanned(Files.readAllBytes(pdf));
        assertEquals("285079924351219", read.matricule().value());
        assertEquals("1.2.250.1.213.1.4.9", read.oid().oid());
        assertEquals("NGUYEN", read.traits().nomNaissance());
        assertEquals("THI LAN", read.traits().listePrenomText());
        assertEquals("1985-07-14", read.traits().dateNaissance().toString());

        // the printer stopped: nothing is sent, the agent is told
        cups.stop("etiquettes");
        page().tap("admission-print");
        page().awaitText("L’imprimante d’étiquettes est arrêtée : l’étiquette n’a pas été envoyée.");
        assertFalse(page().text().contains("PRINTER_STOPPED"), "plain words, not codes");
        browser.get(printing.ui().uri() + "?lang=en");
        page().awaitText("The label printer is stopped: the label was not sent.");
        browser.get(printing.ui().uri() + "?lang=fr");
        page().awaitScreen("admission.identity");

        // the queue removed from the print server
        cups.remove("etiquettes");
        page().tap("admission-print");
        page().awaitText("L’imprimante d’étiquettes configurée sur ce poste n’existe pas sur le serveur d’impression");

        // the print server gone
        cups.close();
        cups = null;
        page().tap("admission-print");
        page().awaitText("L’imprimante d’étiquettes ne répond pas : l’étiquette n’a pas été imprimée.");
    }

    @Test
    void aDeskWithoutALabelPrinterSaysSoInPlainWords() throws Exception {
        withoutPrinter.qualifiedPatientShown();

        page().tap("admission-print");

        page().awaitText("Aucune imprimante d’étiquettes n’est configurée sur ce poste : demandez au service informatique.");
        assertFalse(page().text().contains("PRINTER_NOT_CONFIGURED"), "plain words, not codes");
        assertTrue(page().text().contains("NGUYEN"), "the identity stays on the screen: " + page().text());
    }

    /** Renders the printed PDF's first page at 300 dpi and reads its one code as an INS DataMatrix. */
    private static InsDataMatrix scanned(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
            List<ScannedCode> codes = BarcodeDecoder.thorough().require(page);
            assertEquals(1, codes.size());
            assertEquals(BarcodeFormat.DATA_MATRIX, codes.get(0).format());
            return InsDataMatrix.parse(codes.get(0).text(), LocalDate.now(CLOCK));
        }
    }

    private static KioskPage page() {
        return new KioskPage(browser);
    }
}
