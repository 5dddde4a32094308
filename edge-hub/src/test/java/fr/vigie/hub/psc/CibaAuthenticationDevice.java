package fr.vigie.hub.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The professional's authentication device as Keycloak's CIBA HTTP authentication channel sees it:
 * Keycloak POSTs each backchannel request here (JSON with {@code login_hint}, {@code binding_message},
 * and a bearer token naming the request), and the device answers later by calling Keycloak's
 * {@code ext/ciba/auth/callback} with that bearer and a status. Thread-safe.
 */
final class CibaAuthenticationDevice implements AutoCloseable {
    /** One request Keycloak relayed; {@code toString()} hides the bearer. */
    record Relayed(String loginHint, String bindingMessage, String scope, String bearer) {
        @Override
        public String toString() {
            return "Relayed[loginHint=" + loginHint + ", bindingMessage=" + bindingMessage + ", scope=" + scope + "]";
        }
    }

    private final BlockingQueue<Relayed> relayed = new LinkedBlockingQueue<>();
    private final HttpClient http;
    private final Javalin server;

    /** A device that answers Keycloak over HTTP, or over HTTPS trusting the CAs of {@code tls}. */
    CibaAuthenticationDevice(SSLContext tls) {
        http = HttpClient.newBuilder().sslContext(tls).build();
        server = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
        });
        server.post("/ciba/channel", ctx -> {
            String auth = ctx.header("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                ctx.status(401);
                return;
            }
            JsonNode body = new ObjectMapper().readTree(ctx.body());
            relayed.add(new Relayed(body.path("login_hint").asText(""), body.path("binding_message").asText(""),
                    body.path("scope").asText(""), auth.substring("Bearer ".length())));
            ctx.status(201);
        });
        server.start("127.0.0.1", 0);
    }

    /** The URI Keycloak is configured to POST to. */
    URI channelUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/ciba/channel");
    }

    /** The next request Keycloak relayed, waiting for it to arrive. */
    Relayed next() throws InterruptedException {
        Relayed r = relayed.poll(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("Keycloak relayed no CIBA request to the authentication device");
        }
        return r;
    }

    /** Drops requests nobody answered, so that one test's leftovers never reach the next. */
    void forgetPending() {
        relayed.clear();
    }

    /** Tells Keycloak the professional's answer: {@code SUCCEED}, {@code UNAUTHORIZED} or {@code CANCELLED}. */
    int answer(URI issuer, Relayed request, String status) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/ext/ciba/auth/callback"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + request.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build();
        return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        server.stop();
    }
}
