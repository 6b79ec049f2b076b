package org.storylens.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.ingest.SourceFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BriefBeingWrittenPageTest {

    private static final String HOSTILE = "<script>window.pwned=1</script> <img src=x onerror=alert(1)>";

    private final BriefBeingWrittenPage page = new BriefBeingWrittenPage(new PageLayout());

    private static Article article(String id, String title, String outlet, int day, String text) {
        return new Article(id, title, outlet, null, new PublicationDate(2025, 3, day, null,
                PublicationDate.Source.METADATA, "meta", false), "en", text, List.of(), List.of(), null, id + ".txt",
                SourceFormat.TEXT, "hash-" + id, List.of());
    }

    private static StoryLibrary.BeingWritten story(List<Article> listed, int size) {
        List<StoryArticle> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Article a = listed.get(Math.min(i, listed.size() - 1));
            members.add(new StoryArticle(i < listed.size() ? a.id() : "more-" + i, a.outlet(), null,
                    a.published().date(), null));
        }
        Story story = new Story("s-dam", members, 2, LocalDate.of(2025, 3, 11), LocalDate.of(2025, 3, 12));
        return new StoryLibrary.BeingWritten(story, listed.get(0).title(), listed);
    }

    @Test
    void escapesHostileHeadlinesAndTextAndListsEachArticleWithItsOutletAndDate() {
        Article hostile = article("h-1", HOSTILE + " Dam spillway fails", "Brannsk " + HOSTILE, 11, HOSTILE + ".");
        Article untitled = article("u-1", null, null, 12, "The number of evacuated people rose to 1,850. Later more.");
        Document doc = Jsoup.parse(page.render(story(List.of(hostile, untitled), 2)));

        assertThat(doc.select("script:not([src])")).isEmpty();
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.selectFirst("h1").text()).isEqualTo(HOSTILE + " Dam spillway fails");
        assertThat(doc.select("meta[http-equiv=refresh]").attr("content"))
                .isEqualTo(String.valueOf(BriefBeingWrittenPage.REFRESH_SECONDS));
        assertThat(doc.selectFirst("[role=status]").text()).contains("2 articles");
        assertThat(doc.select("ol.being-written-articles > li")).hasSize(2);
        assertThat(doc.select("ol.being-written-articles > li").get(0).text())
                .contains("Brannsk " + HOSTILE).contains("2025-03-11");
        assertThat(doc.select("ol.being-written-articles a.untitled").text())
                .isEqualTo("First sentence: The number of evacuated people rose to 1,850.");
        assertThat(doc.select("ol.being-written-articles a").eachAttr("href"))
                .containsExactly("/articles/h-1", "/articles/u-1");
        assertThat(doc.select(".more-articles")).isEmpty();
    }

    @Test
    void saysHowManyArticlesAreNotListed() {
        Article one = article("a-1", "Dam spillway fails", "Herald", 11, "The spillway collapsed.");
        Document doc = Jsoup.parse(page.render(story(List.of(one), 45)));
        assertThat(doc.selectFirst("[role=status]").text()).contains("45 articles");
        assertThat(doc.selectFirst(".more-articles").text()).isEqualTo("and 44 more articles");
    }
}
