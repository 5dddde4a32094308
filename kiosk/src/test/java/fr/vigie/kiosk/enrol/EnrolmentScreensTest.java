package fr.vigie.kiosk.enrol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.protocol.KioskAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrolmentScreensTest {
    private final KioskUi ui = KioskUi.start(0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final EnrolmentState state = new EnrolmentState(KioskAddress.of("chu-nord", "accueil-1"), "K7F2-9QXM");

    @AfterEach
    void stop() {
        ui.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(ui.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKioskWaitingForApprovalShowsItsCodeAndAQrCodeInFrench() throws Exception {
        EnrolmentScreens.attach(ui, state);

        state.set(EnrolmentState.Phase.WAITING_FOR_APPROVAL, null);

        await().until(() -> get("/").body().contains("data-screen=\"enrolment.waiting\""));
        String page = get("/").body();
        assertTrue(page.contains("Enrôlement de ce poste") && page.contains("Code d’enrôlement : K7F2-9QXM") && page.contains("/ui/x/enrolment/qr"), page);
        HttpResponse<String> qr = get("/ui/x/enrolment/qr");
        assertTrue(qr.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(qr.body().contains("<svg"), qr.body());
        assertTrue(get("/?lang=en").body().contains("Enrolment code: K7F2-9QXM"));
        assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains("enregistr"), "one word for enrolment, as in the console");
    }

    @Test
    void aRejectionIsShownInWordsAndItsReasonStaysText() throws Exception {
        EnrolmentScreens.attach(ui, state);

        state.set(EnrolmentState.Phase.REJECTED, "borne <b>inconnue</b>");

        await().until(() -> get("/").body().contains("data-screen=\"enrolment.rejected\""));
        String page = get("/").body();
        assertTrue(page.contains("a refusé l’enrôlement de ce poste : borne &lt;b&gt;inconnue&lt;/b&gt;"), page);
        assertFalse(page.contains("<b>inconnue"), page);
    }

    @Test
    void aRequestClosedBecauseAnotherDeviceWasApprovedSaysSoAndThatTheKioskWillAskAgain() throws Exception {
        EnrolmentScreens.attach(ui, state);

        state.set(EnrolmentState.Phase.REJECTED, "SUPERSEDED");

        await().until(() -> get("/").body().contains("data-screen=\"enrolment.superseded\""));
        String page = get("/").body();
        assertTrue(page.contains("Un autre appareil a été enrôlé sous le nom de ce poste.")
                && page.contains("Ce poste redemandera son enrôlement dans un instant."), page);
        assertFalse(page.contains("SUPERSEDED"), "no code on the screen");
        assertTrue(get("/?lang=en").body().contains("This workstation will ask again shortly."));
    }

    @Test
    void onceEnrolledTheEnrolmentScreenGivesWay() throws Exception {
        EnrolmentScreens.attach(ui, state);
        state.set(EnrolmentState.Phase.WAITING_FOR_APPROVAL, null);
        await().until(() -> get("/").body().contains("K7F2-9QXM"));

        state.set(EnrolmentState.Phase.ENROLLED, null);

        await().until(() -> !get("/").body().contains("K7F2-9QXM"));
        assertFalse(get("/").body().contains("data-screen=\"enrolment."));
    }
}
