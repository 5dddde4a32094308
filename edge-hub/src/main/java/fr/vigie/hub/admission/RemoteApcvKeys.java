package fr.vigie.hub.admission;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ApCV issuer's keys fetched from its URL: on first use, and again when a token names a key id
 * the held set lacks, at most once per {@link #MIN_REFETCH} by the injected clock (so that tokens with
 * made-up key ids cannot make the hub hammer the issuer). A failed fetch keeps the keys held.
 * Thread-safe.
 */
final class RemoteApcvKeys implements ApcvKeys {
    static final Duration MIN_REFETCH = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_BYTES = 64 * 1024;

    private final URI url;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private List<ECKey> keys;
    private Instant fetchedAt;

    RemoteApcvKeys(URI url, Clock clock) {
        this.url = url;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<ECKey> find(String kid) throws IOException {
        Optional<ECKey> held = keys == null ? Optional.empty() : pick(kid);
        if (held.isPresent() || (fetchedAt != null && clock.instant().isBefore(fetchedAt.plus(MIN_REFETCH)))) {
            return held;
        }
        fetchedAt = clock.instant();
        try {
            keys = fetch();
        } catch (IOException e) {
            if (keys == null) {
                throw e;
            }
        }
        return pick(kid);
    }

    private Optional<ECKey> pick(String kid) {
        return keys.stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    private List<ECKey> fetch() throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Accept", "application/jwk-set+json, application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the ApCV keys", e);
        }
        if (r.statusCode() != 200 || r.body().length > MAX_BYTES) {
            throw new IOException("the ApCV keys at " + url + " answered HTTP " + r.statusCode() + " ("
                    + r.body().length + " bytes)");
        }
        try {
            return ApcvKeys.checked(JWKSet.parse(new String(r.body(), StandardCharsets.UTF_8)), ApcvSettings.KEYS_URL);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IOException("the ApCV keys at " + url + " are not a usable JWK set: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ApcvKeys[" + url + "]";
    }
}
