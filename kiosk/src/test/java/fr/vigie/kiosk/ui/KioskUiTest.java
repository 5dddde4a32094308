package fr.vigie.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The UI server over real HTTP: languages, screen stream, escaping, Host, Origin and body checks. */
class KioskUiTest {
    private final KioskUi ui = KioskUi.start(0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<char[]> secrets = new CopyOnWriteArrayList<>();
    private final List<String> values = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        ui.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(ui.uri().resolve(path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(ui.uri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String origin() {
        return "http://127.0.0.1:" + ui.port();
    }

    @Test
    void pageIsFrenchByDefaultAndEnglishOnRequestRememberedInACookie() throws Exception {
        HttpResponse<String> fr = get("/");
        HttpResponse<String> en = get("/?lang=en");

        assertTrue(fr.body().contains("<html lang=\"fr\">") && fr.body().contains("Démarrage de la borne"));
        assertTrue(en.body().contains("<html lang=\"en\">") && en.body().contains("The kiosk is starting"));
        String cookie = en.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("vigie-lang=en;"), cookie);
        assertTrue(get("/", "Cookie", "vigie-lang=en").body().contains("<html lang=\"en\">"));
        assertTrue(fr.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
    }

    @Test
    void theHighestPrioritySlotIsShownAndEveryTextIsEscaped() throws Exception {
        ScreenSlot low = ui.slot("low", 10);
        ScreenSlot high = ui.slot("high", 90);
        ui.addBundle("i18n.session");
        low.show(Screen.of("low.screen", "ui/blank.jte", null));
        high.show(Screen.of("high.screen", "session/ui/card.jte", "<script>alert(1)</script> & \"x\""));
        await().until(() -> ui.current().screenId().equals("high.screen"));

        String page = get("/").body();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\""), page);
        assertFalse(page.contains("<script>alert"));

        high.clear();
        await().until(() -> ui.current().screenId().equals("low.screen"));
    }

    @Test
    void screensArePushedAsServerSentEvents() throws Exception {
        ScreenSlot slot = ui.slot("f", 1);
        HttpRequest req = HttpRequest.newBuilder(ui.uri().resolve("/ui/events?lang=en")).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> stream = http.send(req, HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        await().until(() -> lines.stream().anyMatch(l -> l.contains("data-screen=\"ui.blank\"")));

        slot.show(Screen.of("f.hello", "ui/blank.jte", null));

        await().until(() -> lines.stream().anyMatch(l -> l.startsWith("data: ") && l.contains("data-screen=\"f.hello\"")
                && l.contains("The kiosk is starting")));
        assertTrue(lines.contains("event: screen"));
    }

    @Test
    void postsFromAnotherOriginOrWithoutOriginAreRefused() throws Exception {
        ui.action("f", "press", r -> values.add(r.value()));
        String form = "application/x-www-form-urlencoded";

        HttpResponse<String> none = post("/ui/action/f/press", "value=a", "Content-Type", form);
        HttpResponse<String> evil = post("/ui/action/f/press", "value=b", "Content-Type", form, "Origin", "http://evil.example");
        HttpResponse<String> crossSite = post("/ui/action/f/press", "value=c", "Content-Type", form, "Origin", origin(),
                "Sec-Fetch-Site", "cross-site");
        HttpResponse<String> own = post("/ui/action/f/press", "value=d", "Content-Type", form, "Origin", origin());

        assertEquals(List.of(403, 403, 403, 204), List.of(none.statusCode(), evil.statusCode(), crossSite.statusCode(), own.statusCode()));
        assertEquals("UI_ORIGIN_REFUSED", evil.body());
        assertEquals(List.of("d"), values);
    }

    @Test
    void aBodyThePageNeverSendsIsRefused415AndABrokenFormIs400WithoutAnError() throws Exception {
        ui.action("f", "press", r -> values.add(r.value()));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            HttpResponse<String> json = post("/ui/action/f/press", "{\"value\":\"a\"}", "Content-Type", "application/json",
                    "Origin", origin());
            HttpResponse<String> none = post("/ui/action/f/press", "value=b", "Origin", origin());
            HttpResponse<String> multipart = post("/ui/action/f/press", "--x--", "Content-Type",
                    "multipart/form-data; boundary=x", "Origin", origin());
            HttpResponse<String> broken = post("/ui/action/f/press", "value=%zz", "Content-Type",
                    "application/x-www-form-urlencoded", "Origin", origin());

            assertEquals(List.of(415, 415, 415, 400), List.of(json.statusCode(), none.statusCode(), multipart.statusCode(),
                    broken.statusCode()));
            assertEquals("UI_UNSUPPORTED_MEDIA_TYPE", json.body());
            assertEquals("UI_BAD_FORM", broken.body());
            assertEquals(List.of(), values);
            assertTrue(log.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)
                    || e.getThrowableProxy() != null), log.list.toString());
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void aRequestNamingAnotherHostIsRefused() throws Exception {
        try (Socket s = new Socket("127.0.0.1", ui.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: rebound.example:" + ui.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            String all = in.lines().reduce("", String::concat);
            assertTrue(status.contains(" 403 "), status);
            assertTrue(all.contains("UI_HOST_REFUSED"));
        }
    }

    @Test
    void secretDigitsArriveAsCharsAndAnythingElseIsRejected() throws Exception {
        ui.action("f", "secret", r -> secrets.add(r.secretDigits()));

        HttpResponse<String> ok = post("/ui/action/f/secret", "4321", "Content-Type", "text/plain", "Origin", origin());
        HttpResponse<String> bad = post("/ui/action/f/secret", "12a4", "Content-Type", "text/plain", "Origin", origin());
        HttpResponse<String> tooLong = post("/ui/action/f/secret", "1".repeat(17), "Content-Type", "text/plain", "Origin", origin());

        assertEquals(204, ok.statusCode());
        assertArrayEquals("4321".toCharArray(), secrets.get(0));
        assertEquals(400, bad.statusCode());
        assertEquals("UI_BAD_SECRET", bad.body());
        assertEquals(400, tooLong.statusCode());
        assertEquals(1, secrets.size());
    }

    @Test
    void valuesAreEscapedInAttributesAndAScreenStaysOnOneLine() {
        UiTexts texts = new UiTexts("i18n.kiosk-ui");
        texts.add("i18n.ecps");
        texts.add("i18n.session");
        ScreenRenderer renderer = new ScreenRenderer(texts);

        String confirm = renderer.screen(Screen.of("ecps.confirm", "ecps/confirm.jte", "8\" onclick=\"alert(1)"), UiLanguage.FR);
        String card = renderer.screen(Screen.of("session.card", "session/ui/card.jte", "Claire\nMARTIN"), UiLanguage.FR);

        assertTrue(confirm.contains(" data-value=\"8&#34; onclick=&#34;alert(1)\""), confirm);
        assertFalse(confirm.matches("(?s).*<[^>]*\\sonclick=\".*"), "no attribute made of a value: " + confirm);
        assertTrue(card.contains("Claire&#10;MARTIN"), card);
        assertFalse(confirm.contains("\n") || card.contains("\n"), "a screen travels as one server-sent event line");
    }

    @Test
    void aScreenThatCannotBeDrawnShowsAnErrorInWords() throws Exception {
        ScreenSlot slot = ui.slot("f", 1);

        slot.show(Screen.of("f.broken", "ui/nosuchtemplate.jte", null));

        await().until(() -> ui.current().screenId().equals("f.broken"));
        String page = get("/").body();
        assertTrue(page.contains("data-screen=\"ui.error\"") && page.contains("notice notice-error"), page);
    }

    @Test
    void screenIdsAndTemplatePathsAreChecked() {
        assertThrowsIllegal(() -> Screen.of("Bad Id", "ui/blank.jte", null));
        assertThrowsIllegal(() -> new ScreenPart("../etc/passwd", null));
        assertThrowsIllegal(() -> new Screen("ui.none", java.util.List.of()));
        assertEquals(URI.create("http://127.0.0.1:" + ui.port() + "/"), ui.uri());
    }

    private static void assertThrowsIllegal(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return;
        }
        throw new AssertionError("accepted an unsafe name");
    }

}
