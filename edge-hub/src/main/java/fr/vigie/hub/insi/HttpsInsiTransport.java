package fr.vigie.hub.insi;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * {@link InsiTransport} over the JDK's {@link HttpClient}, HTTP/1.1 over TLS with the establishment
 * certificate in {@code tls} (mutual TLS) and host name verification on. The body is collected by
 * {@link CappedBody} within the size cap, and the call timeout bounds the whole exchange, so a
 * service that drips its answer cannot hold a hub thread. Thread-safe.
 */
final class HttpsInsiTransport implements InsiTransport {
    private final HttpClient http;
    private final URI endpoint;
    private final int maxBytes;

    HttpsInsiTransport(URI endpoint, SSLContext tls, Duration connectTimeout, int maxBytes) {
        this.endpoint = endpoint;
        this.maxBytes = maxBytes;
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
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, CappedBody.handler(maxBytes));
        try {
            // The request timeout only covers the wait for the headers: bound the body too.
            HttpResponse<byte[]> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            byte[] body = response.body();
            return new Answer(response.statusCode(), body.length, new ByteArrayInputStream(body));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }
}
