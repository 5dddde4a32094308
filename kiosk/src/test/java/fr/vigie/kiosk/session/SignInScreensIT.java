package fr.vigie.kiosk.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.psc.CibaStart;
import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.kiosk.psc.PscHub;
import fr.vigie.kiosk.station.SignInStation;
import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.kiosk.testing.KioskPage;
import fr.vigie.protocol.EventPayload.SessionTransition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The sign-in screens in headless Chromium, on a whole {@link SignInStation}: sandbox virtual readers
 * and CPS cards through javax.smartcardio and the reader monitor, the real session, a Pi4J mock board,
 * the local UI with its server-sent events. Time is a {@link ManualTimers}: timeouts pass by hand.
 */
class SignInScreensIT {
    private static final String PIN = "7319";
    private static final CpsCredential EVE = TestIgcSante.shared().issuePersonne("810000000666",
            "<script>alert('x')</script>", "Eve & <b>Co</b>");
    private static ChromeDriver browser;

    private final ManualTimers timers = new ManualTimers(Rig.T0);
    private final List<SessionTransition> events = new CopyOnWriteArrayList<>();
    private SignInStation station;
    private SandboxCards cards;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start("fr-FR");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void startStation() {
        startStation(SandboxCards.certificateCheck(timers));
    }

    private void startStation(CertificateCheck check) {
        startStation(check, null);
    }

    /** A station with {@code psc} as the hub's Pro Santé Connect side (null: no hub). */
    private void startStation(CertificateCheck check, PscHub psc) {
        if (station != null) {
            station.close();
        }
        cards = new SandboxCards(List.of(VirtualCpsCard.builder(Rig.MARTIN).pin(PIN).build(),
                VirtualCpsCard.builder(Rig.DUBOIS).pin(PIN).build(), VirtualCpsCard.builder(EVE).pin(PIN).build()), PIN);
        StationConfig config = new StationConfig(0, StationConfig.Readers.SANDBOX, StationConfig.Gpio.MOCK, Rig.TIMEOUTS);
        SignInStation.Builder builder = SignInStation.builder(config, events::add, cards, check).time(timers, timers);
        if (psc != null) {
            builder.pscHub(psc);
        }
        station = builder.start();
    }

    /** A hub whose CIBA requests on the card stay pending (nobody approves): the kiosk waits for PSC. */
    private PscHub pendingPsc() {
        return new PscHub() {
            @Override
            public CibaStart start(String idNatPs, String channel, String sessionId) {
                return new CibaStart("req-" + sessionId, "42", Duration.ofSeconds(5), timers.instant().plusSeconds(120));
            }

            @Override
            public CibaState state(String requestId) {
                return new CibaState.Pending();
            }

            @Override
            public void chooseExercice(String requestId, int index) {
            }
        };
    }

    @AfterEach
    void stopStation() {
        station.close();
    }

    private void open(String query) {
        browser.get(station.uri() + query);
        await().until(() -> "session.idle".equals(page().screen()));
    }

    private void typePin(String digits) {
        for (char d : digits.toCharArray()) {
            browser.findElement(By.cssSelector("#screen button[data-digit='" + d + "']")).click();
        }
        browser.findElement(By.cssSelector("#screen button[data-pad-submit]")).click();
    }

    private void signIn(int card) {
        cards.insert(card);
        page().awaitScreen("session.pin");
        typePin(PIN);
        page().awaitScreen("session.open");
    }

    @Test
    void contactCardAndPinOpenTheSessionInFrench() {
        open("");
        assertTrue(page().text().contains("Insérez votre carte CPS"));

        browser.findElement(By.id("sandbox-insert-0")).click();
        page().awaitScreen("session.pin");
        assertTrue(page().text().contains("Bonjour Claire MARTIN"), page().text());
        typePin(PIN);
        page().awaitScreen("session.open");

        assertTrue(page().text().contains("Session ouverte") && page().text().contains("Claire MARTIN")
                && page().text().contains(Rig.MARTIN.idNatPs() + " (RPPS)"), page().text());
        assertEquals("PIN_OK", events.get(events.size() - 1).reason());
    }

    @Test
    void thePinTypedOnTheScreenReachesNoEventAndNoLog() throws Exception {
        open("");
        cards.insert(0);
        page().awaitScreen("session.pin");
        typePin("7318");
        await().until(() -> page().text().contains("Il vous reste 2 essai(s)"));
        typePin(PIN);
        page().awaitScreen("session.open");

        String log = Files.readString(Path.of(System.getProperty("session.log.capture", "target/session-log-capture.log")));
        assertTrue(log.contains("PIN_SUBMITTED"), "the log capture works");
        for (String secret : List.of(PIN, "7318")) {
            // standalone: not inside a port number or a session UUID that happens to hold those digits
            Pattern alone = Pattern.compile("(?<![0-9a-fA-F-])" + secret + "(?![0-9a-fA-F-])");
            assertFalse(alone.matcher(log).find(), "PIN in a log line");
            assertTrue(events.stream().noneMatch(e -> alone.matcher(e.toString()).find()), "PIN in an event");
        }
    }

    @Test
    void pressingInsertTwiceThenTypingThePinOpensTheSession() {
        open("");
        browser.findElement(By.id("sandbox-insert-0")).click();
        page().awaitScreen("session.pin");

        cards.insert(0); // the second press: what the "Insérer la carte" button runs, done here before the PIN
        browser.findElement(By.id("sandbox-insert-0")).click();
        typePin(PIN);

        page().awaitScreen("session.open");
        assertTrue(page().text().contains("Session ouverte") && page().text().contains("Claire MARTIN"), page().text());
        assertFalse(page().text().contains("n’a pas pu être lue"), page().text());
        assertEquals("PIN_OK", events.get(events.size() - 1).reason());
        assertEquals(3, cards.cards().get(0).pinTriesLeft(), "no PIN try was lost");
    }

    @Test
    void aWrongPinShowsTheTriesLeft() {
        open("");
        cards.insert(0);
        page().awaitScreen("session.pin");

        typePin("9999");
        await().until(() -> page().text().contains("Code incorrect. Il vous reste 2 essai(s)."));
        typePin("9998");

        await().until(() -> page().text().contains("Il vous reste 1 essai(s).") && page().text().contains("la carte sera bloquée"));
        assertEquals(1, cards.cards().get(0).pinTriesLeft());
    }

    @Test
    void aBlockedPinIsExplained() {
        open("");
        cards.insert(0);
        for (String wrong : List.of("1111", "2222", "3333")) {
            page().awaitScreen("session.pin");
            typePin(wrong);
            await().until(() -> !"session.verifying".equals(page().screen()));
        }

        page().awaitScreen("session.refused");
        assertTrue(page().text().contains("Votre carte est bloquée") && page().text().contains("Retirez votre carte."), page().text());
        cards.remove();
        page().awaitScreen("session.idle");
    }

    @Test
    void aRevokedCertificateIsExplainedInPlainWords() {
        startStation(certificate -> Optional.of("certificate revoked (CRL of 2026-11-24)"));
        open("");
        cards.insert(0);
        page().awaitScreen("session.pin");

        typePin(PIN);

        page().awaitScreen("session.refused");
        assertTrue(page().text().contains("mise en opposition (révoquée)"), page().text());
        assertEquals("CERTIFICATE_REJECTED", events.get(events.size() - 1).reason());
    }

    @Test
    void anExpiredCardIsExplainedInPlainWords() {
        timers.advance(Duration.between(Rig.T0, Rig.MARTIN.certificate().getNotAfter().toInstant()).plusDays(1));
        open("");
        cards.insert(0);
        page().awaitScreen("session.pin");

        typePin(PIN);

        page().awaitScreen("session.refused");
        assertTrue(page().text().contains("Votre carte CPS a expiré"), page().text());
    }

    @Test
    void removingTheCardShowsTheLockedScreen() {
        open("");
        signIn(0);

        cards.remove();

        page().awaitScreen("session.locked");
        assertTrue(page().text().contains("Poste verrouillé") && page().text().contains("Verrouillé : la carte a été retirée.")
                && page().text().contains("Session de Claire MARTIN"), page().text());
    }

    @Test
    void aContactlessTapWithinTheWindowUnlocks() {
        open("");
        signIn(0);
        cards.remove();
        page().awaitScreen("session.locked");
        timers.advance(Duration.ofSeconds(60));

        cards.tap(0);

        page().awaitScreen("session.open");
        assertEquals("REAUTH_SAME_CLINICIAN", events.get(events.size() - 1).reason());
    }

    @Test
    void aContactlessTapAfterTheWindowAsksForTheCardAndPin() {
        open("");
        signIn(0);
        cards.remove();
        page().awaitScreen("session.locked");
        timers.advance(Rig.TIMEOUTS.reauthWindow().plusSeconds(1));

        cards.tap(0);

        await().until(() -> page().text().contains("insérez votre carte et tapez votre code PIN"));
        assertEquals("session.locked", page().screen());
        cards.untap();
        cards.insert(0);
        page().awaitScreen("session.pin");
        typePin(PIN);
        page().awaitScreen("session.open");
    }

    @Test
    void walkingAwayFromThePresenceSensorLocks() {
        open("");
        signIn(0);

        station.board().simulatePresence(false);
        timers.advance(Rig.TIMEOUTS.presenceLock());

        page().awaitScreen("session.locked");
        assertTrue(page().text().contains("personne devant le poste"), page().text());
    }

    @Test
    void idleTimeLocks() {
        open("");
        signIn(0);

        timers.advance(Rig.TIMEOUTS.idleLock());

        page().awaitScreen("session.locked");
        assertTrue(page().text().contains("Verrouillé après une période sans activité"), page().text());
    }

    @Test
    void theScreensSpeakEnglishOnRequest() {
        open("?lang=en");
        assertTrue(page().text().contains("Insert your CPS card"), page().text());

        cards.insert(0);
        page().awaitScreen("session.pin");
        assertTrue(page().text().contains("Hello Claire MARTIN"), page().text());
        typePin("0000");
        await().until(() -> page().text().contains("Wrong PIN. 2 tries left."));

        browser.get(station.uri().toString());
        await().until(() -> page().text().contains("Wrong PIN. 2 tries left."));
        browser.findElement(By.id("lang-toggle")).click();
        await().until(() -> page().text().contains("Code incorrect"));
    }

    @Test
    void theEcpsHookShowsTheBindingMessageAndCancelReachesTheFlow() {
        open("");
        List<String> cancelled = new CopyOnWriteArrayList<>();
        station.sessionUi().phoneApproval().onCancel(() -> cancelled.add("cancel"));

        station.sessionUi().phoneApproval().show("42", "Claire MARTIN");

        page().awaitScreen("session.ecps");
        assertEquals("42", browser.findElement(By.id("binding-message")).getText());
        assertTrue(page().text().contains("Validez sur votre téléphone") && page().text().contains("Connexion de Claire MARTIN"), page().text());
        browser.findElement(By.id("ecps-cancel")).click();
        await().until(() -> cancelled.size() == 1);
        station.sessionUi().phoneApproval().clear();
        page().awaitScreen("session.idle");
        assertThrows(IllegalArgumentException.class, () -> station.sessionUi().phoneApproval().show("<b>", "x"));
    }

    @Test
    void aHolderNameWithMarkupIsShownAsText() {
        open("");

        cards.insert(2);
        page().awaitScreen("session.pin");

        assertTrue(page().text().contains("Bonjour Eve & <b>Co</b> <script>alert('x')</script>"), page().text());
        assertEquals(0L, ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('#screen script, #screen b').length;"));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertFalse(browser.getPageSource().contains("<script>alert"));
    }

    @Test
    void waitingForProSanteConnectShowsTheTimeLeftAndTheCardAloneIsOfferedAtOnce() {
        startStation(SandboxCards.certificateCheck(timers), pendingPsc());
        open("");

        signIn(0);

        page().awaitText("Encore 2 min au plus.");
        assertTrue(page().text().contains("Votre session est ouverte avec votre carte CPS")
                && page().text().contains("Pro Santé Connect confirme votre identité"), page().text());
        assertTrue(browser.findElement(By.id("psc-card-only")).isDisplayed());
        timers.advance(Duration.ofSeconds(45));
        page().awaitText("Encore 1 min 15 s au plus.");

        page().tap("psc-card-only");

        page().awaitText("Vous travaillez avec votre carte CPS seule, sans Pro Santé Connect.");
        assertTrue(browser.findElements(By.id("psc-card-only")).isEmpty(), "nothing more to wait for");
        assertEquals("session.open", page().screen());
        assertEquals("PSC_CARD_ONLY", events.get(events.size() - 1).reason());
    }

    @Test
    void whenProSanteConnectDoesNotAnswerTheSessionGoesOnWithTheCardAloneInEnglishToo() {
        startStation(SandboxCards.certificateCheck(timers), pendingPsc());
        open("?lang=en");
        signIn(0);
        page().awaitText("At most 2 min more.");

        timers.advance(Duration.ofSeconds(115));
        page().awaitText("At most 5 s more.");
        timers.advance(Duration.ofSeconds(5));

        page().awaitText("Pro Santé Connect did not confirm your identity: you are working with your CPS card only.");
        assertEquals("session.open", page().screen(), "still signed in");
        assertEquals("PSC_TIMED_OUT", events.get(events.size() - 1).reason());
        browser.get(station.uri() + "?lang=fr"); // the language cookie stays with the browser the tests share
    }

    @Test
    void aColleagueTappingAfterTheirWindowIsAskedToInsertTheirCardAndTheirSessionOpens() {
        open("");
        signIn(1); // Dubois types his PIN here: his re-authentication window opens
        cards.remove();
        page().awaitScreen("session.locked");
        page().tap("logout");
        page().awaitScreen("session.idle");
        signIn(0);
        cards.remove();
        page().awaitScreen("session.locked");
        timers.advance(Rig.TIMEOUTS.reauthWindow().plusSeconds(1));

        cards.tap(1);

        page().awaitText("Paul DUBOIS : pour ouvrir votre session, insérez votre carte CPS dans le lecteur et tapez"
                + " votre code. Cette session-ci reste verrouillée.");
        assertEquals("session.locked", page().screen());
        cards.untap();
        cards.insert(1);
        page().awaitScreen("session.pin");
        assertTrue(page().text().contains("Bonjour Paul DUBOIS"), page().text());
        typePin(PIN);
        page().awaitScreen("session.open");
        assertEquals("Paul DUBOIS", browser.findElement(By.id("who")).getText(), "his session, not hers");
        assertFalse(browser.findElement(By.cssSelector("#screen section")).getText().contains(Rig.MARTIN.idNatPs()));
        cards.remove();
        page().awaitScreen("session.locked");
        assertTrue(page().text().contains("Session de Paul DUBOIS"), page().text());
    }

    @Test
    void aColleagueTappingWithinTheirWindowOpensTheirOwnSessionOverTheLockedOne() {
        open("");
        signIn(1); // Dubois types his PIN here: his re-authentication window opens
        cards.remove();
        page().awaitScreen("session.locked");
        page().tap("logout");
        page().awaitScreen("session.idle");
        signIn(0);
        cards.remove();
        page().awaitScreen("session.locked");

        cards.tap(1);

        page().awaitScreen("session.open");
        assertEquals("Paul DUBOIS", browser.findElement(By.id("who")).getText(), "his session, not hers");
        assertFalse(browser.findElement(By.cssSelector("#screen section")).getText().contains(Rig.MARTIN.idNatPs()));
        cards.untap();
        page().tap("logout");
        page().awaitScreen("session.locked");
        assertTrue(page().text().contains("Session de Claire MARTIN"), "her locked session is back: " + page().text());
    }

    private KioskPage page() {
        return new KioskPage(browser);
    }
}
