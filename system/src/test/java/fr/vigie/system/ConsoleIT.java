package fr.vigie.system;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static fr.vigie.hub.HubServicesFixture.provenAgents;
import static fr.vigie.hub.HubServicesFixture.staffDirectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.identity.Adoption;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.hub.staff.StaffRole;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Topics;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.system.bench.HapiMllpReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The IT console in a real headless Chromium against a real hub: an admin approves a kiosk's pending
 * enrolment (typing the code the kiosk shows) and rolls a configuration out to a group, watching a real
 * kiosk apply it, and sees on the kiosk's page a forged command the kiosk refused; HTML in a rejection
 * reason, a software version or a reader name stays text; on the identity-vigilance page the admin accepts
 * a change waiting for a QUAL record; two requests for one kiosk show as a conflict that approving the real
 * code resolves; a locked-out account is unblocked from the IT accounts page; a viewer sees no mutating
 * control and is refused by the API; a mutating request without the CSRF token is refused; a message the GAM refused
 * shows on the GAM feed page and is sent again from there.
 */
class ConsoleIT {
    private static final String SITE = "chu-nord";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XSS = "<img src=x onerror=\"window.__xss=1\">";

    @TempDir
    Path tmp;

    @Test
    void adminApprovesAnEnrolmentAndRollsOutAConfigurationThatAKioskApplies() throws Exception {
        Path hubData = tmp.resolve("hub");
        java.util.concurrent.atomic.AtomicBoolean gamRefuses = new java.util.concurrent.atomic.AtomicBoolean();
        try (HapiMllpReceiver gam = HapiMllpReceiver.start(record -> gamRefuses.get());
                EdgeHub hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", hubData.toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.device-api.port", "0", "hub.site", SITE,
                "hub.gam.host", "127.0.0.1", "hub.gam.port", Integer.toString(gam.port()),
                "hub.gam.retry-max-seconds", "1")))) {
            String base = hub.httpUri().toString();
            String adminPassword = HubApi.firstAdminPassword(hubData);
            HubApi api = new HubApi(hub.httpUri(), hubData);
            // given a kiosk waiting for approval, another one to reject, and a running kiosk in group "default"
            DeviceIdentity newcomer = TestKiosks.requestEnrolment(hub, tmp, SITE, "kiosk-new");
            TestKiosks.requestEnrolment(hub, tmp, SITE, "kiosk-evil");
            Map<String, String> enrolled = new java.util.HashMap<>(EnrolledKiosks.withTokens(hub, tmp.resolve("tokens"),
                    List.of("kiosk-001")));
            enrolled.putAll(Map.of("kiosk.id", "kiosk-001", "kiosk.data-dir", tmp.resolve("kiosk-1").toString(),
                    "kiosk.heartbeat-seconds", "1"));
            try (Kiosk running = Kiosk.start(KioskConfig.load(null, enrolled))) {
                WebDriver browser = HeadlessChromium.start("fr-FR");
                try {
                    ConsoleSignIn.signIn(browser, base + "/enrolments", "admin", adminPassword);

                    // when the admin first mistypes the code shown on the kiosk, the console says so in French
                    WebElement row = await().atMost(PATIENCE).until(() -> pendingRow(browser, "kiosk-new"), r -> r != null);
                    WebElement code = row.findElement(By.cssSelector("input.code"));
                    code.sendKeys("AAAA-AAAA");
                    row.findElement(By.cssSelector("button.approve")).click();
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("action-result")).getText()
                            .startsWith("Ce code n'est pas celui qu'affiche la borne"));
                    assertThat(hub.enrolments().list(EnrolmentStatus.PENDING, 10)).hasSize(2);

                    // and then types it right and approves
                    code.clear();
                    code.sendKeys(newcomer.enrolmentCode());
                    row.findElement(By.cssSelector("button.approve")).click();

                    // then the request is issued, by admin
                    await().atMost(PATIENCE).until(() -> "ISSUED".equals(decidedStatus(browser, "kiosk-new")));
                    assertThat(hub.enrolments().list(EnrolmentStatus.ISSUED, 10)).filteredOn(e -> e.kioskId().equals("kiosk-new"))
                            .extracting(e -> e.decidedBy()).containsExactly("admin");

                    // and a rejection reason carrying HTML is shown as text, never run
                    WebElement evil = pendingRow(browser, "kiosk-evil");
                    evil.findElement(By.cssSelector("input.reason")).sendKeys(XSS);
                    evil.findElement(By.cssSelector("button.reject")).click();
                    await().atMost(PATIENCE).until(() -> "REJECTED".equals(decidedStatus(browser, "kiosk-evil")));
                    WebElement reason = browser.findElement(By.cssSelector("#decided tr[data-status=REJECTED] td:last-child"));
                    assertThat(reason.getText()).isEqualTo(XSS);
                    assertThat(browser.findElements(By.cssSelector("#decided img"))).isEmpty();
                    browser.get(base + "/audit");
                    await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#audit tr[data-action=ENROL_REJECTED]")).isEmpty());
                    assertThat(browser.findElements(By.cssSelector("#audit img"))).isEmpty();
                    assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);

                    // when the admin opens the configuration of group "default": a form of the fleet settings, in
                    // French, each with its default and bounds
                    await().atMost(PATIENCE).until(() -> api.device(SITE, "kiosk-001") != null);
                    HeadlessChromium.consoleErrors(browser); // those of the refusals above, on purpose
                    browser.get(base + "/configuration");
                    WebElement idle = browser.findElement(By.id("setting-kiosk.session.idle-lock-seconds"));
                    assertThat(idle.getAttribute("min")).isEqualTo("15");
                    assertThat(idle.getAttribute("max")).isEqualTo("3600");
                    WebElement idleBox = browser.findElement(By.cssSelector("[data-setting='kiosk.session.idle-lock-seconds']"));
                    assertThat(idleBox.getText()).contains("Verrouillage après inactivité", "Par défaut : 300 s",
                            "limites : 15 – 3600 s");
                    await().atMost(PATIENCE).until(() -> !browser.findElement(By.id("action-result")).getText().isEmpty());

                    // and types a value out of bounds: told in French, with the setting's words, nothing rolled out
                    idle.clear();
                    idle.sendKeys("5");
                    browser.findElement(By.id("rollout")).click();
                    WebElement said = browser.findElement(By.id("action-result"));
                    await().atMost(PATIENCE).until(() -> said.getText().equals(
                            "« Verrouillage après inactivité » : 5 n'est pas permis ; choisissez une valeur de 15 à 3600."));

                    // and fills the form right and rolls it out
                    idle.clear();
                    idle.sendKeys("120");
                    WebElement pin = browser.findElement(By.id("setting-kiosk.session.pin-entry-seconds"));
                    pin.clear();
                    pin.sendKeys("45");
                    browser.findElement(By.id("rollout")).click();

                    // then the progress shows the kiosk's answer: appliquée, and the kiosk runs the new settings
                    await().atMost(PATIENCE).untilAsserted(() -> assertThat(targetState(browser, SITE + "/kiosk-001"))
                            .as(said.getText()).isEqualTo("appliquée"));
                    // and the page had nothing to complain about
                    assertThat(pageErrors(browser)).isEmpty();
                    assertThat(running.fleet().config().settings().idleLockSeconds()).isEqualTo(120);
                    assertThat(running.fleet().config().settings().pinEntryTimeoutSeconds()).isEqualTo(45);
                    browser.findElement(By.id("load")).click();
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.cssSelector(
                            "[data-current='kiosk.session.idle-lock-seconds']")).getText().equals("valeur du groupe : 120"));

                    // and in the advanced view, an unknown setting and an out-of-range value are refused by the hub
                    // and said in French: never "out of bounds", never the hub's English
                    browser.findElement(By.cssSelector("#advanced summary")).click();
                    WebElement json = browser.findElement(By.id("settings"));
                    await().atMost(PATIENCE).until(() -> json.getAttribute("value").contains("\"kiosk.session.idle-lock-seconds\": 120"));
                    json.clear();
                    json.sendKeys("{\"kiosk.session.idle-lock-secs\": 120}");
                    browser.findElement(By.id("rollout")).click();
                    await().atMost(PATIENCE).until(() -> said.getText().equals("Réglage inconnu : kiosk.session.idle-lock-secs"));
                    json.clear();
                    json.sendKeys("{\"kiosk.session.presence-lock-seconds\": 900}");
                    browser.findElement(By.id("rollout")).click();
                    await().atMost(PATIENCE).until(() -> said.getText().equals(
                            "« Verrouillage en l'absence de personne » : 900 n'est pas permis ; choisissez une valeur de 1 à 600."));
                    assertThat(said.getAttribute("class")).contains("error");
                    assertThat(running.fleet().config().settings().idleLockSeconds()).isEqualTo(120);
                    json.clear();
                    json.sendKeys("{\"kiosk.session.idle-lock-seconds\": 120}");
                    browser.findElement(By.cssSelector("#advanced summary")).click();

                    // and in English under ?lang=en
                    browser.get(base + "/configuration?lang=en");
                    WebElement idleEn = browser.findElement(By.id("setting-kiosk.session.idle-lock-seconds"));
                    assertThat(browser.findElement(By.cssSelector("[data-setting='kiosk.session.idle-lock-seconds']")).getText())
                            .contains("Idle lock", "Default: 300 s");
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.cssSelector(
                            "[data-current='kiosk.session.idle-lock-seconds']")).getText().equals("group value: 120"));
                    idleEn.clear();
                    idleEn.sendKeys("99999");
                    browser.findElement(By.id("rollout")).click();
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("action-result")).getText().equals(
                            "\"Idle lock\": 99999 is not allowed; choose a value from 15 to 3600."));
                    browser.get(base + "/configuration");
                    assertThat(browser.findElement(By.id("versions-explained")).getText())
                            .contains("compteur unique pour toutes les bornes", "enrôlement");

                    // and a rollout to a group no kiosk is in is said as a warning, not as a success
                    WebElement group = browser.findElement(By.id("group"));
                    group.clear();
                    group.sendKeys("aucune-borne");
                    browser.findElement(By.id("rollout")).click();
                    WebElement result = browser.findElement(By.id("action-result"));
                    await().atMost(PATIENCE).until(() -> result.getText().startsWith("Attention : aucune borne dans le groupe aucune-borne."));
                    assertThat(result.getAttribute("class")).contains("error");

                    // and on the kiosk's page, its heartbeat shows that version and a diagnostics command gets its reply
                    HeadlessChromium.consoleErrors(browser);
                    browser.get(base + "/device?site=" + SITE + "&kiosk=kiosk-001");
                    long applied = running.fleet().config().version();
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("facts")).getText()
                            .contains("Version de configuration\n" + applied));
                    browser.findElement(By.cssSelector("#command-form button")).click();
                    await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#commands tr[data-state=DONE]")).isEmpty());
                    assertThat(pageErrors(browser)).isEmpty();

                    // and an unsigned "reboot" put on the kiosk's command topic is refused by the kiosk, and shown
                    // there in French words
                    publishWithTheBrokerPassword(hub, Topics.command(KioskAddress.of(SITE, "kiosk-001")), "{\"name\":\"reboot\"}");
                    WebElement refused = await().atMost(PATIENCE).until(() -> browser.findElements(
                            By.cssSelector("#refusals tr[data-code=COMMAND_UNSIGNED]")), rows -> !rows.isEmpty()).get(0);
                    assertThat(refused.getText()).contains("Message non signé par le hub");

                    // and the admin declares it an admission desk: the hub, not the kiosk, knows it as one
                    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("role")))
                            .selectByValue("ADMISSION_DESK");
                    browser.findElement(By.cssSelector("#role-form button")).click();
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("facts")).getText()
                            .contains("Rôle\nPoste d'admission"));
                    assertThat(provenAgents(hub).roles().of(fr.vigie.protocol.KioskAddress.of(SITE, "kiosk-001")))
                            .isEqualTo(fr.vigie.hub.device.DeviceRole.ADMISSION_DESK);

                    // and what a kiosk reports about itself (software version, reader names) stays text too
                    reportStatusWithHtml(hub, tmp, "kiosk-xss");
                    browser.get(base + "/");
                    await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#devices tr[data-kiosk]")).size() == 2);
                    browser.get(base + "/device?site=" + SITE + "&kiosk=kiosk-xss");
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("facts")).getText().contains(XSS));
                    browser.get(base + "/");
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("devices")).getText().contains(XSS));
                    assertThat(browser.findElements(By.cssSelector("#devices img, #facts img"))).isEmpty();
                    assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);

                    // and on the identity-vigilance page, a change INSi would make to a QUAL record waits for the
                    // cell: both identities are shown, the admin accepts it, the record changes only then
                    long record = qualRecordWithAChangeWaiting(hub);
                    browser.get(base + "/vigilance");
                    WebElement change = await().atMost(PATIENCE).until(() -> browser.findElements(
                            By.cssSelector("#changes tr[data-record='" + record + "']")).stream().findFirst().orElse(null),
                            r -> r != null);
                    assertThat(change.findElement(By.cssSelector("td.current")).getText()).contains("LEGRAND SOPHIE")
                            .contains("QUAL").doesNotContain("290113306310159");
                    assertThat(change.findElement(By.cssSelector("td.proposed")).getText()).contains("LEGRAND SOPHIE MARIE");
                    change.findElement(By.cssSelector("button.accept")).click();
                    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("action-result")).getText()
                            .contains("acceptée : le dossier " + record));
                    assertThat(hub.identities().find(record).orElseThrow().traits().listePrenomText()).isEqualTo("SOPHIE MARIE");
                    await().atMost(PATIENCE).until(() -> browser.findElements(
                            By.cssSelector("#changes tr[data-record='" + record + "']")).isEmpty());

                    // and a request without the CSRF token, from the signed-in page itself, is refused
                    Object status = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                            + "fetch('/api/v1/config/groups/default', {method: 'PUT', headers: {'Content-Type': 'application/json'},"
                            + " body: '{}'}).then(r => r.json().then(j => done(r.status + ' ' + j.error)));");
                    assertThat(status).isEqualTo("403 CSRF_TOKEN_INVALID");
                } finally {
                    browser.quit();
                }
                adminResolvesAnEnrolmentConflictAndLiftsASignInLock(hub, base, adminPassword);
                viewerSeesNoMutatingControlAndIsRefused(hub, base);
                adminSeesAMessageTheGamRefusedAndSendsItAgain(hub, base, adminPassword, gamRefuses);
            }
        }
    }

    /**
     * The GAM refuses the message of a record created here: the GAM feed page shows it in French with the GAM's
     * words and, once the GAM accepts again, the admin sends it again and it moves to the accepted ones.
     */
    private void adminSeesAMessageTheGamRefusedAndSendsItAgain(EdgeHub hub, String base, String adminPassword,
            java.util.concurrent.atomic.AtomicBoolean gamRefuses) throws Exception {
        await().atMost(PATIENCE).until(() -> hub.gam().outbox().counts().waiting() == 0);
        gamRefuses.set(true);
        long record = hub.identities().create(TraitsInput.of("Refuse", "Gam", "M", "1959-09-19"), "it").record().id();
        await().atMost(PATIENCE).until(() -> hub.gam().outbox().counts().failed() == 1);
        gamRefuses.set(false);
        WebDriver browser = HeadlessChromium.start("fr-FR");
        try {
            ConsoleSignIn.signIn(browser, base + "/gam", "admin", adminPassword);
            WebElement row = await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector(
                    "#failed tr[data-record='" + record + "']")).stream().findFirst().orElse(null), r -> r != null);
            assertThat(browser.findElement(By.id("feed-state")).getText()).startsWith("Actif : envoi vers 127.0.0.1:");
            assertThat(row.getText()).contains("Création d'identité", "Erreur signalée par le GAM (AE)",
                    "refuse par le GAM de test");
            row.findElement(By.cssSelector("button.resend")).click();
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("action-result")).getText().contains("renvoyé"));
            await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector(
                    "#delivered tr[data-record='" + record + "']")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("#failed tbody tr"))).isEmpty();
            assertThat(browser.findElement(By.id("failed-empty")).isDisplayed()).isTrue();
        } finally {
            browser.quit();
        }
    }

    /**
     * Two requests wait for kiosk-twin (the real one from this machine, another from 192.0.2.66): the page
     * marks the conflict, the admin approves the code of the real kiosk, the other is shown superseded; then a
     * locked-out account shows on the IT accounts page and the admin unblocks it.
     */
    private void adminResolvesAnEnrolmentConflictAndLiftsASignInLock(EdgeHub hub, String base, String adminPassword)
            throws Exception {
        DeviceIdentity twin = TestKiosks.requestEnrolment(hub, tmp, SITE, "kiosk-twin");
        DeviceIdentity impostor = DeviceIdentity.openOrCreate(tmp.resolve("impostor"), KioskAddress.of(SITE, "kiosk-twin"),
                "x".toCharArray(), java.time.Clock.systemUTC());
        hub.enrolments().submit(impostor.enrolmentRequest(Optional.empty()), "192.0.2.66");
        staffDirectory(hub).accounts().create("lou", StaffRole.VIEWER, "lou's long password".toCharArray(), "admin");
        for (int i = 0; i < 5; i++) {
            assertThat(signInStatus(base, "lou", "guess " + i)).isEqualTo(401);
        }
        assertThat(signInStatus(base, "lou", "lou's long password")).isEqualTo(429);
        WebDriver browser = HeadlessChromium.start("fr-FR");
        try {
            ConsoleSignIn.signIn(browser, base + "/enrolments", "admin", adminPassword);
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("conflicts")).isDisplayed());
            await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector(
                    "#pending tr[data-kiosk='" + SITE + "/kiosk-twin'][data-conflicts='1']")).size() == 2);
            WebElement real = browser.findElements(By.cssSelector("#pending tr[data-kiosk='" + SITE + "/kiosk-twin']"))
                    .stream().filter(r -> r.findElement(By.cssSelector("td.source")).getText().equals("127.0.0.1"))
                    .findFirst().orElseThrow();
            assertThat(real.getText()).contains("Conflit : 1 autre(s) demande(s) pour cette borne");
            real.findElement(By.cssSelector("input.code")).sendKeys(twin.enrolmentCode().toLowerCase(java.util.Locale.ROOT));
            real.findElement(By.cssSelector("button.approve")).click();
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("decided")).getText()
                    .contains("Remplacée : une autre demande a été approuvée pour cette borne"));
            assertThat(browser.findElement(By.id("conflicts")).isDisplayed()).isFalse();

            browser.get(base + "/staff");
            WebElement lock = await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector(
                    "#locks tr[data-kind=login][data-name=lou][data-locked=true]")).stream().findFirst().orElse(null),
                    r -> r != null);
            lock.findElement(By.cssSelector("button.lift")).click();
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("action-result")).getText()
                    .equals("Blocage levé pour lou."));
        } finally {
            browser.quit();
        }
        assertThat(signInStatus(base, "lou", "lou's long password")).isEqualTo(200);
        assertThat(auditLog(hub).find(fr.vigie.hub.audit.AuditQuery.all(1000)).entries()).anyMatch(e -> e.action()
                .equals("STAFF_SIGNIN_LOCK_LIFTED") && e.actor().equals("admin") && e.subject().equals("staff:lou"));
    }

    private static int signInStatus(String base, String login, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("login", login, "password", password)))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void viewerSeesNoMutatingControlAndIsRefused(EdgeHub hub, String base) throws Exception {
        staffDirectory(hub).accounts().create("vera", StaffRole.VIEWER, "viewer password 1".toCharArray(), "admin");
        TestKiosks.requestEnrolment(hub, tmp, SITE, "kiosk-later");
        WebDriver browser = HeadlessChromium.start("fr-FR");
        try {
            ConsoleSignIn.signIn(browser, base + "/enrolments", "vera", "viewer password 1");
            WebElement row = await().atMost(PATIENCE).until(() -> pendingRow(browser, "kiosk-later"), r -> r != null);
            await().atMost(PATIENCE).until(() -> "viewer".equals(browser.findElement(By.tagName("body")).getAttribute("data-role")));
            assertThat(row.findElement(By.cssSelector("button.approve")).isDisplayed()).isFalse();
            browser.get(base + "/configuration");
            assertThat(browser.findElement(By.id("rollout")).isDisplayed()).isFalse();
            long record = qualRecordWithAChangeWaiting(hub);
            browser.get(base + "/vigilance");
            WebElement change = await().atMost(PATIENCE).until(() -> browser.findElements(
                    By.cssSelector("#changes tr[data-record='" + record + "']")).stream().findFirst().orElse(null),
                    r -> r != null);
            await().atMost(PATIENCE).until(() -> "viewer".equals(browser.findElement(By.tagName("body")).getAttribute("data-role")));
            assertThat(change.findElement(By.cssSelector("button.accept")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
        String id = hub.enrolments().list(EnrolmentStatus.PENDING, 10).get(0).id().toString();
        HttpResponse<String> refused = asViewer(base, "POST", "/api/v1/enrolments/" + id + "/approve", "{\"enrolmentCode\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("STAFF_ROLE_FORBIDDEN");
        assertThat(hub.enrolments().list(EnrolmentStatus.PENDING, 10)).hasSize(1);
    }

    /** A QUAL record of LEGRAND Sophie, and INSi's answer with her full list of first names waiting for the cell. */
    private static long qualRecordWithAChangeWaiting(EdgeHub hub) throws Exception {
        RnivRequest insi = RnivRequest.withIns(RnivAction.of(RnivAction.Kind.INSI_RETRIEVED),
                InsMatricule.parse("290113306310159"), InsOid.parse("1.2.250.1.213.1.4.10"), "810001234565");
        long id = hub.identities().create(TraitsInput.of("Legrand", "Sophie", "F", "1990-11-20"), "staff:admin").record()
                .id();
        assertThat(hub.identities().adopt(OptionalLong.of(id), TraitsInput.of("LEGRAND", "SOPHIE", "F", "1990-11-20"), insi))
                .isInstanceOf(Adoption.Adopted.class);
        hub.identities().apply(id, RnivRequest.of(RnivAction.documentChecked(HighTrustDocument.PASSPORT), "staff:admin"));
        assertThat(hub.identities().adopt(OptionalLong.of(id), TraitsInput.of("LEGRAND", "SOPHIE MARIE", "F",
                "1990-11-20"), insi)).isInstanceOf(Adoption.ChangeRequested.class);
        return id;
    }

    private static HttpResponse<String> asViewer(String base, String method, String path, String body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\":\"vera\",\"password\":\"viewer password 1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(signIn.body()).get("csrf").asText();
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Someone who got hold of the hub's broker password (anonymous clients cannot even connect), but not of
     * its signing key, publishes on the hub's broker.
     */
    /**
     * The browser console's errors other than the API's answers the page reads on purpose (a group without a
     * configuration yet is a 404 the page explains), e.g. a script error or an invalid {@code pattern} attribute.
     */
    private static List<String> pageErrors(WebDriver browser) {
        return HeadlessChromium.consoleErrors(browser).stream().filter(e -> !e.contains("Failed to load resource")).toList();
    }

    private static void publishWithTheBrokerPassword(EdgeHub hub, String topic, String payload) throws Exception {
        MqttClient raw = new MqttClient(hub.mqttUrl(), hub.mqttCredentials().clientId("it-forger"),
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        org.eclipse.paho.mqttv5.client.MqttConnectionOptions asHub = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
        hub.mqttCredentials().applyTo(asHub);
        try {
            raw.connect(asHub);
            raw.publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
            raw.disconnect();
        } finally {
            raw.close();
        }
    }

    /** A device publishes a retained status whose free-text fields carry HTML. */
    private static void reportStatusWithHtml(EdgeHub hub, Path dir, String kioskId) throws Exception {
        KioskStatus status = new KioskStatus(SITE, kioskId, KioskStatus.State.ONLINE, Instant.now(), XSS, Instant.now(), 0, 60,
                0, "", List.of(XSS), ProtocolCodec.SCHEMA_VERSION);
        MqttClient raw = RawDevice.connect(hub, dir, KioskAddress.of(SITE, kioskId));
        try {
            raw.publish(Topics.status(KioskAddress.of(SITE, kioskId)), new ProtocolCodec().encode(status), 1, true);
            raw.disconnect();
        } finally {
            raw.close();
        }
    }

    private static WebElement pendingRow(WebDriver browser, String kioskId) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#pending tr[data-kiosk='" + SITE + "/" + kioskId + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String decidedStatus(WebDriver browser, String kioskId) {
        return (String) ((JavascriptExecutor) browser).executeScript("for (const tr of document.querySelectorAll("
                + "'#decided tr')) { if (tr.cells.length > 1 && tr.cells[1].textContent === arguments[0]) {"
                + " return tr.getAttribute('data-status'); } } return null;", kioskId);
    }

    /** Read in one script, since the page redraws the table on every refresh. */
    private static String targetState(WebDriver browser, String kiosk) {
        return (String) ((JavascriptExecutor) browser).executeScript("const c = document.querySelector("
                + "'#targets tr[data-kiosk=\"' + arguments[0] + '\"] td.state'); return c ? c.textContent : null;", kiosk);
    }
}
