package fr.vigie.kiosk.igcsante;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link CrlSource} that GETs the hub's CRL bundle over HTTP(S). CRLs are public and signed: the
 * kiosk checks each signature against its anchors, so the transport needs no client certificate.
 * Answers larger than {@value #MAX_BYTES} bytes are refused. Thread-safe.
 *
 * <pre>{@code
 * CrlSource hub = new HttpCrlSource(URI.create("http://hub:8080/pki/v1/igc-sante/crls"));
 * }</pre>
 */
public final class HttpCrlSource implements CrlSource {
    static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final HttpClient client;

    public HttpCrlSource(URI url) {
        this.url = Objects.requireNonNull(url, "url");
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public byte[] fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(url + " answered more than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
