package org.storylens.serve;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.storylens.clean.Outlet;
import org.storylens.clean.OutletTable;
import org.storylens.store.SearchMatch;
import org.storylens.store.StoryListing;
import org.storylens.store.StoryQuery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The home page: the stories newest-active first, each with its title, lead sentence, article and independent-source counts, its
 * outlets and their countries and its date span, and for a search why it matched (the words marked in its best-matching
 * article), under the page's one search box and filters by date range, outlet and entity in the same form.
 * Thread-safe (stateless apart from the immutable outlet table).
 */
final class StoriesPage {

    /**
     * What the page lists.
     *
     * @param stories  the stories the query found
     * @param query    the query, to fill the filters in again
     * @param outlets  the outlet filter's choices
     * @param entities the entity filter's suggestions
     * @param articles how many articles are stored
     * @param leads    each story's lead sentence by story id (absent when it has none)
     */
    record Listing(List<StoryListing> stories, StoryQuery query, List<String> outlets, List<String> entities,
                   int articles, Map<String, String> leads) {

        Listing {
            leads = Map.copyOf(leads);
        }
    }

    private final PageLayout layout;
    private final OutletTable outletTable;

    StoriesPage(PageLayout layout, OutletTable outletTable) {
        this.layout = layout;
        this.outletTable = outletTable;
    }

    String render(Listing listing) {
        StoryQuery q = listing.query();
        Document doc = layout.page("Stories", false);
        doc.head().appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("title", filtered(q) ? "Stories matching these filters (Atom)" : "Stories (Atom)")
                .attr("href", feedHref(q));
        Element main = PageLayout.main(doc);
        main.appendElement("h1").text("Stories");
        main.appendElement("p").addClass("explain").text(PageLayout.count(listing.articles(), "article", "articles")
                + " grouped into stories, the most recently active first. Open a story for its brief: a summary whose "
                + "every sentence names the articles that state it, what the sources agree and disagree on, a "
                + "timeline, quotes, figures and how each outlet told it.");
        filters(main, listing);
        boolean filtered = q.text() != null || q.from() != null || q.to() != null || q.outlet() != null
                || q.entity() != null;
        if (listing.stories().isEmpty()) {
            main.appendElement("p").addClass("none").text(filtered
                    ? "No story matches these filters."
                    : "No stories yet. Ingest articles with “storylens ingest PATH…” or POST them to /api/articles.");
            return PageLayout.html(doc);
        }
        main.appendElement("p").addClass("result-count").text(PageLayout.count(listing.stories().size(), "story",
                "stories") + (filtered ? " match" + (listing.stories().size() == 1 ? "es" : "")
                + (q.from() == null && q.to() == null && q.outlet() == null && q.entity() == null
                ? " the search" : " the filters") : "")
                + (q.offset() > 0 ? ", from number " + (q.offset() + 1) : "") + ".");
        Element list = main.appendElement("ol").addClass("story-list");
        for (StoryListing s : listing.stories()) {
            story(list.appendElement("li").addClass("story-item"), s, listing.leads().get(s.id()));
        }
        if (listing.stories().size() == q.limit()) {
            main.appendElement("p").addClass("more-stories").appendElement("a")
                    .attr("href", "/?" + queryString(q, q.offset() + q.limit())).text("More stories");
        }
        return PageLayout.html(doc);
    }

    private void story(Element item, StoryListing s, String lead) {
        Element h = item.appendElement("h2");
        Element link = h.appendElement("a").attr("href", PageLayout.storyHref(s.id()));
        if (s.title() == null || s.title().isBlank()) {
            link.addClass("untitled").text("Untitled story");
        } else {
            link.text(Headlines.shown(s.title()));
        }
        if (lead != null && !lead.isBlank()) {
            item.appendElement("p").addClass("lead").text(lead);
        }
        if (s.match() != null) {
            match(item, s.match());
        }
        Element facts = item.appendElement("p").addClass("facts");
        facts.appendElement("b").addClass("article-count").text(PageLayout.count(s.articles(), "article", "articles"));
        facts.appendText(" · ");
        facts.appendElement("b").addClass("source-count").text(PageLayout.count(s.independentSources(),
                "independent source", "independent sources"));
        String span = PageLayout.dateSpan(s.firstPublished(), s.lastPublished());
        facts.appendText(" · ");
        facts.appendElement("span").addClass("span").text(span == null ? "undated" : span);
        Set<String> countries = new LinkedHashSet<>();
        Element outlets = item.appendElement("ul").addClass("outlets");
        for (StoryListing.OutletCount o : s.outlets()) {
            String country = outletTable.byName(o.outlet()).map(Outlet::country).orElse(null);
            if (country != null) {
                countries.add(country);
            }
            Element pill = outlets.appendElement("li").addClass("pill").text(o.outlet());
            if (o.articles() > 1) {
                pill.appendElement("span").addClass("times").text(" ×" + o.articles());
            }
            pill.attr("title", PageLayout.count(o.articles(), "article", "articles")
                    + (country == null ? "" : " · " + country));
        }
        int unnamed = s.articles() - s.outlets().stream().mapToInt(StoryListing.OutletCount::articles).sum();
        if (unnamed > 0) {
            outlets.appendElement("li").addClass("pill").addClass("unknown")
                    .text(PageLayout.count(unnamed, "article", "articles") + " of unknown outlet");
        }
        if (!countries.isEmpty()) {
            // outlets storylens's table does not know have no country line rather than a "not known" on every story
            item.appendElement("p").addClass("countries").text("Countries: " + String.join(", ", countries));
        }
    }

    /**
     * Why the story matched the search: the headline of its best-matching article when the words are in it, and the
     * passage of its text around them, the words marked ({@code <mark>}); every piece set as text, so escaped.
     */
    private static void match(Element item, SearchMatch match) {
        Element line = item.appendElement("p").addClass("match");
        line.appendElement("span").addClass("match-label").text("Matches:");
        boolean any = false;
        if (match.titleMatched()) {
            line.appendText(" ");
            pieces(line.appendElement("span").addClass("match-title"), match.title());
            any = true;
        }
        if (match.passageMatched() || !any && !match.passage().isEmpty()) {
            if (any) {
                line.appendText(" ·");
            }
            line.appendText(" ");
            pieces(line.appendElement("span").addClass("match-passage"), match.passage());
        }
    }

    private static void pieces(Element parent, java.util.List<SearchMatch.Piece> pieces) {
        for (SearchMatch.Piece p : pieces) {
            if (p.matched()) {
                parent.appendElement("mark").text(p.text());
            } else {
                parent.appendText(p.text());
            }
        }
    }

    /**
     * The page's one search box, always in view, and the filters by date, outlet and entity in the same form, folded
     * behind one control so that a phone's first screen shows stories (open while one of them is applied).
     */
    private static void filters(Element main, Listing listing) {
        StoryQuery q = listing.query();
        Element form = main.appendElement("form").addClass("filters").attr("action", "/").attr("method", "get")
                .attr("role", "search");
        Element search = form.appendElement("div").addClass("search-row");
        search.appendElement("label").attr("for", "f-q").text("Search stories");
        Element box = search.appendElement("div").addClass("search-box");
        box.appendElement("input").attr("type", "search").attr("name", "q").id("f-q")
                .attr("value", q.text() == null ? "" : q.text()).attr("placeholder", "Words in titles and text");
        box.appendElement("button").attr("type", "submit").text("Search");
        Element panel = form.appendElement("details").addClass("filter-panel");
        boolean narrowed = q.from() != null || q.to() != null || q.outlet() != null || q.entity() != null;
        panel.appendElement("summary").text(narrowed ? "Filters (applied)" : "Filter by date, outlet or entity");
        if (narrowed) {
            panel.attr("open", true);
        }
        Element fields = panel.appendElement("div").addClass("fields");
        field(fields, "f-from", "From").appendElement("input").attr("type", "date").attr("name", "from").id("f-from")
                .attr("value", q.from() == null ? "" : q.from().toString());
        field(fields, "f-to", "To").appendElement("input").attr("type", "date").attr("name", "to").id("f-to")
                .attr("value", q.to() == null ? "" : q.to().toString());
        Element outlet = field(fields, "f-outlet", "Outlet").appendElement("select").attr("name", "outlet").id("f-outlet");
        outlet.appendElement("option").attr("value", "").text("any outlet");
        for (String o : listing.outlets()) {
            Element option = outlet.appendElement("option").attr("value", o).text(o);
            if (o.equalsIgnoreCase(q.outlet() == null ? "" : q.outlet())) {
                option.attr("selected", true);
            }
        }
        Element entity = field(fields, "f-entity", "Person, organisation or place");
        entity.appendElement("input").attr("type", "text").attr("name", "entity").id("f-entity")
                .attr("list", "entity-names").attr("value", q.entity() == null ? "" : q.entity())
                .attr("placeholder", "any");
        Element names = entity.appendElement("datalist").id("entity-names");
        listing.entities().forEach(n -> names.appendElement("option").attr("value", n));
        Element buttons = panel.appendElement("div").addClass("buttons");
        buttons.appendElement("button").attr("type", "submit").text("Apply filters");
        buttons.appendElement("a").attr("href", "/").text("Clear");
    }

    private static Element field(Element parent, String id, String label) {
        Element field = parent.appendElement("div").addClass("field");
        field.appendElement("label").attr("for", id).text(label);
        return field;
    }

    /** Whether the query filters the stories (words, dates, outlet or entity). */
    static boolean filtered(StoryQuery q) {
        return q.text() != null || q.from() != null || q.to() != null || q.outlet() != null || q.entity() != null;
    }

    /** The query's filters as URL parameters (no offset), empty for none. */
    static String filterQuery(StoryQuery q) {
        StringBuilder s = new StringBuilder();
        param(s, "q", q.text());
        param(s, "from", q.from() == null ? null : q.from().toString());
        param(s, "to", q.to() == null ? null : q.to().toString());
        param(s, "outlet", q.outlet());
        param(s, "entity", q.entity());
        return s.toString();
    }

    /** The address of the Atom feed of the stories list with the query's filters. */
    static String feedHref(StoryQuery q) {
        String filters = filterQuery(q);
        return "/stories.atom" + (filters.isEmpty() ? "" : "?" + filters);
    }

    private static String queryString(StoryQuery q, int offset) {
        StringBuilder s = new StringBuilder(filterQuery(q));
        param(s, "offset", Integer.toString(offset));
        return s.toString();
    }

    private static void param(StringBuilder s, String name, String value) {
        if (value == null) {
            return;
        }
        if (!s.isEmpty()) {
            s.append('&');
        }
        s.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
}
