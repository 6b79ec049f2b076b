package org.storylens.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The robots.txt rules that apply to one crawler, read as RFC 9309 says: the groups whose {@code User-agent} names
 * the crawler's product token (case-insensitively) are merged, else the {@code *} groups, else everything is allowed;
 * of the {@code Allow} and {@code Disallow} rules that match a path, the longest wins, and {@code Allow} wins a tie;
 * {@code *} matches any run of characters and a final {@code $} anchors the end; {@code /robots.txt} is always
 * allowed. {@code Crawl-delay} (not in the RFC, widely used) is kept from the same groups. Paths and rules are
 * compared after percent-encoding normalisation. Immutable and thread-safe.
 */
public final class RobotsRules {

    /** The product token storylens looks for in {@code User-agent} lines. */
    public static final String AGENT_TOKEN = "storylens";

    private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null, false);
    private static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(), null, true);

    private record Rule(boolean allow, String pattern) {
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;
    private final boolean disallowAll;

    private RobotsRules(List<Rule> rules, Duration crawlDelay, boolean disallowAll) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
        this.disallowAll = disallowAll;
    }

    /** No rules: what a missing robots.txt (HTTP 4xx) means. */
    public static RobotsRules allowAll() {
        return ALLOW_ALL;
    }

    /** Nothing allowed: what an unreachable robots.txt (HTTP 5xx, network error) means until it can be read. */
    public static RobotsRules disallowAll() {
        return DISALLOW_ALL;
    }

    /** The rules of a robots.txt for {@link #AGENT_TOKEN}. */
    public static RobotsRules parse(String robotsTxt) {
        return parse(robotsTxt, AGENT_TOKEN);
    }

    /** The rules of a robots.txt for a crawler with the given product token. */
    public static RobotsRules parse(String robotsTxt, String agentToken) {
        Objects.requireNonNull(robotsTxt, "robotsTxt");
        String token = agentToken.toLowerCase(Locale.ROOT);
        List<Rule> ours = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        Duration oursDelay = null;
        Duration anyoneDelay = null;
        boolean matchedUs = false;
        boolean matchedAnyone = false;
        // the group being read: which agents it names, and whether its agent lines are over (a rule was seen)
        boolean groupIsOurs = false;
        boolean groupIsAnyone = false;
        boolean inRules = true;
        for (String rawLine : robotsTxt.split("\r\n|\r|\n")) {
            String line = stripComment(rawLine).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (inRules) {
                        groupIsOurs = false;
                        groupIsAnyone = false;
                        inRules = false;
                    }
                    String agent = productToken(value);
                    if (agent.equals("*")) {
                        groupIsAnyone = true;
                        matchedAnyone = true;
                    } else if (agent.equals(token)) {
                        groupIsOurs = true;
                        matchedUs = true;
                    }
                }
                case "allow", "disallow" -> {
                    inRules = true;
                    // an empty Disallow (or Allow) matches nothing
                    if (!value.isEmpty()) {
                        Rule rule = new Rule(key.equals("allow"), normalise(value));
                        if (groupIsOurs) {
                            ours.add(rule);
                        }
                        if (groupIsAnyone) {
                            anyone.add(rule);
                        }
                    }
                }
                case "crawl-delay" -> {
                    inRules = true;
                    Duration delay = delay(value);
                    if (delay != null && groupIsOurs) {
                        oursDelay = oursDelay == null || delay.compareTo(oursDelay) > 0 ? delay : oursDelay;
                    }
                    if (delay != null && groupIsAnyone) {
                        anyoneDelay = anyoneDelay == null || delay.compareTo(anyoneDelay) > 0 ? delay : anyoneDelay;
                    }
                }
                default -> {
                    // Sitemap and unknown keys neither end a group nor start one
                }
            }
        }
        if (matchedUs) {
            return new RobotsRules(ours, oursDelay, false);
        }
        if (matchedAnyone) {
            return new RobotsRules(anyone, anyoneDelay, false);
        }
        return ALLOW_ALL;
    }

    /**
     * Whether the crawler may fetch this URL.
     *
     * @param url an absolute URL (its path and query are matched) or a path starting with {@code /}
     */
    public boolean allows(String url) {
        String path = pathAndQuery(url);
        if (path.equals("/robots.txt")) {
            return true;
        }
        if (disallowAll) {
            return false;
        }
        String normalised = normalise(path);
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), normalised)) {
                int length = rule.pattern().length();
                if (best == null || length > best.pattern().length()
                        || length == best.pattern().length() && rule.allow() && !best.allow()) {
                    best = rule;
                }
            }
        }
        return best == null || best.allow();
    }

    /** The delay between requests the site asks of this crawler, when it names one. */
    public Optional<Duration> crawlDelay() {
        return Optional.ofNullable(crawlDelay);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** "Googlebot/2.1 (+http://…)" → "googlebot": the product token, the letters, "_" and "-" it starts with. */
    private static String productToken(String value) {
        if (value.startsWith("*")) {
            return "*";
        }
        int end = 0;
        while (end < value.length()) {
            char c = value.charAt(end);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-')) {
                break;
            }
            end++;
        }
        return value.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static Duration delay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                return null;
            }
            return Duration.ofMillis((long) Math.min(seconds * 1000, Long.MAX_VALUE / 2.0));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String pathAndQuery(String url) {
        if (url.startsWith("/")) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /**
     * Percent-encoding normalised as RFC 3986 says: escapes of unreserved characters decoded, other escapes in upper
     * case, characters outside ASCII encoded as UTF-8 escapes; so {@code /%7efoo}, {@code /~foo} and rules written
     * either way agree.
     */
    static String normalise(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                int octet = hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2));
                if (unreserved(octet)) {
                    out.append((char) octet);
                } else {
                    out.append('%').append(Character.toUpperCase(path.charAt(i + 1)))
                            .append(Character.toUpperCase(path.charAt(i + 2)));
                }
                i += 3;
            } else if (c < 0x80) {
                out.append(c);
                i++;
            } else {
                int codePoint = path.codePointAt(i);
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
                i += Character.charCount(codePoint);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(int octet) {
        return octet >= 'a' && octet <= 'z' || octet >= 'A' && octet <= 'Z' || octet >= '0' && octet <= '9'
                || octet == '-' || octet == '.' || octet == '_' || octet == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /**
     * Whether a rule matches a path: the rule must match a prefix of the path, or all of it when it ends in
     * {@code $}. Greedy matching with one backtrack point per {@code *}: linear in practice, never exponential.
     */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
        int pi = 0;
        int si = 0;
        int star = -1;
        int starMatch = 0;
        while (si < path.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                starMatch = si;
            } else if (pi < p.length() && p.charAt(pi) == path.charAt(si)) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++starMatch;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
