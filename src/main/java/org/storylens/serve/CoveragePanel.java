package org.storylens.serve;

import org.jsoup.nodes.Element;
import org.storylens.brief.ArticleEntry;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.BriefHtml;
import org.storylens.brief.StoryBrief;
import org.storylens.clean.Outlet;
import org.storylens.clean.OutletTable;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A story's coverage, the panel of its page: its outlets by country and by state affiliation (as the outlet table
 * knows them: by the outlet's name, else by the site of the article's URL; the rest counted as unknown), its articles
 * over time (an inline SVG bar chart with the same counts listed below it), and how its articles make its independent
 * sources (a copy counts as its original, articles carrying one wire or by one outlet count once: the clusterer's
 * {@link Story#sourceKeys} rule, which gives the story its count). Every text is set through jsoup. Thread-safe
 * (stateless apart from the immutable outlet table).
 */
final class CoveragePanel {

    /** The slug of the panel's section: its id is {@code s1-coverage}. */
    static final String SLUG = "coverage";

    /** Days a chart shows one bar each; a longer span is drawn by week, then by month. */
    private static final int MAX_DAY_BARS = 31;
    private static final int MAX_WEEK_BARS = 26;
    private static final int MAX_MONTH_BARS = 36;

    private static final int WIDTH = 480;
    private static final int HEIGHT = 170;
    private static final int PLOT_LEFT = 12;
    private static final int PLOT_RIGHT = WIDTH - 12;
    private static final int PLOT_TOP = 26;
    private static final int BASELINE = HEIGHT - 34;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /**
     * One outlet of the story.
     *
     * @param name            its name as the page shows it
     * @param country         its ISO 3166 alpha-2 country, or null when the outlet table does not know it
     * @param stateAffiliated whether the outlet table marks it state-owned or state-controlled; null when unknown
     * @param articles        its articles' numbers in the story's article list
     */
    record OutletCoverage(String name, String country, Boolean stateAffiliated, List<Integer> articles) {

        OutletCoverage {
            articles = List.copyOf(articles);
        }
    }

    /**
     * The articles of one period of the chart.
     *
     * @param label    the period as the list names it ("12 Mar 2025", "week of 10 Mar 2025", "Mar 2025")
     * @param tick     the period as the chart's axis names it ("12 Mar")
     * @param articles the numbers of its articles
     */
    record Period(String label, String tick, List<Integer> articles) {

        Period {
            articles = List.copyOf(articles);
        }
    }

    /**
     * One independent source: the articles that count as one.
     *
     * @param name     the name of its first article's outlet, or "NAME (wire)" when its articles carry a wire
     * @param articles its articles' numbers, the first the original
     * @param notes    who published a wire's articles and why each further article counts with the first ("3 by
     *                 Meravik Today copies or translates 1"), in article order
     */
    record Source(String name, List<Integer> articles, List<String> notes) {

        Source {
            articles = List.copyOf(articles);
            notes = List.copyOf(notes);
        }
    }

    /**
     * What the panel shows.
     *
     * @param articles           how many articles the story has
     * @param independentSources the story's count of independent sources (the brief's)
     * @param outlets            its outlets in the order of their first articles
     * @param periodUnit         "day", "week", "month" or "year": what one period of the chart is
     * @param periods            its dated articles by day (by week, month or year over a long span), no gaps
     * @param undated            how many articles have no date
     * @param sources            its independent sources in the order of their first articles
     * @param copies             articles that copy or translate an earlier one of the story
     */
    record Coverage(int articles, int independentSources, List<OutletCoverage> outlets, String periodUnit,
                    List<Period> periods, int undated, List<Source> sources, int copies) {

        Coverage {
            outlets = List.copyOf(outlets);
            periods = List.copyOf(periods);
            sources = List.copyOf(sources);
        }

        /** The outlets by country, the countries with the most outlets first, unknown last. */
        Map<String, List<OutletCoverage>> byCountry() {
            Map<String, List<OutletCoverage>> by = new LinkedHashMap<>();
            outlets.stream().filter(o -> o.country() != null)
                    .forEach(o -> by.computeIfAbsent(o.country(), k -> new ArrayList<>()).add(o));
            List<Map.Entry<String, List<OutletCoverage>>> sorted = new ArrayList<>(by.entrySet());
            sorted.sort((a, b) -> b.getValue().size() - a.getValue().size());
            Map<String, List<OutletCoverage>> out = new LinkedHashMap<>();
            sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
            List<OutletCoverage> unknown = outlets.stream().filter(o -> o.country() == null).toList();
            if (!unknown.isEmpty()) {
                out.put(null, unknown);
            }
            return out;
        }
    }

    private final OutletTable outletTable;

    CoveragePanel(OutletTable outletTable) {
        this.outletTable = outletTable;
    }

    /** The panel as a section of the story's page, before its framing by outlet. */
    BriefHtml.ExtraSection section(StoryBrief brief, ArticleFallbacks names) {
        Coverage c = coverage(brief, names);
        long countries = c.outlets().stream().map(OutletCoverage::country).filter(java.util.Objects::nonNull)
                .distinct().count();
        String counted = PageLayout.count(c.outlets().size(), "outlet", "outlets")
                + (countries > 0 ? " in " + PageLayout.count((int) countries, "country", "countries") : "")
                + ", " + PageLayout.count(c.independentSources(), "independent source", "independent sources");
        return new BriefHtml.ExtraSection(SLUG, "Coverage", counted, "framing-by-outlet", fold -> render(fold, c));
    }

    /** The coverage of the story, its unnamed outlets named by {@code names}. */
    Coverage coverage(StoryBrief brief, ArticleFallbacks names) {
        Map<String, Integer> numbers = new HashMap<>();
        for (ArticleEntry a : brief.articles()) {
            numbers.putIfAbsent(a.id(), numbers.size() + 1);
        }
        Map<String, OutletCoverage> outlets = new LinkedHashMap<>();
        java.util.TreeMap<String, List<Integer>> byDay = new java.util.TreeMap<>();
        int undated = 0;
        int copies = 0;
        List<StoryArticle> members = new ArrayList<>();
        for (ArticleEntry a : brief.articles()) {
            int n = numbers.get(a.id());
            String name = names.outletName(a, n);
            Optional<Outlet> known = outletTable.byName(name)
                    .or(() -> outletTable.byHost(names.sites().get(a.id())));
            OutletCoverage before = outlets.get(name);
            List<Integer> articles = new ArrayList<>(before == null ? List.of() : before.articles());
            articles.add(n);
            outlets.put(name, new OutletCoverage(name,
                    before != null && before.country() != null ? before.country()
                            : known.map(Outlet::country).filter(s -> !s.isBlank()).orElse(null),
                    before != null && before.stateAffiliated() != null ? before.stateAffiliated()
                            : known.map(Outlet::stateAffiliated).orElse(null),
                    articles));
            LocalDate day = day(a.publishedAt());
            if (day == null) {
                undated++;
            } else {
                byDay.computeIfAbsent(day.toString(), k -> new ArrayList<>()).add(n);
            }
            if (a.copyOf() != null && numbers.containsKey(a.copyOf())) {
                copies++;
            }
            members.add(new StoryArticle(a.id(), a.outlet(), a.wire(), day, a.copyOf()));
        }
        String unit = unit(byDay);
        return new Coverage(brief.articles().size(), brief.independentSources(), List.copyOf(outlets.values()), unit,
                periods(byDay, unit), undated, sources(brief, members, numbers, names), copies);
    }

    /** The independent sources as {@link Story#sourceKeys} tells them, with why their further articles count once. */
    private static List<Source> sources(StoryBrief brief, List<StoryArticle> members, Map<String, Integer> numbers,
                                        ArticleFallbacks names) {
        Map<String, String> keys = Story.sourceKeys(members);
        Map<String, List<ArticleEntry>> grouped = new LinkedHashMap<>();
        for (ArticleEntry a : brief.articles()) {
            grouped.computeIfAbsent(keys.get(a.id()), k -> new ArrayList<>()).add(a);
        }
        List<Source> sources = new ArrayList<>();
        for (List<ArticleEntry> group : grouped.values()) {
            ArticleEntry first = group.get(0);
            boolean wire = first.wire() != null && !first.wire().isBlank() && !first.wire().equals(first.outlet());
            String name = wire ? first.wire() + " (wire)" : names.outletName(first, numbers.get(first.id()));
            List<Integer> articles = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (ArticleEntry a : group) {
                int n = numbers.get(a.id());
                articles.add(n);
                String outlet = names.outletName(a, n);
                if (a == first) {
                    if (wire) {
                        notes.add(n + " by " + outlet);
                    }
                    continue;
                }
                if (a.copyOf() != null && numbers.containsKey(a.copyOf())) {
                    notes.add(n + " by " + outlet + " copies or translates " + numbers.get(a.copyOf()));
                } else if (a.wire() != null && !a.wire().isBlank()) {
                    notes.add(n + " by " + outlet + " carries the same wire");
                } else {
                    notes.add(n + " is by the same outlet");
                }
            }
            sources.add(new Source(name, articles, notes));
        }
        return sources;
    }

    /** "day", "week" over more than a month, "month" over more than half a year, "year" over more than three. */
    private static String unit(java.util.TreeMap<String, List<Integer>> byDay) {
        if (byDay.isEmpty()) {
            return "day";
        }
        long span = ChronoUnit.DAYS.between(first(byDay), last(byDay)) + 1;
        return span <= MAX_DAY_BARS ? "day" : span <= MAX_WEEK_BARS * 7L ? "week"
                : ChronoUnit.MONTHS.between(first(byDay).withDayOfMonth(1), last(byDay)) < MAX_MONTH_BARS ? "month"
                : "year";
    }

    private static LocalDate first(java.util.TreeMap<String, List<Integer>> byDay) {
        return LocalDate.parse(byDay.firstKey());
    }

    private static LocalDate last(java.util.TreeMap<String, List<Integer>> byDay) {
        return LocalDate.parse(byDay.lastKey());
    }

    /** The dated articles by the unit's periods, from the first to the last, with no gaps. */
    private static List<Period> periods(java.util.TreeMap<String, List<Integer>> byDay, String unit) {
        if (byDay.isEmpty()) {
            return List.of();
        }
        LocalDate first = first(byDay);
        LocalDate last = last(byDay);
        java.util.function.UnaryOperator<LocalDate> start;
        java.util.function.UnaryOperator<LocalDate> next;
        java.util.function.Function<LocalDate, String> label;
        java.util.function.Function<LocalDate, String> tick;
        if (unit.equals("day")) {
            start = d -> d;
            next = d -> d.plusDays(1);
            label = DAY::format;
            tick = SHORT_DAY::format;
        } else if (unit.equals("week")) {
            start = d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            next = d -> d.plusWeeks(1);
            label = d -> "week of " + DAY.format(d);
            tick = SHORT_DAY::format;
        } else if (unit.equals("month")) {
            start = d -> d.withDayOfMonth(1);
            next = d -> d.plusMonths(1);
            label = MONTH::format;
            tick = MONTH::format;
        } else {
            start = d -> d.withDayOfYear(1);
            next = d -> d.plusYears(1);
            label = d -> Integer.toString(d.getYear());
            tick = label;
        }
        Map<LocalDate, List<Integer>> binned = new LinkedHashMap<>();
        for (LocalDate d = start.apply(first); !d.isAfter(last); d = next.apply(d)) {
            binned.put(d, new ArrayList<>());
        }
        byDay.forEach((day, articles) -> binned.get(start.apply(LocalDate.parse(day))).addAll(articles));
        List<Period> periods = new ArrayList<>();
        binned.forEach((d, articles) -> periods.add(new Period(label.apply(d), tick.apply(d), articles)));
        return periods;
    }

    private static LocalDate day(String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(publishedAt.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void render(Element fold, Coverage c) {
        Element figures = fold.appendElement("p").addClass("coverage-figures");
        figures.appendElement("b").text(PageLayout.count(c.articles(), "article", "articles"));
        figures.appendText(" from ");
        figures.appendElement("b").text(PageLayout.count(c.outlets().size(), "outlet", "outlets"));
        figures.appendText(" make ");
        figures.appendElement("b").text(PageLayout.count(c.independentSources(), "independent source",
                "independent sources"));
        figures.appendText(".");

        fold.appendElement("h3").text("Outlets by country");
        Element countries = fold.appendElement("ul").addClass("coverage-countries");
        for (Map.Entry<String, List<OutletCoverage>> e : c.byCountry().entrySet()) {
            Element li = countries.appendElement("li");
            li.appendElement("b").addClass("country-name").text(e.getKey() == null ? "Country unknown"
                    : countryName(e.getKey()));
            li.appendText(" " + PageLayout.count(e.getValue().size(), "outlet", "outlets") + ": ");
            Element names = li.appendElement("span").addClass("coverage-outlets");
            for (int i = 0; i < e.getValue().size(); i++) {
                OutletCoverage o = e.getValue().get(i);
                if (i > 0) {
                    names.appendText(", ");
                }
                names.appendElement("span").addClass("outlet-name").text(o.name());
                if (Boolean.TRUE.equals(o.stateAffiliated())) {
                    names.appendText(" ");
                    names.appendElement("span").addClass("badge").addClass("state").text("state-affiliated");
                }
            }
        }

        fold.appendElement("h3").text("State affiliation");
        List<OutletCoverage> state = c.outlets().stream().filter(o -> Boolean.TRUE.equals(o.stateAffiliated()))
                .toList();
        long independent = c.outlets().stream().filter(o -> Boolean.FALSE.equals(o.stateAffiliated())).count();
        long unknown = c.outlets().stream().filter(o -> o.stateAffiliated() == null).count();
        Element affiliation = fold.appendElement("ul").addClass("coverage-affiliation");
        if (!state.isEmpty()) {
            affiliation.appendElement("li").addClass("state-affiliated").text("State-affiliated: "
                    + PageLayout.count(state.size(), "outlet", "outlets") + " ("
                    + String.join(", ", state.stream().map(OutletCoverage::name).toList()) + ")");
        }
        if (independent > 0) {
            affiliation.appendElement("li").addClass("not-state-affiliated").text("Not state-affiliated: "
                    + PageLayout.count((int) independent, "outlet", "outlets"));
        }
        if (unknown > 0) {
            affiliation.appendElement("li").addClass("affiliation-unknown").text("Not known: "
                    + PageLayout.count((int) unknown, "outlet", "outlets") + " (not in storylens's table of outlets)");
        }

        fold.appendElement("h3").text("Articles over time");
        if (c.periods().isEmpty()) {
            fold.appendElement("p").addClass("none").text("No article is dated.");
        } else {
            chart(fold, c.periods(), c.periodUnit());
            Element list = fold.appendElement("ul").addClass("coverage-periods");
            for (Period p : c.periods()) {
                Element li = list.appendElement("li");
                li.appendElement("span").addClass("period").text(p.label());
                li.appendText(": " + PageLayout.count(p.articles().size(), "article", "articles"));
                chips(li, p.articles());
            }
            if (c.undated() > 0) {
                list.appendElement("li").text("Undated: " + PageLayout.count(c.undated(), "article", "articles"));
            }
        }

        fold.appendElement("h3").text("Independent sources and copies");
        fold.appendElement("p").addClass("coverage-copies").text(PageLayout.count(c.articles(), "article",
                "articles") + " are " + PageLayout.count(c.independentSources(), "independent source",
                "independent sources") + ": a copy or translation counts as its original ("
                + PageLayout.count(c.copies(), "copy", "copies") + " here), and articles carrying one wire or by one "
                + "outlet count once.");
        Element sources = fold.appendElement("ol").addClass("coverage-sources");
        for (Source s : c.sources()) {
            Element li = sources.appendElement("li");
            li.appendElement("b").text(s.name());
            li.appendText(" · " + PageLayout.count(s.articles().size(), "article", "articles"));
            chips(li, s.articles());
            if (!s.notes().isEmpty()) {
                li.appendElement("span").addClass("copy-notes").text(" (" + String.join("; ", s.notes()) + ")");
            }
        }
    }

    /**
     * The periods as bars over a baseline, each bar's count above it and some periods named below; presentation
     * attributes only, a title and a label naming every count (the list after it gives them too).
     */
    private static void chart(Element parent, List<Period> periods, String unit) {
        int max = periods.stream().mapToInt(p -> p.articles().size()).max().orElse(1);
        StringBuilder described = new StringBuilder("Articles over time, by ").append(unit).append(": ");
        for (int i = 0; i < periods.size(); i++) {
            described.append(i == 0 ? "" : "; ").append(periods.get(i).label()).append(" ")
                    .append(periods.get(i).articles().size());
        }
        Element svg = parent.appendElement("svg").addClass("coverage-chart")
                .attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT)
                .attr("width", "100%")
                .attr("role", "img")
                .attr("aria-label", described.toString());
        svg.appendElement("title").text(described.toString());
        double slot = (double) (PLOT_RIGHT - PLOT_LEFT) / periods.size();
        double barWidth = Math.min(56, slot * 0.7);
        int labelEvery = Math.max(1, (int) Math.ceil(periods.size() / 6.0));
        svg.appendElement("line").attr("x1", fmt(PLOT_LEFT)).attr("y1", fmt(BASELINE)).attr("x2", fmt(PLOT_RIGHT))
                .attr("y2", fmt(BASELINE)).attr("stroke", "#8a94a3").attr("stroke-width", "1.5");
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            int n = p.articles().size();
            double x = PLOT_LEFT + slot * i + (slot - barWidth) / 2;
            double height = (BASELINE - PLOT_TOP) * n / (double) max;
            Element bar = svg.appendElement("g").addClass("bar");
            bar.appendElement("title").text(p.label() + ": " + PageLayout.count(n, "article", "articles"));
            if (n > 0) {
                bar.appendElement("rect").attr("x", fmt(x)).attr("y", fmt(BASELINE - height))
                        .attr("width", fmt(barWidth)).attr("height", fmt(height)).attr("rx", "2")
                        .attr("fill", "#2456a6");
                if (periods.size() <= 16) {
                    bar.appendElement("text").attr("x", fmt(x + barWidth / 2)).attr("y", fmt(BASELINE - height - 6))
                            .attr("text-anchor", "middle").attr("font-size", "15").attr("font-weight", "700")
                            .attr("fill", "#1d2430").text(Integer.toString(n));
                }
            }
            boolean named = i % labelEvery == 0 || i == periods.size() - 1 && periods.size() <= 12;
            if (named) {
                bar.appendElement("text").attr("x", fmt(x + barWidth / 2)).attr("y", fmt(BASELINE + 22))
                        .attr("text-anchor", "middle").attr("font-size", "15").attr("fill", "#4a5563")
                        .text(p.tick());
            }
        }
    }

    /** Links to the articles in the story's article list, as the brief's source chips are. */
    private static void chips(Element parent, List<Integer> articles) {
        parent.appendText(" ");
        Element refs = parent.appendElement("span").addClass("refs");
        for (int n : articles) {
            if (refs.childrenSize() > 0) {
                refs.appendText(" ");
            }
            refs.appendElement("a").addClass("chip").attr("href", "#s1-a" + n).attr("title", "article " + n)
                    .text(Integer.toString(n));
        }
    }

    /** "Russia (RU)"; the code alone when Java does not know it. */
    static String countryName(String code) {
        @SuppressWarnings("deprecation") // Locale.of is Java 19
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
