package fr.vigie.system.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.sandbox.SandboxHub;
import fr.vigie.hub.sso.SsoSettings;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.hubapi.HubApi;
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
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.system.sso.RelyingParty;
import fr.vigie.system.sso.SiteTls;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./vigie bench sso}: single sign-on from the kiosk, measured end to end. Real: the hub (sandbox
 * launcher, embedded PostgreSQL) and its OpenID Provider on HTTPS (site CA certificate), the kiosk's
 * mutual-TLS device API calls (nonce, card session, applications, ticket, end), the kiosk's local UI, five
 * relying parties ({@link RelyingParty}) doing code + PKCE and client_secret_basic over TLS and receiving the
 * hub's back-channel logout calls over HTTP. Simulated: the CPS cards (virtual cards of the sandbox IGC-Santé
 * in in-process readers, PIN verified by the card) and the browser (the JDK's HTTP client following the
 * redirects with a cookie jar, as Chromium would, without rendering).
 *
 * <p>Each round: card + PIN → the launchpad screen pushed to the kiosk page (SSO session opened on the hub,
 * applications listed); the launchpad's first application opened → its first page served ("Bonjour …"); the
 * four others opened (not timed); the card removed → every one of the five application sessions logged out
 * (the hub's logout tokens received and checked by each application).
 */
final class SsoBench {
    private static final String PIN = "4821";
    private static final int APPLICATIONS = 5;
    private static final Pattern HREF = Pattern.compile("data-open-app=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SsoBench() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        int rounds = 50;
        int warmup = 5;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: ./vigie bench sso [--rounds N] [--warmup N]");
            }
        }
        if (rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--rounds must be at least 1, --warmup at least 0");
        }
        Path dir = Files.createTempDirectory("vigie-bench-sso");
        Clock clock = Clock.systemUTC();
        KioskAddress kiosk = KioskAddress.of("bench", "poste-1");
        List<RelyingParty> apps = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        int opPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            opPort = free.getLocalPort();
        }
        URI issuer = URI.create("https://localhost:" + opPort);
        try (SandboxHub sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, kiosk.site(),
                HubPkiConfig.DEVICE_API_PORT, "0", HubConfig.INGEST_ENABLED, "false", SsoSettings.ENABLED, "true",
                SsoSettings.PORT, String.valueOf(opPort), SsoSettings.ISSUER, issuer.toString()), clock)) {
            EdgeHub hub = sandboxHub.hub();
            Console it = Console.firstAdmin(hub.httpUri(), dir.resolve("hub"));
            SiteTls tls = SiteTls.of(hub.siteCa().rootCertificate(), issuer);
            for (int i = 1; i <= APPLICATIONS; i++) {
                RelyingParty rp = RelyingParty.start(issuer, tls.context());
                apps.add(rp);
                HttpResponse<String> reg = it.send("POST", "/api/v1/sso/clients", Map.of("clientId", "app-" + i,
                        "name", "Application " + i, "redirectUris", List.of(rp.redirectUri().toString()), "minLevel",
                        "CARD_PIN", "backChannelLogoutUri", rp.backChannelLogoutUri().toString(), "kioskGroups",
                        List.of("default")));
                require(reg, 201);
                rp.credentials("app-" + i, JSON.readTree(reg.body()).path("clientSecret").asText());
                require(it.send("PUT", "/api/v1/sso/clients/app-" + i + "/start-uri", Map.of("startUri",
                        rp.loginUri().toString())), 204);
            }
            DeviceIdentity device = DeviceIdentity.openOrCreate(dir.resolve("kiosk"), kiosk, "store".toCharArray(),
                    clock);
            hub.siteCa().enrolInProcess(device);
            TestIgcSante igc = TestIgcSante.over(sandboxHub.sandbox().igcSante().ca(), new SecureRandom());
            CpsCredential nurse = igc.issuePersonne("810001234565", "LEROY", "Anne");
            CertificateCheck check = SandboxCards.certificateCheck(igc, clock);
            ClinicianSession session = ClinicianSession.builder(new SessionTimeouts(Duration.ofSeconds(30),
                    Duration.ofHours(1), Duration.ofSeconds(20), Duration.ofHours(1), Duration.ofHours(1)), t -> { })
                    .timers(SessionTimers.of(scheduler)).build();
            VirtualReaders readers = new VirtualReaders("Contact");
            LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
            try (KioskUi ui = KioskUi.start(0);
                    Launchpad launchpad = Launchpad.start(session, HubApi.forDevice(hub.deviceApiUri(), device),
                            id -> java.util.Optional.empty())) {
                SessionUi.attach(ui, session, null);
                LaunchpadScreens.attach(ui, session, launchpad, null);
                ui.onPush(s -> pushed.add(s.screenId()));
                out.printf(Locale.ROOT, "Vigie single sign-on benchmark: %d rounds (+%d warm-up), %d applications%n",
                        rounds, warmup, APPLICATIONS);
                out.println("  real: hub + OpenID Provider (HTTPS, TLS 1.2/1.3, site CA), PostgreSQL, the kiosk's mutual-TLS"
                        + " device API, code + PKCE and token calls over TLS, back-channel logout calls over HTTP");
                out.println("  simulated: CPS cards (virtual, in-process readers), the browser (JDK HTTP client"
                        + " following redirects with cookies, no rendering)");
                double[] launch = new double[rounds];
                double[] firstPage = new double[rounds];
                double[] logout = new double[rounds];
                for (int r = -warmup; r < rounds; r++) {
                    HttpClient browser = HttpClient.newBuilder().sslContext(tls.context()).cookieHandler(
                            new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();
                    pushed.clear();
                    long t0 = System.nanoTime();
                    readers.insert("Contact", VirtualCpsCard.builder(nurse).pin(PIN).build());
                    CpsCard cps = CpsCard.open(readers.open().getTerminal("Contact").connect("*"), null);
                    session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                            new CpsCardAuthenticator(cps, check, new SecureRandom())));
                    if (session.submitPin(PIN.toCharArray()) != SessionState.OPEN) {
                        throw new IllegalStateException("the nurse's session did not open");
                    }
                    awaitScreen(pushed, "launchpad.apps");
                    List<String> hrefs = hrefs(ui);
                    long t1 = System.nanoTime();
                    HttpResponse<String> first = browser.send(HttpRequest.newBuilder(ui.uri().resolve(hrefs.get(0)))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    long t2 = System.nanoTime();
                    if (first.statusCode() != 200 || !first.body().contains("Bonjour Anne LEROY")) {
                        throw new IllegalStateException("the first application answered " + first.statusCode() + ": "
                                + first.body());
                    }
                    for (String href : hrefs.subList(1, hrefs.size())) {
                        require(browser.send(HttpRequest.newBuilder(ui.uri().resolve(href)).build(),
                                HttpResponse.BodyHandlers.ofString()), 200);
                    }
                    for (RelyingParty rp : apps) {
                        if (rp.sessions().size() != 1) {
                            throw new IllegalStateException("an application has " + rp.sessions().size()
                                    + " sessions before the card is removed");
                        }
                        rp.logouts().clear();
                    }
                    long t3 = System.nanoTime();
                    readers.remove("Contact");
                    session.cardRemoved();
                    for (RelyingParty rp : apps) {
                        if (rp.logouts().poll(30, TimeUnit.SECONDS) == null) {
                            throw new IllegalStateException("an application was not logged out within 30 s");
                        }
                    }
                    long t4 = System.nanoTime();
                    for (RelyingParty rp : apps) {
                        if (!rp.sessions().isEmpty()) {
                            throw new IllegalStateException("an application session outlived its logout token");
                        }
                    }
                    if (r >= 0) {
                        launch[r] = (t1 - t0) / 1e6;
                        firstPage[r] = (t2 - t1) / 1e6;
                        logout[r] = (t4 - t3) / 1e6;
                    }
                    session.logout(); // the locked session is closed before the next round signs in again
                }
                report(out, "card + PIN -> launchpad shown", Percentiles.of(launch));
                report(out, "launchpad tap -> first application page", Percentiles.of(firstPage));
                report(out, "card removed -> " + APPLICATIONS + " applications logged out", Percentiles.of(logout));
            }
        } finally {
            apps.forEach(RelyingParty::close);
            scheduler.shutdownNow();
        }
    }

    /** IT's console session (the first admin's), registering the applications through the REST API. */
    private record Console(HttpClient http, URI base, String cookie, String csrf) {
        static Console firstAdmin(URI base, Path hubData) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String password = Files.readString(hubData.resolve("initial-admin-password")).trim();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("login", "admin", "password", password)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            require(r, 200);
            String cookie = r.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
            return new Console(http, base, cookie, JSON.readTree(r.body()).path("csrf").asText());
        }

        HttpResponse<String> send(String method, String path, Object body) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf).header("Origin", base.getScheme() + "://" + base.getRawAuthority())
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void awaitScreen(LinkedBlockingQueue<String> pushed, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String s = pushed.poll(100, TimeUnit.MILLISECONDS);
            if (id.equals(s)) {
                return;
            }
        }
        throw new IllegalStateException("screen " + id + " was not shown within 30 s");
    }

    /** The application links of the launchpad screen, as the kiosk page receives it. */
    private static List<String> hrefs(KioskUi ui) throws Exception {
        HttpClient local = HttpClient.newHttpClient();
        try (var lines = local.send(HttpRequest.newBuilder(ui.uri().resolve("/ui/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).body()) {
            String screen = lines.filter(l -> l.startsWith("data:") && l.contains("launchpad.apps")).findFirst()
                    .orElseThrow();
            List<String> out = new ArrayList<>();
            Matcher m = HREF.matcher(screen);
            while (m.find()) {
                out.add(m.group(1).replace("&amp;", "&"));
            }
            if (out.size() != APPLICATIONS) {
                throw new IllegalStateException("the launchpad shows " + out.size() + " applications");
            }
            return out;
        }
    }

    private static void require(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + ": " + r.body());
        }
    }

    private static void report(PrintStream out, String what, Percentiles p) {
        out.printf(Locale.ROOT, "  %-44s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms%n", what, p.at(50), p.at(99),
                p.at(100));
    }
}
