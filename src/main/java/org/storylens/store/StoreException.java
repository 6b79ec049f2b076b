package org.storylens.store;

/** The store could not be opened, read or written; the message names the database file. */
public final class StoreException extends Exception {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
