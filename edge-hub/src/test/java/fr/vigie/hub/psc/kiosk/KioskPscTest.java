package fr.vigie.hub.psc.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.device.CibaApi;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A hub without a PSC configuration tells kiosks so, and they carry on offline. */
class KioskPscTest {
    @Test
    void withoutPscEveryCibaRouteAnswers503CibaUnavailable() throws Exception {
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        try (KioskPsc psc = KioskPsc.start(Optional.empty(), null, null, null, "hub-test", Clock.systemUTC())) {
            psc.mount(app);
            app.start("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + app.port() + CibaApi.PREFIX);
            for (HttpRequest r : new HttpRequest[] {
                HttpRequest.newBuilder(base).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpRequest.newBuilder(URI.create(base + "/abc")).build(),
                HttpRequest.newBuilder(URI.create(base + "/abc/exercice")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build()}) {
                HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
                assertEquals(503, answer.statusCode(), r.uri().toString());
                assertTrue(answer.body().contains("\"error\":\"CIBA_UNAVAILABLE\""), answer.body());
            }
            assertEquals(Optional.empty(), psc.ciba());
        } finally {
            app.stop();
        }
    }
}
