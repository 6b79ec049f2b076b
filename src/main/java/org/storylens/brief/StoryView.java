package org.storylens.brief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the Markdown and HTML renderings of one story brief both need to know beyond the record: the article numbers
 * that source references use, each article's outlet, the outlets in order, the date span, and which timeline entries
 * are background. Built once per story; immutable.
 */
final class StoryView {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}.*");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** How long before the first report a dated event still counts as part of the news rather than background. */
    static final int BACKGROUND_DAYS = 7;

    /** Claim statuses in the order the contract lists them. */
    static final List<String> STATUSES = List.of("agreed", "disputed", "single-source");

    private final StoryBrief story;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, ArticleEntry> byId = new HashMap<>();
    private final Map<String, List<String>> outlets = new LinkedHashMap<>();
    private final Map<String, ClaimEntry> claims = new HashMap<>();
    private final String first;
    private final String last;
    private final ArticleFallbacks fallbacks;

    StoryView(StoryBrief story) {
        this(story, ArticleFallbacks.NONE);
    }

    StoryView(StoryBrief story, ArticleFallbacks fallbacks) {
        this.story = story;
        this.fallbacks = fallbacks;
        String min = null;
        String max = null;
        for (ArticleEntry a : story.articles()) {
            numbers.putIfAbsent(a.id(), numbers.size() + 1);
            byId.putIfAbsent(a.id(), a);
            outlets.computeIfAbsent(outletName(a), k -> new ArrayList<>()).add(a.id());
            String day = day(a.publishedAt());
            if (day == null) {
                day = day(fallbacks.reportDate(a.id())); // as the stories list dates it
            }
            if (day != null) {
                min = min == null || day.compareTo(min) < 0 ? day : min;
                max = max == null || day.compareTo(max) > 0 ? day : max;
            }
        }
        first = min;
        last = max;
        story.claims().forEach(c -> claims.putIfAbsent(c.text(), c));
    }

    StoryBrief story() {
        return story;
    }

    /** The article's 1-based number in the story's article list, or 0 when the id is not one of its articles. */
    int number(String articleId) {
        return numbers.getOrDefault(articleId, 0);
    }

    Optional<ArticleEntry> article(String articleId) {
        return Optional.ofNullable(byId.get(articleId));
    }

    /** Who published the article: its outlet, else its wire, else its id (as {@link OutletFraming} names it). */
    static String outletOf(ArticleEntry a) {
        if (a.outlet() != null && !a.outlet().isBlank()) {
            return a.outlet();
        }
        return a.wire() != null && !a.wire().isBlank() ? a.wire() : a.id();
    }

    /** True when neither outlet nor wire can be told, so that {@link #outletOf} names the article by its id. */
    static boolean outletUnknown(ArticleEntry a) {
        return (a.outlet() == null || a.outlet().isBlank()) && (a.wire() == null || a.wire().isBlank());
    }

    /**
     * The name a reader sees for who published the article: its outlet, else its wire, else the site its URL names,
     * else "Unknown outlet (article N)" — never its id.
     */
    String outletName(ArticleEntry a) {
        return fallbacks.outletName(a, number(a.id()));
    }

    /** The outlet a framing entry is about, by name: an article id (an unknown outlet) becomes that article's name. */
    String outletName(OutletFraming f) {
        ArticleEntry a = byId.get(f.outlet());
        return a != null && outletUnknown(a) ? outletName(a) : f.outlet();
    }

    /** The article's headline, else "First sentence: …" of its text, else "Article N, no headline". */
    String headline(ArticleEntry a) {
        if (a.title() != null && !a.title().isBlank()) {
            return a.title();
        }
        String sentence = fallbacks.firstSentences().get(a.id());
        return sentence != null ? "First sentence: " + sentence : "Article " + number(a.id()) + ", no headline";
    }

    /**
     * How many independent sources these articles are: a copy counts as its original, an article credited to a
     * wire as the wire, an unknown outlet as itself (as the story's own count).
     */
    int independentSources(List<String> articleIds) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String id : articleIds) {
            ArticleEntry a = byId.get(id);
            for (int hops = 0; a != null && a.copyOf() != null && byId.containsKey(a.copyOf()) && hops < 50; hops++) {
                a = byId.get(a.copyOf());
            }
            keys.add(a == null ? id : a.wire() != null && !a.wire().isBlank() ? "wire:" + a.wire()
                    : a.outlet() != null && !a.outlet().isBlank() ? "outlet:" + a.outlet() : "id:" + a.id());
        }
        return keys.size();
    }

    /** Outlets in the order of their first articles, each with its article ids. */
    Map<String, List<String>> outlets() {
        return outlets;
    }

    /** A one-line description of an article for a source reference: outlet, date and title. */
    String describe(String articleId) {
        ArticleEntry a = byId.get(articleId);
        if (a == null) {
            return articleId;
        }
        StringBuilder s = new StringBuilder(outletName(a));
        if (a.publishedAt() != null) {
            s.append(", ").append(a.publishedAt());
        }
        if (a.title() != null && !a.title().isBlank()) {
            s.append(": ").append(a.title());
        }
        return s.toString();
    }

    /** The claim of the story with this text, for the other side of a dispute or an update. */
    Optional<ClaimEntry> claim(String text) {
        return Optional.ofNullable(claims.get(text));
    }

    List<ClaimEntry> claims(String status) {
        return story.claims().stream().filter(c -> status.equals(c.status())).toList();
    }

    /** Claims whose status is none of the contract's three, so that nothing the brief holds goes unshown. */
    List<ClaimEntry> otherClaims() {
        return story.claims().stream().filter(c -> !STATUSES.contains(c.status())).toList();
    }

    /** The story's earliest publication day, or null when no article is dated. */
    String firstPublished() {
        return first;
    }

    String lastPublished() {
        return last;
    }

    /** "2021-12-03 – 2021-12-06", one day alone, or null when no article is dated. */
    String dateSpan() {
        if (first == null) {
            return null;
        }
        return first.equals(last) ? first : first + " – " + last;
    }

    static String dateSpan(String from, String to) {
        if (from == null) {
            return to;
        }
        return to == null || from.equals(to) ? from : from + " – " + to;
    }

    /**
     * True when the whole period the entry is dated to ends more than {@value #BACKGROUND_DAYS} days before the story's
     * first report: context, not the news itself (an announcement the day before the first report is news).
     */
    boolean isBackground(TimelineEntry entry) {
        if (first == null) {
            return false;
        }
        LocalDate cutoff = LocalDate.parse(first).minusDays(BACKGROUND_DAYS);
        return lastDay(entry.date()).map(end -> end.isBefore(cutoff)).orElse(false);
    }

    /** The last day of the period an ISO value names (a day, week, month or year), or empty. */
    static Optional<LocalDate> lastDay(String value) {
        Optional<LocalDate> start = IsoPeriod.start(value);
        if (start.isEmpty()) {
            return start;
        }
        LocalDate s = start.get();
        if (DAY.matcher(value).matches()) {
            return start;
        }
        if (WEEK.matcher(value).matches()) {
            return Optional.of(s.plusDays(6));
        }
        if (MONTH.matcher(value).matches()) {
            return Optional.of(YearMonth.from(s).atEndOfMonth());
        }
        if (YEAR.matcher(value).matches()) {
            return Optional.of(s.withDayOfYear(s.lengthOfYear()));
        }
        return Optional.empty();
    }

    private static String day(String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10 || !DAY.matcher(publishedAt).matches()) {
            return null;
        }
        return publishedAt.substring(0, 10);
    }

    /** Quotes grouped by speaker in the order of each speaker's first quote; unattributed ones under null. */
    Map<String, List<QuoteEntry>> quotesBySpeaker() {
        Map<String, List<QuoteEntry>> by = new LinkedHashMap<>();
        for (QuoteEntry q : story.quotes()) {
            String speaker = q.speaker() == null || q.speaker().isBlank() ? null : q.speaker();
            by.computeIfAbsent(speaker, k -> new ArrayList<>()).add(q);
        }
        return by;
    }

    /** True when one of the outlet's articles is among the sources. */
    boolean outletStates(String outlet, List<String> sources) {
        return outlets.getOrDefault(outlet, List.of()).stream().anyMatch(sources::contains);
    }

    /** A figure as a reader writes it: qualifier, then the value with thousands separators ("more than 175,000"). */
    static String figure(NumberEntry n) {
        String value;
        if (n.value() == null) {
            value = "?";
        } else {
            value = grouped(n.value());
        }
        return n.qualifier() == null || n.qualifier().isBlank() ? value : n.qualifier() + " " + value;
    }

    private static String grouped(Number value) {
        try {
            BigDecimal d = new BigDecimal(value.toString()).stripTrailingZeros();
            return d.scale() <= 0
                    ? String.format(Locale.ENGLISH, "%,d", d.toBigInteger())
                    : String.format(Locale.ENGLISH, "%,." + d.scale() + "f", d);
        } catch (NumberFormatException e) {
            return value.toString(); // NaN or infinity: nothing to group
        }
    }
}
