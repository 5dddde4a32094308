package fr.vigie.system.psc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's "e-CPS phone" page driven over HTTP as a phone browser would: read the pending
 * requests, then post the approve/refuse form of one of them (with its CSRF token).
 */
final class EcpsPhone {
    private final URI page;
    private final HttpClient http = HttpClient.newHttpClient();

    EcpsPhone(URI page) {
        this.page = page;
    }

    String html() throws Exception {
        return http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The binding message the phone shows for {@code idNatPs}'s oldest pending request on {@code channel}. */
    Optional<String> codeFor(String idNatPs, String channel) throws Exception {
        List<String> codes = codesFor(idNatPs, channel);
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(0));
    }

    /** The binding messages of every pending request of {@code idNatPs} on {@code channel}, oldest first. */
    List<String> codesFor(String idNatPs, String channel) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = request(html(), idNatPs, channel);
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }

    /** Decides {@code idNatPs}'s oldest pending request; see {@link #decide(String, String, String, String, String)}. */
    int decide(String idNatPs, String channel, String decision, String cardRead) throws Exception {
        return decide(idNatPs, channel, null, decision, cardRead);
    }

    /**
     * Decides ({@code approve} or {@code refuse}) {@code idNatPs}'s pending request showing {@code code}
     * (null: the oldest); for a card request, {@code cardRead} names whose card the CPS app read (null:
     * the one asked for).
     *
     * @return the HTTP status (303 when decided)
     */
    int decide(String idNatPs, String channel, String code, String decision, String cardRead) throws Exception {
        String html = html();
        Matcher m = request(html, idNatPs, channel);
        boolean found = false;
        while (!found && m.find()) {
            found = code == null || code.equals(m.group(2));
        }
        if (!found) {
            throw new AssertionError("no pending " + channel + " request for " + idNatPs + " on the phone page");
        }
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html.substring(m.start()));
        if (!csrf.find()) {
            throw new AssertionError("the phone page has no CSRF token");
        }
        String form = "ref=" + m.group(1) + "&csrf=" + csrf.group(1) + "&decision=" + decision
                + (cardRead == null ? "" : "&card=" + URLEncoder.encode(cardRead, StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(page + "/decision"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Matcher request(String html, String idNatPs, String channel) {
        return Pattern.compile("data-ref=\"([0-9a-f]+)\"><p>[^<]*\\(" + Pattern.quote(idNatPs) + "\\), canal "
                + channel + "\\.</p><p>[^<]*<strong class=\"code\">([0-9]{2})</strong>").matcher(html);
    }
}
