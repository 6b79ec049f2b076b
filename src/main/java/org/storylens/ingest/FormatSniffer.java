package org.storylens.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells what an input holds from its first bytes, with the file name only as a tie-breaker: a {@code .txt} holding
 * HTML is read as HTML, and a feed saved as {@code .html} as a feed. Thread-safe.
 */
public final class FormatSniffer {

    /** How many leading bytes {@link #sniff} wants to see. */
    public static final int HEAD_BYTES = 8192;

    private static final Pattern FEED = Pattern.compile("<(rss|feed|rdf:RDF)[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML = Pattern.compile(
            "<(!doctype\\s+html|html|head|body|article|div|p|meta|title)[\\s>/]", Pattern.CASE_INSENSITIVE);
    /** The document element of an HTML page: wherever it stands in the head, the input is a page. */
    private static final Pattern HTML_DOCUMENT = Pattern.compile("(?m)^\\s*<(!doctype\\s+html|html)[\\s>]",
            Pattern.CASE_INSENSITIVE);
    /** What a page's markup may open with before its doctype: a style sheet, a script, a stray line break. */
    private static final Pattern HTML_OPENING = Pattern.compile(
            "^<(style|script|link|meta|br|!--|head|body|div|noscript|base|title)[\\s>/]", Pattern.CASE_INSENSITIVE);

    private final TextDecoder decoder;

    public FormatSniffer(TextDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * @param name the input's name (its extension is a hint)
     * @param head the first bytes, already gunzipped when the input is gzip
     * @return the format, or empty when the bytes are not something storylens reads (binary, an image, a PDF)
     */
    public Optional<SourceFormat> sniff(String name, byte[] head) {
        if (new String(head, 0, Math.min(head.length, 5), StandardCharsets.ISO_8859_1).equals("WARC/")) {
            return Optional.of(SourceFormat.WARC);
        }
        if (decoder.looksBinary(head)) {
            return Optional.empty();
        }
        String text = decoder.decode(head).text().stripLeading();
        String lower = name.toLowerCase(Locale.ROOT);
        String prolog = text.substring(0, Math.min(text.length(), 2048));
        if (FEED.matcher(prolog).find() && !prolog.toLowerCase(Locale.ROOT).contains("<html")) {
            return Optional.of(SourceFormat.FEED);
        }
        boolean jsonName = lower.matches(".*\\.(jsonl|ndjson|json)(\\.gz)?");
        // A single JSON object usually ends with a line break; a .json file may hold an array: neither is text.
        if (text.startsWith("{") && (jsonName || text.contains("\n{") || !text.strip().contains("\n"))
                || text.startsWith("[") && jsonName) {
            return Optional.of(SourceFormat.JSON_LINES);
        }
        String bare = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
        // a page may open with a style sheet or a PHP warning before its doctype: its document element decides
        if (HTML_DOCUMENT.matcher(text).find() || HTML_OPENING.matcher(text).find()) {
            return Optional.of(SourceFormat.HTML);
        }
        if (HTML.matcher(prolog).find() && (prolog.startsWith("<") || bare.endsWith(".html") || bare.endsWith(".htm")
                || countTags(prolog) >= 3)) {
            return Optional.of(SourceFormat.HTML);
        }
        return Optional.of(SourceFormat.TEXT);
    }

    private static int countTags(String s) {
        int n = 0;
        for (int i = s.indexOf('<'); i >= 0 && n < 10; i = s.indexOf('<', i + 1)) {
            if (i + 1 < s.length() && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '/')) {
                n++;
            }
        }
        return n;
    }
}
