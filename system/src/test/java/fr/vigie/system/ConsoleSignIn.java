package fr.vigie.system;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Signs a browser in to the hub's IT console as a person would. */
final class ConsoleSignIn {
    private ConsoleSignIn() {
    }

    /**
     * Opens {@code url}; when the hub sends the browser to its sign-in page, signs in there and waits
     * until the browser is back on the page it asked for.
     */
    static void signIn(WebDriver browser, String url, String login, String password) {
        browser.get(url);
        if (!browser.getCurrentUrl().contains("/signin")) {
            return;
        }
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("signin-submit")).click();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !browser.getCurrentUrl().contains("/signin"));
    }
}
