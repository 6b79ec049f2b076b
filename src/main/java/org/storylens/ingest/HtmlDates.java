package org.storylens.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the publication date a page states, as written (parsing is the cleaner's), trusting in turn: JSON-LD
 * {@code datePublished}, a {@code <time>} or element marked as the publication date, the meta tags of the many
 * names sites use, the URL's path, a visible date line near the headline, and last a modification date. A value in
 * UTC gives way to another source stating the same instant with the page's own offset, so the date is the page's
 * local date. Thread-safe.
 */
final class HtmlDates {

    /** Meta tag names and properties that hold a publication date, most trusted first. */
    private static final List<String> PUBLISHED_META = List.of("article:published_time", "og:article:published_time",
            "article:published", "datepublished", "published_time", "og:published_time", "pubdate", "publishdate",
            "publish-date", "publish_date", "published-date", "published_date", "publication_date",
            "publication-date", "pub_date", "date_published", "dc.date.issued", "dcterms.issued", "dc.date.created",
            "dcterms.created", "dc.date", "dcterms.date", "citation_publication_date", "citation_date",
            "parsely-pub-date", "sailthru.date", "article.published", "article_date_original", "original-publish-date",
            "originalpublicationdate", "cxenseparse:recs:publishtime", "displaydate", "release_date", "created",
            "creation_date", "date", "timestamp", "article.created", "bt:pubdate", "rnews:datepublished",
            "eprints.date", "og:pubdate");
    private static final List<String> MODIFIED_META = List.of("article:modified_time", "og:updated_time",
            "datemodified", "last-modified", "lastmod", "dc.date.modified", "dcterms.modified");
    /** Elements that state the publication date in an attribute. */
    private static final String MARKED_DATE = "[itemprop=datePublished][datetime], [itemprop=datePublished][content], "
            + "time[pubdate][datetime], article time[datetime], main time[datetime], header time[datetime], "
            + "[role=main] time[datetime]";
    /** A date in a URL's path: /2019/11/19/, /2019-11-19/, /20191119/. */
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:[/-]|$|\\.)"
                    + "|/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])/");
    /** Class or id words of elements that show the date line. */
    private static final Set<String> DATE_WORDS = Set.of("date", "time", "published", "pubdate", "timestamp",
            "dateline", "posted", "byline", "meta", "datetime", "publish", "created");
    private static final Pattern WORD_PARTS = Pattern.compile("[-_\\s]+|(?<=[a-z])(?=[A-Z])");
    private static final Pattern HAS_YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    private static final int MAX_DATE_LINE_CHARS = 120;

    /** The publication date as the page states it, or null. */
    String publishedAt(Document doc, MetaTags meta, JsonLd ld, String url) {
        // sources that state an instant with its offset; the URL and the visible line give a calendar date only
        List<Supplier<String>> stated = new ArrayList<>();
        stated.add(() -> ld.text("datePublished"));
        stated.add(() -> markedDate(doc));
        for (String name : PUBLISHED_META) {
            stated.add(() -> meta.get(name));
        }
        stated.add(() -> ld.text("dateCreated"));
        List<Supplier<String>> shown = List.of(() -> urlDate(url), () -> visibleDateLine(doc));
        List<Supplier<String>> modified = new ArrayList<>();
        for (String name : MODIFIED_META) {
            modified.add(() -> meta.get(name));
        }
        modified.add(() -> ld.text("dateModified"));
        for (List<Supplier<String>> sources : List.of(stated, shown, modified)) {
            for (int i = 0; i < sources.size(); i++) {
                String value = usable(sources.get(i).get());
                if (value != null) {
                    return sources == stated ? withPageOffset(value, stated.subList(i + 1, stated.size())) : value;
                }
            }
        }
        return null;
    }

    /**
     * A UTC value ({@code Z}, {@code +00:00}) gives way to a later stated value naming the same instant with another
     * offset: the page's own, which gives its local date.
     */
    private static String withPageOffset(String value, List<Supplier<String>> later) {
        OffsetDateTime utc = offsetDateTime(value);
        if (utc == null || utc.getOffset().getTotalSeconds() != 0) {
            return value;
        }
        for (Supplier<String> source : later) {
            String other = usable(source.get());
            OffsetDateTime t = other == null ? null : offsetDateTime(other);
            if (t != null && t.getOffset().getTotalSeconds() != 0
                    && Math.abs(t.toEpochSecond() - utc.toEpochSecond()) <= 60) {
                return other;
            }
        }
        return value;
    }

    private static String markedDate(Document doc) {
        Element e = doc.selectFirst(MARKED_DATE);
        return e == null ? null : e.hasAttr("datetime") ? e.attr("datetime") : e.attr("content");
    }

    private static String usable(String value) {
        return value == null || value.isBlank() || value.length() > 200 ? null : value.strip();
    }

    private static OffsetDateTime offsetDateTime(String value) {
        try {
            return OffsetDateTime.parse(value.strip().replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The date in the URL's path, as ISO, or null. */
    static String urlDate(String url) {
        if (url == null) {
            return null;
        }
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "");
        Matcher m = URL_DATE.matcher(path);
        if (!m.find()) {
            return null;
        }
        int g = m.group(1) != null ? 1 : 4;
        try {
            return java.time.LocalDate.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)),
                    Integer.parseInt(m.group(g + 2))).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The short text of an element near the story whose class or id names a date ("post-date", "article__timestamp",
     * "byline") and that holds a year: "Published November 19, 2019 at 5:32 pm".
     */
    private static String visibleDateLine(Document doc) {
        Element scope = doc.selectFirst("article, main, [role=main]");
        for (Element root : scope == null ? List.of(doc.body()) : List.of(scope, doc.body())) {
            for (Element e : root.select("[class], [id]")) {
                if (!namesADate(e)) {
                    continue;
                }
                String text = e.text().strip();
                if (!text.isEmpty() && text.length() <= MAX_DATE_LINE_CHARS && HAS_YEAR.matcher(text).find()) {
                    return text;
                }
            }
        }
        return null;
    }

    private static boolean namesADate(Element e) {
        List<String> tokens = new ArrayList<>(e.classNames());
        tokens.add(e.id());
        for (String token : tokens) {
            for (String part : WORD_PARTS.split(token)) {
                if (DATE_WORDS.contains(part.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

}
