package fr.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.broker.FreePort;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.kiosk.testing.KioskPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code ./vigie demo}: the sandbox's simulators, a hub pointed at them and virtual kiosks that report to it, one
 * of them an admission desk that qualifies the INS of a sandbox Vitale card's beneficiary, all stopped cleanly on
 * request.
 */
class DemoIT {
    private static final Pattern SANDBOX_PSC = Pattern.compile("Sandbox PSC: (\\S+) +e-CPS phone: (\\S+)");
    private static final Pattern SANDBOX_IDENTITIES = Pattern.compile("test identities \\(what to type or insert\\): (\\S+)");
    @TempDir
    Path tmp;

    @Test
    void demoRunsAHubWithReportingKiosksAndStopsEveryProcessCleanly() throws Exception {
        int http = FreePort.onLoopback();
        int mqtt = FreePort.onLoopback();
        ChildProcess demo = ChildProcess.start("demo", VigieHome.locate().javaCommand("system", Demo.class.getName(),
                List.of("--kiosks", "2", "--data", tmp.resolve("demo").toString(), "--http-port", String.valueOf(http),
                        "--mqtt-port", String.valueOf(mqtt), "--activity-every", "1")), tmp, System.out);
        try {
            demo.awaitLine(Pattern.compile("IT console: +http://127\\.0\\.0\\.1:" + http + "/"), Duration.ofMinutes(3));
            // the MQTT port printed is the one asked for with --mqtt-port (the kiosks' TLS listener is told apart)
            demo.awaitLine(Pattern.compile("MQTT broker: tcp://127\\.0\\.0\\.1:" + mqtt + " \\(--mqtt-port"), Duration.ofSeconds(5));
            // each virtual kiosk shows its sign-in screen, in French, with the sandbox cards
            String screen = demo.awaitLine(Pattern.compile("Kiosk screen demo/kiosk-001: (http://127\\.0\\.0\\.1:\\d+/)"),
                    Duration.ofMinutes(1)).group(1);
            // (once the kiosk has enrolled with its bootstrap token: until then it shows its enrolment code)
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(screen)).build(), HttpResponse.BodyHandlers.ofString())
                    .body()).contains("Insérez votre carte CPS", "sandbox-insert-0"));
            HubApi api = new HubApi(URI.create("http://127.0.0.1:" + http), tmp.resolve("demo").resolve("hub"));
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                JsonNode devices = api.devices();
                assertThat(devices).hasSize(2);
                assertThat(StreamSupport.stream(devices.spliterator(), false))
                        .allSatisfy(d -> assertThat(d.path("online").asBoolean()).isTrue())
                        .allSatisfy(d -> assertThat(d.path("lastEventType").asText()).isEqualTo("demo.activity"));
            });
            // and their heartbeats name the sandbox's virtual card readers, as a kiosk's name its PC/SC readers (the
            // admission desk, kiosk-001, has the patient's Vitale reader too)
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(StreamSupport.stream(
                    api.devices().spliterator(), false)).allSatisfy(d -> assertThat(StreamSupport.stream(
                            d.path("readers").spliterator(), false).map(JsonNode::asText).toList())
                            .containsExactlyElementsOf(d.path("kioskId").asText().equals("kiosk-001")
                                    ? List.of(SandboxCards.CONTACT_READER, SandboxCards.CONTACTLESS_READER,
                                            SandboxCards.PATIENT_READER)
                                    : List.of(SandboxCards.CONTACT_READER, SandboxCards.CONTACTLESS_READER))));
            // and the sandbox PSC the demo names answers discovery, with the e-CPS phone page next to it, beside
            // the hub (which serves no sandbox route)
            Matcher psc = demo.firstLine(l -> l.contains("Sandbox PSC:")).map(SANDBOX_PSC::matcher)
                    .filter(Matcher::find).orElseThrow();
            HttpClient client = HttpClient.newHttpClient();
            assertThat(client.send(HttpRequest.newBuilder(URI.create(psc.group(1)
                    + "/.well-known/wallet-openid-configuration")).build(), HttpResponse.BodyHandlers.ofString())
                    .body()).contains("ext/ciba/auth");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(psc.group(2))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(api.get("/sandbox/psc/ecps").statusCode()).isEqualTo(404);
            // and every kiosk trusts the sandbox IGC-Santé and has cached its two CRLs from the hub
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                try (var caches = Files.find(tmp.resolve("demo").resolve("kiosks"), 2,
                        (p, a) -> p.getFileName().toString().equals("igc-sante-crls"))) {
                    List<Path> dirs = caches.toList();
                    assertThat(dirs).hasSize(2);
                    for (Path d : dirs) {
                        try (var files = Files.list(d)) {
                            assertThat(files.filter(f -> f.toString().endsWith(".crl"))).hasSize(2);
                        }
                    }
                }
            });
            // the sandbox page lists the INSi test identities, matricules masked, the demo Vitale card's people marked
            Matcher identities = demo.firstLine(l -> l.contains("Sandbox INSi:")).map(SANDBOX_IDENTITIES::matcher)
                    .filter(Matcher::find).orElseThrow();
            String listed = client.send(HttpRequest.newBuilder(URI.create(identities.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(listed).contains("<td>DUPONT</td><td>LEA JEANNE</td><td>18/04/2012</td><td>Féminin</td>"
                    + "<td>code commune 75056</td><td class=\"matricule\">2************10</td><td>oui</td>")
                    .doesNotContain("212047505612310");
            // kiosk-001 is the admission desk, said so in the printed instructions
            assertThat(demo.firstLine(l -> l.contains("demo/kiosk-001 is the admission desk"))).isPresent();
            admitsTheDemoVitaleCardsChildWithAQualifiedIns(screen);

            List<ProcessHandle> children = ProcessHandle.of(demo.pid()).orElseThrow().descendants().toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(2);

            demo.stop(Duration.ofSeconds(60));

            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(demo.firstLine(l -> l.contains("stopped unexpectedly"))).isEmpty();
        } finally {
            demo.close();
        }
    }

    /**
     * At the demo's admission desk, in a browser: the agent signs in with a sandbox CPS card (which the hub accepts
     * as the desk's proven agent), inserts the sandbox Vitale card, picks a child, INSi's answer is retrieved (the
     * birth place only INSi knew shown side by side), and a checked passport qualifies the INS.
     */
    private static void admitsTheDemoVitaleCardsChildWithAQualifiedIns(String deskScreen) {
        ChromeDriver browser = HeadlessChromium.start("fr-FR");
        try {
            KioskPage page = new KioskPage(browser);
            browser.get(deskScreen);
            page.awaitScreen("session.idle");
            page.tap("sandbox-insert-0");
            page.awaitScreen("session.pin");
            for (char c : SandboxCards.DEMO_PIN.toCharArray()) {
                browser.findElement(By.cssSelector("#pin-pad [data-digit='" + c + "']")).click();
            }
            browser.findElement(By.cssSelector("#pin-pad [data-pad-submit]")).click();
            page.awaitScreen("admission.home");
            assertThat(page.text()).contains("Agent connecté : Claire MARTIN", "Carte Vitale de démonstration");

            page.tap("sandbox-vitale-insert");
            page.tap("admission-vitale");
            page.awaitScreen("admission.beneficiaries");
            assertThat(page.text()).contains("MARIE CLAIRE DUPONT", "LEA JEANNE DUPONT", "HUGO DUPONT");
            page.tap("admission-choose-1");
            page.awaitScreen("admission.identity");
            page.awaitText("récupérée par l’INSi");
            assertThat(page.text()).contains("LEA JEANNE", "Lieu de naissance", "code commune 75056",
                    "INS 2************10", "Recherche avec la carte Vitale : identité trouvée");

            page.tap("admission-document-passport");
            page.awaitText("identité qualifiée");
            assertThat(page.text()).contains("Statut : identité qualifiée", "Pièce vérifiée : Passeport")
                    .doesNotContain("AGENT_", "Ce poste n’est pas déclaré");
        } finally {
            browser.quit();
        }
    }
}
