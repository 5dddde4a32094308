package fr.vigie.system.admission;

import static fr.vigie.hub.HubServicesFixture.provenAgents;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.PayloadClassifier;
import fr.vigie.hardware.sim.barcode.SimulatedScanner;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleBirthDate;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.card.VirtualVitaleCard;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.identity.Adoption;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.hub.device.DeviceRole;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.hub.sandbox.insi.InsiSimulator;
import fr.vigie.hub.sandbox.insi.SimulatorBehaviour;
import fr.vigie.kiosk.admission.AdmissionClient;
import fr.vigie.kiosk.admission.AdmissionDesk;
import fr.vigie.kiosk.admission.AdmissionScreens;
import fr.vigie.kiosk.admission.AgentProof;
import fr.vigie.kiosk.admission.HubAgentClient;
import fr.vigie.kiosk.admission.VitaleSource;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.kiosk.outbox.SyncLevel;
import fr.vigie.kiosk.session.CertificateCheck;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.CpsCardAuthenticator;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.session.PresentedCard;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.session.SessionTimers;
import fr.vigie.kiosk.session.ui.SessionUi;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.kiosk.testing.KioskPage;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.hub.sandbox.SandboxHub;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.provisioning.device.DeviceIdentity;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The admission screens in headless Chromium, on a kiosk wired as in production (local UI, session
 * screens, a virtual CPS card of the hub's sandbox IGC-Santé signed in and proven to the hub, a virtual
 * Vitale card in the patient's reader, a simulated scanner) and a sandbox hub reached over its mutual-TLS
 * device API, which knows the kiosk as an admission desk and asks the INSi simulator.
 */
class AdmissionScreensIT {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "accueil-2");
    static CpsCredential agent;
    static CpsCredential colleague;
    static CertificateCheck kioskCheck;
    static AgentProof proof;

    @TempDir
    static Path dir;
    static SandboxHub sandboxHub;
    static EdgeHub hub;
    static InsiSimulator insi;
    static ApcvIssuer apcv;
    static ChromeDriver browser;
    static KioskUi ui;
    static ClinicianSession session;
    static SimulatedScanner scanner;
    static ScheduledExecutorService scheduler;
    static final VirtualReaders READERS = new VirtualReaders("Agent", "Patient");

    @BeforeAll
    static void start() throws Exception {
        sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, "chu-nord",
                HubPkiConfig.DEVICE_API_PORT, "0"), CLOCK);
        hub = sandboxHub.hub();
        insi = sandboxHub.sandbox().insi().simulator();
        apcv = sandboxHub.sandbox().apcv();
        DeviceIdentity device = DeviceIdentity.openOrCreate(dir.resolve("kiosk"), KIOSK, "store".toCharArray(), CLOCK);
        hub.siteCa().enrolInProcess(device);
        provenAgents(hub).roles().set(KIOSK, DeviceRole.ADMISSION_DESK, "it-test");
        TestIgcSante hubIgc = TestIgcSante.over(sandboxHub.sandbox().igcSante().ca(), new SecureRandom());
        agent = hubIgc.issuePersonne("810001234565", "LEROY", "Anne");
        colleague = hubIgc.issuePersonne("810009876540", "DUBOIS", "Paul");
        kioskCheck = SandboxCards.certificateCheck(hubIgc, CLOCK);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        session = ClinicianSession.builder(new SessionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(30),
                Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(15)), t -> { })
                .timers(SessionTimers.of(scheduler)).build();
        Outbox outbox = Outbox.open(dir.resolve("outbox.db"), KIOSK, 1000, SyncLevel.NORMAL, CLOCK);
        HubApi hubApi = HubApi.forDevice(hub.deviceApiUri(), device);
        proof = AgentProof.start(session, new HubAgentClient(hubApi), sessionId -> Optional.empty(), CLOCK);
        AdmissionDesk desk = new AdmissionDesk(session, new AdmissionClient(hubApi, CLOCK), proof, outbox::accept,
                PayloadClassifier.standard(CLOCK), CLOCK);
        ui = KioskUi.start(0);
        SessionUi.attach(ui, session, null);
        AdmissionScreens screens = AdmissionScreens.attach(ui, session, desk, VitaleSource.reader(READERS, "Patient"));
        scanner = new SimulatedScanner("desk");
        scanner.addListener(screens);
        browser = HeadlessChromium.start("fr-FR");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (ui != null) {
            ui.close();
        }
        if (proof != null) {
            proof.close();
        }
        scheduler.shutdownNow();
        if (sandboxHub != null) {
            sandboxHub.close();
        }
    }

    private static void signIn() throws Exception {
        signIn(agent);
    }

    private static void signIn(CpsCredential who) throws Exception {
        READERS.insert("Agent", VirtualCpsCard.builder(who).pin("4821").build());
        CpsCard cps = CpsCard.open(READERS.open().getTerminal("Agent").connect("*"), null);
        session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                new CpsCardAuthenticator(cps, kioskCheck, new SecureRandom())));
        assertEquals(SessionState.OPEN, session.submitPin("4821".toCharArray()));
    }

    private static void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static void traits(String nom, String prenoms, String sexe, String date, String lieu) {
        type("admission-nom", nom);
        type("admission-prenoms", prenoms);
        type("admission-sexe", sexe);
        type("admission-naissance", date);
        type("admission-lieu", lieu);
        page().tap("admission-search");
    }

    @Test
    void anAgentQualifiesPatientsByTraitsVitaleAndApcvInFrench() throws Exception {
        browser.get(ui.uri().toString());
        page().awaitScreen("session.idle");
        signIn();
        page().awaitScreen("admission.home");
        assertTrue(page().text().contains("Admission : identité du patient") && page().text().contains("Anne LEROY"), page().text());

        // typed traits: refused locally, then several matches, then the birth place resolves them
        page().tap("admission-traits");
        page().awaitScreen("admission.traits");
        // labels are labels, hints are hints
        assertEquals("Sexe", browser.findElement(By.cssSelector("label.field:has(#admission-sexe) > span:first-child"))
                .getText());
        assertEquals("F ou M", browser.findElement(By.id("admission-sexe-hint")).getText());
        traits("Cœur", "Jean", "M", "1975-03-03", "");
        page().awaitText("ligature interdite");
        traits("Martin", "Jean", "M", "1975-03-03", "");
        page().awaitText("Demandez le lieu de naissance");
        assertEquals("MARTIN", browser.findElement(By.id("admission-nom")).getAttribute("value").toUpperCase());
        traits("Martin", "Jean", "M", "1975-03-03", "69123");
        page().awaitScreen("admission.identity");
        page().awaitText("récupérée par l’INSi");
        assertTrue(page().text().contains("code commune 69123"), page().text());
        // the INSi calls in words, not codes
        assertEquals("Recherche avec le premier prénom : identité trouvée",
                browser.findElement(By.cssSelector("#admission-steps li")).getText());
        assertFalse(page().text().contains("PREMIER_PRENOM"), page().text());

        page().tap("admission-document-passport");
        page().awaitText("identité qualifiée");
        assertTrue(page().text().contains("Pièce vérifiée : Passeport"), page().text());
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) ((JavascriptExecutor) browser).executeScript(
                "var i = document.getElementById('admission-datamatrix'); return i && i.complete ? i.naturalWidth : 0;"))
                .intValue() > 0);

        // an e-prescription scanned now goes to this patient's visit
        scanner.present(BarcodeFormat.QR_CODE, "ORDO:RX24-AB00-1234-5678");
        page().awaitText("Ordonnance numérique rattachée");

        // typed with her premier prénom only and no birth place: INSi's full first names and birth place differ
        // from what was typed, side by side in French, highlighted
        page().tap("admission-next");
        page().awaitScreen("admission.home");
        page().tap("admission-traits");
        page().awaitScreen("admission.traits");
        traits("Dupont", "Marie", "F", "1980-05-12", "");
        page().awaitScreen("admission.identity");
        page().awaitText("Selon l’INSi");
        assertEquals(List.of(List.of("Trait", "Dans le dossier", "Selon l’INSi"),
                List.of("Prénoms", "MARIE", "MARIE CLAIRE"),
                List.of("Lieu de naissance", "—", "code commune 75056")), differencesTable());
        assertEquals(2, ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('#admission-differences-table tr.differs').length;")).intValue());
        assertEquals("Recherche avec le premier prénom : identité trouvée",
                browser.findElement(By.cssSelector("#admission-steps li")).getText());
        assertFalse(page().text().contains("LieuNaissance") || page().text().contains("→")
                || page().text().contains("PREMIER_PRENOM"), page().text());
        browser.get(ui.uri() + "?lang=en");
        page().awaitText("According to INSi");
        assertEquals(List.of(List.of("Trait", "In the record", "According to INSi"),
                List.of("First names", "MARIE", "MARIE CLAIRE"),
                List.of("Place of birth", "—", "commune code 75056")), differencesTable());
        assertTrue(page().text().contains("Search with the first given name: identity found"), page().text());
        browser.get(ui.uri() + "?lang=fr");
        page().awaitText("Selon l’INSi");

        // Vitale card of the next patient
        page().tap("admission-next");
        page().awaitScreen("admission.home");
        READERS.insert("Patient", new VirtualVitaleCard(List.of(new VitaleBeneficiary(Optional.of("280057505612389"),
                "Dupont", "Marie Claire", new VitaleBirthDate(1980, 5, 12), 1))));
        page().tap("admission-vitale");
        page().awaitScreen("admission.beneficiaries");
        assertTrue(page().text().contains("Marie Claire Dupont"), page().text());
        page().tap("admission-choose-0");
        page().awaitScreen("admission.identity");
        page().awaitText("récupérée par l’INSi");
        assertEquals("Recherche avec la carte Vitale : identité trouvée",
                browser.findElement(By.cssSelector("#admission-steps li")).getText());

        // ApCV: expired, then valid
        page().tap("admission-next");
        page().awaitScreen("admission.home");
        ApcvIssuer.Identity nguyen = new ApcvIssuer.Identity("285079924351219", "1.2.250.1.213.1.4.9", "NGUYEN",
                "THI LAN", "F", "1985-07-14", "99243");
        Instant past = Instant.now().minus(Duration.ofHours(2));
        scanner.present(BarcodeFormat.QR_CODE, apcv.sign(nguyen, "chu-nord", past, past.plusSeconds(120), "old"));
        page().awaitText("Ce QR code a expiré");
        // the valid one through a keyboard-wedge scanner, which types into the page like a keyboard
        new Actions(browser).sendKeys(apcv.issue(nguyen, "chu-nord", Duration.ofMinutes(2)) + Keys.ENTER).perform();
        page().awaitScreen("admission.identity");
        page().awaitText("identité qualifiée");
        assertTrue(page().text().contains("NGUYEN"), page().text());

        // INSi down
        page().tap("admission-next");
        page().awaitScreen("admission.home");
        insi.behave(SimulatorBehaviour.HTTP_500);
        try {
            page().tap("admission-traits");
            page().awaitScreen("admission.traits");
            traits("Casanova", "Anna", "F", "1997-02-08", "");
            page().awaitScreen("admission.unavailable");
            page().awaitText("Le service INSi ne répond pas pour le moment.");
        } finally {
            insi.behave(SimulatorBehaviour.NORMAL);
        }

        // the same screens in English
        browser.get(ui.uri() + "?lang=en");
        page().awaitText("INSi service unavailable");
        assertFalse(page().text().contains("Service INSi indisponible"));

        // signing out gives the screen back to the sign-in
        session.logout();
        page().awaitScreen("session.idle");
    }

    @Test
    void anotherPersonsAnswerAndInsiDownAreToldInPlainWordsOnAn800x480Screen() throws Exception {
        // a record holds D'ARTAGNAN Pierre-Alain Jean's INS, but the cell corrected its traits to another person's
        long id = ((Adoption.Adopted) hub.identities().adopt(OptionalLong.empty(), TraitsInput.of(
                "D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN JEAN", "M", "1950-03-15").withLieuNaissance("32013"),
                RnivRequest.withIns(RnivAction.of(RnivAction.Kind.INSI_RETRIEVED), InsMatricule.parse("150033201301166"),
                        InsOid.parse("1.2.250.1.213.1.4.10"), "810001234565"))).saved().record().id();
        hub.identities().update(id, TraitsInput.of("D'Artagnan de l'Hérault", "Marie", "F", "1952-07-01"), "staff:cell");
        browser.get(ui.uri() + "?lang=fr");
        page().awaitScreen("session.idle");
        signIn();
        page().awaitScreen("admission.home");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 800, "height", 480,
                "deviceScaleFactor", 1, "mobile", false));
        try {
            page().tap("admission-traits");
            page().awaitScreen("admission.traits");
            traits("D'Artagnan de l'Hérault", "Pierre-Alain Jean", "M", "1950-03-15", "");

            page().awaitScreen("admission.comparison");
            String shown = page().text();
            for (String words : List.of("Ce n’est pas la même personne", "Rien n’a été modifié dans le dossier",
                    "La cellule d’identitovigilance a été prévenue", "Identité du dossier",
                    "Identité renvoyée par l’INSi", "Nom de naissance", "Prénoms", "Sexe", "Date de naissance",
                    "Lieu de naissance", "MARIE", "PIERRE-ALAIN JEAN", "Féminin", "Masculin", "01/07/1952", "15/03/1950",
                    "code commune 32013")) {
                assertTrue(shown.contains(words), words + " in " + shown + "\n" + ((JavascriptExecutor) browser)
                        .executeScript("return document.getElementById('screen').innerHTML;"));
            }
            assertFalse(shown.contains("IDENTITY_MISMATCH"), "plain words, not codes");
            assertEquals(4, ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelectorAll('#admission-compare tr.differs').length;")).intValue(),
                    "first names, sex, birth date differ; the birth place is known on one side only");
            assertFitsTheScreen();
            assertEquals("MARIE", hub.identities().find(id).orElseThrow().traits().listePrenomText(), "nothing changed");

            browser.get(ui.uri() + "?lang=en");
            page().awaitText("This is not the same person");
            assertTrue(page().text().contains("Identity returned by INSi") && page().text().contains("Birth name")
                    && page().text().contains("The identity-vigilance cell was told"), page().text());
            assertFitsTheScreen();
            browser.get(ui.uri() + "?lang=fr");
            page().awaitText("Ce n’est pas la même personne");

            // INSi does not answer: its own screen, then "try again" once it is back
            page().tap("admission-next");
            page().awaitScreen("admission.home");
            insi.behave(SimulatorBehaviour.HTTP_500);
            page().tap("admission-traits");
            page().awaitScreen("admission.traits");
            traits("Legrand", "Sophie", "F", "1990-11-20", "");
            page().awaitScreen("admission.unavailable");
            assertTrue(page().text().contains("Le service INSi ne répond pas pour le moment. Réessayez dans quelques minutes."),
                    page().text());
            assertFalse(page().text().contains("INSI_UNAVAILABLE"), "plain words, not codes");
            assertFitsTheScreen();
            browser.get(ui.uri() + "?lang=en");
            page().awaitText("The INSi service is not answering at the moment. Try again in a few minutes.");
            assertFitsTheScreen();
            browser.get(ui.uri() + "?lang=fr");
            page().awaitScreen("admission.unavailable");
            insi.behave(SimulatorBehaviour.NORMAL);
            page().tap("admission-retry");
            page().awaitScreen("admission.identity");
            page().awaitText("récupérée par l’INSi");
        } finally {
            insi.behave(SimulatorBehaviour.NORMAL);
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            session.logout();
        }
        page().awaitScreen("session.idle");
    }

    @Test
    void aColleagueSigningInOverALockedSessionStartsAtHomeNeverOnTheFirstAgentsPatient() throws Exception {
        browser.get(ui.uri() + "?lang=fr");
        page().awaitScreen("session.idle");
        signIn();
        page().awaitScreen("admission.home");
        // another patient than the other tests' (their record's traits are theirs to expect)
        READERS.insert("Patient", new VirtualVitaleCard(List.of(new VitaleBeneficiary(Optional.of("290113306308773"),
                "Legrand", "Sophie", new VitaleBirthDate(1990, 11, 20), 1))));
        try {
            page().tap("admission-vitale");
            page().awaitScreen("admission.beneficiaries");
            page().tap("admission-choose-0");
            page().awaitScreen("admission.identity");
            page().awaitText("récupérée par l’INSi");
            String anne = session.sessionId().orElseThrow();
            READERS.remove("Agent");
            session.cardRemoved();
            page().awaitScreen("session.locked");

            signIn(colleague);

            await().atMost(Duration.ofSeconds(15)).until(() -> !"session.locked".equals(page().screen()));
            assertTrue(page().text().contains("Paul DUBOIS"), page().text());
            assertFalse(page().text().toUpperCase().contains("SOPHIE") || page().text().toUpperCase().contains("LEGRAND"),
                    "Anne's patient is not shown to Paul: " + page().text());
            assertEquals("admission.home", page().screen());
            session.logout();
            page().awaitScreen("session.locked");
            assertEquals(anne, session.sessionId().orElseThrow(), "Anne's session waited behind, locked");
        } finally {
            while (session.state() == SessionState.OPEN || session.state() == SessionState.LOCKED) {
                session.logout();
            }
            READERS.remove("Patient");
        }
        page().awaitScreen("session.idle");
    }

    /** The page is 800×480 and nothing of the screen (text, buttons) lies outside it or needs scrolling. */
    @SuppressWarnings("unchecked")
    private static void assertFitsTheScreen() {
        Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "var d = document.documentElement, out = 0;"
                + "document.querySelectorAll('#screen section *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.width > 0 && (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5 || r.top < 0 || r.left < 0)) out++; });"
                + "return {w: innerWidth, h: innerHeight, sw: d.scrollWidth, sh: d.scrollHeight, out: out};");
        String figures = m.toString();
        assertEquals(800, ((Number) m.get("w")).intValue(), figures);
        assertEquals(480, ((Number) m.get("h")).intValue(), figures);
        assertTrue(((Number) m.get("sw")).intValue() <= 800 && ((Number) m.get("sh")).intValue() <= 480, figures);
        assertEquals(0, ((Number) m.get("out")).intValue(), "elements outside the screen: " + figures);
    }

    @Test
    void aKioskTheHubDoesNotKnowAsAnAdmissionDeskSaysSoInPlainWords() throws Exception {
        provenAgents(hub).roles().set(KIOSK, DeviceRole.WORKSTATION, "it-test");
        try {
            browser.get(ui.uri().toString());
            page().awaitScreen("session.idle");
            signIn();
            page().awaitScreen("admission.home");
            page().awaitText("Ce poste n’est pas déclaré comme poste d’admission : demandez au service informatique.");

            browser.get(ui.uri() + "?lang=en");
            page().awaitText("This kiosk is not declared as an admission desk: ask IT.");
            browser.get(ui.uri() + "?lang=fr");
        } finally {
            provenAgents(hub).roles().set(KIOSK, DeviceRole.ADMISSION_DESK, "it-test");
            session.logout();
            READERS.remove("Agent");
        }
        page().awaitScreen("session.idle");
    }

    /** The rows of the identity screen's differences table, each as its cells' texts. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> differencesTable() {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#admission-differences-table tr')).map(function (r) {"
                + "  return Array.from(r.children).map(function (c) { return c.textContent.trim(); }); });");
    }

    private static KioskPage page() {
        return new KioskPage(browser);
    }
}
