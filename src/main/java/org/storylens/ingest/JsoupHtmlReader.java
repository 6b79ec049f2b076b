package org.storylens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTML page: metadata from {@code <head>} (Open Graph, article meta tags, JSON-LD) and the main content
 * with readability4j, after dropping navigation, forms, comments, share bars and figure captions. Captions and
 * bylines found in the markup are reported as removed. Thread-safe.
 */
public final class JsoupHtmlReader implements ArticleReader {

    /** Below this many characters of main content, readability's pick is distrusted and the whole body is used. */
    private static final int MIN_CONTENT_CHARS = 200;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    /** A last " | Site" segment of a {@code <title>}: short, and without a further pipe. */
    private static final Pattern PIPE_SUFFIX = Pattern.compile("\\s+[|｜]\\s+([^|｜]{1,40})$");

    private final TextDecoder decoder;
    private final long maxBytes;
    private final HtmlParagraphs paragraphs = new HtmlParagraphs();
    private final HtmlNesting nesting = new HtmlNesting(Limits.MAX_HTML_DEPTH);
    private final PageChrome chrome = new PageChrome();
    private final ObjectMapper json = new ObjectMapper();

    public JsoupHtmlReader(TextDecoder decoder, long maxBytes) {
        this.decoder = decoder;
        this.maxBytes = maxBytes;
    }

    @Override
    public ReadResult read(Input input) throws IngestException {
        byte[] bytes = InputBytes.readAll(input, maxBytes);
        if (decoder.looksBinary(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, FormatSniffer.HEAD_BYTES)))) {
            throw new IngestException(input.name(), "binary content, not HTML");
        }
        TextDecoder.Decoded decoded = decoder.decode(bytes, declaredCharset(bytes));
        List<String> warnings = new ArrayList<>();
        if (decoded.guessed()) {
            warnings.add("encoding not declared and not valid UTF-8; decoded as " + decoded.charset().name());
        } else if (decoded.replaced() > 0) {
            warnings.add(decoded.replaced() + " invalid byte sequence(s) in the declared " + decoded.charset().name()
                    + " replaced");
        }
        String baseUri = input.name().startsWith("http") ? input.name() : "";
        return ReadResult.of(fromHtml(input, decoded.text(), baseUri, warnings));
    }

    RawArticle fromHtml(Input input, String html, String baseUri, List<String> warnings) throws IngestException {
        Document doc = Jsoup.parse(html, baseUri);
        // readability4j and the paragraph renderer recurse into the tree: nothing deeper than the limit reaches them
        int flattened = nesting.flatten(doc);
        if (flattened > 0) {
            warnings.add("HTML nested deeper than " + Limits.MAX_HTML_DEPTH + " levels: " + flattened
                    + " deeper element(s) read as their text");
        }
        List<JsonNode> ld = jsonLd(doc);
        String outlet = firstNonBlank(meta(doc, "og:site_name"), ldPublisher(ld), meta(doc, "application-name"));
        Metadata metadata = new Metadata(
                title(doc, ld, outlet),
                firstNonBlank(attr(doc, "link[rel=canonical]", "abs:href"), meta(doc, "og:url"), blankToNull(baseUri)),
                firstNonBlank(meta(doc, "article:published_time"), meta(doc, "datePublished"),
                        meta(doc, "pubdate"), meta(doc, "publishdate"), meta(doc, "publish-date"),
                        meta(doc, "dc.date.issued"), meta(doc, "dc.date"), meta(doc, "date"),
                        meta(doc, "parsely-pub-date"), meta(doc, "sailthru.date"), ldText(ld, "datePublished"),
                        meta(doc, "og:updated_time"), ldText(ld, "dateCreated"),
                        attr(doc, "article time[datetime], time[pubdate]", "datetime")),
                outlet,
                firstNonBlank(attr(doc, "html[lang]", "lang"), meta(doc, "content-language"),
                        meta(doc, "og:locale")),
                firstNonBlank(meta(doc, "author"), meta(doc, "article:author"), ldAuthor(ld)));

        List<String> removed = new ArrayList<>();
        int pageChars = doc.body().text().length();
        for (Element caption : doc.select("figcaption, .caption, .wp-caption-text, [class*=caption]")) {
            String text = caption.text().strip();
            if (!caption.is("figcaption, .caption, .wp-caption-text") && holdsMostOf(text.length(), pageChars)) {
                continue; // a wrapper whose class merely mentions captions ("has-captions"), not a caption
            }
            if (!text.isEmpty() && text.length() < 400) {
                removed.add(text);
            }
            caption.remove();
        }
        for (Element byline : doc.select("[rel=author], .byline, [class*=byline], [itemprop=author]")) {
            String text = byline.text().strip();
            // a byline inside a paragraph of body text ("..., writes Jane Roe.") stays
            if (!text.isEmpty() && text.length() < 200 && !byline.parents().is("p")) {
                removed.add(text);
                byline.remove();
            }
        }
        removed.addAll(chrome.remove(doc));
        String text = mainText(doc, baseUri);
        if (text.isBlank()) {
            throw new IngestException(input.name(), "no article text found in the HTML");
        }
        String id = input.idHint();
        return new RawArticle(id, input.name(), SourceFormat.HTML, text, metadata, warnings, removed);
    }

    private static boolean holdsMostOf(int chars, int pageChars) {
        return pageChars > 0 && chars * 2 > pageChars;
    }

    private String mainText(Document doc, String baseUri) {
        if (!doc.body().hasText()) {
            // readability4j falls back to the <title> when the body is empty: that is no article
            return "";
        }
        String extracted = "";
        try {
            Element content = new Readability4JExtended(baseUri, doc.clone()).parse().getArticleContent();
            if (content != null) {
                extracted = paragraphs.toText(content);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // readability4j gives up on some odd pages; the structural fallback below still finds the text
            extracted = "";
        }
        if (extracted.length() >= MIN_CONTENT_CHARS) {
            return extracted;
        }
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.selectFirst("main, [role=main]");
        }
        if (root == null) {
            root = doc.body();
        }
        String fallback = paragraphs.toText(root);
        return fallback.length() > extracted.length() ? fallback : extracted;
    }

    private static String title(Document doc, List<JsonNode> ld, String outlet) {
        String title = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"), ldText(ld, "headline"));
        if (title == null) {
            title = blankToNull(doc.title());
            if (title != null) {
                title = withoutSiteSuffix(title.strip(), outlet);
            }
        }
        if (title == null) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? null : blankToNull(h1.text());
        }
        return title == null ? null : title.strip();
    }

    /**
     * "Headline | Site" → "Headline". The outlet's name is stripped after any usual separator; without a known outlet
     * only a short last segment after " | " is, since dashes and colons are common inside headlines.
     */
    private static String withoutSiteSuffix(String title, String outlet) {
        if (outlet != null) {
            String stripped = title.replaceAll("(?i)\\s+[|\\-–—:·•]\\s+" + Pattern.quote(outlet.strip()) + "$", "");
            if (!stripped.equals(title)) {
                return stripped;
            }
        }
        Matcher m = PIPE_SUFFIX.matcher(title);
        if (m.find() && m.start() >= 12 && m.group(1).split("\\s+").length <= 5) {
            return title.substring(0, m.start()).strip();
        }
        return title;
    }

    private static String meta(Document doc, String key) {
        for (Element m : doc.select("meta[property], meta[name], meta[itemprop], meta[http-equiv]")) {
            String k = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"), m.attr("http-equiv"));
            if (k != null && k.equalsIgnoreCase(key)) {
                String content = blankToNull(m.attr("content"));
                if (content != null) {
                    return content.strip();
                }
            }
        }
        return null;
    }

    private static String attr(Document doc, String css, String attribute) {
        Element e = doc.selectFirst(css);
        return e == null ? null : blankToNull(e.attr(attribute));
    }

    private List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(json.readTree(script.data()), nodes);
            } catch (java.io.IOException | RuntimeException e) {
                // malformed JSON-LD is common; the meta tags still count
            }
        }
        return nodes;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else if (node.isObject()) {
            into.add(node);
            collect(node.get("@graph"), into);
        }
    }

    private static String ldText(List<JsonNode> ld, String field) {
        for (JsonNode n : ld) {
            JsonNode v = n.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }

    private static String ldPublisher(List<JsonNode> ld) {
        for (JsonNode n : ld) {
            JsonNode p = n.get("publisher");
            if (p != null) {
                JsonNode publisher = p.isArray() && p.size() > 0 ? p.get(0) : p;
                JsonNode name = resolve(publisher, ld).get("name");
                if (name != null && name.isTextual() && !name.asText().isBlank()) {
                    return name.asText().strip();
                }
            }
        }
        return null;
    }

    /** A bare {@code {"@id": ...}} reference, as in an {@code @graph}, replaced by the node it names. */
    private static JsonNode resolve(JsonNode node, List<JsonNode> ld) {
        JsonNode id = node.get("@id");
        if (node.has("name") || id == null || !id.isTextual()) {
            return node;
        }
        for (JsonNode candidate : ld) {
            if (candidate != node && id.equals(candidate.get("@id")) && candidate.has("name")) {
                return candidate;
            }
        }
        return node;
    }

    private static String ldAuthor(List<JsonNode> ld) {
        for (JsonNode n : ld) {
            JsonNode a = n.get("author");
            if (a != null) {
                JsonNode first = a.isArray() && a.size() > 0 ? a.get(0) : a;
                JsonNode name = first.isTextual() ? first : resolve(first, ld).get("name");
                if (name != null && name.isTextual()) {
                    return name.asText().strip();
                }
            }
        }
        return null;
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 16384), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
