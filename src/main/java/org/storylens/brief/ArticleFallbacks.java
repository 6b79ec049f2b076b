package org.storylens.brief;

import org.storylens.clean.Article;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pages call an article whose brief entry has no outlet or no headline: the site its URL names
 * ("dailypost.example") and its first sentence, by article id. The brief itself keeps null there; only the rendering
 * uses these, so that a reader never sees an article id where a name belongs. Immutable.
 *
 * @param sites          the host of each article's http(s) URL without a leading {@code www.}, by article id
 * @param firstSentences each article's first sentence (at most {@value #SENTENCE_CHARS} characters), by article id
 * @param reportDates    the day the stored story dates each article by (its publication date, else the date line
 *                       its text opens with), by article id: what the page's dates use for an article the brief
 *                       leaves undated, so that the page and the stories list give a story the same days
 */
public record ArticleFallbacks(Map<String, String> sites, Map<String, String> firstSentences,
                               Map<String, String> reportDates) {

    /** Longest first sentence kept; a longer one is cut at a word with an ellipsis. */
    public static final int SENTENCE_CHARS = 160;

    /** No fallbacks: unnamed outlets become "Unknown outlet (article N)". */
    public static final ArticleFallbacks NONE = new ArticleFallbacks(Map.of(), Map.of(), Map.of());

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][”\"’)]*(?=\\s|$)");

    public ArticleFallbacks {
        sites = Map.copyOf(sites);
        firstSentences = Map.copyOf(firstSentences);
        reportDates = reportDates == null ? Map.of() : Map.copyOf(reportDates); // none in briefs kept before them
    }

    public ArticleFallbacks(Map<String, String> sites, Map<String, String> firstSentences) {
        this(sites, firstSentences, Map.of());
    }

    /** These fallbacks with the days the stored story dates its articles by (ISO dates, by article id). */
    public ArticleFallbacks withReportDates(Map<String, String> dates) {
        return new ArticleFallbacks(sites, firstSentences, dates);
    }

    /** The day the stored story dates the article by, or null. */
    public String reportDate(String articleId) {
        return reportDates.get(articleId);
    }

    /** The fallbacks of these articles (their URLs and texts). */
    public static ArticleFallbacks of(Collection<Article> articles) {
        Map<String, String> sites = new HashMap<>();
        Map<String, String> sentences = new HashMap<>();
        for (Article a : articles) {
            String site = site(a.url());
            if (site != null) {
                sites.putIfAbsent(a.id(), site);
            }
            String sentence = firstSentence(a.text());
            if (sentence != null) {
                sentences.putIfAbsent(a.id(), sentence);
            }
        }
        return new ArticleFallbacks(sites, sentences);
    }

    /**
     * The name a reader sees for who published the article: its outlet, else its wire, else the site its URL names,
     * else "Unknown outlet (article N)" — never its id.
     *
     * @param number the article's number in its story's article list
     */
    public String outletName(ArticleEntry a, int number) {
        if (a.outlet() != null && !a.outlet().isBlank()) {
            return a.outlet();
        }
        if (a.wire() != null && !a.wire().isBlank()) {
            return a.wire();
        }
        String site = sites.get(a.id());
        return site != null ? site : "Unknown outlet (article " + number + ")";
    }

    /** The host an http(s) address names, lower-cased, without {@code www.}; null for anything else. */
    public static String site(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The text's first sentence, whitespace collapsed and cut at a word past {@value #SENTENCE_CHARS}; null if none. */
    public static String firstSentence(String text) {
        return firstSentence(text, SENTENCE_CHARS);
    }

    /** The text's first sentence, whitespace collapsed and cut at a word past {@code chars}; null if none. */
    public static String firstSentence(String text, int chars) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        Matcher end = SENTENCE_END.matcher(flat);
        String sentence = end.find() ? flat.substring(0, end.end()) : flat;
        return cut(sentence, chars);
    }

    /**
     * The text's first sentence of {@value #LEAD_MIN_CHARS} characters or more, skipping datelines and bylines
     * ("MERAVIK, March 12. / VTA /."), sought paragraph by paragraph; whitespace collapsed, cut at a word past
     * {@code chars}; the first sentence when none is as long; null if there is no text.
     */
    public static String leadSentence(String text, int chars) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String paragraph : text.split("\\n\\s*\\n|\\r?\\n")) {
            String flat = paragraph.strip().replaceAll("\\s+", " ");
            int start = 0;
            Matcher end = SENTENCE_END.matcher(flat);
            while (start < flat.length()) {
                int stop = end.find() ? end.end() : flat.length();
                String sentence = flat.substring(start, stop).strip();
                if (sentence.length() >= LEAD_MIN_CHARS) {
                    return cut(sentence, chars);
                }
                start = stop;
            }
        }
        return firstSentence(text, chars);
    }

    /** How long a sentence must be to lead (shorter ones are datelines, bylines, credits). */
    public static final int LEAD_MIN_CHARS = 40;

    /** The text cut at the last word boundary before {@code chars}, with an ellipsis, when it is longer. */
    public static String cut(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', chars);
        return text.substring(0, cut > chars / 2 ? cut : chars).strip() + "…";
    }
}
