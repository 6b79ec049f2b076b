package org.storylens.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connections of one store: the writing one, which its store serialises (the writes, and the reads of the writing
 * pipeline), and connections lent to one read at a time, so that reads run beside each other and beside a write.
 * Implementations are thread-safe.
 */
interface StoreConnections {

    /** The writing connection. */
    Connection writer();

    /** A read on one connection. */
    interface ReadWork<T> {
        T run(Connection c) throws StoreException;
    }

    /** Reads through a connection of its own, waiting for one to be free. */
    <T> T reading(ReadWork<T> work) throws StoreException;

    /** Closes every connection; returns the first failure, or null. */
    SQLException close();
}
