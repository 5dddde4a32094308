package fr.vigie.kiosk.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The kiosk's touch page as a browser test reads and uses it: the id of the screen shown ({@code data-screen} of
 * the section in {@code #screen}), its visible text, waiting for a screen or a sentence, tapping an element.
 * Shared with the {@code system} module's tests through the kiosk's test-jar.
 */
public final class KioskPage {
    private static final Duration SCREEN_WAIT = Duration.ofSeconds(15);
    private static final Duration TEXT_WAIT = Duration.ofSeconds(30);
    private final WebDriver browser;

    public KioskPage(WebDriver browser) {
        this.browser = Objects.requireNonNull(browser, "browser");
    }

    /** The id of the screen shown, or null while none is. */
    public String screen() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "var s = document.querySelector('#screen section'); return s ? s.getAttribute('data-screen') : null;");
    }

    /** The screen's text as the person in front of the kiosk reads it. */
    public String text() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.getElementById('screen').innerText;");
    }

    public void awaitScreen(String id) {
        await().atMost(SCREEN_WAIT).until(() -> id.equals(screen()));
    }

    public void awaitText(String fragment) {
        await().atMost(TEXT_WAIT).until(() -> text().contains(fragment));
    }

    /** Taps the element whose id is {@code id}. */
    public void tap(String id) {
        browser.findElement(By.id(id)).click();
    }
}
