package org.storylens.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom feed with Rome: one article per entry, its text taken from
 * {@code content:encoded} or Atom content, else the description or summary, with HTML rendered as paragraphs.
 *
 * <p>An entry without text is fetched from its link with the injected {@link PageSource} (plain or polite) and read
 * by the injected HTML reader when they are given; otherwise, or when that fails, it becomes a failure in the
 * {@link ReadResult} and the other entries go on. {@link #entries} and {@link #article} split the reading in two, so
 * that a caller (a feed watcher) can choose the entries whose pages are fetched. The XML is decoded by its prolog's encoding; DOCTYPE declarations are refused, so no external entity or DTD is
 * ever loaded. Thread-safe when the injected reader is.
 */
public final class RomeFeedReader implements ArticleReader {

    private static final Pattern ATOM_LANG = Pattern.compile(
            "<(?:[A-Za-z][\\w.-]*:)?feed\\b[^>]*?\\sxml:lang\\s*=\\s*[\"']([^\"']*)[\"']");

    private final PageSource fetcher;
    private final ArticleReader htmlReader;
    private final HtmlParagraphs paragraphs = new HtmlParagraphs();

    /** A reader that never goes to the network: entries without text are failures. */
    public RomeFeedReader() {
        this.fetcher = null;
        this.htmlReader = null;
    }

    /**
     * @param fetcher    fetches the page of an entry that has no text
     * @param htmlReader reads that page
     */
    public RomeFeedReader(PageSource fetcher, ArticleReader htmlReader) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.htmlReader = Objects.requireNonNull(htmlReader, "htmlReader");
    }

    @Override
    public ReadResult read(Input input) throws IngestException {
        List<RawArticle> articles = new ArrayList<>();
        FailureList failures = new FailureList(input.name());
        List<FeedEntry> entries = entries(input);
        if (entries.isEmpty()) {
            throw new IngestException(input.name(), "the feed holds no entries");
        }
        for (FeedEntry entry : entries) {
            try {
                articles.add(article(entry));
            } catch (IngestException e) {
                failures.add(e);
            }
        }
        return new ReadResult(articles, failures.toList());
    }

    /**
     * Parses a feed into its entries, in feed order, without fetching anything.
     *
     * @throws IngestException naming the input, when it is not a readable RSS/Atom feed
     */
    public List<FeedEntry> entries(Input input) throws IngestException {
        Parsed parsed = parse(input);
        SyndFeed feed = parsed.feed();
        String outlet = blankToNull(feed.getTitle());
        String language = language(feed, parsed.xml());
        List<FeedEntry> entries = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        int index = 0;
        for (SyndEntry entry : feed.getEntries()) {
            index++;
            String id = unique(entryId(entry, input, index), usedIds, index);
            String link = blankToNull(entry.getLink());
            Metadata metadata = new Metadata(blankToNull(entry.getTitle()), link, date(entry), outlet, language,
                    author(entry));
            String text = null;
            String problem = null;
            try {
                text = text(entry);
            } catch (RuntimeException | StackOverflowError e) {
                // one entry's markup (nested too deep, say) fails that entry alone, not the feed
                problem = "feed entry's text could not be read: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            entries.add(new FeedEntry(id, input.name() + "#" + id, link, blankToNull(entry.getUri()), metadata,
                    text, problem));
        }
        return entries;
    }

    /**
     * The article of one entry: its text from the feed, else its page fetched and read.
     *
     * @throws IngestException naming the entry's origin, when it has no text and its page cannot be had
     */
    public RawArticle article(FeedEntry entry) throws IngestException {
        if (entry.problem() != null) {
            throw new IngestException(entry.origin(), entry.problem());
        }
        if (entry.text() != null) {
            return new RawArticle(entry.id(), entry.origin(), SourceFormat.FEED, entry.text(), entry.metadata(),
                    List.of());
        }
        if (fetcher == null || entry.link() == null) {
            throw new IngestException(entry.origin(), "feed entry has no text");
        }
        try {
            return fromPage(entry.id(), entry.origin(), entry.link(), entry.metadata());
        } catch (IngestException e) {
            throw new IngestException(entry.origin(),
                    "feed entry has no text and its page could not be read: " + e.getMessage(), e);
        }
    }

    /** The feed, and the text it was parsed from (Rome drops the Atom root's xml:lang, so it is looked up there). */
    private record Parsed(SyndFeed feed, String xml) {
    }

    private Parsed parse(Input input) throws IngestException {
        String xml;
        try (InputStream in = InputStreams.limited(InputStreams.openDecompressed(input), Limits.MAX_DECOMPRESSED_BYTES,
                () -> "feed is larger than " + InputBytes.human(Limits.MAX_DECOMPRESSED_BYTES) + "; not read further");
             XmlReader reader = new XmlReader(in, true)) {
            // XmlReader picks the encoding from the BOM and the XML prolog.
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            xml = text.toString();
        } catch (IOException e) {
            throw new IngestException(input.name(), "cannot read feed: " + e.getMessage(), e);
        }
        SyndFeedInput feedInput = new SyndFeedInput();
        // Rome's default, stated here because it is what keeps XXE out: any DOCTYPE makes the parse fail.
        feedInput.setAllowDoctypes(false);
        try {
            return new Parsed(feedInput.build(new StringReader(xml)), xml);
        } catch (ParsingFeedException e) {
            throw new IngestException(input.name(), malformed(e), e);
        } catch (FeedException e) {
            throw new IngestException(input.name(), "not a readable RSS/Atom feed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // Rome's answer to well-formed XML whose root is not rss, RDF or feed: "Invalid document".
            throw new IngestException(input.name(), "XML is not an RSS or Atom feed (" + e.getMessage() + ")", e);
        }
    }

    private static String malformed(ParsingFeedException e) {
        String where = e.getLineNumber() > 0
                ? " at line " + e.getLineNumber() + (e.getColumnNumber() > 0 ? ", column " + e.getColumnNumber() : "")
                : "";
        String detail = String.valueOf(e.getMessage())
                .replaceFirst("^Invalid XML: ", "")
                .replaceFirst("^Error on line \\d+: ", "");
        if (detail.contains("DOCTYPE is disallowed")) {
            return "feed declares a DOCTYPE" + where
                    + ", which is refused so that no external entity or DTD is ever loaded";
        }
        return "malformed RSS/Atom XML" + where + ": " + detail;
    }

    private RawArticle fromPage(String id, String origin, String link, Metadata fromFeed) throws IngestException {
        PageFetcher.FetchedPage page = fetcher.fetch(link);
        ReadResult result = htmlReader.read(Input.ofBytes(page.url(), page.body()));
        if (result.articles().isEmpty()) {
            throw new IngestException(page.url(), "page holds no article");
        }
        RawArticle article = result.articles().get(0);
        Metadata fromPage = article.metadata();
        Metadata merged = new Metadata(
                firstNonNull(fromPage.title(), fromFeed.title()),
                firstNonNull(fromPage.url(), fromFeed.url()),
                firstNonNull(fromPage.publishedAt(), fromFeed.publishedAt()),
                firstNonNull(fromPage.outlet(), fromFeed.outlet()),
                firstNonNull(fromPage.language(), fromFeed.language()),
                firstNonNull(fromPage.author(), fromFeed.author()));
        List<String> warnings = new ArrayList<>(article.warnings());
        warnings.add("feed entry had no text; text read from its page " + page.url());
        return new RawArticle(id, origin, SourceFormat.FEED, article.text(), merged, warnings, article.removed());
    }

    /** The first content with text, else the description (RSS) or summary (Atom); null when none has text. */
    private String text(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            String text = toText(content);
            if (text != null) {
                return text;
            }
        }
        return entry.getDescription() == null ? null : toText(entry.getDescription());
    }

    private String toText(SyndContent content) {
        String value = content.getValue();
        if (value == null || value.isBlank()) {
            return null;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        // Atom type="text" is plain text: parsing it as HTML would eat a literal "a < b".
        String text = type.equals("text") || type.equals("text/plain")
                ? value.strip()
                : paragraphs.fragmentText(value);
        return text.isBlank() ? null : text;
    }

    /**
     * The guid (RSS) or id (Atom) made safe; Rome puts the link there when an RSS item has no guid. Without either, a
     * hash of the link, else the input's id hint and the entry's position.
     */
    private static String entryId(SyndEntry entry, Input input, int index) {
        String uri = blankToNull(entry.getUri());
        if (uri != null) {
            return SafeIds.fromGuid(uri);
        }
        String link = blankToNull(entry.getLink());
        if (link != null) {
            return "link-" + SafeIds.hash(link, 16);
        }
        return SafeIds.sanitise(input.idHint() + "-" + index);
    }

    private static String unique(String id, Set<String> used, int index) {
        String candidate = id;
        for (int n = 0; !used.add(candidate); n++) {
            candidate = id + "-" + index + (n == 0 ? "" : "-" + n);
        }
        return candidate;
    }

    private static String date(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant().toString();
    }

    private static String author(SyndEntry entry) {
        String author = blankToNull(entry.getAuthor());
        if (author != null) {
            return author;
        }
        String names = entry.getAuthors().stream()
                .map(SyndPerson::getName)
                .filter(name -> name != null && !name.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(", "));
        return blankToNull(names);
    }

    private static String language(SyndFeed feed, String xml) {
        String language = blankToNull(feed.getLanguage());
        if (language == null) {
            Matcher m = ATOM_LANG.matcher(xml.substring(0, Math.min(xml.length(), 8192)));
            language = m.find() ? blankToNull(m.group(1)) : null;
        }
        return language;
    }

    private static String firstNonNull(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
