package org.storylens.analyse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.clean.Article;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.SeedArticles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The entities of the five real reports of the Biden–Putin call in ../shared, linked as one story. */
class SeedEntitiesTest {

    private static List<Entity> entities;
    private static List<String> ids;

    @BeforeAll
    static void linkSeeds() {
        BatchResult result = SeedArticles.cleaned();
        EntityFinder finder = new EntityFinder();
        List<EntityLinker.ArticleMentions> articles = new ArrayList<>();
        for (Article a : result.articles().stream().sorted(Comparator.comparing(Article::id)).toList()) {
            AnnotatedText annotated = Annotators.shared().annotate(a.text(), null);
            List<EntityMention> mentions = finder.find(annotated);
            assertThat(mentions).allSatisfy(m ->
                    assertThat(a.text().substring(m.span().start(), m.span().end())).isEqualTo(m.text()));
            articles.add(new EntityLinker.ArticleMentions(a.id(), annotated, mentions));
        }
        ids = articles.stream().map(EntityLinker.ArticleMentions::articleId).toList();
        entities = new EntityLinker().link(articles);
    }

    private static Entity named(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + name + " in " + entities));
    }

    @Test
    void putinIsOnePersonInAllFive() {
        Entity putin = named("Vladimir Putin");
        assertThat(putin.type()).isEqualTo(EntityType.PERSON);
        assertThat(putin.articles()).hasSize(5);
        assertThat(entities).extracting(Entity::name).doesNotContain("Putin");
    }

    @Test
    void linksSurnamesToFullNames() {
        assertThat(named("Joe Biden").aliases()).contains("Biden");
        assertThat(named("Joe Biden").articles()).hasSize(5);
        assertThat(named("Dmitry Peskov").aliases()).contains("Peskov");
    }

    @Test
    void linksTheMachineTranslatedBlinkToAntonyBlinken() {
        Entity blinken = named("Antony Blinken");
        assertThat(blinken.type()).isEqualTo(EntityType.PERSON);
        assertThat(blinken.aliases()).contains("Anthony Blink");
        assertThat(blinken.articles()).anySatisfy(id -> assertThat(id).startsWith("000"));
    }

    @Test
    void linksBothSpellingsOfLavrov() {
        assertThat(entities).filteredOn(e -> e.name().endsWith("Lavrov")).singleElement()
                .satisfies(e -> assertThat(e.aliases()).containsAnyOf("Sergei Lavrov", "Sergey Lavrov"));
    }

    @Test
    void linksTheNamesOfNato() {
        assertThat(named("NATO").aliases()).contains("North Atlantic Alliance", "North Atlantic Treaty Organization");
    }

    @Test
    void listsTheMostMentionedFirstWithTheirArticlesInOrder() {
        assertThat(entities).extracting(Entity::mentions).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(entities).allSatisfy(e -> assertThat(e.articles()).isSortedAccordingTo(
                Comparator.comparingInt(ids::indexOf)));
        assertThat(entities).extracting(Entity::name).doesNotContain("he", "his", "State", "Defense Lloyd Austin");
    }
}
