package fr.vigie.hub.psc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A minimal browser for Keycloak's login page: follows the authorization URI, fills in and posts
 * the {@code kc-form-login} form with the cookies Keycloak set, and returns where Keycloak sends the
 * browser back to. It keeps cookies itself because Keycloak marks them {@code Secure} even over
 * loopback HTTP, which {@link java.net.CookieManager} then withholds. Not thread-safe: one per sign-in.
 */
final class KeycloakLoginForm {
    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    KeycloakLoginForm() {
        this(HttpClient.newBuilder());
    }

    /** A browser that trusts the CAs of {@code tls} for Keycloak's HTTPS listener. */
    KeycloakLoginForm(SSLContext tls) {
        this(HttpClient.newBuilder().sslContext(tls));
    }

    private KeycloakLoginForm(HttpClient.Builder builder) {
        this.http = builder.followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs {@code username} in from {@code authorizationUri}; returns the redirect Keycloak answers with. */
    URI signIn(URI authorizationUri, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorizationUri).GET());
        if (page.statusCode() != 200) {
            throw new AssertionError("the login page answered HTTP " + page.statusCode() + ": " + page.body());
        }
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("no kc-form-login on the login page");
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("the login form has no action");
        }
        URI target = authorizationUri.resolve(action.group(1).replace("&amp;", "&"));
        String body = form(Map.of("username", username, "password", password, "credentialId", ""));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() != 302) {
            throw new AssertionError("signing in answered HTTP " + answer.statusCode() + " instead of a redirect");
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /** A form body, {@code application/x-www-form-urlencoded}. */
    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k,
                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return r;
    }
}
