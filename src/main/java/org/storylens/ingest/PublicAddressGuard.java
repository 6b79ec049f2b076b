package org.storylens.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a URL's host may be fetched: storylens fetches only the public web, so that a feed entry or a
 * redirect cannot make it read a page of the machine it runs on or of its private network (server-side request
 * forgery). The host is resolved and every address it has must be public: loopback (127/8, ::1), private (10/8,
 * 172.16/12, 192.168/16), shared (100.64/10), link-local (169.254/16, fe80::/10), unique-local (fc00::/7), site-local
 * (fec0::/10), unspecified (0/8, ::), multicast, reserved (240/4) and the IPv6 forms that carry such an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are refused. Numeric hosts are read in every spelling the C library
 * accepts as well (decimal {@code 2130706433}, hex {@code 0x7f000001}, octal {@code 0177.0.0.1}, short
 * {@code 127.1}), before any lookup, so such a host is refused without sending anything.
 *
 * <p>The HTTP client connects to the address the JDK resolver gives, which keeps a successful lookup for 30 s by
 * default: the address checked here is the address connected to, unless a name's lookup expires between the two.
 * {@link #allowingPrivate()} checks nothing (tests serve feeds on loopback; {@code --allow-private} on the command
 * line). Thread-safe.
 */
public final class PublicAddressGuard {

    private final boolean allowPrivate;
    private final Set<String> allowedHosts;

    private PublicAddressGuard(boolean allowPrivate, Set<String> allowedHosts) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    /** Refuses every host with an address that is not on the public internet. */
    public static PublicAddressGuard publicOnly() {
        return new PublicAddressGuard(false, Set.of());
    }

    /** Allows every host, private and loopback ones included. */
    public static PublicAddressGuard allowingPrivate() {
        return new PublicAddressGuard(true, Set.of());
    }

    /** {@link #allowingPrivate()} when {@code allowPrivate}, else {@link #publicOnly()}. */
    public static PublicAddressGuard of(boolean allowPrivate) {
        return allowPrivate ? allowingPrivate() : publicOnly();
    }

    /**
     * Refuses every host that is not public except those written exactly as given (lower case): one named site
     * on a private address, every other spelling of that address and every other host still refused.
     */
    public static PublicAddressGuard publicOnlyExcept(Set<String> hosts) {
        return new PublicAddressGuard(false, hosts);
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * @param url the URL as given, to name in the error
     * @param uri the URL parsed, with a host
     * @throws IngestException naming the URL, when its host cannot be resolved or has an address that is not public
     */
    public void check(String url, URI uri) throws IngestException {
        if (allowPrivate) {
            return;
        }
        checkHost(url, uri.getHost());
    }

    /** As {@link #check}, for a host as written in a URL (an IPv6 address in brackets or not). */
    void checkHost(String url, String host) throws IngestException {
        if (allowPrivate) {
            return;
        }
        if (host == null || host.isEmpty()) {
            throw new IngestException(url, "no host to fetch from");
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Optional<byte[]> numeric = numericIpv4(host);
        if (numeric.isPresent()) {
            InetAddress address;
            try {
                address = InetAddress.getByAddress(host, numeric.get());
            } catch (UnknownHostException e) {
                throw new IngestException(url, "not a usable host: " + host, e);
            }
            refuseUnlessPublic(url, host, address);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IngestException(url, "cannot resolve host " + host, e);
        } catch (SecurityException | IllegalArgumentException e) {
            throw new IngestException(url, "not a usable host: " + host, e);
        }
        for (InetAddress address : addresses) {
            refuseUnlessPublic(url, host, address);
        }
    }

    private static void refuseUnlessPublic(String url, String host, InetAddress address) throws IngestException {
        String kind = nonPublicKind(address);
        if (kind != null) {
            String shown = address.getHostAddress();
            throw new IngestException(url, "refused: host " + host + " is " + (shown.equalsIgnoreCase(host) ? ""
                    : shown + ", ") + "a " + kind + " address; storylens fetches only the public web "
                    + "(--allow-private allows private and loopback addresses)");
        }
    }

    /** What kind of non-public address this is ("loopback", "private", ...), or null for a public one. */
    static String nonPublicKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Kind(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6Kind(b);
        }
        return "unknown";
    }

    private static String ipv4Kind(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        if (b0 == 0) {
            return "unspecified";
        }
        if (b0 == 127) {
            return "loopback";
        }
        if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
            return "private";
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (b0 == 169 && b1 == 254) {
            return "link-local";
        }
        if (b0 == 192 && b1 == 0 && b2 == 0 || b0 == 198 && (b1 & 0xfe) == 18) {
            return "reserved";
        }
        if (b0 >= 224 && b0 <= 239) {
            return "multicast";
        }
        if (b0 >= 240) {
            return "reserved";
        }
        return null;
    }

    private static String ipv6Kind(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            // :: and ::1, else an IPv4-compatible address ::a.b.c.d
            boolean zero = true;
            for (int i = 12; i < 15; i++) {
                zero &= b[i] == 0;
            }
            if (zero && b[15] == 0) {
                return "unspecified";
            }
            if (zero && b[15] == 1) {
                return "loopback";
            }
            return embedded(b, 12);
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12);
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return embedded(b, 12);
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return embedded(b, 2);
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return "link-local";
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return "site-local";
        }
        if ((b0 & 0xfe) == 0xfc) {
            return "unique-local";
        }
        if (b0 == 0xff) {
            return "multicast";
        }
        return null;
    }

    private static String embedded(byte[] b, int from) {
        String kind = ipv4Kind(new byte[]{b[from], b[from + 1], b[from + 2], b[from + 3]});
        return kind == null ? null : kind + " (IPv4 in IPv6)";
    }

    /**
     * The IPv4 address a numeric host stands for as the C library's {@code inet_aton} reads it: one to four parts,
     * each decimal, hex ({@code 0x}) or octal (a leading {@code 0}), the last filling the bytes left. Empty when the
     * host is not such a number.
     */
    static Optional<byte[]> numericIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        List<Long> values = new ArrayList<>();
        for (String part : parts) {
            Long value = number(part.toLowerCase(Locale.ROOT));
            if (value == null) {
                return Optional.empty();
            }
            values.add(value);
        }
        long address = 0;
        for (int i = 0; i < values.size() - 1; i++) {
            if (values.get(i) > 0xff) {
                return Optional.empty();
            }
            address |= values.get(i) << (8 * (3 - i));
        }
        long last = values.get(values.size() - 1);
        int lastBytes = 5 - values.size();
        if (last >= 1L << (8 * lastBytes)) {
            return Optional.empty();
        }
        address |= last;
        return Optional.of(new byte[]{(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
                (byte) address});
    }

    private static Long number(String part) {
        if (!part.matches("0x[0-9a-f]*|[0-9]+")) {
            return null;
        }
        try {
            if (part.startsWith("0x")) {
                String digits = part.substring(2);
                return digits.isEmpty() ? 0L : digits.length() > 8 ? null : Long.parseLong(digits, 16);
            }
            if (part.isEmpty() || part.length() > 12) {
                return null;
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
