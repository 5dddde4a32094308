package fr.vigie.provisioning.enrolment;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the hub keeps bootstrap tokens: hashed, never in clear. The hub implements it on
 * PostgreSQL; {@link InMemoryBootstrapTokenStore} serves the demo and tests. Implementations must
 * be thread-safe, and {@link #markUsed} must be atomic so that a token is used at most once even
 * when two hub instances race.
 */
public interface BootstrapTokenStore {

    /** Adds a new token; ids are unique. */
    void add(StoredBootstrapToken token);

    /** The token with this id, if any. */
    Optional<StoredBootstrapToken> find(String id);

    /**
     * Marks the token used unless it already is.
     *
     * @return true if this call marked it, false if it was already used or does not exist
     */
    boolean markUsed(String id, Instant at);
}
