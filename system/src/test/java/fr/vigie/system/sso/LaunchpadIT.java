package fr.vigie.system.sso;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.HubServicesFixture;
import fr.vigie.hub.sandbox.SandboxHub;
import fr.vigie.hub.sso.SsoSettings;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.launchpad.Launchpad;
import fr.vigie.kiosk.launchpad.LaunchpadScreens;
import fr.vigie.kiosk.session.CertificateCheck;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.CpsCardAuthenticator;
import fr.vigie.kiosk.session.PresentedCard;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.session.SessionTimers;
import fr.vigie.kiosk.session.ui.SessionUi;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.kiosk.testing.KioskPage;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.SsoApi;
import fr.vigie.protocol.device.SsoError;
import fr.vigie.protocol.device.SsoTicketRequest;
import fr.vigie.provisioning.device.DeviceIdentity;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Single sign-on from the kiosk, end to end: a sandbox hub whose OpenID Provider is on (its own HTTPS listener,
 * site CA certificate), a kiosk wired as {@code SignInStation} wires it (local UI, session screens, launchpad)
 * reaching the hub over its mutual-TLS device API, virtual CPS cards of the sandbox IGC-Santé, headless Chromium
 * on the kiosk page (trusting the OP's key only), and a relying party ({@link RelyingParty}) registered by IT
 * through the REST API, doing code + PKCE against the OP and receiving back-channel logout tokens. No password
 * anywhere.
 */
class LaunchpadIT {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "poste-soins-1");
    private static final String PIN = "4821";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SandboxHub sandboxHub;
    static EdgeHub hub;
    static RelyingParty dpi;
    static HubApi hubApi;
    static ChromeDriver browser;
    static KioskUi ui;
    static ClinicianSession session;
    static Launchpad launchpad;
    static ScheduledExecutorService scheduler;
    static CertificateCheck kioskCheck;
    static TestIgcSante cards;
    static final VirtualReaders READERS = new VirtualReaders("Contact");

    @BeforeAll
    static void start() throws Exception {
        sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, KIOSK.site(),
                HubPkiConfig.DEVICE_API_PORT, "0", HubConfig.INGEST_ENABLED, "false", SsoSettings.ENABLED, "true",
                SsoSettings.PORT, "0"), CLOCK);
        hub = sandboxHub.hub();
        URI issuer = HubServicesFixture.singleSignOn(hub).issuer().orElseThrow();
        SiteTls tls = SiteTls.of(hub.siteCa().rootCertificate(), issuer);
        dpi = RelyingParty.start(issuer, tls.context());
        StaffClient it = StaffClient.firstAdmin(hub.httpUri(), dir.resolve("hub"));
        HttpResponse<String> reg = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", "dpi", "name",
                "Dossier patient", "redirectUris", List.of(dpi.redirectUri().toString()), "minLevel", "CARD_PIN",
                "backChannelLogoutUri", dpi.backChannelLogoutUri().toString(), "kioskGroups", List.of("default")));
        assertEquals(201, reg.statusCode(), reg.body());
        dpi.credentials("dpi", JSON.readTree(reg.body()).path("clientSecret").asText());
        HttpResponse<String> start = it.send("PUT", "/api/v1/sso/clients/dpi/start-uri", Map.of("startUri",
                dpi.loginUri().toString()));
        assertEquals(204, start.statusCode(), start.body());

        DeviceIdentity device = DeviceIdentity.openOrCreate(dir.resolve("kiosk"), KIOSK, "store".toCharArray(), CLOCK);
        hub.siteCa().enrolInProcess(device);
        hubApi = HubApi.forDevice(hub.deviceApiUri(), device);
        cards = TestIgcSante.over(sandboxHub.sandbox().igcSante().ca(), new SecureRandom());
        kioskCheck = SandboxCards.certificateCheck(cards, CLOCK);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        session = ClinicianSession.builder(new SessionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(30),
                Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(15)), t -> { })
                .timers(SessionTimers.of(scheduler)).build();
        ui = KioskUi.start(0);
        SessionUi.attach(ui, session, null);
        launchpad = Launchpad.start(session, hubApi, sessionId -> Optional.empty());
        LaunchpadScreens.attach(ui, session, launchpad, null);
        browser = HeadlessChromium.start("fr-FR", "--ignore-certificate-errors-spki-list=" + tls.opKeyPin());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (launchpad != null) {
            launchpad.close();
        }
        if (ui != null) {
            ui.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (dpi != null) {
            dpi.close();
        }
        if (sandboxHub != null) {
            sandboxHub.close();
        }
    }

    private static KioskPage page() {
        return new KioskPage(browser);
    }

    private static void signIn(CpsCredential who) throws Exception {
        READERS.insert("Contact", VirtualCpsCard.builder(who).pin(PIN).build());
        CpsCard cps = CpsCard.open(READERS.open().getTerminal("Contact").connect("*"), null);
        session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                new CpsCardAuthenticator(cps, kioskCheck, new SecureRandom())));
        assertEquals(SessionState.OPEN, session.submitPin(PIN.toCharArray()));
    }

    private static void removeCard() {
        READERS.remove("Contact");
        session.cardRemoved();
    }

    /** Taps the application on the launchpad and returns the application window's handle, switched to. */
    private static String openApplication(String kioskWindow) {
        page().tap("app-dpi");
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.getWindowHandles().size() == 2);
        String app = new ArrayList<>(browser.getWindowHandles()).stream().filter(h -> !h.equals(kioskWindow))
                .findFirst().orElseThrow();
        browser.switchTo().window(app);
        return app;
    }

    private static String appHeading() {
        List<org.openqa.selenium.WebElement> who = browser.findElements(By.id("who"));
        return who.isEmpty() ? "" : who.get(0).getText();
    }

    @Test
    void theClinicianOpensHerApplicationFromTheLaunchpadWithoutAPasswordAndRemovingTheCardLogsItOut()
            throws Exception {
        browser.get(ui.uri().toString());
        String kioskWindow = browser.getWindowHandle();
        page().awaitScreen("session.idle");
        CpsCredential anne = cards.issuePersonne("810001234565", "LEROY", "Anne");
        signIn(anne);
        String anneSession = session.sessionId().orElseThrow();

        page().awaitScreen("launchpad.apps");
        page().awaitText("Dossier patient");
        assertTrue(page().text().contains("Vos applications") && page().text().contains("Anne LEROY"), page().text());

        openApplication(kioskWindow);
        await().atMost(Duration.ofSeconds(15)).until(() -> appHeading().equals("Bonjour Anne LEROY"));
        assertTrue(browser.getCurrentUrl().startsWith(dpi.base() + "/home"), browser.getCurrentUrl());
        assertEquals(1, dpi.sessions().size());
        String sid = dpi.sessions().values().iterator().next().sid();
        assertEquals("810001234565", dpi.sessions().values().iterator().next().subject());

        // card removed: the hub logs the application out, the kiosk page closes its window and shows the lock
        browser.switchTo().window(kioskWindow);
        removeCard();
        LogoutTokenClaimsSet logout = dpi.logouts().poll(15, TimeUnit.SECONDS);
        assertNotNull(logout, "the application received no back-channel logout token");
        assertEquals(sid, logout.getSessionID().getValue());
        assertEquals("810001234565", logout.getSubject().getValue());
        assertTrue(dpi.sessions().isEmpty(), "the application session is still alive");
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.getWindowHandles().size() == 1);
        assertEquals(kioskWindow, browser.getWindowHandle());
        page().awaitScreen("session.locked");
        assertEquals(SsoError.SSO_SESSION_UNKNOWN, ticketRefusal(anneSession));

        // fast user switching: a colleague's card opens her own launchpad; Anne's session stays locked, logged out
        CpsCredential marc = cards.issuePersonne("810001234573", "BERNARD", "Marc");
        signIn(marc);
        String marcSession = session.sessionId().orElseThrow();
        assertTrue(!marcSession.equals(anneSession));
        page().awaitScreen("launchpad.apps");
        page().awaitText("Marc BERNARD");
        openApplication(kioskWindow);
        await().atMost(Duration.ofSeconds(15)).until(() -> appHeading().equals("Bonjour Marc BERNARD"));
        assertEquals(List.of("810001234573"), dpi.sessions().values().stream().map(RelyingParty.AppSession::subject)
                .toList());
        assertEquals(SsoError.SSO_SESSION_UNKNOWN, ticketRefusal(anneSession));
        browser.switchTo().window(kioskWindow);
        removeCard();
        assertNotNull(dpi.logouts().poll(15, TimeUnit.SECONDS), "Marc's application was not logged out");
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.getWindowHandles().size() == 1);
        assertTrue(dpi.sessions().isEmpty());
    }

    /** What the hub answers when the kiosk asks a ticket for {@code kioskSessionId}'s SSO session. */
    private static Object ticketRefusal(String kioskSessionId) {
        try {
            hubApi.call(SsoApi.TICKET, new SsoTicketRequest(kioskSessionId));
            return "a ticket was issued";
        } catch (HubApiException e) {
            return e.error();
        }
    }
}
