package org.storylens.brief;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storylens.brief.BriefFixtures.COLLAPSE;
import static org.storylens.brief.BriefFixtures.COURIER;
import static org.storylens.brief.BriefFixtures.HERALD;
import static org.storylens.brief.BriefFixtures.IMG;
import static org.storylens.brief.BriefFixtures.SCRIPT;
import static org.storylens.brief.BriefFixtures.TODAY;

/** {@link BriefHtml#renderStory}: one story's brief inside a page of the web application. */
class BriefHtmlStoryPartTest {

    private static Element story(StoryBrief brief) {
        Document doc = Document.createShell("");
        return new BriefHtml().renderStory(brief, doc.body(), id -> "/articles/" + id);
    }

    private static StoryBrief full() {
        return BriefFixtures.full().stories().get(0);
    }

    @Test
    void bringsNoStyleOrScriptOfItsOwnAndLinksArticlesToTheirPages() {
        Element story = story(full());
        assertThat(story.select("style, script, link, meta, [style]")).isEmpty();
        assertThat(story.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                .filter(a -> a.getKey().toLowerCase().startsWith("on"))).isEmpty();
        assertThat(story.select("ol.articles .a-title a").eachAttr("href")).hasSize(6)
                .contains("/articles/" + HERALD, "/articles/" + COURIER);
        assertThat(story.select("[href]").eachAttr("href"))
                .allMatch(h -> h.startsWith("/articles/") || h.matches("#s1-a\\d+") || h.matches("#s1-[a-z-]+"));
    }

    @Test
    void drawsTheTimelineAsAnSvgWithOneMarkPerDatedEntryAboveTheList() {
        Element section = story(full()).selectFirst("section.s-timeline");
        Element svg = section.selectFirst("svg.timeline-svg");
        assertThat(svg).isNotNull();
        assertThat(svg.elementSiblingIndex()).isLessThan(section.selectFirst("ol.chrono").elementSiblingIndex());
        assertThat(svg.select("g.mark")).hasSize(5);
        assertThat(svg.select("g.mark .dot")).hasSize(5);
        assertThat(svg.select("g.mark.background")).hasSize(1);
        assertThat(svg.select("g.mark.scheduled")).hasSize(1);
        assertThat(svg.select("g.mark > title").eachText()).contains("2025-03-13: The minister ordered an inquiry "
                + "on Thursday.");
        assertThat(svg.select("g.axis text").eachText()).contains("2025");
    }

    @Test
    void sourceChipsCarryTheSentenceEachSourceStatesItWith() {
        StoryBrief base = full();
        List<SourcedText> summary = new ArrayList<>(base.summary());
        summary.set(0, new SourcedText(COLLAPSE, List.of(HERALD, TODAY), List.of(
                new SupportingSentence(HERALD, COLLAPSE),
                new SupportingSentence(TODAY, "The dam's spillway near Meravik gave way on Tuesday."))));
        Element li = story(withSummary(base, summary)).select("ol.summary > li").get(0);
        List<Element> chips = li.select("a.chip");
        assertThat(chips).hasSize(2);
        assertThat(chips.get(1).attr("data-sentence")).isEqualTo("The dam's spillway near Meravik gave way on Tuesday.");
        assertThat(chips.get(1).attr("data-outlet")).startsWith("Meravik Today, 2025-03-11");
        assertThat(chips.get(1).attr("title")).endsWith("\n“The dam's spillway near Meravik gave way on Tuesday.”");
        assertThat(chips.get(1).attr("data-article")).isEqualTo("/articles/" + TODAY);
    }

    @Test
    void singleSourceClaimsBeyondTheFifthAndTheirMatrixRowsAreFolded() {
        StoryBrief base = full();
        List<ClaimEntry> claims = new ArrayList<>(base.claims());
        for (int i = 0; i < 5; i++) {
            claims.add(new ClaimEntry("Extra claim " + i + ".", "single-source", List.of(COURIER), List.of(),
                    "2025-03-13", "2025-03-13", List.of(), List.of()));
        }
        Element story = story(new StoryBrief(base.id(), base.title(), base.articles(), base.independentSources(),
                base.summary(), base.entities(), base.timeline(), base.quotes(), base.numbers(), claims,
                base.framing()));
        Element single = story.selectFirst(".group.single-source");
        assertThat(single.select("> ul > li")).hasSize(5);
        assertThat(single.select("> details.more > summary").text()).isEqualTo("3 more single-source claims");
        assertThat(single.select("> details.more li")).hasSize(3);
        Element claimsSection = story.selectFirst("section.s-claims");
        assertThat(claimsSection.select("> details.fold > table.matrix tbody tr")).hasSize(4);
        assertThat(claimsSection.select("> details.fold > details.single-source-matrix table.matrix tbody tr")).hasSize(8);
    }

    @Test
    void hostileTextStaysTextInTheSvgAndEverywhereElse() {
        Element story = story(BriefFixtures.hostile().stories().get(0));
        assertThat(story.select("script, img, iframe, object, embed, foreignObject, a[href^=javascript]")).isEmpty();
        assertThat(story.select("svg.timeline-svg *").stream().flatMap(e -> e.attributes().asList().stream())
                .filter(a -> a.getKey().toLowerCase().startsWith("on") || a.getKey().contains("href"))).isEmpty();
        assertThat(story.text()).contains(SCRIPT).contains(IMG);
    }

    private static StoryBrief withSummary(StoryBrief b, List<SourcedText> summary) {
        return new StoryBrief(b.id(), b.title(), b.articles(), b.independentSources(), summary, b.entities(),
                b.timeline(), b.quotes(), b.numbers(), b.claims(), b.framing());
    }
}
