package fr.vigie.hub.identity;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one database transaction: committed when it returns, rolled back when it throws. */
final class Transaction {
    /** Work inside the transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException, RegistryRejection;
    }

    private Transaction() {
    }

    static <T> T run(DataSource dataSource, Work<T> work) throws SQLException, RegistryRejection {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RegistryRejection | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
