package org.storylens.brief;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The brief of the five seed reports: what issue 3 asks of entities, timeline, quotes and numbers on them. */
class SeedBriefTest {

    private static StoryBrief brief;

    @BeforeAll
    static void briefTheSeeds() {
        brief = SeedBriefs.brief();
    }

    private static String id(String prefix) {
        return brief.articles().stream().map(ArticleEntry::id).filter(i -> i.startsWith(prefix)).findFirst()
                .orElseThrow();
    }

    @Test
    void timelineHasTheCallOnTheSeventhFromThreeSourcesAndThePastContext() {
        assertThat(brief.timeline()).anySatisfy(t -> {
            assertThat(t.date()).isEqualTo("2021-12-07");
            assertThat(t.sources()).hasSizeGreaterThanOrEqualTo(3);
        });
        assertThat(brief.timeline()).extracting(TimelineEntry::date).contains("2021-06-16", "2014");
        List<String> dates = brief.timeline().stream().map(TimelineEntry::date).toList();
        assertThat(dates.indexOf("2014")).isLessThan(dates.indexOf("2021-06-16"));
        assertThat(dates.indexOf("2021-06-16")).isLessThan(dates.indexOf("2021-12-07"));
    }

    @Test
    void putinIsOnePersonInAllFiveAndBlinkenKeepsTheMisspelling() {
        assertThat(brief.entities()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("Vladimir Putin");
            assertThat(e.type()).isEqualTo("PERSON");
            assertThat(e.articles()).hasSize(5);
        });
        assertThat(brief.entities()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("Antony Blinken");
            assertThat(e.aliases()).contains("Anthony Blink");
            assertThat(e.articles()).contains(id("000"));
        });
    }

    @Test
    void everyItemListsOnlyArticlesOfTheStory() {
        List<String> ids = brief.articles().stream().map(ArticleEntry::id).toList();
        assertThat(brief.timeline()).allSatisfy(t -> assertThat(ids).containsAll(t.sources()));
        assertThat(brief.quotes()).allSatisfy(q -> assertThat(ids).containsAll(q.sources()));
        assertThat(brief.numbers()).allSatisfy(n -> assertThat(ids).containsAll(n.sources()));
    }

    @Test
    void figuresCarryTheirAttribution() {
        assertThat(brief.numbers()).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(175000L);
            assertThat(n.attributedTo()).contains("Washington Post");
            assertThat(n.sources()).containsExactly(id("004"));
        });
        assertThat(brief.numbers()).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(100L);
            assertThat(n.unit()).isEqualTo("battalions");
            assertThat(n.attributedTo()).isEqualTo("A government official");
        });
        assertThat(brief.numbers()).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(90000L);
            assertThat(n.qualifier()).isEqualTo("more than");
            assertThat(n.attributedTo()).isEqualTo("Ukrainian officials");
        });
    }

    @Test
    void psakisStatementIsOneQuoteFromItsThreeTranslations() {
        assertThat(brief.quotes()).anySatisfy(q -> {
            assertThat(q.speaker()).isEqualTo("Jen Psaki");
            assertThat(q.sources()).contains(id("002"), id("004"));
        });
    }
}
