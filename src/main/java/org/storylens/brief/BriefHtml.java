package org.storylens.brief;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Brief} as one self-contained HTML5 page: an inline style sheet, no script, no image, font or link
 * that leaves the page, and a Content-Security-Policy that forbids them, so that even a missed escape could not run
 * script or fetch anything. The page is built as a jsoup {@link Document} and every piece of article or brief text is
 * set with {@link Element#text(String)} or {@link Element#attr(String, String)}, which escape it.
 *
 * <p>Per story: a header with the facts, the summary with source chips, claims in agreed / disputed / single-source
 * groups and a claim-by-outlet table, the chronology, quotes by speaker, figures, entities, a card per outlet on how
 * it framed the story, and the numbered articles the chips point to. Thread-safe (stateless).
 */
public final class BriefHtml {

    /** The page's policy: nothing may be loaded or run; only the inline style sheet applies. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /** Entities listed before the rest are folded away: the most-mentioned carry the story. */
    private static final int ENTITIES_SHOWN = 15;

    /** The brief's style sheet (resource {@code brief.css}): inlined in the standalone page, linked by the served one. */
    public static final String CSS = readCss();


    private static String readCss() {
        try (java.io.InputStream in = BriefHtml.class.getResourceAsStream("brief.css")) {
            if (in == null) {
                throw new IllegalStateException("resource org/storylens/brief/brief.css is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read resource org/storylens/brief/brief.css", e);
        }
    }

    /** The standalone page of the brief's stories: inline style sheet, a policy meta tag, no script. */
    public String render(Brief brief) {
        return render(brief, ArticleFallbacks.NONE);
    }

    /**
     * The standalone page of the brief's stories, unnamed outlets and headlines named by {@code fallbacks} (the site
     * of the article's URL, its first sentence).
     */
    public String render(Brief brief, ArticleFallbacks fallbacks) {
        Document doc = Document.createShell("");
        doc.outputSettings().charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base).prettyPrint(true)
                .indentAmount(1);
        doc.prependChild(new DocumentType("html", "", ""));
        Element html = doc.selectFirst("html");
        html.attr("lang", "en");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CONTENT_SECURITY_POLICY);
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        head.appendElement("meta").attr("name", "generator").attr("content", "storylens");
        head.appendElement("title").text(pageTitle(brief));
        head.appendElement("style").appendChild(new DataNode(CSS));

        Element main = doc.body().appendElement("main");
        Element pageHead = main.appendElement("div").addClass("page-head");
        pageHead.appendElement("span").appendElement("strong").text("storylens brief");
        pageHead.appendElement("span").text(count(brief.stories().size(), "story", "stories")
                + (brief.generatedAt() == null ? "" : " · generated " + brief.generatedAt()));
        if (brief.stories().isEmpty()) {
            main.appendElement("p").addClass("none").text("No stories.");
        }
        if (brief.stories().size() > 1) {
            Element toc = main.appendElement("nav").addClass("toc");
            toc.appendElement("h2").text("Stories");
            Element list = toc.appendElement("ol");
            for (int i = 0; i < brief.stories().size(); i++) {
                StoryBrief s = brief.stories().get(i);
                Element li = list.appendElement("li");
                li.appendElement("a").attr("href", "#s" + (i + 1)).text(titleOf(s));
                li.appendText(" · " + count(s.articles().size(), "article", "articles"));
            }
        }
        for (int i = 0; i < brief.stories().size(); i++) {
            new StoryPage(new StoryView(brief.stories().get(i), fallbacks), "s" + (i + 1), null, List.of())
                    .render(main);
        }
        Element footer = main.appendElement("footer");
        footer.text("Every statement is followed by the numbers of the articles that contain it (the article list "
                + "at the end of each story). Generated by storylens"
                + (brief.generatedAt() == null ? "" : " at " + brief.generatedAt()) + ".");
        return doc.outerHtml() + "\n";
    }

    private static String pageTitle(Brief brief) {
        if (brief.stories().isEmpty()) {
            return "storylens brief";
        }
        String first = titleOf(brief.stories().get(0));
        return brief.stories().size() == 1 ? first + " · storylens brief"
                : first + " and " + count(brief.stories().size() - 1, "other story", "other stories")
                + " · storylens brief";
    }

    private static String titleOf(StoryBrief s) {
        return s.title() == null || s.title().isBlank() ? "Untitled story" : s.title();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * Appends one story's brief to {@code parent} for a page that links {@link #CSS} and a script rather than
     * inlining them, in reading order: the headline and a line on the story's state, the disputes and updates, a
     * table of contents, the summary, then the other sections folded ({@code <details>}, with their counts in view),
     * long lists cut with "show all" folds; article headlines link to {@code articleHref.apply(id)}, the chronology is
     * also drawn as an SVG, and each source chip carries its supporting sentence ({@code data-outlet},
     * {@code data-sentence}) for a script to show. Every text is set through jsoup, escaped.
     *
     * @param articleHref the address of an article's own page, given its id (the caller encodes it)
     * @param fallbacks   names for articles without outlet or headline (their site, their first sentence)
     * @return the appended {@code article} element
     */
    public Element renderStory(StoryBrief story, Element parent, java.util.function.UnaryOperator<String> articleHref,
                               ArticleFallbacks fallbacks) {
        return renderStory(story, parent, articleHref, fallbacks, List.of());
    }

    /**
     * A section a page adds to a story's brief, laid out as the brief's own folded sections are (its heading and
     * count in the fold's summary, an {@code #anchor} and an entry in the table of contents).
     *
     * @param slug    its name in the section's class ({@code s-SLUG}) and id ({@code s1-SLUG})
     * @param title   its heading
     * @param counted what the folded summary and the table of contents count ("5 outlets")
     * @param before  the slug of the brief's section it goes before ("framing-by-outlet"), or null for the end
     * @param body    fills the section (the fold) below its summary
     */
    public record ExtraSection(String slug, String title, String counted, String before,
                               java.util.function.Consumer<Element> body) {

        public ExtraSection {
            java.util.Objects.requireNonNull(slug, "slug");
            java.util.Objects.requireNonNull(title, "title");
            java.util.Objects.requireNonNull(counted, "counted");
            java.util.Objects.requireNonNull(body, "body");
        }
    }

    /**
     * {@link #renderStory(StoryBrief, Element, java.util.function.UnaryOperator, ArticleFallbacks)} with the page's
     * own sections among the brief's, each before the section it names.
     */
    public Element renderStory(StoryBrief story, Element parent, java.util.function.UnaryOperator<String> articleHref,
                               ArticleFallbacks fallbacks, List<ExtraSection> extras) {
        java.util.Objects.requireNonNull(articleHref, "articleHref");
        return new StoryPage(new StoryView(story, fallbacks), "s1", articleHref, List.copyOf(extras)).render(parent);
    }

    /**
     * The one-line state of the story as the page's header gives it ("Latest figure: … · updated … · 6 articles / 4
     * independent sources · since …"), as plain text.
     */
    public String stateLine(StoryBrief story, ArticleFallbacks fallbacks) {
        Element header = new Element("header");
        new StoryPage(new StoryView(story, fallbacks), "s1", id -> id, List.of()).header(header, story);
        Element state = header.selectFirst("p.state");
        return state == null ? "" : state.text();
    }

    /** {@link #renderStory(StoryBrief, Element, java.util.function.UnaryOperator, ArticleFallbacks)} without fallbacks. */
    public Element renderStory(StoryBrief story, Element parent, java.util.function.UnaryOperator<String> articleHref) {
        return renderStory(story, parent, articleHref, ArticleFallbacks.NONE);
    }

    /**
     * The page of one story; {@code key} prefixes its element ids so several stories can share a page;
     * {@code articleHref} is null for the standalone page, else the address of an article's page.
     */
    private record StoryPage(StoryView view, String key, java.util.function.UnaryOperator<String> articleHref,
                             List<ExtraSection> extras) {

        /** The figure the latest update gives, as the state line shows it, and the claim that states it. */
        private record LeadFigure(String figure, ClaimEntry claim) {
        }

        /** Updates shown before the rest are folded away on the served page, the latest first. */
        private static final int UPDATES_SHOWN = 3;
        /** Claims of a group shown before the rest are folded away on the served page. */
        private static final int CLAIMS_SHOWN = 5;
        /** Quotes of a speaker shown before the rest are folded away. */
        private static final int QUOTES_SHOWN = 3;
        /** Speakers shown before the rest are folded away. */
        private static final int SPEAKERS_SHOWN = 6;

        boolean served() {
            return articleHref != null;
        }

        Element render(Element main) {
            StoryBrief s = view.story();
            Element story = main.appendElement("article").addClass("story").id(key);
            Element header = story.appendElement("header");
            header(header, s);
            List<String> empty = new ArrayList<>();
            Map<String, String> toc = new java.util.LinkedHashMap<>();
            section(story, "disputes-and-updates", "Disputes and updates", null, false, empty, toc, this::disputes);
            Element contents = story.appendElement("nav").addClass("story-toc")
                    .attr("aria-label", "Sections of this story");
            section(story, "summary", "Summary", null, s.summary().isEmpty(), empty, toc, this::summary);
            section(story, "claims", "Claims", claimCount(), s.claims().isEmpty(), empty, toc, this::claims);
            section(story, "quotes", "Quotes", quoteCount(), s.quotes().isEmpty(), empty, toc, this::quotes);
            section(story, "numbers", "Figures", count(s.numbers().size(), "figure", "figures"),
                    s.numbers().isEmpty(), empty, toc, this::numbers);
            section(story, "timeline", "Timeline", count(s.timeline().size(), "dated entry", "dated entries"),
                    s.timeline().isEmpty(), empty, toc, this::timeline);
            section(story, "entities", "Entities", count(s.entities().size(), "name", "names"),
                    s.entities().isEmpty(), empty, toc, this::entities);
            section(story, "framing-by-outlet", "Framing by outlet", count(s.framing().size(), "outlet", "outlets"),
                    s.framing().isEmpty(), empty, toc, this::framing);
            section(story, "articles", "Articles", count(s.articles().size(), "article", "articles"),
                    s.articles().isEmpty(), empty, toc, this::articles);
            for (ExtraSection x : extras) {
                if (!toc.containsKey(key + "-" + x.slug())) {
                    section(story, x.slug(), x.title(), x.counted(), false, empty, toc, x.body());
                }
            }
            contents.appendElement("p").addClass("toc-title").text("On this page");
            Element list = contents.appendElement("ol");
            toc.forEach((id, label) -> {
                Element link = list.appendElement("li").appendElement("a").attr("href", "#" + id);
                int open = label.indexOf(" (");
                link.text(open < 0 ? label : label.substring(0, open));
                if (open >= 0) {
                    link.appendText(" ");
                    link.appendElement("span").addClass("toc-count").text(label.substring(open + 1));
                }
            });
            if (!empty.isEmpty()) {
                header.appendElement("p").addClass("empty-sections")
                        .text("Nothing found for: " + String.join(", ", empty) + ".");
            }
            return story;
        }

        /**
         * A section with its heading (the first two open, the rest folded behind a summary that gives their counts;
         * all open on the standalone page, which is printed), or only its name in {@code empty} when it has nothing
         * to show.
         */
        private void section(Element story, String slug, String title, String counted, boolean isEmpty,
                             List<String> empty, Map<String, String> toc, java.util.function.Consumer<Element> body) {
            for (ExtraSection x : extras) {
                if (slug.equals(x.before()) && !toc.containsKey(key + "-" + x.slug())) {
                    section(story, x.slug(), x.title(), x.counted(), false, empty, toc, x.body());
                }
            }
            if (isEmpty) {
                empty.add(title.toLowerCase(java.util.Locale.ROOT));
                return;
            }
            String id = key + "-" + slug;
            Element section = story.appendElement("section").addClass("s-" + slug).id(id);
            toc.put(id, counted == null ? title : title + " (" + counted + ")");
            if (counted == null) {
                section.appendElement("h2").text(title);
                body.accept(section);
                return;
            }
            Element fold = section.appendElement("details").addClass("fold");
            if (!served()) {
                fold.attr("open", true);
            }
            Element summary = fold.appendElement("summary");
            summary.appendElement("h2").text(title);
            summary.appendText(" ");
            summary.appendElement("span").addClass("count").text(counted);
            body.accept(fold);
        }

        private String claimCount() {
            StoryBrief s = view.story();
            List<String> parts = new ArrayList<>();
            parts.add(count(s.claims().size(), "claim", "claims"));
            int disputed = Disputes.oncePerDispute(view.claims("disputed")).size();
            if (disputed > 0) {
                parts.add(disputed + " disputed");
            }
            int agreed = view.claims("agreed").size();
            if (agreed > 0) {
                parts.add(agreed + " agreed");
            }
            return String.join(", ", parts);
        }

        private String quoteCount() {
            Map<String, List<QuoteEntry>> by = view.quotesBySpeaker();
            long named = by.keySet().stream().filter(k -> k != null).count();
            return count(view.story().quotes().size(), "quote", "quotes") + " by "
                    + count((int) named, "speaker", "speakers") + (by.containsKey(null) ? " and unnamed" : "");
        }

        private void header(Element header, StoryBrief s) {
            header.appendElement("h1").text(titleOf(s));
            Element facts = header.appendElement("p").addClass("facts").addClass("state");
            leadFigure().ifPresent(lead -> {
                facts.appendElement("span").addClass("lead-figure").attr("title", lead.claim().text())
                        .appendElement("b").text("Latest figure: " + lead.figure());
                facts.appendText(" · ");
            });
            if (view.lastPublished() != null) {
                facts.appendElement("span").addClass("updated").text("updated " + view.lastPublished());
                facts.appendText(" · ");
            }
            facts.appendElement("b").text(count(s.articles().size(), "article", "articles"));
            facts.appendText(" / ");
            facts.appendElement("b").text(count(s.independentSources(), "independent source", "independent sources"));
            if (view.firstPublished() != null && !view.firstPublished().equals(view.lastPublished())) {
                facts.appendText(" · since " + view.firstPublished());
            }
            Element outlets = header.appendElement("ul").addClass("outlets").attr("aria-label", "Outlets");
            for (Map.Entry<String, List<String>> outlet : view.outlets().entrySet()) {
                Element pill = outlets.appendElement("li").addClass("pill").text(outlet.getKey())
                        .attr("title", count(outlet.getValue().size(), "article", "articles"));
                if (view.article(outlet.getValue().get(0)).map(StoryView::outletUnknown).orElse(false)) {
                    pill.addClass("unknown");
                }
            }
            header.appendElement("p").addClass("story-id").text("story " + s.id());
        }

        /**
         * The value the story's latest update gives for a figure ("1,850 evacuated, reported 2025-03-13"): the figure
         * of the brief's numbers that the latest superseding claim states, the one the most articles give.
         */
        private java.util.Optional<LeadFigure> leadFigure() {
            // the latest update that states a figure the brief lists (a later update may change no figure)
            for (Disputes.Update u : latestFirst(Disputes.of(view.story()).updates())) {
                ClaimEntry later = u.later();
                NumberEntry best = null;
                for (NumberEntry n : view.story().numbers()) {
                    if (n.value() == null || n.unit() == null || n.text() == null || n.text().isBlank()) {
                        continue;
                    }
                    boolean stated = later.text().contains(n.text()) || n.text().contains(later.text());
                    if (stated && (best == null || n.sources().size() > best.sources().size())) {
                        best = n;
                    }
                }
                if (best != null) {
                    return java.util.Optional.of(new LeadFigure(StoryView.figure(best) + " " + best.unit()
                            + (later.lastReported() == null ? "" : " (reported " + later.lastReported() + ")"), later));
                }
            }
            return java.util.Optional.empty();
        }

        /** Updates with the latest report first (a stable sort: undated ones last, in the brief's order). */
        private static List<Disputes.Update> latestFirst(List<Disputes.Update> updates) {
            List<Disputes.Update> sorted = new ArrayList<>(updates);
            sorted.sort(java.util.Comparator.comparing((Disputes.Update u) -> u.later().lastReported(),
                    java.util.Comparator.nullsLast(java.util.Comparator.<String>reverseOrder())));
            return sorted;
        }

        /**
         * The disputes (each pair of conflicting claims once, with who asserts and who denies where a party denies)
         * or "No disputes among N sources", then the updates: what a reader needs before the summary.
         */
        private void disputes(Element section) {
            StoryBrief s = view.story();
            Disputes found = Disputes.of(s);
            if (found.disputes().isEmpty()) {
                section.appendElement("p").addClass("no-disputes")
                        .text("No disputes among " + count(s.independentSources(), "source", "sources") + ".");
            } else {
                section.appendElement("h3").addClass("part").text("Disputed (" + found.disputes().size() + ")");
                Element list = section.appendElement("ul").addClass("disputes");
                for (Disputes.Dispute d : found.disputes()) {
                    Element li = list.appendElement("li").addClass("dispute");
                    String holders = Disputes.holders(d.claim());
                    li.appendElement("div").addClass("holders")
                            .text(holders != null ? holders : Disputes.disagreement(d));
                    side(li, d.claim(), "side");
                    if (d.other() != null) {
                        side(li, d.other(), "side");
                    }
                }
            }
            if (!found.updates().isEmpty()) {
                section.appendElement("h3").addClass("part").text("What later reports changed ("
                        + found.updates().size() + ")");
                Element list = section.appendElement("ul").addClass("updates");
                List<Disputes.Update> updates = latestFirst(found.updates());
                for (int i = 0; i < updates.size(); i++) {
                    Disputes.Update u = updates.get(i);
                    if (served() && i == UPDATES_SHOWN && updates.size() > UPDATES_SHOWN + 1) {
                        Element more = section.appendElement("details").addClass("more").addClass("more-updates");
                        more.appendElement("summary").text("Show all " + updates.size() + " updates ("
                                + (updates.size() - UPDATES_SHOWN) + " earlier)");
                        list = more.appendElement("ul").addClass("updates");
                    }
                    Element li = list.appendElement("li").addClass("latest");
                    side(li, u.later(), "now");
                    for (ClaimEntry earlier : u.earlier()) {
                        Element line = li.appendElement("div").addClass("earlier");
                        line.appendElement("span").addClass("label").text("earlier report");
                        line.appendText(earlier.text());
                        chips(line, earlier.sources(), earlier.support());
                        when(line, earlier);
                    }
                }
            }
        }

        /** One side of a dispute or update: its text, sources and dates. */
        private void side(Element parent, ClaimEntry c, String cssClass) {
            Element line = parent.appendElement("div").addClass(cssClass);
            if (c.side() != null) {
                line.appendElement("span").addClass("label").text(c.side());
            }
            line.appendElement("span").addClass("claim-text").text(c.text());
            chips(line, c.sources(), c.support());
            when(line, c);
        }

        private void summary(Element section) {
            StoryBrief s = view.story();
            Element list = section.appendElement("ol").addClass("summary");
            for (SourcedText t : s.summary()) {
                Element li = list.appendElement("li");
                li.appendText(t.text());
                chips(li, t.sources(), t.support());
            }
        }

        private void claims(Element section) {
            Element groups = section.appendElement("div").addClass("claim-groups");
            claimGroup(groups, "agreed", "Agreed", "agreed", ranked(view.claims("agreed")));
            claimGroup(groups, "disputed", "Disputed", "disputed", view.claims("disputed"));
            claimGroup(groups, "single-source", "Single source", "single-source", view.claims("single-source"));
            claimGroup(groups, "other", "Other", "other", view.otherClaims());
            matrix(section);
        }

        /** Claims with the most independent sources first (a stable sort: the brief's order among equals). */
        private List<ClaimEntry> ranked(List<ClaimEntry> claims) {
            List<ClaimEntry> sorted = new ArrayList<>(claims);
            sorted.sort(java.util.Comparator.comparingInt((ClaimEntry c) -> view.independentSources(c.sources()))
                    .reversed());
            return sorted;
        }

        private void claimGroup(Element parent, String status, String title, String foldName, List<ClaimEntry> claims) {
            if (claims.isEmpty()) {
                return;
            }
            if ("disputed".equals(status)) {
                claims = Disputes.oncePerDispute(claims);
            }
            Element group = parent.appendElement("div").addClass("group").addClass(status);
            group.appendElement("h3").text(title + " (" + claims.size() + ")");
            Element list = group.appendElement("ul");
            boolean fold = served() && !"disputed".equals(status) && claims.size() > CLAIMS_SHOWN + 1;
            for (int i = 0; i < claims.size(); i++) {
                ClaimEntry c = claims.get(i);
                if (fold && i == CLAIMS_SHOWN) {
                    Element more = group.appendElement("details").addClass("more");
                    more.appendElement("summary").text(count(claims.size() - CLAIMS_SHOWN,
                            "more " + foldName + " claim", "more " + foldName + " claims"));
                    list = more.appendElement("ul");
                }
                Element li = list.appendElement("li");
                boolean superseded = !c.supersededBy().isEmpty();
                if (superseded) {
                    li.addClass("superseded");
                }
                li.appendElement("span").addClass("claim-text").text(c.text());
                chips(li, c.sources(), c.support());
                when(li, c);
                if (superseded) {
                    badge(li, "superseded", "superseded");
                }
                String holders = Disputes.holders(c);
                if (holders != null) {
                    li.appendElement("div").addClass("holders").text(holders);
                }
                c.conflictsWith().forEach(other -> related(li, "side", "conflicts with", other, true));
                c.supersededBy().forEach(later -> related(li, "update", "updated by later reports", later, true));
                c.supersedes().forEach(earlier -> related(li, "update", "updates", earlier, false));
            }
        }

        /** A claim related to another (the other side of a dispute, an update), with its sources and dates if asked. */
        private void related(Element li, String cssClass, String label, String text, boolean sourced) {
            Element line = li.appendElement("div").addClass(cssClass);
            line.appendElement("span").addClass("label").text(label);
            line.appendText(text);
            if (sourced) {
                view.claim(text).ifPresent(o -> {
                    chips(line, o.sources(), o.support());
                    when(line, o);
                });
            }
        }

        private void when(Element parent, ClaimEntry c) {
            String span = StoryView.dateSpan(c.firstReported(), c.lastReported());
            if (span != null) {
                parent.appendText(" ");
                parent.appendElement("span").addClass("when").text("reported " + span);
            }
        }

        /**
         * Rows claims, columns outlets: a mark where one of the outlet's articles states the claim. Each mark cell
         * carries its outlet's name ({@code data-outlet}) so that a narrow screen shows a row as the claim with the
         * pills of the outlets that state it.
         */
        private void matrix(Element section) {
            Map<String, List<String>> outlets = view.outlets();
            if (outlets.size() < 2) {
                return;
            }
            section.appendElement("h3").text("Who reports what");
            List<ClaimEntry> claims = view.story().claims();
            if (!served()) {
                matrixTable(section, outlets, claims);
                return;
            }
            section.appendElement("p").addClass("explain").text("One row per claim, one column per outlet: a mark "
                    + "where one of the outlet's articles states the claim.");
            List<ClaimEntry> shared = claims.stream().filter(c -> !"single-source".equals(c.status())).toList();
            List<ClaimEntry> single = claims.stream().filter(c -> "single-source".equals(c.status())).toList();
            if (!shared.isEmpty()) {
                matrixTable(section, outlets, shared);
            }
            if (!single.isEmpty()) {
                Element more = section.appendElement("details").addClass("more").addClass("single-source-matrix");
                if (shared.isEmpty()) {
                    more.attr("open", true);
                }
                more.appendElement("summary").text(count(single.size(), "single-source claim", "single-source claims")
                        + " by outlet");
                matrixTable(more, outlets, single);
            }
        }

        private void matrixTable(Element parent, Map<String, List<String>> outlets, List<ClaimEntry> claims) {
            Element table = parent.appendElement("table").addClass("matrix");
            Element head = table.appendElement("thead").appendElement("tr");
            head.appendElement("th").attr("scope", "col").text("Claim");
            outlets.keySet().forEach(o -> head.appendElement("th").addClass("outlet").attr("scope", "col").text(o));
            Element body = table.appendElement("tbody");
            for (ClaimEntry c : claims) {
                Element row = body.appendElement("tr").addClass(StoryView.STATUSES.contains(c.status())
                        ? c.status() : "other");
                Element claim = row.appendElement("td").addClass("claim");
                claim.text(c.text());
                if (!c.supersededBy().isEmpty()) {
                    badge(claim, "superseded", "superseded");
                }
                for (String outlet : outlets.keySet()) {
                    boolean states = view.outletStates(outlet, c.sources());
                    Element cell = row.appendElement("td").addClass("mark").attr("data-outlet", outlet);
                    cell.text(states ? "✓" : "");
                    cell.attr("title", outlet + (states ? " reports this" : " does not report this"));
                    if (!states) {
                        cell.addClass("no");
                    }
                }
            }
        }

        private void timeline(Element section) {
            StoryBrief s = view.story();
            if (served()) {
                new TimelineSvg(view).render(section);
            }
            Element list = section.appendElement("ol").addClass("chrono");
            for (TimelineEntry t : s.timeline()) {
                Element li = list.appendElement("li");
                li.appendElement("time").attr("datetime", t.date()).text(t.date());
                if (view.isBackground(t)) {
                    li.addClass("background");
                    badge(li, "background", "background");
                }
                if (t.scheduled()) {
                    li.addClass("scheduled");
                    badge(li, "scheduled", "scheduled");
                }
                li.appendElement("br");
                li.appendText(t.text());
                chips(li, t.sources());
            }
        }

        /**
         * Quotes by speaker, the most reported speakers first; per speaker the three most reported quotes, the rest
         * behind "show all N quotes" (a nested {@code <details>}), and speakers beyond the sixth behind one more.
         */
        private void quotes(Element section) {
            List<Map.Entry<String, List<QuoteEntry>>> speakers = new ArrayList<>(view.quotesBySpeaker().entrySet());
            java.util.function.ToIntFunction<Map.Entry<String, List<QuoteEntry>>> reports =
                    e -> e.getValue().stream().mapToInt(q -> q.sources().size()).sum();
            // named speakers by how often they are reported; the unnamed last
            speakers.sort(java.util.Comparator.comparing((Map.Entry<String, List<QuoteEntry>> e) -> e.getKey() == null)
                    .thenComparing(java.util.Comparator.comparingInt(reports).reversed()));
            Element parent = section;
            for (int i = 0; i < speakers.size(); i++) {
                if (served() && i == SPEAKERS_SHOWN && speakers.size() > SPEAKERS_SHOWN + 1) {
                    Element more = section.appendElement("details").addClass("more").addClass("more-speakers");
                    more.appendElement("summary").text("Show all " + speakers.size() + " speakers ("
                            + count(speakers.size() - SPEAKERS_SHOWN, "more", "more") + ")");
                    parent = more;
                }
                Map.Entry<String, List<QuoteEntry>> speaker = speakers.get(i);
                Element box = parent.appendElement("div").addClass("speaker");
                box.appendElement("h3").text(speaker.getKey() == null ? "Speaker not named" : speaker.getKey());
                List<QuoteEntry> quotes = new ArrayList<>(speaker.getValue());
                quotes.sort(java.util.Comparator.comparingInt((QuoteEntry q) -> q.sources().size()).reversed());
                Element into = box;
                for (int j = 0; j < quotes.size(); j++) {
                    if (served() && j == QUOTES_SHOWN && quotes.size() > QUOTES_SHOWN) {
                        Element more = box.appendElement("details").addClass("more").addClass("more-quotes");
                        more.appendElement("summary").text("Show all " + quotes.size() + " quotes"
                                + (speaker.getKey() == null ? "" : " of " + speaker.getKey()));
                        into = more;
                    }
                    QuoteEntry q = quotes.get(j);
                    Element quote = into.appendElement("blockquote");
                    if (q.direct()) {
                        quote.appendText(quoted(q.text()));
                    } else {
                        quote.addClass("reported").attr("title", "reported speech, not quoted directly");
                        quote.appendText(q.text());
                    }
                    chips(quote, q.sources());
                }
            }
        }

        private void numbers(Element section) {
            StoryBrief s = view.story();
            Element table = section.appendElement("table").addClass("numbers").addClass("stacks");
            Element head = table.appendElement("thead").appendElement("tr");
            head.appendElement("th").addClass("num").attr("scope", "col").text("Value");
            head.appendElement("th").attr("scope", "col").text("Of what");
            head.appendElement("th").attr("scope", "col").text("Attributed to");
            head.appendElement("th").attr("scope", "col").text("Sources");
            Element body = table.appendElement("tbody");
            for (NumberEntry n : s.numbers()) {
                Element row = body.appendElement("tr");
                row.appendElement("td").addClass("num").attr("data-label", "Value").text(StoryView.figure(n));
                Element what = row.appendElement("td").attr("data-label", "Of what");
                what.appendElement("b").text(n.unit() == null ? "–" : n.unit());
                if (n.text() != null && !n.text().isBlank()) {
                    what.appendElement("span").addClass("context").text(n.text());
                }
                row.appendElement("td").attr("data-label", "Attributed to")
                        .text(n.attributedTo() == null ? "–" : n.attributedTo());
                chips(row.appendElement("td").addClass("refs").attr("data-label", "Sources"), n.sources());
            }
        }

        private void entities(Element section) {
            StoryBrief s = view.story();
            List<EntityEntry> all = s.entities();
            entityTable(section, all.subList(0, Math.min(all.size(), ENTITIES_SHOWN)));
            if (all.size() > ENTITIES_SHOWN) {
                Element more = section.appendElement("details").addClass("more");
                more.appendElement("summary").text(count(all.size() - ENTITIES_SHOWN, "more entity",
                        "more entities") + ", mentioned less");
                entityTable(more, all.subList(ENTITIES_SHOWN, all.size()));
            }
        }

        private void entityTable(Element parent, List<EntityEntry> entities) {
            Element table = parent.appendElement("table").addClass("entities").addClass("stacks");
            Element head = table.appendElement("thead").appendElement("tr");
            head.appendElement("th").attr("scope", "col").text("Name");
            head.appendElement("th").attr("scope", "col").text("Type");
            head.appendElement("th").attr("scope", "col").text("Also written");
            head.appendElement("th").addClass("num").attr("scope", "col").text("Articles");
            head.appendElement("th").addClass("num").attr("scope", "col").text("Mentions");
            Element body = table.appendElement("tbody");
            for (EntityEntry e : entities) {
                Element row = body.appendElement("tr");
                row.appendElement("td").attr("data-label", "Name").appendElement("b").text(e.name());
                row.appendElement("td").attr("data-label", "Type")
                        .text(e.type() == null ? "–" : e.type().toLowerCase(java.util.Locale.ROOT));
                row.appendElement("td").attr("data-label", "Also written")
                        .text(e.aliases().isEmpty() ? "–" : String.join(", ", e.aliases()));
                row.appendElement("td").addClass("num").attr("data-label", "Articles")
                        .text(Integer.toString(e.articles().size()))
                        .attr("title", "articles " + String.join(", ", e.articles().stream()
                                .map(id -> view.number(id) > 0 ? Integer.toString(view.number(id)) : id).toList()));
                row.appendElement("td").addClass("num").attr("data-label", "Mentions")
                        .text(Integer.toString(e.mentions()));
            }
        }

        private void framing(Element section) {
            StoryBrief s = view.story();
            Element cards = section.appendElement("div").addClass("cards");
            for (OutletFraming f : s.framing()) {
                Element card = cards.appendElement("div").addClass("card");
                Element h = card.appendElement("h3");
                h.text(view.outletName(f));
                if (f.stateAffiliated()) {
                    badge(h, "state", "state-affiliated");
                }
                Element about = card.appendElement("div").addClass("country");
                about.text((f.country() == null ? "country unknown" : "country: " + f.country()) + " · "
                        + count(f.articles().size(), "article", "articles"));
                chips(about, f.articles());
                Element dl = card.appendElement("dl");
                Element omits = term(dl, "Omits");
                if (f.omits().isEmpty()) {
                    omits.addClass("none").text("nothing most others report");
                } else {
                    Element list = omits.appendElement("ul").addClass("omits");
                    f.omits().forEach(o -> list.appendElement("li").text(o));
                }
                words(term(dl, "Distinctive words"), f.distinctiveWords());
                Element entities = term(dl, "Top entities");
                entities.text(f.topEntities().isEmpty() ? "none" : String.join(", ", f.topEntities()));
            }
        }

        private static Element term(Element dl, String name) {
            dl.appendElement("dt").text(name);
            return dl.appendElement("dd");
        }

        private static void words(Element dd, List<String> words) {
            if (words.isEmpty()) {
                dd.text("none");
                return;
            }
            Element list = dd.appendElement("ul").addClass("words");
            words.forEach(w -> list.appendElement("li").text(w));
        }

        private void articles(Element section) {
            StoryBrief s = view.story();
            Element list = section.appendElement("ol").addClass("articles");
            for (ArticleEntry a : s.articles()) {
                int n = view.number(a.id());
                Element li = list.appendElement("li").id(key + "-a" + n);
                li.appendElement("span").addClass("n").text(n + ".");
                Element body = li.appendElement("div");
                Element title = body.appendElement("div").addClass("a-title");
                Element titleText = served() ? title.appendElement("a").attr("href", articleHref.apply(a.id())) : title;
                if (a.title() == null || a.title().isBlank()) {
                    title.addClass("untitled");
                }
                titleText.text(view.headline(a));
                Element meta = body.appendElement("div").addClass("meta");
                List<String> parts = new ArrayList<>();
                parts.add(view.outletName(a));
                if (a.wire() != null && !a.wire().equals(StoryView.outletOf(a))) {
                    parts.add("wire: " + a.wire());
                }
                parts.add(a.publishedAt() == null ? "undated" : a.publishedAt());
                if (a.language() != null) {
                    parts.add(a.language());
                }
                meta.appendText(String.join(" · ", parts) + " · ");
                meta.appendElement("code").text(a.id());
                if (a.copyOf() != null) {
                    badge(meta, "copy", "copy of");
                    int original = view.number(a.copyOf());
                    if (original > 0) {
                        chips(meta, List.of(a.copyOf()));
                    } else {
                        meta.appendText(" " + a.copyOf());
                    }
                }
                if (!a.removedBoilerplate().isEmpty()) {
                    Element details = li.appendElement("details");
                    details.appendElement("summary").text("Removed boilerplate: "
                            + count(a.removedBoilerplate().size(), "line", "lines"));
                    Element lines = details.appendElement("ul");
                    a.removedBoilerplate().forEach(l -> lines.appendElement("li").text(l));
                }
            }
        }

        /** A small label after the text before it, a space between so that the page's text reads as words. */
        private static void badge(Element parent, String kind, String text) {
            parent.appendText(" ");
            parent.appendElement("span").addClass("badge").addClass(kind).text(text);
        }

        private void chips(Element parent, List<String> sources) {
            chips(parent, sources, List.of());
        }

        /**
         * Source chips: each article's number, linking to its entry, titled with outlet, date and headline, and with
         * the source's sentence that states the text when {@code support} gives it.
         */
        private void chips(Element parent, List<String> sources, List<SupportingSentence> support) {
            if (sources.isEmpty()) {
                return;
            }
            Map<String, String> sentences = new java.util.HashMap<>();
            support.forEach(x -> sentences.putIfAbsent(x.articleId(), x.sentence()));
            Element refs = parent.appendElement("span").addClass("refs");
            for (String id : sources) {
                int n = view.number(id);
                String sentence = sentences.get(id);
                Element chip = refs.appendElement("a").addClass("chip").attr("title", sentence == null
                        ? view.describe(id) : view.describe(id) + "\n" + quoted(sentence));
                if (sentence != null) {
                    chip.attr("data-outlet", view.describe(id)).attr("data-sentence", sentence);
                }
                if (served()) {
                    chip.attr("data-article", articleHref.apply(id));
                }
                if (n > 0) {
                    chip.attr("href", "#" + key + "-a" + n).text(Integer.toString(n));
                } else {
                    chip.text(id);
                }
            }
        }

    }

    /** The text in quotation marks, unless it already opens with one (a quoted sentence gets no second mark). */
    static String quoted(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "“”";
        }
        char c = t.charAt(0);
        boolean opens = c == '“' || c == '"' || c == '‘' || c == '«' || c == '„' || c == '\'';
        return opens ? t : "“" + t + "”";
    }
}
