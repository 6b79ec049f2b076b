package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityLinkerTest {

    private final EntityFinder finder = new EntityFinder();
    private final EntityLinker linker = new EntityLinker();

    private List<Entity> link(String... texts) {
        List<EntityLinker.ArticleMentions> articles = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            AnnotatedText annotated = Annotators.shared().annotate(texts[i], null);
            articles.add(new EntityLinker.ArticleMentions("a" + i, annotated, finder.find(annotated)));
        }
        return linker.link(articles);
    }

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + name + " in " + entities));
    }

    @Test
    void stripsTitlesAndLinksASurnameToTheFullNameAcrossArticles() {
        List<Entity> entities = link(
                "US President Joe Biden spoke to Russian President Vladimir Putin on Tuesday. Mr Putin listened.",
                "President Biden said Mr. Putin was ready. Kremlin spokesman Dmitry Peskov agreed, and Peskov "
                        + "added that Biden had called.");

        Entity biden = named(entities, "Joe Biden");
        assertThat(biden.type()).isEqualTo(EntityType.PERSON);
        assertThat(biden.aliases()).containsExactly("Biden");
        assertThat(biden.articles()).containsExactly("a0", "a1");
        assertThat(biden.mentions()).isEqualTo(3);
        assertThat(named(entities, "Vladimir Putin").aliases()).containsExactly("Putin");
        assertThat(named(entities, "Dmitry Peskov").aliases()).containsExactly("Peskov");
        assertThat(entities).extracting(Entity::name).doesNotContain("Biden", "Putin", "Peskov");
        assertThat(entities.get(0).mentions()).isGreaterThanOrEqualTo(entities.get(entities.size() - 1).mentions());
    }

    @Test
    void linksAMisspeltNameWhenItsRoleAgrees() {
        List<Entity> entities = link("On Thursday, US Secretary of State Anthony Blink met his counterpart.",
                "Russia called on US Secretary of State Antony Blinken to give guarantees.");

        Entity blinken = named(entities, "Antony Blinken");
        assertThat(blinken.aliases()).containsExactly("Anthony Blink");
        assertThat(blinken.articles()).containsExactly("a0", "a1");
    }

    @Test
    void countsTheRoleOfASurnameMentionForTheFullName() {
        List<Entity> entities = link("Antony Blinken flew to Kyiv. Secretary of State Blinken said talks would go on.",
                "Secretary of State Anthony Blink met his counterpart.");

        assertThat(named(entities, "Antony Blinken").aliases()).contains("Blinken", "Anthony Blink");
    }

    @Test
    void readsTheRoleFromAnAppositionAfterTheName() {
        List<Entity> entities = link("Antony Blinken, the US Secretary of State, said talks would go on.",
                "Secretary of State Anthony Blink met his counterpart.",
                "Mark Kelly, a senator from Arizona, voted no.", "Mark Kelley, a football coach, was not asked.");

        assertThat(named(entities, "Antony Blinken").aliases()).containsExactly("Anthony Blink");
        assertThat(entities).extracting(Entity::name).contains("Mark Kelly", "Mark Kelley");
    }

    @Test
    void keepsSimilarNamesApartWhenTheirRolesDifferOrNothingLinksThem() {
        List<Entity> entities = link("Senator Mark Kelly voted against the bill.",
                "Coach Mark Kelley said the team was ready.", "Anna Keller met Anne Kellner in Berlin.");

        assertThat(entities).extracting(Entity::name)
                .contains("Mark Kelly", "Mark Kelley", "Anna Keller", "Anne Kellner");
    }

    @Test
    void linksATransliteratedFirstNameWithTheSameSurname() {
        List<Entity> entities = link("Russian Foreign Minister Sergei Lavrov spoke on Thursday.",
                "Antony Blinken met his Russian counterpart Sergey Lavrov in Stockholm. Lavrov said little.");

        assertThat(entities).filteredOn(e -> e.name().endsWith("Lavrov")).singleElement().satisfies(e -> {
            assertThat(e.aliases()).contains("Lavrov");
            assertThat(e.articles()).containsExactly("a0", "a1");
            assertThat(e.mentions()).isEqualTo(3);
        });
    }

    @Test
    void linksListedNamesOfOneOrganisationOrPlace() {
        List<Entity> entities = link("NATO allies met in Brussels. The North Atlantic Alliance said Kiev was safe.",
                "The North Atlantic Treaty Organization will not expand, the U.S. said. Kyiv and the United "
                        + "States disagreed, and the US said so.");

        assertThat(named(entities, "NATO").aliases())
                .contains("North Atlantic Alliance", "North Atlantic Treaty Organization");
        assertThat(named(entities, "Kyiv").aliases()).containsExactly("Kiev");
        assertThat(named(entities, "United States").aliases()).contains("U.S.", "US");
    }

    @Test
    void linksAnAcronymToTheNameWhoseInitialsItSpells() {
        List<Entity> entities = link("The World Health Organization warned on Monday. The WHO said cases rose.");

        assertThat(named(entities, "World Health Organization").aliases()).contains("WHO");
    }

    @Test
    void givesAnEntityTheTypeMostOfItsMentionsHave() {
        String text = "Kremlin said no. Kremlin said yes. Kremlin said maybe.";
        AnnotatedText annotated = Annotators.shared().annotate(text, null);
        List<EntityMention> mentions = new ArrayList<>();
        EntityType[] types = {EntityType.LOCATION, EntityType.ORGANIZATION, EntityType.ORGANIZATION};
        int from = 0;
        for (int i = 0; i < 3; i++) {
            int start = text.indexOf("Kremlin", from);
            mentions.add(new EntityMention("Kremlin", types[i], new Span(start, start + 7), i));
            from = start + 1;
        }

        List<Entity> entities = linker.link(List.of(new EntityLinker.ArticleMentions("a", annotated, mentions)));

        assertThat(entities).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION);
            assertThat(e.mentions()).isEqualTo(3);
        });
    }
}
