package org.storylens.serve;

import org.junit.jupiter.api.Test;
import org.storylens.brief.ArticleEntry;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.StoryBrief;
import org.storylens.clean.OutletTable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoveragePanelTest {

    private final CoveragePanel panel = new CoveragePanel(OutletTable.load());

    private static StoryBrief published(String... days) {
        List<ArticleEntry> articles = new java.util.ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            articles.add(new ArticleEntry("a" + i, "t", "Outlet " + i, null, days[i], "en", List.of(), null));
        }
        return new StoryBrief("s", "t", articles, days.length, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    @Test
    void aStoryOfAFewDaysIsDrawnDayByDayWithNoGaps() {
        CoveragePanel.Coverage c = panel.coverage(published("2025-03-13", "2025-03-11", null), ArticleFallbacks.NONE);
        assertThat(c.periodUnit()).isEqualTo("day");
        assertThat(c.periods()).extracting(CoveragePanel.Period::label)
                .containsExactly("11 Mar 2025", "12 Mar 2025", "13 Mar 2025");
        assertThat(c.periods()).extracting(p -> p.articles().size()).containsExactly(1, 0, 1);
        assertThat(c.undated()).isEqualTo(1);
    }

    @Test
    void longerStoriesAreDrawnByWeekMonthOrYear() {
        CoveragePanel.Coverage weeks = panel.coverage(published("2025-03-05", "2025-04-20"), ArticleFallbacks.NONE);
        assertThat(weeks.periodUnit()).isEqualTo("week");
        assertThat(weeks.periods().get(0).label()).isEqualTo("week of 3 Mar 2025");
        assertThat(weeks.periods()).hasSize(7);
        CoveragePanel.Coverage months = panel.coverage(published("2024-01-31", "2025-03-01"), ArticleFallbacks.NONE);
        assertThat(months.periodUnit()).isEqualTo("month");
        assertThat(months.periods()).hasSize(15);
        assertThat(months.periods().get(14).label()).isEqualTo("Mar 2025");
        CoveragePanel.Coverage years = panel.coverage(published("2014-06-01", "2025-03-01"), ArticleFallbacks.NONE);
        assertThat(years.periodUnit()).isEqualTo("year");
        assertThat(years.periods()).extracting(CoveragePanel.Period::label).startsWith("2014").endsWith("2025")
                .hasSize(12);
    }

    @Test
    void anOutletTheTableDoesNotKnowHasNoCountryAndNoAffiliation() {
        CoveragePanel.Coverage c = panel.coverage(published("2025-03-11"), ArticleFallbacks.NONE);
        assertThat(c.outlets()).singleElement().satisfies(o -> {
            assertThat(o.country()).isNull();
            assertThat(o.stateAffiliated()).isNull();
        });
        assertThat(c.byCountry()).containsOnlyKeys((String) null);
    }
}
