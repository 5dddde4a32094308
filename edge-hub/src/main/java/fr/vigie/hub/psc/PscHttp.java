package fr.vigie.hub.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The gateway's HTTP plumbing: form posts with client authentication, bearer GETs, JSON. Thread-safe. */
final class PscHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer from PSC. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() throws PscException {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new PscException(PscError.PSC_PROTOCOL_ERROR, "PSC answered HTTP " + status + " with no JSON");
            }
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

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

    Reply get(URI uri, String bearer) throws PscException {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(config.httpTimeout()).GET();
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        return send(r.build());
    }

    /** POSTs a form, authenticating the client with Basic or, under mutual TLS, by {@code client_id}. */
    Reply postForm(URI uri, Map<String, String> fields) throws PscException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(config.httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (config.clientSecret().isPresent()) {
            String pair = enc(config.clientId()) + ":" + enc(config.clientSecret().get());
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", config.clientId());
        }
        return send(r.POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Reply send(HttpRequest request) throws PscException {
        try {
            HttpResponse<String> resp = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() >= 500) {
                throw new PscException(PscError.PSC_UNREACHABLE, request.uri().getPath() + " answered HTTP "
                        + resp.statusCode());
            }
            return new Reply(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(""), resp.body());
        } catch (IOException e) {
            throw new PscException(PscError.PSC_UNREACHABLE, "cannot reach " + request.uri().getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PscException(PscError.PSC_UNREACHABLE, "interrupted while calling PSC", e);
        }
    }

    /** Maps an OAuth error answer to a {@link PscException}. */
    static PscException oauthError(Reply reply, String what) {
        String error = "";
        try {
            error = reply.json().path("error").asText("");
        } catch (PscException ignored) {
            // not JSON: fall through with an empty error
        }
        PscError code = switch (error) {
            case "invalid_client", "unauthorized_client" -> PscError.PSC_CLIENT_UNAUTHORIZED;
            case "invalid_grant" -> PscError.PSC_GRANT_INVALID;
            case "access_denied" -> PscError.PSC_ACCESS_DENIED;
            case "expired_token" -> PscError.PSC_REQUEST_EXPIRED;
            case "unknown_user_id", "invalid_request", "invalid_scope" -> PscError.PSC_REQUEST_REFUSED;
            default -> reply.status() == 401 ? PscError.PSC_CLIENT_UNAUTHORIZED : PscError.PSC_PROTOCOL_ERROR;
        };
        return new PscException(code, what + " refused: HTTP " + reply.status() + (error.isEmpty() ? "" : " " + error));
    }
}
