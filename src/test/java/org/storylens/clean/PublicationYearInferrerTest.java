package org.storylens.clean;

import org.junit.jupiter.api.Test;
import org.storylens.ingest.SourceFormat;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationYearInferrerTest {

    private final PublicationYearInferrer inferrer = new PublicationYearInferrer();

    @Test
    void takesTheMissingYearFromTheNearestDatedArticle() {
        List<Article> batch = List.of(
                article("a", dated(2021, 12, 5)),
                article("b", yearless(12, 3)),
                article("c", dated(2021, 12, 6)));

        List<Article> out = inferrer.inferMissingYears(batch);

        assertThat(out.get(1).published()).satisfies(d -> {
            assertThat(d.iso()).isEqualTo("2021-12-03");
            assertThat(d.yearInferred()).isTrue();
            assertThat(d.yearMissing()).isTrue();
            assertThat(d.source()).isEqualTo(PublicationDate.Source.DATELINE);
            assertThat(d.evidence()).isEqualTo("MOSCOW, December 3");
        });
    }

    @Test
    void infersTheYearBeforeAcrossTheNewYear() {
        List<Article> out = inferrer.inferMissingYears(List.of(
                article("late", yearless(12, 30)),
                article("new", dated(2022, 1, 2))));

        assertThat(out.get(0).publishedAt()).isEqualTo("2021-12-30");
    }

    @Test
    void infersTheYearAfterAcrossTheNewYear() {
        List<Article> out = inferrer.inferMissingYears(List.of(
                article("old", dated(2021, 12, 30)),
                article("early", yearless(1, 2))));

        assertThat(out.get(1).publishedAt()).isEqualTo("2022-01-02");
    }

    @Test
    void choosesTheClosestOfSeveralDatedArticles() {
        List<Article> out = inferrer.inferMissingYears(List.of(
                article("spring", dated(2019, 4, 1)),
                article("undated", yearless(6, 15)),
                article("summer", dated(2020, 6, 20))));

        assertThat(out.get(1).publishedAt()).isEqualTo("2020-06-15");
    }

    @Test
    void infersALeapDayIntoANearbyLeapYear() {
        List<Article> out = inferrer.inferMissingYears(List.of(
                article("dated", dated(2024, 3, 10)),
                article("leap", yearless(2, 29))));

        assertThat(out.get(1).publishedAt()).isEqualTo("2024-02-29");
    }

    @Test
    void doesNotInferALeapDayIntoAYearWithoutOne() {
        List<Article> out = inferrer.inferMissingYears(List.of(
                article("dated", dated(2023, 3, 1)),
                article("leap", yearless(2, 29))));

        assertThat(out.get(1).published().year()).isNull();
    }

    @Test
    void keepsTheYearMissingWithNothingToInferFrom() {
        Article lone = article("lone", yearless(12, 5));
        Article undated = article("undated", null);

        List<Article> out = inferrer.inferMissingYears(List.of(lone, undated));

        assertThat(out).containsExactly(lone, undated);
        assertThat(out.get(0).published().year()).isNull();
        assertThat(out.get(0).published().yearInferred()).isFalse();
    }

    @Test
    void doesNotInferFromAnotherInferredYear() {
        List<Article> once = inferrer.inferMissingYears(List.of(
                article("dated", dated(2021, 12, 5)),
                article("first", yearless(12, 3))));
        List<Article> batch = List.of(once.get(1), article("second", yearless(6, 1)));

        List<Article> out = inferrer.inferMissingYears(batch);

        assertThat(out.get(1).published().year()).isNull();
    }

    @Test
    void doesNotInferFromAnArticleMonthsAway() {
        List<Article> out = inferrer.inferMissingYears(List.of(
                article("dated", dated(2015, 1, 1)),
                article("far", yearless(7, 5))));

        assertThat(out.get(1).published().year()).isNull();
    }

    @Test
    void neverUsesTodaysDate() {
        LocalDate today = LocalDate.now();
        List<Article> out = inferrer.inferMissingYears(List.of(
                article("today", yearless(today.getMonthValue(), Math.min(today.getDayOfMonth(), 28)))));

        assertThat(out.get(0).published().year()).isNull();
    }

    @Test
    void infersFromTheBatchEvenWhenItIsDecadesOld() {
        List<Article> out = inferrer.inferMissingYears(List.of(
                article("old", dated(1999, 11, 20)),
                article("yearless", yearless(12, 1))));

        assertThat(out.get(1).publishedAt()).isEqualTo("1999-12-01");
    }

    @Test
    void leavesDatedAndUndatedArticlesAsTheyAre() {
        Article dated = article("dated", dated(2021, 12, 5));
        Article undated = article("undated", null);

        List<Article> out = inferrer.inferMissingYears(List.of(dated, undated, article("y", yearless(12, 4))));

        assertThat(out.get(0)).isSameAs(dated);
        assertThat(out.get(1)).isSameAs(undated);
        assertThat(out).hasSize(3);
    }

    private static PublicationDate dated(int year, int month, int day) {
        return new PublicationDate(year, month, day, null, PublicationDate.Source.METADATA,
                LocalDate.of(year, month, day).toString(), false);
    }

    private static PublicationDate yearless(int month, int day) {
        return new PublicationDate(null, month, day, null, PublicationDate.Source.DATELINE, "MOSCOW, December 3",
                false);
    }

    private static Article article(String id, PublicationDate published) {
        return new Article(id, null, "Daily Globe", null, published, "en", "Text of " + id + ".", List.of(), List.of(),
                null, id + ".txt", SourceFormat.TEXT, "hash-" + id, List.of());
    }
}
