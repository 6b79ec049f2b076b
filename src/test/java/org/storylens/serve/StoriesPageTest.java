package org.storylens.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.storylens.clean.OutletTable;
import org.storylens.store.SearchMatch;
import org.storylens.store.StoryListing;
import org.storylens.store.StoryQuery;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoriesPageTest {

    private static final String HOSTILE = "<script>window.pwned=1</script><img src=x onerror=alert(1)>";

    private final StoriesPage page = new StoriesPage(new PageLayout(), OutletTable.load());

    private static StoryListing story(String id, String title) {
        return new StoryListing(id, title, 5, 4, LocalDate.of(2021, 12, 3), LocalDate.of(2021, 12, 6),
                "2026-11-23T10:00:00Z", List.of(new StoryListing.OutletCount("TASS", 2),
                new StoryListing.OutletCount("Reuters", 1), new StoryListing.OutletCount(HERALD_HOSTILE, 1)));
    }

    private static final String HERALD_HOSTILE = "Herald\"><script>x</script>";

    private Document render(List<StoryListing> stories, StoryQuery query) {
        return Jsoup.parse(page.render(new StoriesPage.Listing(stories, query, List.of("TASS", "Reuters"),
                List.of("Joe Biden", HOSTILE), 5, java.util.Map.of("s-1", "Lead " + HOSTILE))));
    }

    @Test
    void listsEachStoryWithItsCountsOutletsCountriesAndDateSpanLinkingToItsPage() {
        Document doc = render(List.of(story("s-1", "Biden and Putin to talk"), story("s/2 x", null)),
                StoryQuery.all());
        List<Element> items = doc.select("ol.story-list > li.story-item");
        assertThat(items).hasSize(2);
        Element first = items.get(0);
        assertThat(first.selectFirst("h2 a").text()).isEqualTo("Biden and Putin to talk");
        assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo("/stories/s-1");
        assertThat(first.selectFirst(".facts").text())
                .isEqualTo("5 articles · 4 independent sources · 2021-12-03 – 2021-12-06");
        assertThat(first.select("ul.outlets li").eachText()).containsExactly("TASS ×2", "Reuters", HERALD_HOSTILE,
                "1 article of unknown outlet");
        assertThat(first.selectFirst(".countries").text()).isEqualTo("Countries: RU, GB");
        assertThat(first.selectFirst("h2 + p.lead").text()).isEqualTo("Lead " + HOSTILE);
        assertThat(items.get(1).selectFirst("p.lead")).as("no lead, no line").isNull();
        assertThat(items.get(1).selectFirst("h2 a").text()).isEqualTo("Untitled story");
        assertThat(items.get(1).selectFirst("h2 a").attr("href")).isEqualTo("/stories/s%2F2%20x");
    }

    @Test
    void theFiltersShowTheQueryAgainAndOfferOutletsAndEntities() {
        StoryQuery query = new StoryQuery(HOSTILE, LocalDate.of(2021, 12, 1), null, "reuters", "Joe Biden", 1, 0);
        Document doc = render(List.of(story("s-1", "t")), query);
        Element form = doc.selectFirst("form.filters");
        assertThat(form.attr("action")).isEqualTo("/");
        assertThat(form.selectFirst("input[name=q]").val()).isEqualTo(HOSTILE);
        // one search box on the page: the form's, in view; the filters folded in the same form, open when applied
        assertThat(doc.select("input[type=search]")).hasSize(1);
        assertThat(doc.select("header.site form")).isEmpty();
        assertThat(form.selectFirst("label[for=f-q]").text()).isEqualTo("Search stories");
        assertThat(form.selectFirst("details.filter-panel").hasAttr("open")).isTrue();
        assertThat(form.selectFirst("details.filter-panel input[name=q]")).isNull();
        assertThat(form.selectFirst("input[name=from]").val()).isEqualTo("2021-12-01");
        assertThat(form.selectFirst("input[name=to]").val()).isEmpty();
        assertThat(form.select("select[name=outlet] option").eachText()).containsExactly("any outlet", "TASS",
                "Reuters");
        assertThat(form.selectFirst("select[name=outlet] option[selected]").val()).isEqualTo("Reuters");
        assertThat(form.select("datalist#entity-names option").eachAttr("value")).containsExactly("Joe Biden",
                HOSTILE);
        assertThat(doc.selectFirst(".result-count").text()).isEqualTo("1 story matches the filters.");
        assertThat(doc.selectFirst(".more-stories a").attr("href"))
                .isEqualTo("/?q=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E"
                        + "&from=2021-12-01&outlet=reuters&entity=Joe+Biden&offset=1");
    }

    @Test
    void aSearchResultSaysWhyTheStoryMatchedWithTheWordsMarkedAndEscaped() {
        StoryListing s = story("s-1", "Dam collapse");
        StoryListing matched = new StoryListing(s.id(), s.title(), s.articles(), s.independentSources(),
                s.firstPublished(), s.lastPublished(), s.updatedAt(), s.outlets(), new SearchMatch("a-3",
                List.of(new SearchMatch.Piece("Spillway ", false), new SearchMatch.Piece("cracks", true),
                        new SearchMatch.Piece(" found", false)),
                List.of(new SearchMatch.Piece("… inspectors found ", false), new SearchMatch.Piece("cracks", true),
                        new SearchMatch.Piece(" " + HOSTILE + " in 2022 …", false))));
        Document doc = render(List.of(matched), new StoryQuery("cracks", null, null, null, null, 50, 0));
        Element line = doc.selectFirst("li.story-item p.match");
        assertThat(line.text()).isEqualTo("Matches: Spillway cracks found · … inspectors found cracks " + HOSTILE
                + " in 2022 …");
        assertThat(line.select("mark").eachText()).containsExactly("cracks", "cracks");
        assertThat(line.selectFirst(".match-title mark").text()).isEqualTo("cracks");
        assertThat(line.select("script, img")).isEmpty();
        // the filters stay folded when only words are searched
        assertThat(doc.selectFirst("details.filter-panel").hasAttr("open")).isFalse();
        // no words, no such line
        assertThat(render(List.of(story("s-1", "t")), StoryQuery.all()).select("p.match")).isEmpty();
    }

    @Test
    void hostileTextStaysTextAndThePageNeedsNothingInline() {
        Document doc = render(List.of(story("s-1", HOSTILE)), StoryQuery.all());
        assertThat(doc.selectFirst("li.story-item h2").text()).isEqualTo(HOSTILE);
        assertThat(doc.select("main script, main img, [onerror], [onload], [style], style")).isEmpty();
        assertThat(doc.select("[href]").eachAttr("href")).allMatch(h -> h.startsWith("/") || h.equals("#content"));
        assertThat(doc.select("[src]").eachAttr("src")).containsExactly("/assets/storylens.js");
    }

    @Test
    void saysSoWhenThereAreNoStoriesYetOrNoneMatch() {
        assertThat(render(List.of(), StoryQuery.all()).selectFirst("p.none").text()).startsWith("No stories yet");
        assertThat(render(List.of(), new StoryQuery("dam", null, null, null, null, 50, 0)).selectFirst("p.none")
                .text()).isEqualTo("No story matches these filters.");
    }
}
