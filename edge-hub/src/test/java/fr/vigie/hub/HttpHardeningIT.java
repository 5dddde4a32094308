package fr.vigie.hub;

import static fr.vigie.hub.HubServicesFixture.staffDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.staff.StaffRole;
import fr.vigie.hub.testing.LogCapture;
import fr.vigie.hub.testing.RawHttp;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.AdmissionApi;
import fr.vigie.protocol.device.CertificateApi;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.RootPin;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's two HTTP listeners played by an attacker on the network (PSC configured through
 * {@code hub.psc.*}, so that the kiosk sign-in routes read their bodies too; discovery is lazy and never
 * needed here): a malformed body answers 400 with a stable code on every route
 * family, never a stack trace, and leaves nothing above WARN in the log; a body of the wrong media type
 * answers 415; a {@code Host} that is not one of the hub's names answers 421; every answer carries the
 * security headers.
 */
class HttpHardeningIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = MutableClock.followingSystemTime();
    private static final String TRUNCATED = "{\"login\": \"admin\", \"password\": ";

    @TempDir
    static Path dataDir;
    static EdgeHub hub;
    static String admin;
    static SSLContext kioskTls;
    static SSLContext anonymousTls;

    @BeforeAll
    static void startHub() throws Exception {
        Path secret = dataDir.resolve("psc-client-secret");
        Files.writeString(secret, "not-used");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false",
                PscGatewaySettings.DISCOVERY_URL, "http://127.0.0.1:9/realms/x/.well-known/wallet-openid-configuration",
                PscGatewaySettings.CLIENT_ID, "vigie-test", PscGatewaySettings.CLIENT_AUTH, "client_secret_basic",
                PscGatewaySettings.CLIENT_SECRET_FILE, secret.toString())), CLOCK);
        admin = staffDirectory(hub).tokens().issue("admin", StaffRole.ADMIN, "hardening", "test").token();
        DeviceIdentity kiosk = TestDevices.enrolled(hub.siteCa(), dataDir.resolve("kiosks"),
                KioskAddress.of("demo", "accueil-1"), CLOCK);
        kioskTls = kiosk.sslContext();
        anonymousTls = RootPin.enrolmentContext(hub.siteCa().rootFingerprint());
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    /** The REST API's routes that take a body. */
    private static List<String[]> restRoutes() {
        String id = UUID.randomUUID().toString();
        return List.of(new String[] {"POST", "/api/v1/session"}, new String[] {"POST", "/api/v1/identities"},
                new String[] {"PUT", "/api/v1/identities/1"}, new String[] {"POST", "/api/v1/identities/1/actions"},
                new String[] {"PUT", "/api/v1/config/groups/default"},
                new String[] {"POST", "/api/v1/config/groups/default/reissue"},
                new String[] {"PUT", "/api/v1/devices/demo/accueil-1/group"},
                new String[] {"POST", "/api/v1/devices/demo/accueil-1/commands"},
                new String[] {"POST", "/api/v1/devices/demo/accueil-1/revoke"},
                new String[] {"POST", "/api/v1/enrolments/tokens"}, new String[] {"POST", "/api/v1/enrolments/" + id + "/approve"},
                new String[] {"POST", "/api/v1/enrolments/" + id + "/reject"}, new String[] {"POST", "/api/v1/staff/accounts"},
                new String[] {"POST", "/api/v1/staff/accounts/admin/password"}, new String[] {"POST", "/api/v1/staff/tokens"},
                new String[] {"POST", "/api/v1/staff/signin-locks/lift"}, new String[] {"POST", "/api/v1/audit/verify"});
    }

    /** The device API's routes that take a body: enrolment (no certificate) and a kiosk's own. */
    private static List<String> deviceRoutes() {
        return List.of(EnrolmentApi.SUBMIT.path(), CertificateApi.RENEW.path(), CertificateApi.INSTALLED.path(),
                CibaApi.START.path(), CibaApi.EXERCICE.path("abc"), AdmissionApi.TRAITS.path(),
                AdmissionApi.VITALE.path(), AdmissionApi.APCV.path(), AdmissionApi.DOCUMENT.path("1"));
    }

    @Test
    void malformedJsonIsRefused400WithAStableCodeOnEveryRouteAndNothingAboveWarnIsLogged() throws Exception {
        List<String> problems = new ArrayList<>();
        try (LogCapture log = LogCapture.start();
                RawHttp rest = RawHttp.connect(hub.httpUri(), "127.0.0.1", null);
                RawHttp device = RawHttp.connect(hub.deviceApiUri(), "127.0.0.1", kioskTls)) {
            for (String[] route : restRoutes()) {
                for (String body : new String[] {TRUNCATED, "{\"a\":1} trailing", "\u00ff\u00fe", "{\"a\":1}{\"b\":2}"}) {
                    check(problems, route[0] + " " + route[1], rest.send(route[0], route[1], "application/json", body,
                            Map.of("Authorization", "Bearer " + admin)), "BAD_JSON");
                }
            }
            for (String path : deviceRoutes()) {
                check(problems, "device POST " + path, device.send("POST", path, "application/json", TRUNCATED), "BAD_JSON");
            }

            assertEquals(List.of(), problems);
            assertEquals(List.of(), log.aboveWarnOrWithStackTrace());
        }
    }

    @Test
    void wellFormedJsonOfTheWrongShapeGetsTheRoutesOwnCodeNever500() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + admin);
        try (LogCapture log = LogCapture.start();
                RawHttp rest = RawHttp.connect(hub.httpUri(), "127.0.0.1", null);
                RawHttp device = RawHttp.connect(hub.deviceApiUri(), "127.0.0.1", kioskTls)) {
            for (String[] route : restRoutes()) {
                if (route[1].equals("/api/v1/audit/verify")) {
                    continue; // takes no body: whatever JSON is sent is ignored
                }
                for (String body : new String[] {"[1, 2, 3]", "\"text\"", "{\"login\": {\"x\": 1}, \"password\": [],"
                        + " \"enrolmentCode\": {}, \"reason\": [], \"kioskId\": 7, \"version\": \"x\", \"group\": 1,"
                        + " \"name\": {}, \"role\": [], \"source\": {}}", "null"}) {
                    check(problems, route[0] + " " + route[1] + " " + body, rest.send(route[0], route[1],
                            "application/json", body, bearer), null);
                }
            }
            for (String path : deviceRoutes()) {
                if (path.endsWith("/installed")) {
                    continue; // takes no body
                }
                for (String body : new String[] {"[]", "{\"csrPem\": 5, \"idNatPs\": [], \"index\": \"x\", \"traits\": 1}"}) {
                    check(problems, "device POST " + path + " " + body, device.send("POST", path, "application/json",
                            body), null);
                }
            }
            assertEquals(List.of(), problems);
            assertEquals(List.of(), log.aboveWarnOrWithStackTrace());
        }
    }

    /** Expects 400 (or, for a body the route does not read, any answer below 500) with a code and no stack trace. */
    private static void check(List<String> problems, String what, RawHttp.Response r, String code) throws Exception {
        String body = r.body();
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at fr.vigie") || body.contains("at io.")) {
            problems.add(what + ": stack trace in the answer: " + body);
        }
        if (r.status() >= 500) {
            problems.add(what + ": " + r.status() + " " + body);
            return;
        }
        JsonNode error;
        try {
            error = JSON.readTree(body).path("error");
        } catch (Exception e) {
            problems.add(what + ": answer is not JSON: " + r.status() + " " + body);
            return;
        }
        if (code != null && (r.status() != 400 || !code.equals(error.asText()))) {
            problems.add(what + ": expected 400 " + code + ", got " + r.status() + " " + body);
        } else if (code == null && r.status() == 400 && !error.asText().matches("[A-Z][A-Z0-9_]+")) {
            problems.add(what + ": 400 without a stable code: " + body);
        }
    }

    @Test
    void aBodyOfAMediaTypeTheRouteDoesNotTakeIsRefused415() throws Exception {
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + admin);
        try (RawHttp rest = RawHttp.connect(hub.httpUri(), "127.0.0.1", null);
                RawHttp device = RawHttp.connect(hub.deviceApiUri(), "127.0.0.1", anonymousTls)) {
            String signIn = "{\"login\":\"admin\",\"password\":\"wrong password\"}";
            assertUnsupported(rest.send("POST", "/api/v1/session", "text/plain", signIn));
            assertUnsupported(rest.send("POST", "/api/v1/identities", null, "{}", bearer));
            assertUnsupported(rest.send("PUT", "/api/v1/config/groups/default", "application/x-www-form-urlencoded",
                    "a=b", bearer));
            assertUnsupported(rest.send("POST", "/api/v1/staff/accounts", "multipart/form-data; boundary=x",
                    "--x--", bearer));
            assertUnsupported(device.send("POST", EnrolmentApi.SUBMIT.path(), "text/plain", "{}"));

            assertEquals(401, rest.send("POST", "/api/v1/session", "application/json; charset=UTF-8", signIn).status(),
                    "parameters of the media type are fine");
        }
    }

    private static void assertUnsupported(RawHttp.Response r) throws Exception {
        assertEquals(415, r.status(), r.body());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", JSON.readTree(r.body()).path("error").asText());
    }

    @Test
    void aHostThatIsNotOneOfTheHubsNamesIsRefused421() throws Exception {
        URI http = hub.httpUri();
        try (RawHttp rest = RawHttp.connect(http, "127.0.0.1", null);
                RawHttp device = RawHttp.connect(hub.deviceApiUri(), "127.0.0.1", anonymousTls)) {
            String signIn = "{\"login\":\"admin\",\"password\":\"" + fr.vigie.hub.testing.StaffClient.firstAdminPassword(
                    dataDir.resolve("hub")) + "\"}";
            for (String spoofed : new String[] {"rebind.attacker.example:" + http.getPort(), "rebind.attacker.example",
                    "127.0.0.1.nip.example:" + http.getPort(), "[::2]:" + http.getPort()}) {
                RawHttp.Response r = rest.send("POST", "/api/v1/session", spoofed, "application/json", signIn, Map.of());
                assertEquals(421, r.status(), spoofed + ": " + r.body());
                assertEquals("HOST_REFUSED", JSON.readTree(r.body()).path("error").asText());
                assertTrue(r.header("Set-Cookie") == null, "no session for a rebinding page");
                assertEquals(421, rest.send("GET", "/healthz", spoofed, null, null, Map.of()).status());
            }
            for (String own : new String[] {"127.0.0.1:" + http.getPort(), "localhost:" + http.getPort(),
                    "LOCALHOST:" + http.getPort(), "[::1]:" + http.getPort()}) {
                assertEquals(200, rest.send("GET", "/healthz", own, null, null, Map.of()).status(), own);
            }
            assertEquals(200, rest.send("POST", "/api/v1/session", "127.0.0.1:" + http.getPort(), "application/json",
                    signIn, Map.of()).status());

            int port = hub.deviceApiUri().getPort();
            RawHttp.Response spoofedDevice = device.send("GET", EnrolmentApi.PING.path(), "rebind.attacker.example:" + port, null,
                    null, Map.of());
            assertEquals(421, spoofedDevice.status());
            assertEquals("HOST_REFUSED", JSON.readTree(spoofedDevice.body()).path("error").asText());
            assertEquals(200, device.send("GET", EnrolmentApi.PING.path(), "localhost:" + port, null, null, Map.of()).status());
        }
        try (RawHttp noHost = RawHttp.connect(http, "127.0.0.1", null)) {
            int status = noHost.send("GET", "/healthz", null, null, null, Map.of()).status();
            assertTrue(status == 400 || status == 421, "a request without Host is refused, got " + status);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersRefusalsIncluded() throws Exception {
        int port = hub.httpUri().getPort();
        Map<String, RawHttp.Response> answers = new LinkedHashMap<>();
        try (RawHttp rest = RawHttp.connect(hub.httpUri(), "127.0.0.1", null)) {
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + admin);
            answers.put("console page", rest.send("GET", "/enrolments", null, null, bearer));
            answers.put("sign-in page", rest.send("GET", "/signin", null, null));
            answers.put("api", rest.send("GET", "/api/v1/devices", null, null, bearer));
            answers.put("api refusal 401", rest.send("GET", "/api/v1/devices", null, null));
            answers.put("bad json 400", rest.send("POST", "/api/v1/session", "application/json", "{"));
            answers.put("host refusal 421", rest.send("GET", "/api/v1/devices", "evil.example:" + port, null, null, bearer));
            answers.put("not found 404", rest.send("GET", "/sandbox/apcv/keys", null, null, bearer));
        }
        assertEquals(404, answers.get("not found 404").status(), "the production hub serves no sandbox route");
        answers.forEach((what, r) -> {
            assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
            assertEquals("DENY", r.header("X-Frame-Options"), what);
            assertEquals("no-referrer", r.header("Referrer-Policy"), what);
            String csp = r.header("Content-Security-Policy");
            assertNotNull(csp, what);
            assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
        });
        for (String page : new String[] {"console page", "sign-in page", "api"}) {
            String csp = answers.get(page).header("Content-Security-Policy");
            assertTrue(csp.startsWith("default-src 'none'") && csp.contains("script-src 'self'")
                    && !csp.contains("unsafe-inline"), page + ": " + csp);
        }
        for (String api : new String[] {"api", "api refusal 401", "bad json 400", "host refusal 421"}) {
            assertEquals("no-store", answers.get(api).header("Cache-Control"), api);
        }
        try (RawHttp device = RawHttp.connect(hub.deviceApiUri(), "127.0.0.1", anonymousTls)) {
            RawHttp.Response r = device.send("GET", EnrolmentApi.PING.path(), null, null);
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("no-store", r.header("Cache-Control"));
        }
        assertFalse(answers.get("console page").body().contains("<script>"));
    }
}
