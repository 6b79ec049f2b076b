package org.storylens.serve;

/**
 * How the server listens and what it accepts. Immutable.
 *
 * @param host           the address to listen on ({@code 127.0.0.1} by default: this machine only)
 * @param port           the port, or 0 for any free one
 * @param maxBodyBytes   the largest request body accepted; larger ones get 413
 * @param readsNeedToken whether reads, too, need the access token (writes always do)
 */
public record ServerOptions(String host, int port, long maxBodyBytes, boolean readsNeedToken) {

    public static final long DEFAULT_MAX_BODY_BYTES = 32L << 20;

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be positive, not " + maxBodyBytes);
        }
    }

    /** Loopback on the given port, default body limit, open reads. */
    public static ServerOptions onPort(int port) {
        return new ServerOptions("127.0.0.1", port, DEFAULT_MAX_BODY_BYTES, false);
    }
}
