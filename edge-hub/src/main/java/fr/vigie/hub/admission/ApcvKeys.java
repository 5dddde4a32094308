package fr.vigie.hub.admission;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ApCV issuer's public keys the hub trusts: a JWK set read once from a file
 * ({@code hub.apcv.keys-file}), or fetched from the issuer's URL ({@code hub.apcv.keys-url}) and
 * fetched again when a token names a key id it does not hold (a key rotation). Only public EC P-256
 * keys with a {@code kid} are accepted. Implementations are thread-safe.
 */
public interface ApcvKeys {
    /**
     * The trusted key with id {@code kid}, or empty.
     *
     * @throws IOException when the keys cannot be fetched and none were fetched before
     */
    Optional<ECKey> find(String kid) throws IOException;

    /**
     * A fixed set.
     *
     * @throws IllegalArgumentException when the set is empty or holds anything but public EC P-256 keys with a kid
     */
    static ApcvKeys of(JWKSet set) {
        return new FixedApcvKeys(checked(set, ApcvSettings.KEYS_FILE));
    }

    /** Keys fetched from {@code url} on first use, and again on an unknown key id at most once a minute. */
    static ApcvKeys fetchedFrom(URI url, Clock clock) {
        return new RemoteApcvKeys(url, clock);
    }

    /** The keys of {@code set}, refused as a whole unless each is a public EC P-256 key with a kid. */
    static List<ECKey> checked(JWKSet set, String what) {
        if (set == null || set.getKeys().isEmpty()) {
            throw new IllegalArgumentException(what + " holds no key");
        }
        List<ECKey> out = new ArrayList<>();
        for (JWK k : set.getKeys()) {
            if (!(k instanceof ECKey ec) || k.isPrivate() || k.getKeyID() == null
                    || !"P-256".equals(ec.getCurve().getName())) {
                throw new IllegalArgumentException(what + " must hold public EC P-256 keys with a kid, got "
                        + k.getKeyType() + " kid=" + k.getKeyID() + (k.isPrivate() ? " (private part present)" : ""));
            }
            out.add(ec);
        }
        return List.copyOf(out);
    }
}
