package org.storylens.analyse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.clean.Article;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.SeedArticles;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' entities and dates at the brief tier (three NER models, SUTime on every sentence): what the other seed
 * tests check at the ingest tier holds here too.
 */
class BriefTierSeedTest {

    private static List<AnalysedArticle> analysed;
    private static List<Entity> entities;

    @BeforeAll
    static void analyseSeeds() {
        List<Article> seeds = SeedArticles.cleaned().articles().stream().sorted(Comparator.comparing(Article::id))
                .toList();
        analysed = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).analysis(Annotators.brief(), 2)
                .analyse(seeds);
        entities = new EntityLinker().link(analysed.stream()
                .map(a -> new EntityLinker.ArticleMentions(a.article().id(), a.annotation(), a.entities())).toList());
    }

    private static Entity named(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + name + " in " + entities));
    }

    @Test
    void putinIsAPersonInAllFiveAndBlinkIsBlinken() {
        assertThat(named("Vladimir Putin").type()).isEqualTo(EntityType.PERSON);
        assertThat(named("Vladimir Putin").articles()).hasSize(5);
        assertThat(named("Antony Blinken").aliases()).contains("Anthony Blink");
        assertThat(named("Antony Blinken").articles()).anySatisfy(id -> assertThat(id).startsWith("000"));
    }

    @Test
    void datesTheCallInThreeReportsAndKeepsThePastContext() {
        // the undated report says "December 7" (XXXX-12-07): the timeline takes its year from the story
        assertThat(analysed.stream().filter(a -> a.times().stream()
                .anyMatch(t -> t.value() != null && t.value().matches("(2021|XXXX)-12-07"))))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(analysed.stream().flatMap(a -> a.times().stream()).map(TimeExpression::value))
                .contains("2021-06-16", "2014");
    }
}
