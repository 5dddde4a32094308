package fr.vigie.kiosk.testing;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and ChromeDriver driven by Selenium, headless, with no network access beyond
 * the pages under test (no Selenium Manager download, no background connections). Shared with the
 * {@code system} module's tests through the kiosk's test-jar.
 *
 * <pre>{@code
 * ChromeDriver browser = HeadlessChromium.start("fr-FR");
 * try { browser.get(url); } finally { browser.quit(); }
 * }</pre>
 */
public final class HeadlessChromium {
    public static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Starts a headless browser whose preferred language is {@code acceptLanguage} (e.g. {@code fr-FR}). */
    public static ChromeDriver start(String acceptLanguage) {
        return start(acceptLanguage, new String[0]);
    }

    /**
     * Starts a headless browser whose preferred language is {@code acceptLanguage}, with Chromium's
     * {@code extraArguments} too (e.g. {@code --ignore-certificate-errors-spki-list=…} to trust one server key).
     */
    public static ChromeDriver start(String acceptLanguage, String... extraArguments) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("Debian packages chromium and chromium-driver are required (./vigie test installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--lang=" + acceptLanguage);
        options.addArguments(extraArguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * The errors the pages logged in the browser's console since the last call (script errors, invalid
     * {@code pattern} attributes, resources that failed to load…), each as {@code "SEVERE message"}.
     */
    public static List<String> consoleErrors(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString).toList();
    }
}
