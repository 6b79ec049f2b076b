package org.storylens.serve;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.storylens.clean.Article;
import org.storylens.clean.Outlet;
import org.storylens.clean.OutletTable;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * An article's page: its metadata, its cleaned text with the entities, dates, quotes and figures its ingest-tier
 * analysis found marked (with a legend), the boilerplate the cleaner removed behind a toggle, and a link to its
 * story. The article's URL becomes a link only when it is http(s), and then one that passes no referrer and no
 * standing. Thread-safe (stateless apart from the immutable outlet table).
 */
final class ArticlePage {

    private static final List<String[]> LEGEND = List.of(
            new String[]{"entity person", "person"},
            new String[]{"entity organization", "organisation"},
            new String[]{"entity location", "place"},
            new String[]{"entity misc", "other name"},
            new String[]{"date", "date or time"},
            new String[]{"number", "figure"},
            new String[]{"quote", "quote or reported speech"});

    private final PageLayout layout;
    private final OutletTable outletTable;
    private final ArticleHighlights highlights;

    ArticlePage(PageLayout layout, OutletTable outletTable, ArticleHighlights highlights) {
        this.layout = layout;
        this.outletTable = outletTable;
        this.highlights = highlights;
    }

    String render(StoryLibrary.ArticleView view) {
        Article a = view.article();
        boolean titled = a.title() != null && !a.title().isBlank();
        String firstSentence = org.storylens.brief.ArticleFallbacks.firstSentence(a.text());
        String heading = titled ? a.title() : firstSentence != null ? "First sentence: " + firstSentence
                : "Article without headline or text";
        Document doc = layout.page(heading);
        Element main = PageLayout.main(doc);
        main.addClass("article-page");
        Element crumbs = main.appendElement("nav").addClass("crumbs").attr("aria-label", "Breadcrumb");
        crumbs.appendElement("a").attr("href", "/").text("← All stories");
        if (view.storyId() != null) {
            crumbs.appendText(" · ");
            crumbs.appendElement("a").addClass("story-link").attr("href", PageLayout.storyHref(view.storyId()))
                    .text("This article's story");
        }
        Element h1 = main.appendElement("h1");
        if (titled) {
            h1.text(a.title());
        } else {
            h1.addClass("untitled");
            if (firstSentence != null) {
                // the label says what the reader sees is not a headline; the sentence itself reads as a heading
                h1.appendElement("span").addClass("fallback-label").text("First sentence:");
                h1.appendText(" " + firstSentence);
            } else {
                h1.text(heading);
            }
        }
        metadata(main, a);

        Element legend = main.appendElement("div").addClass("legend").attr("aria-label", "What the marks mean");
        if (view.analysis() == null) {
            legend.appendElement("p").addClass("none").text("This article has not been analysed, so nothing in it "
                    + "is marked.");
        } else {
            legend.appendElement("span").addClass("label").text("Marked");
            for (String[] entry : LEGEND) {
                Element mark = legend.appendElement("mark");
                for (String c : entry[0].split(" ")) {
                    mark.addClass(c);
                }
                mark.text(entry[1]);
                legend.appendText(" ");
            }
            legend.appendElement("span").addClass("hint").text("Hover over a mark for what was found.");
        }
        Element text = main.appendElement("div").addClass("article-text").attr("lang",
                a.language() == null ? "" : a.language());
        if (a.language() == null) {
            text.removeAttr("lang");
        }
        highlights.render(text, a.text(), view.analysis() == null ? List.of() : highlights.of(view.analysis()));

        List<String> removed = a.removedBoilerplate();
        Element details = main.appendElement("details").addClass("removed");
        details.appendElement("summary").text(removed.isEmpty() ? "The cleaner removed nothing from this article"
                : "Removed boilerplate: " + PageLayout.count(removed.size(), "line", "lines"));
        if (!removed.isEmpty()) {
            Element list = details.appendElement("ul");
            removed.forEach(line -> list.appendElement("li").text(line));
        }
        return PageLayout.html(doc);
    }

    private void metadata(Element main, Article a) {
        Element dl = main.appendElement("dl").addClass("article-meta");
        String outlet = a.outlet();
        String country = outlet == null ? null : outletTable.byName(outlet).map(Outlet::country).orElse(null);
        String site = org.storylens.brief.ArticleFallbacks.site(a.url());
        term(dl, "Outlet", outlet != null ? outlet + (country == null ? "" : " (" + country + ")")
                : site != null ? site + " (the site of its address)" : "not known");
        term(dl, "Published", a.publishedAt() == null ? "no date found" : a.publishedAt());
        if (a.wire() != null) {
            term(dl, "Wire", a.wire());
        }
        term(dl, "Language", a.language() == null ? "not told" : a.language());
        if (a.url() != null && !a.url().isBlank()) {
            Element dd = term(dl, "URL", "");
            if (isWebAddress(a.url())) {
                dd.appendElement("a").attr("href", a.url()).attr("rel", "noopener noreferrer nofollow")
                        .addClass("external").text(a.url());
            } else {
                dd.text(a.url());
            }
        }
        term(dl, "Id", a.id()).addClass("id");
    }

    private static Element term(Element dl, String name, String value) {
        Element div = dl.appendElement("div");
        div.appendElement("dt").text(name);
        return div.appendElement("dd").text(value);
    }

    /** True for an absolute http or https address with a host: the only kind the page links to. */
    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
