package org.storylens.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.storylens.brief.ArticleEntry;
import org.storylens.brief.BriefHtml;
import org.storylens.brief.ClaimEntry;
import org.storylens.brief.SourcedText;
import org.storylens.brief.StoryBrief;
import org.storylens.brief.SupportingSentence;
import org.storylens.brief.TimelineEntry;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoryPageTest {

    private static final String HOSTILE = "<script>window.pwned=1</script><svg onload=alert(1)>";

    private final StoryPage page = new StoryPage(new PageLayout(), new BriefHtml());

    private static StoryBrief brief(String title) {
        List<ArticleEntry> articles = List.of(
                new ArticleEntry("a-1", "First " + HOSTILE, "TASS", null, "2021-12-03", "en",
                        List.of("Share " + HOSTILE), null),
                new ArticleEntry("a 2", "Second", "Reuters", null, "2021-12-04", "en", List.of(), null));
        return new StoryBrief("s-1", title, articles, 2,
                List.of(new SourcedText("Biden and Putin will talk on Tuesday.", List.of("a-1", "a 2"),
                        List.of(new SupportingSentence("a-1", "Putin and Biden talk on Tuesday."),
                                new SupportingSentence("a 2", HOSTILE)))),
                List.of(), List.of(new TimelineEntry("2021-12-07", "The call " + HOSTILE, List.of("a-1"), true)),
                List.of(), List.of(),
                List.of(new ClaimEntry("The call is on Tuesday.", "agreed", List.of("a-1", "a 2"), List.of(),
                        "2021-12-03", "2021-12-04", List.of(), List.of())),
                List.of());
    }

    @Test
    void showsTheBriefWithAGuideToEachSectionAndTheWayBack() {
        Document doc = Jsoup.parse(page.render(brief("Biden and Putin to talk")));
        assertThat(doc.title()).isEqualTo("Biden and Putin to talk · storylens");
        assertThat(doc.selectFirst("nav.crumbs a").attr("href")).isEqualTo("/");
        assertThat(doc.selectFirst("article.story h1").text()).isEqualTo("Biden and Putin to talk");
        assertThat(doc.select("article.story section > h2").eachText()).containsExactly("Disputes and updates",
                "Summary", "Claims",
                "Timeline", "Articles");
        assertThat(doc.selectFirst("section.s-claims > h2 + p.explain").text()).contains("Agreed:", "Disputed:",
                "Single source:");
        assertThat(doc.selectFirst("section.s-summary > h2 + p.explain").text()).contains("hover", "click");
        assertThat(doc.select("section.s-timeline svg.timeline-svg g.mark")).hasSize(1);
        assertThat(doc.select("section.s-claims table.matrix tbody tr")).hasSize(1);
        assertThat(doc.select("ol.articles .a-title a").eachAttr("href")).containsExactly("/articles/a-1",
                "/articles/a%202");
        assertThat(doc.select("ol.summary a.chip").eachAttr("data-sentence"))
                .containsExactly("Putin and Biden talk on Tuesday.", HOSTILE);
    }

    @Test
    void hostileTextIsEscapedAndNothingIsInline() {
        Document doc = Jsoup.parse(page.render(brief(HOSTILE)));
        assertThat(doc.selectFirst("article.story h1").text()).isEqualTo(HOSTILE);
        assertThat(doc.select("main script, main img, svg[onload], [onload], [onerror], [style], style")).isEmpty();
        assertThat(doc.select("head script").eachAttr("src")).containsExactly("/assets/storylens.js");
        assertThat(doc.select("[href]").eachAttr("href")).allMatch(h -> h.startsWith("/") || h.startsWith("#"));
        assertThat(doc.select("svg.timeline-svg > title").text()).isEqualTo("Timeline: 1 dated entry");
        assertThat(doc.select("svg.timeline-svg g.mark > title").text()).contains(HOSTILE);
    }
}
