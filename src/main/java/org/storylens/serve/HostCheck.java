package org.storylens.serve;

import io.javalin.http.Context;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guard against DNS rebinding: a page of another site whose name was made to resolve to this server's address
 * would reach it with that site's name as {@code Host}. Requests are answered only when their {@code Host} is a
 * name of this server: a loopback name or address ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), the address
 * it listens on, a name given with {@code --allowed-host}, or — when it listens on every interface — any IP address
 * (a browser sends a name when it was given one, so an address cannot be a rebound name). Any port. Others get 421
 * with a message saying what to do. Immutable; thread-safe.
 */
final class HostCheck {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final String listening;
    private final boolean everyInterface;
    private final Set<String> allowed;

    HostCheck(ServerOptions options) {
        this.listening = bare(options.host());
        this.everyInterface = listening.equals("0.0.0.0") || listening.equals("::") || listening.isEmpty();
        this.allowed = new LinkedHashSet<>(options.allowedHosts());
    }

    /** The before-handler: lets the request through, or answers it with 421. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (accepts(host)) {
            return;
        }
        ctx.skipRemainingHandlers();
        StorylensServer.failure(ctx, 421, "this server does not answer to the name '" + shortened(host)
                + "' (a guard against DNS rebinding): it answers to " + String.join(", ", names())
                + "; to serve under that name, start it with --allowed-host " + bare(withoutPort(shortened(host))));
    }

    /**
     * Whether a request with this {@code Host} header is answered; a request without one (HTTP/1.0, not a browser)
     * is.
     */
    boolean accepts(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return true;
        }
        String name = bare(withoutPort(hostHeader.strip()));
        if (name.equals("localhost") || name.equals("::1") || LOOPBACK_IPV4.matcher(name).matches()) {
            return true;
        }
        if (name.equals(listening) || allowed.contains(name)) {
            return true;
        }
        return everyInterface && (IPV4.matcher(name).matches() || hostHeader.strip().startsWith("["));
    }

    /** The names it answers to, for the message of a refusal. */
    private List<String> names() {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        if (everyInterface) {
            names.add("any IP address");
        } else {
            names.add(listening.contains(":") ? "[" + listening + "]" : listening);
        }
        names.addAll(allowed);
        return List.copyOf(names);
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
    }

    /** Lower case, without IPv6 brackets and a final dot. */
    private static String bare(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String shortened(String host) {
        String h = host.strip();
        return h.length() <= 100 ? h : h.substring(0, 100) + "…";
    }
}
