package org.storylens.serve;

import java.util.List;
import java.util.Locale;

/**
 * How the server listens and what it accepts. Immutable.
 *
 * @param host           the address to listen on ({@code 127.0.0.1} by default: this machine only)
 * @param port           the port, or 0 for any free one
 * @param maxBodyBytes   the largest request body accepted; larger ones get 413
 * @param readsNeedToken whether reads, too, need the access token (writes always do)
 * @param allowedHosts   the names, besides loopback names and the address it listens on, that requests may give as
 *                       their {@code Host} (a guard against DNS rebinding: see {@link HostCheck}); lower case
 */
public record ServerOptions(String host, int port, long maxBodyBytes, boolean readsNeedToken,
                            List<String> allowedHosts) {

    public static final long DEFAULT_MAX_BODY_BYTES = 32L << 20;

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be positive, not " + maxBodyBytes);
        }
        allowedHosts = allowedHosts.stream().map(ServerOptions::hostName).toList();
    }

    /** Options that accept only loopback names and the listening address as {@code Host}. */
    public ServerOptions(String host, int port, long maxBodyBytes, boolean readsNeedToken) {
        this(host, port, maxBodyBytes, readsNeedToken, List.of());
    }

    /** Loopback on the given port, default body limit, open reads. */
    public static ServerOptions onPort(int port) {
        return new ServerOptions("127.0.0.1", port, DEFAULT_MAX_BODY_BYTES, false);
    }

    /** These options, also accepting the given names as {@code Host} ({@code --allowed-host}). */
    public ServerOptions withAllowedHosts(List<String> names) {
        return new ServerOptions(host, port, maxBodyBytes, readsNeedToken, names);
    }

    private static String hostName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        if (n.isEmpty() || n.length() > 253 || !n.matches("[a-z0-9.:_-]+")) {
            throw new IllegalArgumentException("'" + name + "' is not a host name or address for --allowed-host "
                    + "(give a name such as news.example.org, or an address, without port)");
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
