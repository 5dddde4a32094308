package fr.vigie.hub.psc;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The gateway's one HTTP transport to PSC: every request the Nimbus OAuth SDK builds (discovery,
 * JWKS, CIBA, token, userinfo, introspection, logout) is sent here, over one {@link HttpClient} with
 * the configured timeout, no redirect followed, and the configured TLS context — the trusted CAs and,
 * under {@code tls_client_auth}, the client certificate, presented on every connection. Also says how
 * the client authenticates ({@link #clientAuthentication()}) and turns OAuth error answers into
 * {@link PscException}s. Thread-safe.
 */
final class PscHttp implements HTTPRequestSender {
    /** TLS alerts by which a server refuses the certificate a client presented. */
    private static final Set<String> CERTIFICATE_ALERTS = Set.of("bad_certificate", "certificate_unknown",
            "unknown_ca", "certificate_required", "unsupported_certificate", "certificate_revoked",
            "certificate_expired", "access_denied");
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");
    /** How long the bare handshake of {@link #refusedCertificate} waits for the server's verdict. */
    private static final Duration VERDICT_WAIT = Duration.ofSeconds(3);

    private final PscGatewayConfig config;
    private final HttpClient client;

    PscHttp(PscGatewayConfig config) {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(config.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.tls().ifPresent(b::sslContext);
        this.client = b.build();
    }

    PscGatewayConfig config() {
        return config;
    }

    /** Whether the client authenticates with its certificate ({@code tls_client_auth}) rather than a secret. */
    boolean mutualTls() {
        return config.clientSecret().isEmpty();
    }

    /**
     * How the client authenticates: HTTP Basic with the secret (bac à sable), or {@code tls_client_auth}
     * — only {@code client_id} in the request, the certificate in this transport's TLS context.
     */
    ClientAuthentication clientAuthentication() {
        ClientID id = new ClientID(config.clientId());
        if (config.clientSecret().isPresent()) {
            return new ClientSecretBasic(id, new Secret(config.clientSecret().get()));
        }
        return new PKITLSClientAuthentication(id, config.tls().orElseThrow().getSocketFactory());
    }

    /**
     * Sends a request the SDK built. A server error or a failed exchange is {@code PSC_UNREACHABLE};
     * a client certificate refused in the TLS handshake is {@code PSC_CLIENT_UNAUTHORIZED}.
     */
    HTTPResponse exchange(HTTPRequest request) throws PscException {
        HTTPResponse response;
        try {
            response = request.send(this);
        } catch (IOException e) {
            Optional<String> alert = mutualTls() ? certificateAlert(e).or(() -> refusedCertificate(request.getURI()))
                    : Optional.empty();
            if (alert.isPresent()) {
                throw new PscException(PscError.PSC_CLIENT_UNAUTHORIZED, request.getURI().getHost()
                        + " refused the hub's client certificate in the TLS handshake (" + alert.get()
                        + "): is hub.psc.certificate the certificate registered for client " + config.clientId()
                        + ", issued by a CA PSC trusts?", e);
            }
            throw new PscException(PscError.PSC_UNREACHABLE, "cannot reach " + request.getURI().getHost() + ": " + e,
                    e);
        }
        if (response.getStatusCode() >= 500) {
            throw new PscException(PscError.PSC_UNREACHABLE, request.getURI().getPath() + " answered HTTP "
                    + response.getStatusCode());
        }
        return response;
    }

    /**
     * Sends a token request; the answer is tokens or an OAuth error, as the SDK reads it. An ID token
     * that is not a JWT is {@code PSC_TOKEN_MALFORMED}, any other unreadable answer {@code PSC_PROTOCOL_ERROR}.
     */
    TokenResponse tokenResponse(TokenRequest request) throws PscException {
        HTTPResponse response = exchange(request.toHTTPRequest());
        try {
            return OIDCTokenResponseParser.parse(response);
        } catch (ParseException e) {
            if (!response.indicatesSuccess()) {
                throw refused(response, "token request");
            }
            if (idTokenMalformed(response)) {
                throw new PscException(PscError.PSC_TOKEN_MALFORMED, "the ID token is not a JWT");
            }
            throw new PscException(PscError.PSC_PROTOCOL_ERROR, "the token answer is malformed: " + e.getMessage());
        }
    }

    private static boolean idTokenMalformed(HTTPResponse response) {
        try {
            String idToken = JSONObjectUtils.getString(response.getBodyAsJSONObject(), "id_token", null);
            if (idToken != null) {
                JWTParser.parse(idToken);
            }
            return false;
        } catch (ParseException | java.text.ParseException e) {
            return e instanceof java.text.ParseException;
        }
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        HttpRequest.Builder r = HttpRequest.newBuilder(request.getURI()).timeout(config.httpTimeout());
        for (Map.Entry<String, List<String>> h : request.getHeaderMap().entrySet()) {
            for (String v : h.getValue()) {
                r.header(h.getKey(), v);
            }
        }
        String body = request.getBody();
        r.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer;
        try {
            answer = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling PSC", e);
        }
        HTTPResponse response = new HTTPResponse(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.setHeader(name, values.toArray(String[]::new));
            }
        });
        response.setBody(answer.body());
        return response;
    }

    /** Maps an OAuth error answer to a {@link PscException}. */
    static PscException refused(HTTPResponse response, String what) {
        return refused(ErrorObject.parse(response), response.getStatusCode(), what);
    }

    /** Maps an OAuth error, as the SDK parsed it, to a {@link PscException}. */
    static PscException refused(ErrorObject error, int status, String what) {
        String code = Optional.ofNullable(error).map(ErrorObject::getCode).orElse("");
        PscError mapped = switch (code) {
            case "invalid_client", "unauthorized_client" -> PscError.PSC_CLIENT_UNAUTHORIZED;
            case "invalid_grant" -> PscError.PSC_GRANT_INVALID;
            case "access_denied" -> PscError.PSC_ACCESS_DENIED;
            case "expired_token" -> PscError.PSC_REQUEST_EXPIRED;
            case "unknown_user_id", "invalid_request", "invalid_scope" -> PscError.PSC_REQUEST_REFUSED;
            default -> status == 401 ? PscError.PSC_CLIENT_UNAUTHORIZED : PscError.PSC_PROTOCOL_ERROR;
        };
        return new PscException(mapped, what + " refused: HTTP " + status + (code.isEmpty() ? "" : " " + code));
    }

    /**
     * Whether the server refuses the client certificate, asked after a failed exchange by a bare handshake that
     * sends nothing more: under TLS 1.3 the server's verdict on the certificate comes after the client's side of
     * the handshake, and a request already on its way can turn its alert into a connection reset.
     */
    private Optional<String> refusedCertificate(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || config.tls().isEmpty()) {
            return Optional.empty();
        }
        int timeout = (int) Math.min(config.httpTimeout().toMillis(), VERDICT_WAIT.toMillis());
        try (SSLSocket socket = (SSLSocket) config.tls().get().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 443), timeout);
            socket.setSoTimeout(timeout);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            socket.getInputStream().read();
            return Optional.empty();
        } catch (IOException e) {
            return certificateAlert(e);
        }
    }

    /** The TLS alert by which the server refused the client certificate, if that is why the exchange failed. */
    static Optional<String> certificateAlert(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                Matcher m = ALERT.matcher(t.getMessage());
                if (m.find() && CERTIFICATE_ALERTS.contains(m.group(1))) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
