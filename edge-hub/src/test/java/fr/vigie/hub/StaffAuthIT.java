package fr.vigie.hub;

import static fr.vigie.hub.HubServicesFixture.staffDirectory;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.hub.testing.RawHttp;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.protocol.device.IgcSanteApi;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IT staff sign-in on a real hub (embedded PostgreSQL): the first admin, sessions with CSRF, roles,
 * API tokens, throttling and expiry by the injected clock, and the security headers. Attackers on other
 * machines are played by connections leaving from other loopback addresses (127.0.0.2…).
 */
class StaffAuthIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = MutableClock.followingSystemTime();

    @TempDir
    static Path dataDir;
    static EdgeHub hub;
    static URI base;
    StaffClient admin;

    @BeforeAll
    static void startHub() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false")), CLOCK);
        base = hub.httpUri();
    }

    @BeforeEach
    void signInAsFirstAdmin() throws Exception {
        admin = StaffClient.firstAdmin(base, dataDir);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void freshHubHasOnlyTheFirstAdminWhosePasswordIsInAnOwnerOnlyFile() throws Exception {
        Path file = dataDir.resolve(StaffDirectory.FIRST_ADMIN_PASSWORD_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        JsonNode session = admin.getJson("/api/v1/session");
        assertEquals("admin", session.get("login").asText());
        assertEquals("admin", session.get("role").asText());
        assertEquals(admin.csrf(), session.get("csrf").asText());
        assertFalse(staffDirectory(hub).ensureFirstAdmin(dataDir), "a hub with an account creates no other");
    }

    @Test
    void everyApiRouteAndPageNeedsASignInExceptHealthMetricsAssetsAndSignin() throws Exception {
        for (String path : new String[] {"/api/v1/devices", "/api/v1/events", "/api/v1/vigilance/flags",
                "/api/v1/staff/accounts", "/api/v1/session"}) {
            HttpResponse<String> r = anonymous("GET", path);
            assertEquals(401, r.statusCode(), path);
            assertEquals("STAFF_SIGNIN_REQUIRED", JSON.readTree(r.body()).get("error").asText(), path);
        }
        for (String page : new String[] {"/", "/enrolments", "/configuration", "/audit", "/device?site=s&kiosk=k"}) {
            assertEquals(302, anonymous("GET", page).statusCode(), page);
        }
        HttpResponse<String> page = anonymous("GET", "/vigilance?lang=en");
        assertEquals(302, page.statusCode());
        assertEquals("/signin?next=%2Fvigilance%3Flang%3Den", page.headers().firstValue("Location").orElseThrow());
        for (String open : new String[] {"/healthz", "/metrics", "/signin", "/signin.js", "/console.css", "/common.js",
                IgcSanteApi.PUBLIC_CRLS.path()}) {
            assertEquals(200, anonymous("GET", open).statusCode(), open);
        }
        assertEquals(401, anonymous("POST", "/api/v1/identities").statusCode());
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndPagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> r = StaffClient.signInResponse(base, "admin", StaffClient.firstAdminPassword(dataDir));
        String setCookie = r.headers().allValues("Set-Cookie").get(0);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP on loopback: no Secure flag, or the browser drops it");
        assertFalse(r.body().contains(StaffClient.firstAdminPassword(dataDir)));

        HttpResponse<String> page = admin.get("/");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertFalse(page.body().contains("<script>"), "no inline script");
    }

    @Test
    void wrongPasswordAndUnknownLoginAnswerTheSame() throws Exception {
        HttpResponse<String> wrong = StaffClient.signInResponse(base, "admin", "not-the-password");
        HttpResponse<String> unknown = StaffClient.signInResponse(base, "nobody-here", "not-the-password");
        assertEquals(401, wrong.statusCode());
        assertEquals(wrong.body(), unknown.body());
        assertEquals("STAFF_SIGNIN_FAILED", JSON.readTree(wrong.body()).get("error").asText());
        assertTrue(StaffClient.sessionCookie(wrong).isEmpty());
        JsonNode audited = admin.getJson("/api/v1/audit?action=STAFF_SIGNIN_FAILED&subject=staff:nobody-here");
        assertEquals(1, audited.get("entries").size());
        assertEquals("STAFF_SIGNIN_FAILED", audited.at("/entries/0/details/code").asText());
        assertFalse(audited.toString().contains("not-the-password"));
    }

    @Test
    void fiveFailuresLockTheLoginOutUntilTheDelayHasPassedByTheClock() throws Exception {
        createAccount("locked.out", "viewer", "correct horse battery");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, StaffClient.signInResponse(base, "locked.out", "guess-" + i).statusCode());
        }
        HttpResponse<String> throttled = StaffClient.signInResponse(base, "locked.out", "correct horse battery");
        assertEquals(429, throttled.statusCode());
        assertEquals("STAFF_SIGNIN_THROTTLED", JSON.readTree(throttled.body()).get("error").asText());
        assertEquals("30", throttled.headers().firstValue("Retry-After").orElseThrow());

        CLOCK.advance(Duration.ofSeconds(31));
        assertEquals(200, StaffClient.signInResponse(base, "locked.out", "correct horse battery").statusCode());
    }

    @Test
    void viewerMayReadButNotChangeAnything() throws Exception {
        createAccount("vera", "viewer", "viewer password 1");
        StaffClient vera = StaffClient.signIn(base, "vera", "viewer password 1");
        assertEquals(200, vera.get("/api/v1/devices").statusCode());
        HttpResponse<String> r = vera.send("POST", "/api/v1/staff/accounts",
                Map.of("login", "mallory", "role", "admin", "password", "a long password"));
        assertEquals(403, r.statusCode());
        assertEquals("STAFF_ROLE_FORBIDDEN", JSON.readTree(r.body()).get("error").asText());
        assertEquals(404, admin.send("DELETE", "/api/v1/staff/accounts/mallory", null).statusCode(), "was not created");
    }

    @Test
    void mutatingWithTheCookieButWithoutTheCsrfTokenOrFromAnotherOriginIsRefused() throws Exception {
        Map<String, String> body = Map.of("login", "csrf-victim", "role", "viewer", "password", "a long password");
        HttpRequest noToken = withoutHeader(admin.mutating("POST", "/api/v1/staff/accounts", body), "X-CSRF-Token");
        HttpResponse<String> r = StaffClient.send(noToken);
        assertEquals(403, r.statusCode());
        assertEquals("CSRF_TOKEN_INVALID", JSON.readTree(r.body()).get("error").asText());

        HttpRequest wrongToken = admin.mutating("POST", "/api/v1/staff/accounts", body).setHeader("X-CSRF-Token", "forged").build();
        assertEquals("CSRF_TOKEN_INVALID", JSON.readTree(StaffClient.send(wrongToken).body()).get("error").asText());

        HttpRequest otherOrigin = admin.mutating("POST", "/api/v1/staff/accounts", body)
                .setHeader("Origin", "https://evil.example").build();
        HttpResponse<String> cross = StaffClient.send(otherOrigin);
        assertEquals(403, cross.statusCode());
        assertEquals("ORIGIN_REFUSED", JSON.readTree(cross.body()).get("error").asText());

        assertEquals(201, admin.send("POST", "/api/v1/staff/accounts", body).statusCode(), "with token and origin it works");
    }

    @Test
    void apiTokenActsWithItsRoleWithoutCsrfUntilRevoked() throws Exception {
        HttpResponse<String> issued = admin.send("POST", "/api/v1/staff/tokens", Map.of("role", "viewer", "label", "it"));
        assertEquals(201, issued.statusCode(), issued.body());
        JsonNode t = JSON.readTree(issued.body());
        String token = t.get("token").asText();
        assertTrue(token.startsWith("vigie_"));
        assertFalse(admin.get("/api/v1/staff/tokens").body().contains(token), "the secret is shown once");

        assertEquals(200, bearer("GET", "/api/v1/devices", token).statusCode());
        assertEquals(403, bearer("DELETE", "/api/v1/staff/tokens/" + t.get("id").asLong(), token).statusCode(),
                "a viewer token cannot mutate");

        String adminToken = JSON.readTree(admin.send("POST", "/api/v1/staff/tokens",
                Map.of("role", "admin", "label", "cli")).body()).get("token").asText();
        assertEquals(204, bearer("DELETE", "/api/v1/staff/tokens/" + t.get("id").asLong(), adminToken).statusCode(),
                "an admin token mutates without a CSRF token: browsers never send it by themselves");
        assertEquals(401, bearer("GET", "/api/v1/devices", token).statusCode(), "revoked");
    }

    @Test
    void sessionEndsAfterIdleTimeAndOnSignOut() throws Exception {
        createAccount("idle.ida", "viewer", "viewer password 2");
        StaffClient ida = StaffClient.signIn(base, "idle.ida", "viewer password 2");
        CLOCK.advance(Duration.ofMinutes(29));
        assertEquals(200, ida.get("/api/v1/devices").statusCode(), "used within 30 min");
        CLOCK.advance(Duration.ofMinutes(29));
        assertEquals(200, ida.get("/api/v1/devices").statusCode(), "idle time counts from the last request");
        CLOCK.advance(Duration.ofMinutes(31));
        assertEquals(401, ida.get("/api/v1/devices").statusCode(), "31 min idle");

        StaffClient again = StaffClient.signIn(base, "idle.ida", "viewer password 2");
        assertNotEquals(ida.cookie(), again.cookie());
        assertEquals(204, again.send("DELETE", "/api/v1/session", null).statusCode());
        assertEquals(401, again.get("/api/v1/devices").statusCode());
    }

    @Test
    void passwordSprayingFromOneAddressIsHeldBackWhateverTheLoginsTried() throws Exception {
        createAccount("sprayed.sam", "viewer", "sam's long password");
        // given an attacker at 127.0.0.2 trying one password on ten logins
        for (int i = 0; i < 10; i++) {
            assertEquals(401, signInFrom("127.0.0.2", "spray-" + i, "Summer2025!").status());
        }
        // when it goes on, even with the right password of a real account
        RawHttp.Response held = signInFrom("127.0.0.2", "sprayed.sam", "sam's long password");
        assertEquals(429, held.status());
        assertEquals("STAFF_SIGNIN_THROTTLED", JSON.readTree(held.body()).get("error").asText());
        assertEquals("60", held.header("Retry-After"));
        for (int i = 10; i < 30; i++) {
            assertEquals(429, signInFrom("127.0.0.2", "spray-" + i, "Summer2025!").status());
        }
        // then the account itself is not held back for its owner elsewhere
        assertEquals(200, signInFrom("127.0.0.3", "sprayed.sam", "sam's long password").status());
        // and the audit log has the ten checked failures one by one, the throttled rest summarised
        JsonNode failed = admin.getJson("/api/v1/audit?action=STAFF_SIGNIN_FAILED&limit=1000");
        int fromAttacker = 0;
        for (JsonNode e : failed.get("entries")) {
            fromAttacker += e.at("/details/remote").asText().equals("127.0.0.2") ? 1 : 0;
        }
        assertEquals(10, fromAttacker);
        CLOCK.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode summary = admin.getJson("/api/v1/audit?action=STAFF_SIGNIN_THROTTLED&subject=source:127.0.0.2");
            return summary.get("entries").size() == 1 && summary.at("/entries/0/details/count").asText().equals("21");
        });
    }

    @Test
    void aStrangerHoldsAdminBackForMinutesAtMostAndNeverAtTheAdminsUsualAddress() throws Exception {
        String password = StaffClient.firstAdminPassword(dataDir);
        // given a stranger failing admin's password five times from 127.0.0.4
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signInFrom("127.0.0.4", "admin", "guess-" + i).status());
        }
        // then from an address admin never used, admin waits 30 s
        RawHttp.Response elsewhere = signInFrom("127.0.0.5", "admin", password);
        assertEquals(429, elsewhere.status());
        assertEquals("30", elsewhere.header("Retry-After"));

        // when the stranger fails again each time the lock ends, from ever new addresses
        long[] expected = {60, 120, 240, 300, 300, 300};
        for (int i = 0; i < expected.length; i++) {
            CLOCK.advance(Duration.ofSeconds(301));
            assertEquals(401, signInFrom("127.0.1." + (i + 1), "admin", "again-" + i).status());
            RawHttp.Response held = signInFrom("127.0.0.5", "admin", password);
            // then the wait grows but never past five minutes
            assertEquals(429, held.status());
            assertEquals(Long.toString(expected[i]), held.header("Retry-After"));
        }

        // and admin, at the address it signed in from before (this machine), gets in all the same
        assertEquals(200, StaffClient.signInResponse(base, "admin", password).statusCode());
        assertEquals(200, signInFrom("127.0.0.5", "admin", password).status(), "admin's sign-in ends the hold");
    }

    @Test
    void itSeesTheLocksAndLiftsOneAudited() throws Exception {
        createAccount("locked.lou", "viewer", "lou's long password");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signInFrom("127.0.0.6", "locked.lou", "guess-" + i).status());
        }
        assertEquals(429, signInFrom("127.0.0.7", "locked.lou", "lou's long password").status());

        JsonNode locks = admin.getJson("/api/v1/staff/signin-locks").get("locks");
        assertTrue(has(locks, "login", "locked.lou", 5, true), locks.toString());
        assertTrue(has(locks, "source", "127.0.0.6", 5, false), locks.toString());

        assertEquals(204, admin.send("POST", "/api/v1/staff/signin-locks/lift", Map.of("login", "locked.lou")).statusCode());
        assertFalse(has(admin.getJson("/api/v1/staff/signin-locks").get("locks"), "login", "locked.lou", 5, true));
        assertEquals(200, signInFrom("127.0.0.7", "locked.lou", "lou's long password").status());
        assertEquals(204, admin.send("POST", "/api/v1/staff/signin-locks/lift", Map.of("source", "127.0.0.6")).statusCode());
        HttpResponse<String> nothing = admin.send("POST", "/api/v1/staff/signin-locks/lift", Map.of("source", "127.0.0.6"));
        assertEquals(404, nothing.statusCode());
        assertEquals("STAFF_NOT_FOUND", JSON.readTree(nothing.body()).get("error").asText());
        assertEquals(400, admin.send("POST", "/api/v1/staff/signin-locks/lift", Map.of()).statusCode());

        JsonNode lifted = admin.getJson("/api/v1/audit?action=STAFF_SIGNIN_LOCK_LIFTED");
        assertEquals(List.of("staff:locked.lou", "source:127.0.0.6"), List.of(lifted.at("/entries/0/subject").asText(),
                lifted.at("/entries/1/subject").asText()));
        assertEquals("admin", lifted.at("/entries/0/actor").asText());
    }

    private static boolean has(JsonNode locks, String kind, String name, int failures, boolean locked) {
        for (JsonNode l : locks) {
            if (l.get("kind").asText().equals(kind) && l.get("name").asText().equals(name)
                    && l.get("failures").asInt() == failures && l.get("locked").asBoolean() == locked) {
                return true;
            }
        }
        return false;
    }

    /** A sign-in attempt from another machine: a connection leaving from {@code address}. */
    private static RawHttp.Response signInFrom(String address, String login, String password) throws Exception {
        try (RawHttp http = RawHttp.connect(base, address, null)) {
            return http.send("POST", "/api/v1/session", "application/json",
                    JSON.writeValueAsString(Map.of("login", login, "password", password)));
        }
    }

    private void createAccount(String login, String role, String password) throws Exception {
        HttpResponse<String> r = admin.send("POST", "/api/v1/staff/accounts",
                Map.of("login", login, "role", role, "password", password));
        assertEquals(201, r.statusCode(), r.body());
    }

    private static HttpResponse<String> anonymous(String method, String path) throws Exception {
        return StaffClient.send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        return StaffClient.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpRequest withoutHeader(HttpRequest.Builder b, String name) {
        HttpRequest r = b.build();
        HttpRequest.Builder copy = HttpRequest.newBuilder(r.uri()).method(r.method(), r.bodyPublisher().orElseThrow());
        r.headers().map().forEach((k, vs) -> {
            if (!k.equalsIgnoreCase(name)) {
                vs.forEach(v -> copy.header(k, v));
            }
        });
        return copy.build();
    }
}
