package org.storylens.serve;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.clean.Article;

/**
 * The page of a story whose first brief is being written: its headline, a line saying the brief is being written,
 * and its articles linking to their pages; it reloads itself every {@value #REFRESH_SECONDS} seconds (a
 * {@code meta refresh}: no script needed) until the story's page is its brief. Thread-safe (stateless).
 */
final class BriefBeingWrittenPage {

    /** How often the page reloads itself, in seconds; also the API's {@code Retry-After}. */
    static final int REFRESH_SECONDS = 3;

    private final PageLayout layout;

    BriefBeingWrittenPage(PageLayout layout) {
        this.layout = layout;
    }

    String render(StoryLibrary.BeingWritten story) {
        String headline = story.title() == null || story.title().isBlank() ? "Untitled story" : story.title();
        Document doc = layout.page(headline, true);
        doc.head().appendElement("meta").attr("http-equiv", "refresh")
                .attr("content", String.valueOf(REFRESH_SECONDS));
        Element main = PageLayout.main(doc);
        main.addClass("story-page").addClass("brief-being-written");
        main.appendElement("nav").addClass("crumbs").attr("aria-label", "Breadcrumb")
                .appendElement("a").attr("href", "/").text("← All stories");
        main.appendElement("h1").text(headline);
        int articles = story.story().size();
        main.appendElement("p").addClass("being-written").attr("role", "status")
                .text("The brief of this story is being written: its " + PageLayout.count(articles, "article",
                        "articles") + " are read for names, dates, quotes and figures, then compared. This page "
                        + "reloads itself every " + REFRESH_SECONDS + " seconds until the brief is ready.");
        String span = PageLayout.dateSpan(story.story().firstPublished(), story.story().lastPublished());
        main.appendElement("p").addClass("facts").text(PageLayout.count(articles, "article", "articles") + " · "
                + PageLayout.count(story.story().independentSources(), "independent source", "independent sources")
                + " · " + (span == null ? "undated" : span));
        main.appendElement("h2").text("Articles");
        Element list = main.appendElement("ol").addClass("being-written-articles");
        for (Article a : story.articles()) {
            Element item = list.appendElement("li");
            Element link = item.appendElement("a").attr("href", PageLayout.articleHref(a.id()));
            if (a.title() != null && !a.title().isBlank()) {
                link.text(Headlines.shown(a.title()));
            } else {
                String first = ArticleFallbacks.firstSentence(a.text());
                link.addClass("untitled").text(first == null ? "Article " + a.id() : "First sentence: " + first);
            }
            String about = (a.outlet() == null || a.outlet().isBlank() ? "" : a.outlet())
                    + (a.publishedAt() == null ? "" : (a.outlet() == null || a.outlet().isBlank() ? "" : ", ")
                    + a.publishedAt());
            if (!about.isEmpty()) {
                item.appendText(" — " + about);
            }
        }
        if (articles > story.articles().size()) {
            main.appendElement("p").addClass("more-articles").text("and "
                    + PageLayout.count(articles - story.articles().size(), "more article", "more articles"));
        }
        return PageLayout.html(doc);
    }
}
