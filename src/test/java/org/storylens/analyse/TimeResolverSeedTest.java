package org.storylens.analyse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.clean.Article;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.SeedArticles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Time expressions of the shared Biden–Putin seed articles, resolved against their publication dates. */
class TimeResolverSeedTest {

    private static final Map<String, List<TimeExpression>> TIMES = new HashMap<>();

    @BeforeAll
    static void resolveSeeds() {
        BatchResult result = SeedArticles.cleaned();
        TimeResolver resolver = new TimeResolver();
        for (Article a : result.articles()) {
            AnnotatedText annotated = Annotators.shared().annotate(a.text(),
                    a.published() == null ? null : a.published().date());
            TIMES.put(a.id().substring(0, 3), resolver.resolve(annotated, a.published()));
        }
    }

    @Test
    void resolvesWeekdaysOfThe24NewsReportByTense() {
        assertThat(values("002", "Tuesday")).containsOnly("2021-12-07");
        assertThat(values("002", "Saturday")).containsOnly("2021-12-04");
        assertThat(values("002", "Friday")).containsOnly("2021-12-03");
        assertThat(values("002", "next month")).containsExactly("2022-01");
        assertThat(values("002", "2014")).containsExactly("2014");
        assertThat(values("002", "June")).containsExactly("2021-06");
    }

    @Test
    void resolvesDaysOfTheMonthOfTheChinanewsReportAgainstItsInferredYear() {
        assertThat(values("004", "the 7th")).containsOnly("2021-12-07").hasSize(2);
        assertThat(values("004", "the 4th")).containsOnly("2021-12-04");
        assertThat(TIMES.get("004")).filteredOn(t -> t.text().startsWith("June 16"))
                .hasSize(2).allSatisfy(t -> assertThat(t.value()).isEqualTo("2021-06-16"));
        assertThat(TIMES.get("004")).filteredOn(t -> t.text().equals("the 7th"))
                .allSatisfy(t -> assertThat(t.inferred()).isTrue());
    }

    @Test
    void inventsNoYearInTheUndatedReport() {
        assertThat(values("000", "December 7")).containsExactly("XXXX-12-07");
        assertThat(values("000", "Friday")).containsOnlyNulls();
        assertThat(values("000", "end of 2021")).containsExactly("2021"); // SUTime leaves "the" out at the ingest tier
    }

    private static List<String> values(String article, String text) {
        List<String> values = TIMES.get(article).stream().filter(t -> t.text().equals(text))
                .map(TimeExpression::value).toList();
        assertThat(values).as("\"%s\" in %s: %s", text, article, TIMES.get(article)).isNotEmpty();
        return values;
    }
}
