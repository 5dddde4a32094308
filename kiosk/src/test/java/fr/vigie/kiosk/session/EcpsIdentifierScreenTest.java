package fr.vigie.kiosk.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.ecps.EcpsScreens;
import fr.vigie.kiosk.session.ui.SessionUi;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.protocol.identity.IdNatPs;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The e-CPS identifier keypad over the kiosk's real local UI (HTTP, as the page posts it): a number that
 * cannot be an idNat_PS is refused on the keypad screen, in French, and never reaches the hub. The session
 * and the scripted hub are {@link PscSessionTest}'s.
 */
class EcpsIdentifierScreenTest {
    private final PscSessionTest fixture = new PscSessionTest();
    private final KioskUi ui = KioskUi.start(0);
    private final EcpsScreens screens = EcpsScreens.install(ui);
    private final HttpClient http = HttpClient.newHttpClient();

    EcpsIdentifierScreenTest() {
        screens.attach(fixture.rig.session, fixture.psc, SessionUi.attach(ui, fixture.rig.session, null));
    }

    @AfterEach
    void stop() {
        screens.close();
        ui.close();
    }

    private String page(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(ui.uri().resolve("/" + query)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int post(String action, String body, String type) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(ui.uri().resolve("/ui/action/ecps/" + action))
                .header("Content-Type", type).header("Origin", "http://127.0.0.1:" + ui.port())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void type(String digits) throws Exception {
        assertEquals(204, post("identifier", digits, "text/plain"));
    }

    private void awaitScreen(String query, String id, String text) {
        await().until(() -> {
            String p = page(query);
            return p.contains("data-screen=\"" + id + "\"") && p.contains(text);
        });
    }

    @Test
    void aShortNumberIsRefusedOnTheKeypadInFrenchAndNeverSent() throws Exception {
        assertEquals(204, post("open", "", "application/x-www-form-urlencoded"));
        awaitScreen("", "ecps.identifier", "Connexion avec e-CPS");

        type("123");

        awaitScreen("", "ecps.identifier", "Ce numéro n’a pas la bonne forme : un numéro RPPS a 11 chiffres.");
        assertFalse(page("").contains("Identifiant saisi"), "no confirmation of a number that cannot be one");
        assertTrue(page("?lang=en").contains("an RPPS number has 11 digits"));
        assertEquals(List.of(), fixture.hub.started, "nothing reached the hub");
        assertEquals(SessionState.IDLE, fixture.rig.session.state());
    }

    @Test
    void anRppsNumberWithAWrongKeyIsRefusedAndTheRightOneGoesOnToConfirmation() throws Exception {
        String rpps = IdNatPs.parse(PscSessionTest.RPPS_NURSE).rpps().orElseThrow();
        char last = rpps.charAt(10);
        String typo = rpps.substring(0, 10) + (char) ('0' + (last - '0' + 1) % 10);
        post("open", "", "application/x-www-form-urlencoded");
        awaitScreen("", "ecps.identifier", "Connexion avec e-CPS");

        type(typo);
        awaitScreen("", "ecps.identifier", "Ce numéro RPPS contient une erreur de frappe : vérifiez-le.");

        type(rpps);
        awaitScreen("", "ecps.confirm", "Identifiant saisi : 8" + rpps);
        assertFalse(page("").contains("erreur de frappe"), "the earlier refusal is gone");
        assertEquals(List.of(), fixture.hub.started, "only the confirmation sends");
    }

    @Test
    void aNumberPostedStraightToStartIsStillRefused() throws Exception {
        post("open", "", "application/x-www-form-urlencoded");

        assertEquals(204, post("start", "value=123", "application/x-www-form-urlencoded"));

        awaitScreen("", "ecps.identifier", "un numéro RPPS a 11 chiffres");
        assertEquals(List.of(), fixture.hub.started);
    }
}
