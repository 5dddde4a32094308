package fr.vigie.kiosk;

import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.protocol.service.HealthProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The production kiosk's health, as its service watchdog asks it: the outbox can be read and the touch UI
 * answers its own page on the loopback within two seconds. A kiosk cut off from its hub is healthy (it works
 * offline); a restart would not bring the hub back. Thread-safe.
 */
final class KioskHealth implements HealthProbe {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(2);

    private final Kiosk kiosk;
    private final URI ui;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(UI_TIMEOUT).build();

    KioskHealth(Kiosk kiosk, URI ui) {
        this.kiosk = kiosk;
        this.ui = ui;
    }

    @Override
    public Optional<String> problem() {
        Optional<String> outbox = kiosk.problem();
        if (outbox.isPresent()) {
            return outbox;
        }
        try {
            int status = http.send(HttpRequest.newBuilder(ui).timeout(UI_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Optional.empty() : Optional.of("touch screen page " + ui + " answers " + status);
        } catch (IOException e) {
            return Optional.of("touch screen page " + ui + " does not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking the touch screen page");
        }
    }
}
