package org.storylens.serve;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.BriefHtml;
import org.storylens.brief.StoryBrief;

import java.util.List;
import java.util.Map;

/**
 * A story's page: its brief as {@link BriefHtml#renderStory} lays it out (facts, summary with source chips, claims and
 * the claim-by-outlet table, the timeline drawn and listed, quotes, figures, entities, framing by outlet, the
 * articles linking to their pages), each section opened by a sentence on how to read it. Thread-safe (stateless).
 */
final class StoryPage {

    /** What each section of the brief is, for a reader who has not seen one before; by the section's class. */
    private static final Map<String, String> GUIDES = Map.of(
            "s-disputes-and-updates", "What to know first: where sources contradict each other (each dispute once, "
                    + "with who asserts and who denies when a party denies what another says), and what later reports "
                    + "changed.",
            "s-summary", "Sentences taken from the articles, most important first. The small numbers after each "
                    + "are the articles that state it: hover over one to see its sentence in that article, or click it "
                    + "to compare all sources side by side.",
            "s-claims", "Statements of fact and how the sources stand on them. Agreed: two or more independent "
                    + "sources state it (copies and one wire agency count once). Disputed: sources give incompatible "
                    + "values; both sides are shown. Single source: only one outlet states it so far.",
            "s-timeline", "Dated events the articles mention, relative dates (“on Tuesday”) resolved against each "
                    + "article's publication date. Background: long before the first report. Scheduled: still to "
                    + "come when reported.",
            "s-quotes", "What was said, by speaker, merged across articles: the most reported speakers first, each with "
                    + "their three most reported quotes; reported speech in italics.",
            "s-numbers", "Figures given in the articles, with what they count and whom the article credits.",
            "s-entities", "People, organisations and places, different spellings joined, most mentioned first.",
            "s-coverage", "Who covers the story: its outlets by country and by state affiliation (as storylens's "
                    + "table of outlets knows them), its articles day by day, and how they make its independent "
                    + "sources.",
            "s-framing-by-outlet", "How each outlet told the story: its country and state affiliation, the "
                    + "claims most other outlets report that it leaves out (coverage gaps), its most distinctive "
                    + "words and the names it mentions most.",
            "s-articles", "The articles of the story, oldest first; the numbers are the ones the chips use. Open "
                    + "one to read its cleaned text with names, dates, quotes and figures marked.");

    private final PageLayout layout;
    private final BriefHtml briefHtml;
    private final CoveragePanel coverage;

    StoryPage(PageLayout layout, BriefHtml briefHtml, CoveragePanel coverage) {
        this.layout = layout;
        this.briefHtml = briefHtml;
        this.coverage = coverage;
    }

    String render(StoryBrief brief) {
        return render(brief, ArticleFallbacks.NONE);
    }

    String render(StoryBrief brief, ArticleFallbacks names) {
        return render(brief, names, List.of());
    }

    /** The page, with the related stories (none: no such section) after the brief. */
    String render(StoryBrief brief, ArticleFallbacks names, List<RelatedStories.Related> related) {
        String title = brief.title() == null || brief.title().isBlank() ? "Untitled story" : brief.title();
        Document doc = layout.page(title);
        doc.head().appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("title", "This story's articles (Atom)").attr("href", PageLayout.storyHref(brief.id()) + "/feed.atom");
        Element main = PageLayout.main(doc);
        main.addClass("story-page");
        main.appendElement("nav").addClass("crumbs").attr("aria-label", "Breadcrumb")
                .appendElement("a").attr("href", "/").text("← All stories");
        main.addClass("with-toc");
        Element story = briefHtml.renderStory(brief, main, PageLayout::articleHref, names,
                brief.articles().isEmpty() ? List.of() : List.of(coverage.section(brief, names)));
        for (Map.Entry<String, String> guide : GUIDES.entrySet()) {
            Element heading = story.selectFirst("section." + guide.getKey() + " h2");
            if (heading != null) {
                // a folded section's heading is inside its summary: the guide goes after the summary, in the fold
                Element anchor = heading.parent() != null && heading.parent().tagName().equals("summary")
                        ? heading.parent() : heading;
                anchor.after(new Element("p").addClass("explain").text(guide.getValue()));
            }
        }
        related(main, related);
        if (!related.isEmpty()) {
            // the related stories follow the brief; the brief's table of contents leads there too
            Element entry = story.selectFirst("nav.story-toc ol").appendElement("li").appendElement("a")
                    .attr("href", "#related").text("Related stories");
            entry.appendText(" ");
            entry.appendElement("span").addClass("toc-count").text("(" + PageLayout.count(related.size(), "story",
                    "stories") + ")");
        }
        return PageLayout.html(doc);
    }

    private static void related(Element main, List<RelatedStories.Related> related) {
        if (related.isEmpty()) {
            return;
        }
        Element section = main.appendElement("section").addClass("related-stories").id("related")
                .attr("aria-labelledby", "related-heading");
        section.appendElement("h2").id("related-heading").text("Related stories");
        section.appendElement("p").addClass("explain").text("Other stories from within " + RelatedStories.WINDOW_DAYS
                + " days that name the same people, organisations or places, the most related first (names few "
                + "stories share weigh most).");
        Element list = section.appendElement("ul").addClass("related-list");
        for (RelatedStories.Related r : related) {
            Element item = list.appendElement("li");
            Element link = item.appendElement("a").attr("href", PageLayout.storyHref(r.id()));
            if (r.title() == null || r.title().isBlank()) {
                link.addClass("untitled").text("Untitled story");
            } else {
                link.text(Headlines.shown(r.title()));
            }
            item.appendElement("p").addClass("shared").text("Shares: " + String.join(", ", r.shared()));
        }
    }
}
