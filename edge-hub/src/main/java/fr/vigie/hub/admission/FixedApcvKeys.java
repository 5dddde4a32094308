package fr.vigie.hub.admission;

import com.nimbusds.jose.jwk.ECKey;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A fixed set of ApCV issuer keys ({@link ApcvKeys#of}), named by their key ids in the hub's start line. */
final class FixedApcvKeys implements ApcvKeys {
    private final List<ECKey> keys;

    FixedApcvKeys(List<ECKey> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public Optional<ECKey> find(String kid) {
        return keys.stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    @Override
    public String toString() {
        return keys.stream().map(ECKey::getKeyID).collect(Collectors.joining(", ", "ApcvKeys[kid ", "]"));
    }
}
