package fr.vigie.hub.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Told of every change the {@link IdentityRegistry} makes, inside the transaction that makes it, so that what it
 * writes (an outgoing message, say) commits or rolls back with the change itself: the outbox pattern. An
 * exception rolls the change back. Implementations must be thread-safe and must not open another transaction.
 *
 * <pre>{@code
 * IdentityRegistry registry = new IdentityRegistry(dataSource, audit, clock, gamLink.changes());
 * }</pre>
 */
public interface IdentityChanges {
    /** Nobody listens. */
    IdentityChanges NONE = new IdentityChanges() {
        @Override
        public void saved(Connection c, Optional<IdentityRecord> before, IdentityRecord after) {
        }

        @Override
        public void merged(Connection c, IdentityRecord survivor, IdentityRecord absorbed) {
        }
    };

    /**
     * A record was created ({@code before} empty: by an agent, by the REST API, or for an INSi or ApCV answer, in
     * which case {@code after} already holds what the answer gave) or changed (traits, RNIV status, attributes,
     * document, INS).
     *
     * @param c the connection of the registry's transaction
     */
    void saved(Connection c, Optional<IdentityRecord> before, IdentityRecord after) throws SQLException;

    /**
     * The identity-vigilance cell merged {@code absorbed} into {@code survivor} (a duplicate resolved): from now on
     * {@code absorbed} is inactive and {@code survivor} is the person's record.
     */
    void merged(Connection c, IdentityRecord survivor, IdentityRecord absorbed) throws SQLException;
}
