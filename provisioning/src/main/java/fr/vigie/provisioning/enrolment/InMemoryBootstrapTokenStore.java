package fr.vigie.provisioning.enrolment;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link BootstrapTokenStore} in memory, for the demo and tests. Thread-safe. */
public final class InMemoryBootstrapTokenStore implements BootstrapTokenStore {
    private final ConcurrentMap<String, StoredBootstrapToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void add(StoredBootstrapToken token) {
        if (tokens.putIfAbsent(token.id(), token) != null) {
            throw new IllegalStateException("bootstrap token id " + token.id() + " already exists");
        }
    }

    @Override
    public Optional<StoredBootstrapToken> find(String id) {
        return Optional.ofNullable(tokens.get(id));
    }

    @Override
    public boolean markUsed(String id, Instant at) {
        boolean[] marked = {false};
        tokens.computeIfPresent(id, (k, t) -> {
            if (t.usedAt() != null) {
                return t;
            }
            marked[0] = true;
            return t.markedUsed(at);
        });
        return marked[0];
    }
}
