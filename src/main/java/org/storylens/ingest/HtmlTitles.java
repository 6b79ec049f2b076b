package org.storylens.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a page's headline, trusting in turn: {@code og:title}, JSON-LD {@code headline}, {@code twitter:title}, the
 * story's {@code <h1>}, and last the {@code <title>} element; each without a site-name suffix or prefix
 * ("Headline | Site", "Headline - Site.com", "Site: Headline"). Thread-safe.
 */
final class HtmlTitles {

    private static final String SEPARATOR = "\\s+[|｜\\-–—:·•»~]\\s+";
    /** A last " | Site" segment: short, and without a further pipe. */
    private static final Pattern PIPE_SUFFIX = Pattern.compile("\\s+[|｜]\\s+([^|｜]{1,40})$");
    private static final Pattern LAST_SEGMENT = Pattern.compile(SEPARATOR + "([^|｜\\-–—:·•»~]{1,60})$");
    private static final Pattern FIRST_SEGMENT = Pattern.compile("^([^|｜\\-–—:·•»~]{1,60})(?:\\s+[|｜\\-–—·•»~]|\\s*:)\\s+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The headline, or null when the page states none. */
    String title(Document doc, MetaTags meta, JsonLd ld, String outlet, String url) {
        String host = host(url);
        List<Supplier<String>> sources = List.of(() -> meta.get("og:title"), () -> ld.text("headline"),
                () -> meta.get("twitter:title"), () -> storyHeading(doc, outlet), doc::title);
        for (Supplier<String> source : sources) {
            String candidate = source.get();
            if (candidate != null && !candidate.isBlank()) {
                String title = withoutSiteName(candidate.strip().replaceAll("\\s+", " "), outlet, host);
                if (!title.isBlank()) {
                    return title;
                }
            }
        }
        return null;
    }

    /** The story's {@code <h1>}: in the article or main element if there is one, and not the site's name. */
    private static String storyHeading(Document doc, String outlet) {
        Element h1 = doc.selectFirst("article h1, main h1, [role=main] h1, [itemprop=headline]");
        if (h1 == null) {
            h1 = doc.selectFirst("h1");
        }
        if (h1 == null) {
            return null;
        }
        String text = h1.text().strip();
        if (text.split("\\s+").length < 2 || outlet != null && letters(text).equals(letters(outlet))) {
            return null;
        }
        return text;
    }

    /**
     * "Headline | Site" → "Headline". A segment naming the outlet or the URL's host is stripped after (or before) any
     * usual separator; otherwise only a short last segment after " | " is, since dashes and colons are common inside
     * headlines.
     */
    static String withoutSiteName(String title, String outlet, String host) {
        Matcher last = LAST_SEGMENT.matcher(title);
        if (last.find() && last.start() >= 12 && namesTheSite(last.group(1), outlet, host)) {
            return title.substring(0, last.start()).strip();
        }
        Matcher first = FIRST_SEGMENT.matcher(title);
        if (first.find() && title.length() - first.end() >= 12 && namesTheSite(first.group(1), outlet, host)) {
            return title.substring(first.end()).strip();
        }
        Matcher pipe = PIPE_SUFFIX.matcher(title);
        if (pipe.find() && pipe.start() >= 12 && pipe.group(1).split("\\s+").length <= 5) {
            return title.substring(0, pipe.start()).strip();
        }
        return title;
    }

    /** True when the segment is the outlet's name or the host's ("The Daily Times" and dailytimes.example). */
    private static boolean namesTheSite(String segment, String outlet, String host) {
        String s = letters(segment);
        if (s.length() < 3) {
            return false;
        }
        if (outlet != null && s.equals(letters(outlet))) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String h = letters(host);
        String stripped = s.startsWith("the") ? s.substring(3) : s;
        return h.equals(s) || stripped.length() >= 4 && h.contains(stripped);
    }

    private static String letters(String s) {
        return NOT_LETTER.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The URL's host without "www." and its last label ("news.example.co.uk" → "news.example.co"), or null. */
    private static String host(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)").matcher(url);
        if (!m.find()) {
            return null;
        }
        String host = m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^www\\d?\\.", "");
        int dot = host.lastIndexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }
}
