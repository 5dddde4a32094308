package fr.vigie.kiosk.hubapi;

import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.protocol.device.Refusal;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.device.DeviceIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * {@link HubApi} over HTTPS with the JDK's HTTP client: HTTP/1.1, TLS from the kiosk's identity (rebuilt
 * when its certificate changes) or from the pinned site root, no redirects, timeouts on connecting and on
 * every call. Bodies and answers go through the contract's {@link DeviceCodec}. Thread-safe.
 */
final class HttpsHubApi implements HubApi {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final DeviceCodec CODEC = new DeviceCodec();

    private final URI base;
    private final DeviceIdentity identity;
    private final SSLContext fixedTls;
    private X509Certificate clientFor;
    private HttpClient client;

    HttpsHubApi(URI base, DeviceIdentity identity, SSLContext fixedTls) {
        this.base = requireHttps(base);
        this.identity = identity;
        this.fixedTls = fixedTls;
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public <Q, A> A call(DeviceRoute<Q, A> route, Q request, String... parameters) throws HubApiException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(route.path(parameters))).timeout(REQUEST_TIMEOUT)
                .header("Accept", route.media() == DeviceRoute.Media.PEM ? route.media().contentType()
                        : DeviceRoute.Media.JSON.contentType());
        if (route.hasBody()) {
            b.header("Content-Type", DeviceRoute.Media.JSON.contentType()).POST(HttpRequest.BodyPublishers
                    .ofByteArray(CODEC.encode(Objects.requireNonNull(request, () -> route + " takes a body"))));
        } else if (route.method() == DeviceRoute.Method.POST) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.GET();
        }
        HttpRequest r = b.build();
        HttpResponse<byte[]> response = send(r);
        int status = response.statusCode();
        if (status >= 400) {
            throw refusal(r, status, response.body());
        }
        if (status < 200 || status > 299) {
            throw malformed(r, "answered " + status, null);
        }
        try {
            return switch (route.media()) {
                case JSON -> CODEC.decodeAnswer(route, response.body());
                case PEM -> route.answerType().cast(new String(response.body(), StandardCharsets.US_ASCII));
                case NONE -> null;
            };
        } catch (ProtocolException e) {
            throw malformed(r, "answered " + status + " with a body that is not the route's: " + e.getMessage(), e);
        }
    }

    @Override
    public long download(String path, java.nio.file.Path target) throws HubApiException {
        if (!path.startsWith("/") || path.contains("..") || path.contains("//")) {
            throw new IllegalArgumentException("not a plain path of the device API: " + path);
        }
        HttpRequest r = HttpRequest.newBuilder(base.resolve(path)).timeout(java.time.Duration.ofMinutes(10)).GET().build();
        java.nio.file.Path partial = target.resolveSibling(target.getFileName() + ".partial");
        HttpResponse<java.nio.file.Path> response;
        try {
            java.nio.file.Files.createDirectories(target.getParent());
            response = client().send(r, HttpResponse.BodyHandlers.ofFile(partial));
        } catch (IOException e) {
            throw new HubApiException(0, DeviceApiError.HUB_UNREACHABLE, r.method() + " " + r.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubApiException(0, DeviceApiError.HUB_UNREACHABLE, "interrupted while calling " + r.uri(), e);
        } catch (ProvisioningException e) {
            throw new HubApiException(0, DeviceApiError.DEVICE_IDENTITY_UNUSABLE, e.error() + ": " + e.getMessage(), e);
        }
        try {
            if (response.statusCode() != 200) {
                byte[] body = java.nio.file.Files.readAllBytes(partial);
                throw response.statusCode() >= 400 ? refusal(r, response.statusCode(), body)
                        : malformed(r, "answered " + response.statusCode(), null);
            }
            long size = java.nio.file.Files.size(partial);
            java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            throw new HubApiException(0, DeviceApiError.HUB_UNREACHABLE, "cannot store " + r.uri() + " in " + target
                    + ": " + e, e);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a partial file left behind is replaced by the next download
            }
        }
    }

    private HttpResponse<byte[]> send(HttpRequest r) throws HubApiException {
        try {
            return client().send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HubApiException(0, DeviceApiError.HUB_UNREACHABLE, r.method() + " " + r.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubApiException(0, DeviceApiError.HUB_UNREACHABLE, "interrupted while calling " + r.uri(), e);
        } catch (ProvisioningException e) {
            throw new HubApiException(0, DeviceApiError.DEVICE_IDENTITY_UNUSABLE, e.error() + ": " + e.getMessage(), e);
        }
    }

    /** The hub's refusal; a body that is not one keeps the status, under {@code HUB_ANSWER_MALFORMED}. */
    private static HubApiException refusal(HttpRequest r, int status, byte[] body) {
        try {
            return new HubApiException(status, CODEC.decodeRefusal(body));
        } catch (ProtocolException e) {
            return new HubApiException(status, DeviceApiError.HUB_ANSWER_MALFORMED, r.method() + " " + r.uri()
                    + " answered " + status + " without a refusal of the device API: " + e.getMessage(), e);
        }
    }

    private static HubApiException malformed(HttpRequest r, String what, Throwable cause) {
        return new HubApiException(0, DeviceApiError.HUB_ANSWER_MALFORMED, r.method() + " " + r.uri() + " " + what,
                cause);
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
