package fr.vigie.hub.psc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * PSC's signing keys, fetched from {@code jwks_uri} and fetched again when a token names a key id
 * the cached set does not hold (PSC rotated its key). Refetches are at least {@code minRefetch}
 * apart by the injected clock, so a flood of tokens with made-up key ids cannot hammer PSC.
 * Thread-safe.
 */
final class RotatingJwkSource implements JWKSource<SecurityContext> {
    private final PscHttp http;
    private final URI jwksUri;
    private final Clock clock;
    private final Duration minRefetch;
    private JWKSet cached;
    private Instant fetchedAt;
    private int fetches;

    RotatingJwkSource(PscHttp http, URI jwksUri, Clock clock, Duration minRefetch) {
        this.http = http;
        this.jwksUri = jwksUri;
        this.clock = clock;
        this.minRefetch = minRefetch;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        if (cached == null) {
            fetch();
        }
        List<JWK> found = selector.select(cached);
        if (found.isEmpty() && !clock.instant().isBefore(fetchedAt.plus(minRefetch))) {
            fetch();
            found = selector.select(cached);
        }
        return found;
    }

    synchronized int fetches() {
        return fetches;
    }

    private void fetch() throws KeySourceException {
        try {
            HTTPResponse reply = http.exchange(new HTTPRequest(HTTPRequest.Method.GET, jwksUri));
            if (!reply.indicatesSuccess()) {
                throw new KeySourceException("JWKS answered HTTP " + reply.getStatusCode());
            }
            cached = JWKSet.parse(reply.getBody());
            fetchedAt = clock.instant();
            fetches++;
        } catch (PscException e) {
            throw new KeySourceException("cannot fetch PSC's keys: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new KeySourceException("PSC's JWKS is malformed: " + e.getMessage(), e);
        }
    }
}
