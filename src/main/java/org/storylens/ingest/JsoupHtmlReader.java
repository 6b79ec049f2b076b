package org.storylens.ingest;

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
 * Reads an HTML page: metadata (title by {@link HtmlTitles}, publication date by {@link HtmlDates}, outlet, URL,
 * language, author from Open Graph, meta tags and JSON-LD) and the main content with readability4j, after the page's
 * chrome is taken out ({@link PageChrome}: navigation, forms and hidden copies judged by content, share bars, adverts,
 * related links, comments) and figure captions and bylines are set aside. Captions and bylines found in the markup
 * are reported as removed. Thread-safe.
 */
public final class JsoupHtmlReader implements ArticleReader {

    /** A left-out lead paragraph is at least this long, and at most this many of them are put back. */
    private static final int LEAD_PARAGRAPH_CHARS = 120;
    private static final int MAX_LEAD_PARAGRAPHS = 4;
    /** Below this many characters of main content, readability's pick is distrusted and the whole body is used. */
    private static final int MIN_CONTENT_CHARS = 200;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private final TextDecoder decoder;
    private final long maxBytes;
    private final HtmlParagraphs paragraphs = new HtmlParagraphs();
    private final HtmlNesting nesting = new HtmlNesting(Limits.MAX_HTML_DEPTH);
    private final PageChrome chrome = new PageChrome();
    private final HtmlTitles titles = new HtmlTitles();
    private final LinkedTeasers teasers = new LinkedTeasers();
    private final HtmlDates dates = new HtmlDates();
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
        MetaTags meta = MetaTags.of(doc);
        JsonLd ld = JsonLd.of(doc, json);
        String outlet = firstNonBlank(meta.get("og:site_name"), ld.publisher(), meta.get("application-name"));
        String url = firstNonBlank(attr(doc, "link[rel=canonical]", "abs:href"), meta.get("og:url"),
                blankToNull(baseUri));
        Metadata metadata = new Metadata(
                titles.title(doc, meta, ld, outlet, url),
                url,
                dates.publishedAt(doc, meta, ld, firstNonBlank(url, blankToNull(baseUri), input.name())),
                outlet,
                firstNonBlank(attr(doc, "html[lang]", "lang"), meta.get("content-language"), meta.get("og:locale")),
                firstNonBlank(meta.get("author"), meta.get("article:author"), ld.author()));

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
                teasers.remove(content);
                extracted = paragraphs.toText(content);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // readability4j gives up on some odd pages; the structural fallback below still finds the text
            extracted = "";
        }
        if (extracted.length() >= MIN_CONTENT_CHARS) {
            return withLead(doc, extracted);
        }
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.selectFirst("main, [role=main]");
        }
        if (root == null) {
            root = doc.body();
        }
        teasers.remove(root);
        String fallback = paragraphs.toText(root);
        return fallback.length() > extracted.length() ? fallback : extracted;
    }

    /**
     * The lead paragraphs readability left out: when the page has one {@code <article>} and its first prose paragraphs
     * (long, hardly any link text) come before the first one the extracted text holds, an embedded video or a picture
     * block split the story and readability took only the part after it. They are put back in front.
     */
    private static String withLead(Document doc, String extracted) {
        var articles = doc.select("article");
        if (articles.size() != 1) {
            return extracted;
        }
        String flat = extracted.replaceAll("\\s+", " ");
        List<String> lead = new ArrayList<>();
        for (Element p : articles.first().select("p")) {
            String text = p.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (flat.contains(text.replaceAll("\\s+", " "))) {
                break;
            }
            int linked = p.select("a").stream().mapToInt(a -> a.text().length()).sum();
            if (text.length() < LEAD_PARAGRAPH_CHARS || linked * 5 > text.length()) {
                if (!lead.isEmpty()) {
                    lead.clear(); // the lead is the article's opening prose, unbroken
                }
                continue;
            }
            lead.add(text);
        }
        if (lead.isEmpty() || lead.size() > MAX_LEAD_PARAGRAPHS) {
            return extracted;
        }
        return String.join("\n\n", lead) + "\n\n" + extracted;
    }

    private static String attr(Document doc, String css, String attribute) {
        Element e = doc.selectFirst(css);
        return e == null ? null : blankToNull(e.attr(attribute));
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
