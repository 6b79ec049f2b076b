package org.storylens.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns record identifiers found in feeds, WARC headers and JSON records into ids that are safe as file names and
 * URL parts: only {@code [A-Za-z0-9._-]}, never a leading dot, at most {@value #MAX_LENGTH} characters.
 */
final class SafeIds {

    static final int MAX_LENGTH = 120;

    private SafeIds() {
    }

    /** Replaces every character outside {@code [A-Za-z0-9._-]} with {@code _}; a hash keeps shortened ids unique. */
    static String sanitise(String raw) {
        String safe = raw.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        // A leading dot would make a hidden file, and ".." a path step, if the id ever becomes a file name.
        safe = safe.replaceFirst("^[._]+", "");
        if (safe.isEmpty()) {
            return "id-" + hash(raw, 8);
        }
        if (safe.length() > MAX_LENGTH) {
            return safe.substring(0, MAX_LENGTH - 9) + "-" + hash(raw, 8);
        }
        return safe;
    }

    /**
     * An id for a feed entry's guid or Atom id. A URL guid keeps its last path segment(s) (and query) for readability
     * and gets a short hash of the whole URL, since many sites end every article URL in {@code index.html}.
     */
    static String fromGuid(String guid) {
        String trimmed = guid.strip();
        if (trimmed.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            return sanitise(trimmed.substring(9));
        }
        URI uri = parseUrl(trimmed);
        if (uri == null) {
            return sanitise(trimmed);
        }
        String tail = urlTail(uri);
        String safeTail = tail.isEmpty() ? "" : sanitise(tail);
        if (safeTail.length() > MAX_LENGTH - 9) {
            safeTail = safeTail.substring(safeTail.length() - (MAX_LENGTH - 9)).replaceFirst("^[._]+", "");
        }
        return (safeTail.isEmpty() ? "url" : safeTail) + "-" + hash(trimmed, 8);
    }

    /** The first {@code hexChars} hex digits of the SHA-256 of {@code s}. */
    static String hash(String s, int hexChars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static URI parseUrl(String s) {
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme();
            if (scheme == null || uri.isOpaque() || uri.getHost() == null) {
                return null;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https") ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code https://x.test/world/2024/storm-hits-coast} → {@code storm-hits-coast}; short last segments keep one more. */
    private static String urlTail(URI uri) {
        List<String> segments = new ArrayList<>();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        StringBuilder tail = new StringBuilder();
        if (!segments.isEmpty()) {
            String last = segments.get(segments.size() - 1);
            if (last.length() < 12 && segments.size() > 1) {
                tail.append(segments.get(segments.size() - 2)).append('-');
            }
            tail.append(last);
        }
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            tail.append(tail.length() > 0 ? "_" : "").append(uri.getRawQuery());
        }
        if (tail.length() == 0) {
            tail.append(uri.getHost());
        }
        return tail.toString();
    }
}
