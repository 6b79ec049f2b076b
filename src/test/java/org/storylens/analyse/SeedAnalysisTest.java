package org.storylens.analyse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.clean.Article;
import org.storylens.pipeline.SeedArticles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Quotes and figures in the five real reports of the Biden–Putin call in ../shared, cleaned as ingest cleans them. */
class SeedAnalysisTest {

    private static final Map<String, AnnotatedText> byPrefix = new HashMap<>();

    @BeforeAll
    static void readSeeds() {
        for (Article a : SeedArticles.cleaned().articles()) {
            byPrefix.put(a.id().substring(0, 3), Annotators.shared().annotate(a.text(), null));
        }
    }

    private static List<Quote> quotes(String prefix) {
        return new QuoteFinder().find(byPrefix.get(prefix));
    }

    @Test
    void givesPsakisStatementToJenPsaki() {
        assertThat(quotes("002")).anySatisfy(q -> {
            assertThat(q.text()).startsWith("President Biden will underscore US concerns");
            assertThat(q.speaker()).isEqualTo("Jen Psaki");
            assertThat(q.direct()).isTrue();
        });
        assertThat(quotes("004")).anySatisfy(q -> {
            assertThat(q.text()).startsWith("President Biden will emphasize the United States' concerns");
            assertThat(q.speaker()).endsWith("Psaki");
        });
        assertThat(quotes("000")).anySatisfy(q -> {
            assertThat(q.text()).startsWith("President Biden will express US concerns");
            assertThat(q.speaker()).isEqualTo("Jen Psaki");
        });
    }

    @Test
    void givesTheInvasionRemarkToAustin() {
        assertThat(quotes("002")).anySatisfy(q -> {
            assertThat(q.text()).isEqualTo("They've invaded before");
            assertThat(q.speaker()).isEqualTo("Lloyd Austin");
        });
    }

    @Test
    void findsPeskovsReportedStatements() {
        assertThat(quotes("002")).anySatisfy(q -> {
            assertThat(q.text()).startsWith("the conversation would take place in the evening");
            assertThat(q.speaker()).isEqualTo("Dmitry Peskov");
            assertThat(q.direct()).isFalse();
        });
        assertThat(quotes("004")).anySatisfy(q -> {
            assertThat(q.text()).startsWith("the duration of the call is not fixed");
            assertThat(q.speaker()).isEqualTo("Peskov");
            assertThat(q.direct()).isFalse();
        });
    }

    @Test
    void givesTheRedLineRemarkToBiden() {
        assertThat(quotes("003")).anySatisfy(q -> {
            assertThat(q.text()).isEqualTo("I don’t accept anyone’s red line");
            assertThat(q.speaker()).endsWith("Biden");
        });
    }

    @Test
    void givesTheDashQuoteToBiden() {
        assertThat(quotes("000")).anySatisfy(q -> {
            assertThat(q.text()).isEqualTo("We have known about Russia’s actions for a long time and I expect a long "
                    + "discussion with Putin");
            assertThat(q.speaker()).isEqualTo("Biden");
        });
    }

    private static List<NumberMention> numbers(String prefix) {
        return new NumberFinder().find(byPrefix.get(prefix));
    }

    @Test
    void findsTheWashingtonPostTroopFigureAndTheBattalions() {
        assertThat(numbers("004")).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(175000);
            assertThat(n.unit()).isEqualTo("soldiers");
            assertThat(n.attributedTo()).isEqualTo("Washington Post");
        });
        assertThat(numbers("004")).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(100);
            assertThat(n.unit()).isEqualTo("battalions");
        });
    }

    @Test
    void findsTheUkrainianEstimateOfRussianTroops() {
        assertThat(numbers("003")).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(90000);
            assertThat(n.unit()).isEqualTo("troops");
            assertThat(n.qualifier()).isEqualTo("more than");
            assertThat(n.attributedTo()).isEqualTo("Ukrainian officials");
        });
    }

    @Test
    void findsTheDeathToll() {
        assertThat(numbers("002")).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(13000);
            assertThat(n.unit()).isEqualTo("dead");
            assertThat(n.qualifier()).isEqualTo("more than");
        });
    }
}
