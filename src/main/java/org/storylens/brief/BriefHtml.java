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

    private static final String CSS = """
            :root { color-scheme: light; --ink: #1d2430; --muted: #5f6b7a; --line: #d9dee5; --soft: #f5f7fa;
              --accent: #2456a6; --green: #2e7d32; --green-bg: #edf7ee; --red: #b3261e; --red-bg: #fdeeed;
              --amber: #a66a00; --amber-bg: #fff6e0; --grey: #7a8290; --grey-bg: #f1f2f4; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #fff; color: var(--ink); overflow-wrap: break-word;
              font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
            .page-head { color: var(--muted); font-size: .85rem; border-bottom: 1px solid var(--line);
              padding-bottom: .5rem; margin-bottom: 1.5rem; display: flex; justify-content: space-between; gap: 1rem; }
            .page-head strong { color: var(--ink); letter-spacing: .02em; }
            nav.toc { background: var(--soft); border-radius: 6px; padding: .75rem 1rem; margin-bottom: 2rem; }
            nav.toc h2 { font-size: .95rem; margin: 0 0 .25rem; border: 0; padding: 0; }
            nav.toc ol { margin: 0; padding-left: 1.4rem; }
            article.story + article.story { border-top: 3px double var(--line); margin-top: 3rem; padding-top: 2rem; }
            h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
            h2 { font-size: 1.25rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
            h3 { font-size: 1rem; margin: 1.2rem 0 .5rem; }
            .facts { color: var(--muted); margin: 0 0 .4rem; }
            .facts b { color: var(--ink); }
            .outlets { display: flex; flex-wrap: wrap; gap: .35rem; margin: .4rem 0 0; padding: 0; list-style: none; }
            .pill { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 .6rem;
              font-size: .8rem; background: var(--soft); }
            .story-id { font: .75rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
            .none { color: var(--muted); font-style: italic; }
            .empty-sections { color: var(--muted); font-size: .85rem; font-style: italic; margin: .3rem 0 0; }
            ol.summary { padding-left: 1.6rem; margin: 0; }
            ol.summary li { margin: .35rem 0; font-size: 1.05rem; }
            .refs { white-space: nowrap; }
            a.chip { display: inline-block; min-width: 1.25em; margin-left: .15em; padding: 0 .3em; border-radius: 4px;
              background: #e6ecf6; color: var(--accent); font-size: .7rem; font-weight: 600; line-height: 1.5;
              text-align: center; text-decoration: none; vertical-align: super; }
            a.chip:hover { background: var(--accent); color: #fff; }
            .claim-groups { display: grid; gap: .9rem; }
            .group { border-left: 4px solid; border-radius: 4px; padding: .4rem .9rem .6rem; }
            .group h3 { margin: .2rem 0 .4rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; }
            .group ul { margin: 0; padding-left: 1.1rem; }
            .group li { margin: .4rem 0; }
            .agreed { border-color: var(--green); background: var(--green-bg); }
            .agreed h3 { color: var(--green); }
            .disputed { border-color: var(--red); background: var(--red-bg); }
            .disputed h3 { color: var(--red); }
            .single-source { border-color: var(--amber); background: var(--amber-bg); }
            .single-source h3 { color: var(--amber); }
            .other { border-color: var(--grey); background: var(--grey-bg); }
            .when { color: var(--muted); font-size: .8rem; white-space: nowrap; }
            li.superseded > .claim-text { color: var(--grey); }
            .update, .side { font-size: .9rem; margin: .25rem 0 0; }
            .update { color: var(--grey); }
            .side { border-left: 2px solid var(--red); padding-left: .6rem; }
            .label { font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em;
              color: var(--muted); margin-right: .35rem; }
            .badge { display: inline-block; font-size: .7rem; font-weight: 600; padding: 0 .45rem; border-radius: 3px;
              vertical-align: .1em; margin-left: .3rem; white-space: nowrap; }
            .badge.scheduled { border: 1px dashed var(--accent); color: var(--accent); }
            .badge.background { background: var(--grey-bg); color: var(--grey); }
            .badge.state { background: var(--red-bg); color: var(--red); border: 1px solid #efc2bf; }
            .badge.superseded { background: var(--grey-bg); color: var(--grey); }
            .badge.copy { background: var(--amber-bg); color: var(--amber); }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .4rem 0; }
            th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
            th { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
              border-bottom: 2px solid var(--line); }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .context { display: block; color: var(--muted); font-size: .8rem; margin-top: .15rem; }
            table.matrix th.outlet { text-transform: none; letter-spacing: 0; font-size: .75rem; text-align: center;
              max-width: 7rem; overflow-wrap: anywhere; }
            table.matrix td.mark { text-align: center; font-weight: 700; color: var(--green); width: 4.5rem; }
            table.matrix tr.disputed td.mark { color: var(--red); }
            table.matrix tr.single-source td.mark { color: var(--amber); }
            table.matrix tr td:first-child { border-left: 4px solid transparent; }
            table.matrix tr.agreed td:first-child { border-left-color: var(--green); }
            table.matrix tr.disputed td:first-child { border-left-color: var(--red); }
            table.matrix tr.single-source td:first-child { border-left-color: var(--amber); }
            table.matrix tr.agreed, table.matrix tr.disputed, table.matrix tr.single-source { background: none; }
            ol.chrono { list-style: none; margin: 0; padding: 0 0 0 1.1rem; border-left: 2px solid var(--line); }
            ol.chrono li { position: relative; margin: 0 0 .8rem; padding-left: .6rem; }
            ol.chrono li::before { content: ""; position: absolute; left: -1.48rem; top: .45rem; width: .7rem;
              height: .7rem; border-radius: 50%; background: var(--accent); border: 2px solid #fff; }
            ol.chrono li.background { color: var(--muted); }
            ol.chrono li.background::before { background: #b9bec6; }
            ol.chrono li.scheduled::before { background: #fff; border: 2px dashed var(--accent); }
            ol.chrono time { font-weight: 700; font-variant-numeric: tabular-nums; margin-right: .4rem; }
            .speaker { margin-bottom: 1rem; }
            .speaker h3 { margin-bottom: .3rem; }
            blockquote { margin: .3rem 0 .5rem; padding: .3rem .9rem; border-left: 3px solid var(--line);
              background: var(--soft); border-radius: 0 4px 4px 0; }
            blockquote.reported { font-style: italic; background: none; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .9rem; }
            .card { border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; break-inside: avoid; }
            .card h3 { margin: 0 0 .3rem; font-size: 1.02rem; }
            .card dl { margin: .4rem 0 0; font-size: .88rem; }
            .card dt { font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em;
              color: var(--muted); margin-top: .45rem; }
            .card dd { margin: .1rem 0 0; }
            .card dd ul { margin: 0; padding-left: 1.1rem; }
            .words { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; padding: 0 !important; }
            .words li { background: var(--soft); border-radius: 3px; padding: 0 .4rem; font-size: .8rem; }
            .country { color: var(--muted); font-size: .85rem; }
            ol.articles { list-style: none; padding: 0; margin: 0; }
            ol.articles > li { display: grid; grid-template-columns: 2rem 1fr; gap: 0 .6rem; padding: .55rem 0;
              border-bottom: 1px solid var(--line); }
            ol.articles > li:target { background: #fffbe6; }
            .n { font-weight: 700; color: var(--accent); text-align: right; }
            .a-title { font-weight: 600; }
            .a-title.untitled { font-weight: 400; font-style: italic; color: var(--muted); }
            .pill.unknown { color: var(--muted); background: #fff; border-style: dashed; }
            details.more { margin-top: .4rem; font-size: .9rem; }
            .meta { color: var(--muted); font-size: .85rem; }
            .meta code { font-size: .8rem; }
            details { grid-column: 2; font-size: .85rem; margin-top: .2rem; }
            summary { cursor: pointer; color: var(--muted); }
            details ul { margin: .3rem 0 0; padding-left: 1.1rem; color: var(--muted); }
            footer { color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); margin-top: 3rem;
              padding-top: .6rem; }
            @media print {
              body { font-size: 10.5pt; }
              main { max-width: none; padding: 0; }
              a.chip { background: none; color: var(--ink); padding: 0 .1em; }
              nav.toc { display: none; }
              .group, .card, ol.chrono li, table tr, blockquote { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
              article.story + article.story { break-before: page; border: 0; }
            }
            """;

    public String render(Brief brief) {
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
            new StoryPage(new StoryView(brief.stories().get(i)), "s" + (i + 1)).render(main);
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

    /** The page of one story; {@code key} prefixes its element ids so several stories can share a page. */
    private record StoryPage(StoryView view, String key) {

        void render(Element main) {
            StoryBrief s = view.story();
            Element story = main.appendElement("article").addClass("story").id(key);
            Element header = story.appendElement("header");
            header(header, s);
            List<String> empty = new ArrayList<>();
            section(story, "Summary", s.summary().isEmpty(), empty, this::summary);
            section(story, "Claims", s.claims().isEmpty(), empty, this::claims);
            section(story, "Timeline", s.timeline().isEmpty(), empty, this::timeline);
            section(story, "Quotes", s.quotes().isEmpty(), empty, this::quotes);
            section(story, "Numbers", s.numbers().isEmpty(), empty, this::numbers);
            section(story, "Entities", s.entities().isEmpty(), empty, this::entities);
            section(story, "Framing by outlet", s.framing().isEmpty(), empty, this::framing);
            section(story, "Articles", s.articles().isEmpty(), empty, this::articles);
            if (!empty.isEmpty()) {
                header.appendElement("p").addClass("empty-sections")
                        .text("Nothing found for: " + String.join(", ", empty) + ".");
            }
        }

        /** A section with its heading, or only its name in {@code empty} when it has nothing to show. */
        private void section(Element story, String title, boolean isEmpty, List<String> empty,
                             java.util.function.Consumer<Element> body) {
            if (isEmpty) {
                empty.add(title.toLowerCase(java.util.Locale.ROOT));
                return;
            }
            Element section = story.appendElement("section").addClass("s-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            section.appendElement("h2").text(title);
            body.accept(section);
        }

        private void header(Element header, StoryBrief s) {
            header.appendElement("h1").text(titleOf(s));
            Element facts = header.appendElement("p").addClass("facts");
            facts.appendElement("b").text(count(s.articles().size(), "article", "articles"));
            facts.appendText(" · ");
            facts.appendElement("b").text(count(s.independentSources(), "independent source", "independent sources"));
            if (view.dateSpan() != null) {
                facts.appendText(" · " + view.dateSpan());
            }
            Element outlets = header.appendElement("ul").addClass("outlets");
            for (String outlet : view.knownOutlets()) {
                int articles = view.outlets().get(outlet).size();
                outlets.appendElement("li").addClass("pill").text(outlet)
                        .attr("title", count(articles, "article", "articles"));
            }
            if (view.unknownOutlets() > 0) {
                outlets.appendElement("li").addClass("pill").addClass("unknown")
                        .text(count(view.unknownOutlets(), "article", "articles") + " of unknown outlet");
            }
            header.appendElement("p").addClass("story-id").text("story " + s.id());
        }

        private void summary(Element section) {
            StoryBrief s = view.story();
            Element list = section.appendElement("ol").addClass("summary");
            for (SourcedText t : s.summary()) {
                Element li = list.appendElement("li");
                li.appendText(t.text());
                chips(li, t.sources());
            }
        }

        private void claims(Element section) {
            Element groups = section.appendElement("div").addClass("claim-groups");
            claimGroup(groups, "agreed", "Agreed", view.claims("agreed"));
            claimGroup(groups, "disputed", "Disputed", view.claims("disputed"));
            claimGroup(groups, "single-source", "Single source", view.claims("single-source"));
            claimGroup(groups, "other", "Other", view.otherClaims());
            matrix(section);
        }

        private void claimGroup(Element parent, String status, String title, List<ClaimEntry> claims) {
            if (claims.isEmpty()) {
                return;
            }
            Element group = parent.appendElement("div").addClass("group").addClass(status);
            group.appendElement("h3").text(title + " (" + claims.size() + ")");
            Element list = group.appendElement("ul");
            for (ClaimEntry c : claims) {
                Element li = list.appendElement("li");
                boolean superseded = !c.supersededBy().isEmpty();
                if (superseded) {
                    li.addClass("superseded");
                }
                li.appendElement("span").addClass("claim-text").text(c.text());
                chips(li, c.sources());
                when(li, c);
                if (superseded) {
                    badge(li, "superseded", "superseded");
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
                    chips(line, o.sources());
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

        /** Rows claims, columns outlets: a mark where one of the outlet's articles states the claim. */
        private void matrix(Element section) {
            Map<String, List<String>> outlets = view.outlets();
            if (outlets.size() < 2) {
                return;
            }
            section.appendElement("h3").text("Who reports what");
            Element table = section.appendElement("table").addClass("matrix");
            Element head = table.appendElement("thead").appendElement("tr");
            head.appendElement("th").text("Claim");
            outlets.keySet().forEach(o -> head.appendElement("th").addClass("outlet").attr("scope", "col").text(o));
            Element body = table.appendElement("tbody");
            for (ClaimEntry c : view.story().claims()) {
                Element row = body.appendElement("tr").addClass(StoryView.STATUSES.contains(c.status())
                        ? c.status() : "other");
                Element claim = row.appendElement("td");
                claim.text(c.text());
                if (!c.supersededBy().isEmpty()) {
                    badge(claim, "superseded", "superseded");
                }
                for (String outlet : outlets.keySet()) {
                    boolean states = view.outletStates(outlet, c.sources());
                    Element cell = row.appendElement("td").addClass("mark");
                    cell.text(states ? "✓" : "");
                    cell.attr("title", outlet + (states ? " reports this" : " does not report this"));
                }
            }
        }

        private void timeline(Element section) {
            StoryBrief s = view.story();
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

        private void quotes(Element section) {
            for (Map.Entry<String, List<QuoteEntry>> speaker : view.quotesBySpeaker().entrySet()) {
                Element box = section.appendElement("div").addClass("speaker");
                box.appendElement("h3").text(speaker.getKey() == null ? "Speaker not named" : speaker.getKey());
                for (QuoteEntry q : speaker.getValue()) {
                    Element quote = box.appendElement("blockquote");
                    if (q.direct()) {
                        quote.appendText("“" + q.text() + "”");
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
            Element table = section.appendElement("table").addClass("numbers");
            Element head = table.appendElement("thead").appendElement("tr");
            head.appendElement("th").addClass("num").text("Value");
            head.appendElement("th").text("Of what");
            head.appendElement("th").text("Attributed to");
            head.appendElement("th").text("Sources");
            Element body = table.appendElement("tbody");
            for (NumberEntry n : s.numbers()) {
                Element row = body.appendElement("tr");
                row.appendElement("td").addClass("num").text(StoryView.figure(n));
                Element what = row.appendElement("td");
                what.appendElement("b").text(n.unit() == null ? "–" : n.unit());
                if (n.text() != null && !n.text().isBlank()) {
                    what.appendElement("span").addClass("context").text(n.text());
                }
                row.appendElement("td").text(n.attributedTo() == null ? "–" : n.attributedTo());
                chips(row.appendElement("td").addClass("refs"), n.sources());
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
            Element table = parent.appendElement("table").addClass("entities");
            Element head = table.appendElement("thead").appendElement("tr");
            head.appendElement("th").text("Name");
            head.appendElement("th").text("Type");
            head.appendElement("th").text("Also written");
            head.appendElement("th").addClass("num").text("Articles");
            head.appendElement("th").addClass("num").text("Mentions");
            Element body = table.appendElement("tbody");
            for (EntityEntry e : entities) {
                Element row = body.appendElement("tr");
                row.appendElement("td").appendElement("b").text(e.name());
                row.appendElement("td").text(e.type() == null ? "–" : e.type().toLowerCase(java.util.Locale.ROOT));
                row.appendElement("td").text(e.aliases().isEmpty() ? "–" : String.join(", ", e.aliases()));
                row.appendElement("td").addClass("num").text(Integer.toString(e.articles().size()))
                        .attr("title", "articles " + String.join(", ", e.articles().stream()
                                .map(id -> view.number(id) > 0 ? Integer.toString(view.number(id)) : id).toList()));
                row.appendElement("td").addClass("num").text(Integer.toString(e.mentions()));
            }
        }

        private void framing(Element section) {
            StoryBrief s = view.story();
            Element cards = section.appendElement("div").addClass("cards");
            for (OutletFraming f : s.framing()) {
                Element card = cards.appendElement("div").addClass("card");
                Element h = card.appendElement("h3");
                h.text(f.outlet());
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
                if (a.title() == null || a.title().isBlank()) {
                    title.addClass("untitled").text("no headline");
                } else {
                    title.text(a.title());
                }
                Element meta = body.appendElement("div").addClass("meta");
                List<String> parts = new ArrayList<>();
                parts.add(StoryView.outletUnknown(a) ? "outlet unknown" : StoryView.outletOf(a));
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

        /** Source chips: each article's number, linking to its entry, titled with outlet, date and headline. */
        private void chips(Element parent, List<String> sources) {
            if (sources.isEmpty()) {
                return;
            }
            Element refs = parent.appendElement("span").addClass("refs");
            for (String id : sources) {
                int n = view.number(id);
                Element chip = refs.appendElement("a").addClass("chip").attr("title", view.describe(id));
                if (n > 0) {
                    chip.attr("href", "#" + key + "-a" + n).text(Integer.toString(n));
                } else {
                    chip.text(id);
                }
            }
        }

    }
}
