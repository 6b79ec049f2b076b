package org.storylens.brief;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoryViewTest {

    private static StoryView storyFirstReportedOn(String... dates) {
        List<ArticleEntry> articles = new java.util.ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            articles.add(new ArticleEntry("a" + i, "t", i == 0 ? null : "Outlet " + i, null, dates[i], "en",
                    List.of(), null));
        }
        return new StoryView(new StoryBrief("s-1", "t", articles, articles.size(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()));
    }

    private static TimelineEntry on(String date) {
        return new TimelineEntry(date, "x", List.of("a0"), false);
    }

    @Test
    void datesWellBeforeTheFirstReportAreBackgroundButTheDaysBeforeItAreNews() {
        StoryView view = storyFirstReportedOn("2021-12-05", "2021-12-04T10:00:00Z", null);
        assertThat(view.firstPublished()).isEqualTo("2021-12-04");
        assertThat(view.dateSpan()).isEqualTo("2021-12-04 – 2021-12-05");
        assertThat(view.isBackground(on("2014"))).isTrue();
        assertThat(view.isBackground(on("2021-06-16"))).isTrue();
        assertThat(view.isBackground(on("2021-10"))).isTrue();
        assertThat(view.isBackground(on("2021-11"))).isFalse();
        assertThat(view.isBackground(on("2021-12-03"))).isFalse();
        assertThat(view.isBackground(on("2021-W48"))).isFalse();
        assertThat(view.isBackground(on("2021"))).isFalse();
        assertThat(view.isBackground(on("2021-12-07"))).isFalse();
        assertThat(view.isBackground(on("P1W"))).isFalse();
    }

    @Test
    void anUndatedStoryHasNoBackgroundAndNoSpan() {
        StoryView view = storyFirstReportedOn(null, null);
        assertThat(view.dateSpan()).isNull();
        assertThat(view.isBackground(on("1991"))).isFalse();
    }

    @Test
    void anArticleWithoutOutletOrWireIsNamedAsAnUnknownOutletNeverByItsId() {
        StoryView view = storyFirstReportedOn("2021-12-04", "2021-12-05");
        assertThat(view.outlets().keySet()).containsExactly("Unknown outlet (article 1)", "Outlet 1");
        assertThat(StoryView.outletUnknown(view.article("a0").orElseThrow())).isTrue();
        assertThat(StoryView.outletUnknown(view.article("a1").orElseThrow())).isFalse();
        assertThat(view.number("a1")).isEqualTo(2);
        assertThat(view.number("nope")).isZero();
    }

    @Test
    void figuresAreWrittenWithTheirQualifierAndThousandsSeparators() {
        assertThat(StoryView.figure(new NumberEntry(175000, "soldiers", "more than", "t", null, List.of())))
                .isEqualTo("more than 175,000");
        assertThat(StoryView.figure(new NumberEntry(2.50, "m", null, "t", null, List.of()))).isEqualTo("2.5");
        assertThat(StoryView.figure(new NumberEntry(1234567.25, "m", null, "t", null, List.of())))
                .isEqualTo("1,234,567.25");
        assertThat(StoryView.figure(new NumberEntry(Double.NaN, "m", null, "t", null, List.of()))).isEqualTo("NaN");
    }
}
