package fr.vigie.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.barcode.BarcodeSymbol;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.kiosk.admission.AdmissionScreenSamples;
import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.ecps.EcpsScreenSamples;
import fr.vigie.kiosk.enrol.EnrolmentScreenStates;
import fr.vigie.kiosk.enrol.EnrolmentScreens;
import fr.vigie.kiosk.enrol.EnrolmentState;
import fr.vigie.kiosk.session.ManualTimers;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.session.ui.SessionScreenSamples;
import fr.vigie.kiosk.station.SignInStation;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.kiosk.testing.KioskPage;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenSlot;
import fr.vigie.protocol.KioskAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every kiosk screen at the size of each kiosk display, in headless Chromium: nothing to scroll, every button, link
 * and field wholly on the screen and at least 9 mm wide and high, text at least 2.5 mm high (about 7 pt), and no
 * error in the browser's console. A PNG of each screen at each size is written under {@code target/screens/} for
 * review ({@code <state>-<width>x<height>.png}).
 *
 * <p>The sign-in screens are driven on a whole {@link SignInStation} with the sandbox's virtual readers and CPS
 * cards (its readers mounted as real ones are: without the demo's on-screen controls); the screens of states that
 * need a hub (e-CPS, admission desk, enrolment outcomes) are drawn by their own templates and models
 * ({@code *ScreenSamples}) in a slot above the sign-in screens. One browser, one station for the whole class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenSizesIT {
    /**
     * A kiosk display: its size in CSS pixels (Chromium at scale 1) and its active area in millimetres (from the
     * panel's data sheet; the pixels of the 7" 800×480 and 1024×600 panels are not square).
     */
    record Display(int width, int height, double widthMm, double heightMm) {
        /** The smallest touch target, 9 mm wide, in CSS pixels. */
        double minTargetWidth() {
            return 9 * width / widthMm;
        }

        /** The smallest touch target, 9 mm high, in CSS pixels. */
        double minTargetHeight() {
            return 9 * height / heightMm;
        }

        /** The smallest text, 2.5 mm high (about 7 pt), in CSS pixels. */
        double minFont() {
            return 2.5 * height / heightMm;
        }

        String label() {
            return width + "x" + height;
        }
    }

    static final List<Display> DISPLAYS = List.of(
            new Display(800, 480, 154.08, 85.92),    // Raspberry Pi Touch Display, 7"
            new Display(1024, 600, 154.21, 85.92),   // 7" 1024×600 HDMI panels
            new Display(1280, 800, 216.96, 135.6),   // 10.1" 1280×800 panels
            new Display(720, 1280, 88.0, 155.0));    // Raspberry Pi Touch Display 2, 7", portrait
    static final Path SHOTS = Path.of("target", "screens");
    private static final String PIN = "7319";
    private static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(30),
            Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(15));

    static ChromeDriver browser;
    static SignInStation station;
    static SandboxCards cards;
    static ScreenSlot samples;
    static ManualTimers timers;
    static final List<String> PROBLEMS = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(SHOTS);
        CpsCredential martin = TestIgcSante.shared().issuePersonne("810001234565", "DE LA FONTAINE-DUVAL",
                "Marie-Christine");
        CpsCredential blocked = TestIgcSante.shared().issuePersonne("810009876540", "LEGRAND", "Paul");
        timers = new ManualTimers(martin.certificate().getNotBefore().toInstant().plus(Duration.ofDays(1)));
        cards = new SandboxCards(List.of(VirtualCpsCard.builder(martin).pin(PIN).build(),
                VirtualCpsCard.builder(blocked).pin(PIN).build()), PIN);
        StationConfig config = new StationConfig(0, StationConfig.Readers.SANDBOX, StationConfig.Gpio.MOCK, TIMEOUTS);
        // the sandbox readers as a production kiosk mounts its PC/SC readers: no on-screen card controls
        station = SignInStation.builder(config, t -> { }, cards::terminals, SandboxCards.certificateCheck(timers))
                .time(timers, timers).start();
        station.ui().addBundle("i18n.ecps");
        station.ui().addBundle("i18n.admission");
        station.ui().resource("admission", "datamatrix", ctx -> ctx.contentType("image/svg+xml")
                .result(BarcodeSymbol.dataMatrix("INS-NIR-150033201301166").toSvg(4, "px")));
        samples = station.ui().slot("screen-sizes-test", 10_000);
        browser = HeadlessChromium.start("fr-FR");
        browser.get(station.uri().toString());
        awaitScreen("session.idle");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (station != null) {
            station.close();
        }
    }

    @Test
    @Order(1)
    void theSignInScreensFitEveryDisplay() {
        check("session-idle");

        cards.insert(0);
        awaitScreen("session.pin");
        check("session-pin");
        cards.remove();
        awaitText("la connexion a été annulée");
        check("session-idle-note");

        cards.insert(0);
        awaitScreen("session.pin");
        typePin("12");
        awaitText("exactement 4 chiffres");
        check("session-pin-format");
        typePin("0000");
        awaitText("Il vous reste 2 essai(s)");
        check("session-pin-wrong");
        typePin("0001");
        awaitText("la carte sera bloquée");
        check("session-pin-last-try");
        typePin(PIN);
        awaitScreen("session.open");
        check("session-open");

        cards.remove();
        awaitScreen("session.locked");
        check("session-locked");
        timers.advance(TIMEOUTS.reauthWindow().plusSeconds(1));
        cards.tap(0);
        awaitText("insérez votre carte et tapez votre code PIN");
        check("session-locked-window-expired");
        cards.untap();

        station.sessionUi().phoneApproval().show("42", "Marie-Christine DE LA FONTAINE-DUVAL");
        awaitScreen("session.ecps");
        check("session-ecps-phone");
        station.sessionUi().phoneApproval().clear();
        awaitScreen("session.locked");

        station.session().logout();
        awaitScreen("session.idle");
        cards.insert(1);
        for (String wrong : List.of("1111", "2222", "3333")) {
            awaitScreen("session.pin");
            typePin(wrong);
            await().until(() -> !"session.verifying".equals(page().screen()));
        }
        awaitScreen("session.refused");
        check("session-refused");
        cards.remove();
        awaitScreen("session.idle");

        samples(SessionScreenSamples.all());
        assertNoProblems();
    }

    @Test
    @Order(2)
    void theEcpsScreensFitEveryDisplay() {
        samples(EcpsScreenSamples.all());
        assertNoProblems();
    }

    @Test
    @Order(3)
    void theAdmissionDeskScreensFitEveryDisplay() throws Exception {
        samples(AdmissionScreenSamples.all());
        assertNoProblems();
    }

    @Test
    @Order(4)
    void theEnrolmentScreensFitEveryDisplay() {
        EnrolmentState state = new EnrolmentState(KioskAddress.of("chu-nord", "accueil-2"), "K7QM-4T2X");
        EnrolmentScreens.attach(station.ui(), state);
        try {
            awaitScreen("enrolment.connecting");
            check("enrolment-connecting");
            EnrolmentScreenStates.set(state, EnrolmentState.Phase.WAITING_FOR_APPROVAL, null);
            awaitScreen("enrolment.waiting");
            await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) script(
                    "var i = document.getElementById('enrolment-qr'); return i && i.complete ? i.naturalWidth : 0;"))
                    .intValue() > 0);
            check("enrolment-waiting");
            EnrolmentScreenStates.set(state, EnrolmentState.Phase.REJECTED, "refused by IT: unknown kiosk in this site");
            awaitScreen("enrolment.rejected");
            check("enrolment-rejected");
            EnrolmentScreenStates.set(state, EnrolmentState.Phase.REJECTED, "SUPERSEDED");
            awaitScreen("enrolment.superseded");
            check("enrolment-superseded");
            EnrolmentScreenStates.set(state, EnrolmentState.Phase.FAILED, "the hub cannot be reached (connection refused)");
            awaitScreen("enrolment.failed");
            check("enrolment-failed");
        } finally {
            EnrolmentScreenStates.set(state, EnrolmentState.Phase.ENROLLED, null);
        }
        awaitScreen("session.idle");
        assertNoProblems();
    }

    @Test
    @Order(5)
    void theDemoCardControlsFitUnderTheSignInScreensOfALaptop() {
        // the demo's kiosk pages are opened in a desktop browser: its sandbox box (insert, tap, remove, walk away)
        // under the sign-in screens fits a 1280×800 window
        SandboxCards demo = new SandboxCards(List.of(VirtualCpsCard.builder(TestIgcSante.shared().issuePersonne(
                "810001234565", "DE LA FONTAINE-DUVAL", "Marie-Christine")).pin(PIN).build(), VirtualCpsCard.builder(
                TestIgcSante.shared().issuePersonne("810009876540", "LEGRAND", "Paul")).pin(PIN).build()), PIN);
        StationConfig config = new StationConfig(0, StationConfig.Readers.SANDBOX, StationConfig.Gpio.MOCK, TIMEOUTS);
        try (SignInStation withControls = SignInStation.builder(config, t -> { }, demo,
                SandboxCards.certificateCheck(timers)).time(timers, timers).start()) {
            browser.get(withControls.uri().toString());
            awaitScreen("session.idle");
            checkAt("demo-idle", DISPLAYS.get(2));
            browser.findElement(By.id("sandbox-insert-0")).click();
            awaitScreen("session.pin");
            typePin("0000");
            awaitText("Il vous reste 2 essai(s)");
            checkAt("demo-pin-wrong", DISPLAYS.get(2));
        } finally {
            browser.get(station.uri().toString());
            awaitScreen("session.idle");
        }
        assertNoProblems();
    }

    /** Shows each sample in turn above the sign-in screens and checks it; then the sign-in screens come back. */
    private static void samples(Map<String, Screen> all) {
        for (Map.Entry<String, Screen> e : all.entrySet()) {
            String before = shownVersion();
            samples.show(e.getValue());
            await().until(() -> !before.equals(shownVersion()) && e.getValue().id().equals(page().screen()));
            check(e.getKey());
        }
        samples.clear();
        await().until(() -> page().screen() != null && page().screen().startsWith("session."));
    }

    /** Checks the screen shown at each display size, noting what is wrong, and takes its picture. */
    private static void check(String state) {
        checkAt(state, DISPLAYS.toArray(Display[]::new));
    }

    /** Checks the screen shown at the sizes of {@code displays}, noting what is wrong, and takes its picture. */
    @SuppressWarnings("unchecked")
    private static void checkAt(String state, Display... displays) {
        for (Display d : displays) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", d.width(), "height",
                    d.height(), "deviceScaleFactor", 1, "mobile", false));
            // let the page take the new size (resize event, kiosk.js re-fits the screen) before measuring
            ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
            Map<String, Object> m = (Map<String, Object>) script(MEASURE, d.minTargetWidth(), d.minTargetHeight(),
                    d.minFont());
            String where = state + " at " + d.label() + ": ";
            assertEquals(d.width(), ((Number) m.get("w")).intValue(), where + m);
            assertEquals(d.height(), ((Number) m.get("h")).intValue(), where + m);
            if (((Number) m.get("sw")).intValue() > d.width() || ((Number) m.get("sh")).intValue() > d.height()) {
                PROBLEMS.add(where + "the page scrolls (" + m.get("sw") + "×" + m.get("sh") + ")");
            }
            for (String p : (List<String>) m.get("problems")) {
                PROBLEMS.add(where + p);
            }
            try {
                Files.write(SHOTS.resolve(state + "-" + d.label() + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        for (String error : HeadlessChromium.consoleErrors(browser)) {
            PROBLEMS.add(state + ": browser console error: " + error);
        }
    }

    /**
     * In the page: its size, how far it scrolls, and what is wrong: an actionable element (button, link, field,
     * role=button) outside the viewport or narrower than arguments[0] px or lower than arguments[1] px, a text
     * smaller than arguments[2] px.
     */
    private static final String MEASURE = """
            var minW = arguments[0], minH = arguments[1], minFont = arguments[2], w = innerWidth, h = innerHeight, problems = [];
            function name(e) {
              return e.id ? '#' + e.id : e.tagName.toLowerCase() + ' "' + (e.innerText || e.value || '').trim().slice(0, 30) + '"';
            }
            document.querySelectorAll('button, a, input, select, textarea, [role=button]').forEach(function (e) {
              if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') { return; }
              var r = e.getBoundingClientRect();
              if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5) {
                problems.push(name(e) + ' is off the screen: ' + Math.round(r.left) + ',' + Math.round(r.top)
                    + ' to ' + Math.round(r.right) + ',' + Math.round(r.bottom));
              }
              if (r.width + 0.01 < minW || r.height + 0.01 < minH) {
                problems.push(name(e) + ' is ' + r.width.toFixed(1) + '×' + r.height.toFixed(1) + ' px, under the '
                    + minW.toFixed(1) + '×' + minH.toFixed(1) + ' px of 9 mm');
              }
            });
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (var t = walker.nextNode(); t; t = walker.nextNode()) {
              var e = t.parentElement;
              if (!t.nodeValue.trim() || !e || e.getClientRects().length === 0) { continue; }
              var size = parseFloat(getComputedStyle(e).fontSize);
              if (size + 0.01 < minFont) {
                problems.push('text "' + t.nodeValue.trim().slice(0, 30) + '" is ' + size.toFixed(1) + ' px, under the '
                    + minFont.toFixed(1) + ' px of 2.5 mm');
              }
            }
            var s = document.querySelector('#screen section'), had = s ? s.className : '', tried = [];
            if (s && problems.length) {
              ['', 'fit-2', 'fit-3'].forEach(function (f) {
                s.classList.remove('fit-2', 'fit-3');
                if (f) { s.classList.add(f); }
                tried.push((f || 'one column') + ' ' + (s.scrollWidth - s.clientWidth) + '×' + (s.scrollHeight - s.clientHeight));
              });
              s.className = had;
              problems.push('kiosk.js chose "' + had + '"; overflow of each layout: ' + tried.join(', '));
            }
            var d = document.documentElement;
            return {w: w, h: h, sw: d.scrollWidth, sh: d.scrollHeight, problems: problems};
            """;

    private static void assertNoProblems() {
        List<String> found = List.copyOf(PROBLEMS);
        PROBLEMS.clear();
        assertTrue(found.isEmpty(), found.size() + " problem(s), screenshots in " + SHOTS.toAbsolutePath() + ":\n"
                + String.join("\n", found));
    }

    private static void typePin(String digits) {
        for (char c : digits.toCharArray()) {
            browser.findElement(By.cssSelector("#screen button[data-digit='" + c + "']")).click();
        }
        browser.findElement(By.cssSelector("#screen button[data-pad-submit]")).click();
    }

    private static void awaitScreen(String id) {
        try {
            page().awaitScreen(id);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("screen " + id + " not shown; shown: " + page().screen() + ": " + page().text(), e);
        }
    }

    private static void awaitText(String fragment) {
        try {
            page().awaitText(fragment);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("\"" + fragment + "\" not shown; shown: " + page().screen() + ": " + page().text(), e);
        }
    }

    private static String shownVersion() {
        Object v = script("var s = document.querySelector('#screen section'); return s ? s.getAttribute('data-version') : '';");
        return v == null ? "" : v.toString();
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private static KioskPage page() {
        return new KioskPage(browser);
    }
}
