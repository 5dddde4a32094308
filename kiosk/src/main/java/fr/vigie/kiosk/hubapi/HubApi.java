package fr.vigie.kiosk.hubapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.device.RootPin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The kiosk's HTTPS client for the hub's device API: TLS 1.3 and, once enrolled, mutual TLS with the
 * kiosk's {@link DeviceIdentity} (the hub then knows which kiosk calls; a kiosk can only act as
 * itself). Before enrolment, {@link #forEnrolment} trusts the hub by its pinned site root. Requests
 * and answers are JSON; a refusal becomes a {@link HubApiException} with the hub's stable code.
 * Kiosk features call the hub only through this class. Thread-safe; after a certificate rotation the
 * next call uses the new certificate.
 *
 * <pre>{@code
 * HubApi hub = HubApi.forDevice(URI.create("https://hub.site.local:8443"), identity);
 * JsonNode answer = hub.post("/device/v1/insi/search", Map.of("nom", "DUPONT"));
 * }</pre>
 */
public final class HubApi {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final URI base;
    private final DeviceIdentity identity;
    private final SSLContext fixedTls;
    private X509Certificate clientFor;
    private HttpClient client;

    private HubApi(URI base, DeviceIdentity identity, SSLContext fixedTls) {
        this.base = requireHttps(base);
        this.identity = identity;
        this.fixedTls = fixedTls;
    }

    /** A client presenting {@code identity}'s certificate and trusting only its site root. */
    public static HubApi forDevice(URI base, DeviceIdentity identity) {
        return new HubApi(base, Objects.requireNonNull(identity, "identity"), null);
    }

    /**
     * A client without a certificate, for {@code /enrol/v1/} before the kiosk has one.
     *
     * @param pinnedRootFingerprint the site root's SHA-256, or null to trust the first root seen
     */
    public static HubApi forEnrolment(URI base, String pinnedRootFingerprint) {
        return new HubApi(base, null, RootPin.enrolmentContext(pinnedRootFingerprint));
    }

    /** The device API's base URI. */
    public URI base() {
        return base;
    }

    /** GET {@code path} (e.g. {@code /device/v1/...}); the JSON answer. */
    public JsonNode get(String path) throws HubApiException {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    /** POST {@code body} as JSON (a {@code JsonNode}, a record or a map) to {@code path}; the JSON answer. */
    public JsonNode post(String path, Object body) throws HubApiException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    private JsonNode send(HttpRequest.Builder request) throws HubApiException {
        HttpResponse<byte[]> response;
        HttpRequest r = request.timeout(REQUEST_TIMEOUT).header("Accept", "application/json").build();
        try {
            response = client().send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HubApiException(0, HubApiException.UNREACHABLE, r.method() + " " + r.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubApiException(0, HubApiException.UNREACHABLE, "interrupted while calling " + r.uri(), e);
        } catch (ProvisioningException e) {
            throw new HubApiException(0, e.error().name(), e.getMessage(), e);
        }
        JsonNode body;
        try {
            body = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new HubApiException(response.statusCode() >= 400 ? response.statusCode() : 0,
                    HubApiException.MALFORMED_ANSWER, r.method() + " " + r.uri() + " answered " + response.statusCode()
                    + " with a body that is not JSON", e);
        }
        if (response.statusCode() >= 400) {
            String code = body.path("error").asText("HTTP_" + response.statusCode());
            throw new HubApiException(response.statusCode(), code, body.path("message").asText(""), null, body);
        }
        return body;
    }

    private synchronized HttpClient client() throws ProvisioningException {
        if (identity == null) {
            if (client == null) {
                client = build(fixedTls);
            }
            return client;
        }
        X509Certificate current = identity.certificateChain().isEmpty() ? null : identity.certificateChain().get(0);
        if (client == null || !Objects.equals(current, clientFor)) {
            client = build(identity.sslContext());
            clientFor = current;
        }
        return client;
    }

    private static HttpClient build(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI resolve(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
        }
        return base.resolve(path);
    }

    private static URI requireHttps(URI base) {
        if (base == null || !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("the hub's device API must be an https:// URI, got '" + base + "'");
        }
        return base;
    }

    @Override
    public String toString() {
        return "HubApi[" + base + (identity == null ? ", enrolment" : ", " + identity.kiosk()) + "]";
    }
}
