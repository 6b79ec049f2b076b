package org.storylens.store;

import java.io.IOException;
import java.sql.SQLException;

/**
 * The write transactions of a store's writing connection, one writer at a time across processes: each takes the
 * database's write lock before it reads anything, waiting for another writer up to a bound. Not thread-safe: its store
 * serialises the calls.
 */
interface Transactions {

    /** Work done inside one transaction. */
    interface Work {
        void run() throws SQLException, IOException, StoreException;
    }

    /**
     * Runs the work in one transaction: all of it is kept, or none of it and a {@link StoreException} says why,
     * starting with the database and {@code failure}. Whatever the work throws (an error too), the transaction ends.
     */
    void run(String failure, Work work) throws StoreException;
}
