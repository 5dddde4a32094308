package fr.vigie.system.psc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.psc.HubPscClient;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.station.SignInStation;
import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The e-CPS screens of the kiosk's touch UI in headless Chromium, against a real hub with the
 * sandbox PSC: the nurse types her RPPS number on the keypad, checks it, sees "Validez sur votre
 * téléphone — Code NN", the phone page shows the same code; approved, she chooses her exercice;
 * refused, the kiosk says so in words.
 */
class EcpsScreensIT {
    static final String NURSE_RPPS = "10099900028";
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    static EdgeHub hub;
    static EcpsPhone phone;
    static HubApi api;
    KioskUi ui;
    SignInKiosk kiosk;
    ChromeDriver browser;

    @BeforeAll
    static void startHub() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false",
                HubConfig.SANDBOX_ENABLED, "true", "hub.site", "chu-sud", "hub.device-api.port", "0")),
                Clock.systemUTC());
        phone = new EcpsPhone(hub.sandbox().orElseThrow().phonePage());
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir.resolve("k"), KioskAddress.of("chu-sud", "poste-3"),
                "store".toCharArray(), Clock.systemUTC());
        hub.siteCa().enrolInProcess(id);
        api = HubApi.forDevice(hub.deviceApiUri(), id);
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    void startKiosk(String lang) {
        ui = KioskUi.start(0);
        kiosk = new SignInKiosk(api, ui);
        browser = HeadlessChromium.start(lang);
        browser.get(ui.uri() + (lang.startsWith("en") ? "?lang=en" : ""));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (kiosk != null) {
            kiosk.close();
            ui.close();
        }
    }

    private String screen() {
        return browser.findElement(By.cssSelector("section[data-screen]")).getAttribute("data-screen");
    }

    private void awaitScreen(String id) {
        await().atMost(WAIT).ignoreExceptions().until(() -> screen().equals(id));
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    /** The idle screen's "sign in with e-CPS" button. */
    private void openEcps() {
        awaitScreen("session.idle");
        click("ecps-open");
    }

    private void typeRpps() {
        for (char c : NURSE_RPPS.toCharArray()) {
            browser.findElement(By.cssSelector("#ecps-pad [data-digit='" + c + "']")).click();
        }
        browser.findElement(By.cssSelector("#ecps-pad [data-pad-submit]")).click();
    }

    @Test
    void nurseTypesHerRppsSeesTheCodeApprovesOnThePhoneAndChoosesHerExercice() throws Exception {
        startKiosk("fr-FR");
        openEcps();
        awaitScreen("ecps.identifier");
        typeRpps();
        awaitScreen("ecps.confirm");
        assertEquals("Identifiant saisi : 8" + NURSE_RPPS, browser.findElement(By.id("ecps-typed")).getText());

        click("ecps-start");

        awaitScreen("session.ecps");
        String code = browser.findElement(By.id("binding-message")).getText();
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Validez sur votre téléphone"));
        assertTrue(phone.codesFor("8" + NURSE_RPPS, "MOBILE").contains(code), "the phone shows " + code);
        assertEquals(303, phone.decide("8" + NURSE_RPPS, "MOBILE", code, "approve", null));
        awaitScreen("psc.exercice");
        assertTrue(browser.findElement(By.id("exercice-1")).getText().contains("CABINET INFIRMIER DES QUAIS"));

        click("exercice-0-go");

        awaitScreen("session.open");
        assertEquals(SessionState.OPEN, kiosk.session.state());
        assertEquals("EXERCICE_CHOSEN", kiosk.last().reason());
        assertEquals("Connecté à Pro Santé Connect.", browser.findElement(By.id("psc-status")).getText());
        assertTrue(browser.findElement(By.id("who")).getText().contains("DUBOIS"));
    }

    @Test
    void signInStationWithASandboxCardConnectsToPscAndShowsTheExerciceChosen() throws Exception {
        StationConfig config = new StationConfig(0, StationConfig.Readers.SANDBOX, StationConfig.Gpio.MOCK,
                SignInKiosk.TIMEOUTS);
        SandboxCards cards = SandboxCards.demo();
        try (SignInStation station = SignInStation.builder(config, e -> { }, cards,
                SandboxCards.certificateCheck(Clock.systemUTC())).pscHub(new HubPscClient(api)).start()) {
            browser = HeadlessChromium.start("fr-FR");
            browser.get(station.uri().toString());
            awaitScreen("session.idle");
            cards.insert(0);
            awaitScreen("session.pin");
            for (char c : SandboxCards.DEMO_PIN.toCharArray()) {
                browser.findElement(By.cssSelector("#pin-pad [data-digit='" + c + "']")).click();
            }
            browser.findElement(By.cssSelector("#pin-pad [data-pad-submit]")).click();
            awaitScreen("session.open");

            await().atMost(WAIT).until(() -> phone.codeFor("810099900010", "CARD").isPresent());
            assertEquals(303, phone.decide("810099900010", "CARD", "approve", null));
            awaitScreen("psc.exercice");
            click("exercice-1-go");

            awaitScreen("session.open");
            await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElement(By.id("psc-status")).getText()
                    .equals("Connecté à Pro Santé Connect."));
            assertTrue(browser.findElement(By.cssSelector(".exercice")).getText().contains("MARTIN-LEROY"));
        }
    }

    @Test
    void refusalOnThePhoneIsExplainedInEnglishToo() throws Exception {
        startKiosk("en-GB");
        openEcps();
        awaitScreen("ecps.identifier");
        typeRpps();
        awaitScreen("ecps.confirm");
        click("ecps-start");
        awaitScreen("session.ecps");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Approve on your phone"));
        String code = browser.findElement(By.id("binding-message")).getText();

        assertEquals(303, phone.decide("8" + NURSE_RPPS, "MOBILE", code, "refuse", null));

        awaitScreen("ecps.refused.ecps-refused");
        assertEquals("The sign-in was refused on the phone.", browser.findElement(By.id("ecps-reason")).getText());
        click("ecps-retry");
        awaitScreen("ecps.identifier");
        assertTrue(browser.findElement(By.id("ecps-recent-0")).getText().contains("8" + NURSE_RPPS),
                "the identifier used is offered again");
    }
}
