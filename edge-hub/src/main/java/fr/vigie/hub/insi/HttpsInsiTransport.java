package fr.vigie.hub.insi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * {@link InsiTransport} over the JDK's {@link HttpClient}, HTTP/1.1 over TLS with the establishment
 * certificate in {@code tls} (mutual TLS) and host name verification on. Thread-safe.
 */
final class HttpsInsiTransport implements InsiTransport {
    private final HttpClient http;
    private final URI endpoint;

    HttpsInsiTransport(URI endpoint, SSLContext tls, Duration connectTimeout) {
        this.endpoint = endpoint;
        SSLParameters params = tls.getDefaultSSLParameters();
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        this.http = HttpClient.newBuilder().sslContext(tls).sslParameters(params).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Answer post(String action, byte[] envelope, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", InsiNamespaces.MEDIA_TYPE + ";charset=UTF-8;action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Answer(response.statusCode(), length, response.body());
    }
}
