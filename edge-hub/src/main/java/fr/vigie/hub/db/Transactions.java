package fr.vigie.hub.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one database transaction: committed when it returns, rolled back when it throws
 * (an {@link SQLException}, the feature's own rejection {@code E}, or an unchecked exception).
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * long id = Transactions.run(dataSource, c -> insertRecord(c, traits));   // may throw RegistryRejection
 * }</pre>
 */
public final class Transactions {
    /** Work inside the transaction, on its connection; {@code E} is the feature's rejection, if any. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    private Transactions() {
    }

    /** Runs {@code work} in a new transaction on a connection of {@code dataSource}. */
    public static <T, E extends Exception> T run(DataSource dataSource, Work<T, E> work) throws SQLException, E {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e; // precisely SQLException, E or unchecked
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
