package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EntityFinderTest {

    private final EntityFinder finder = new EntityFinder();

    private List<EntityMention> find(String text) {
        List<EntityMention> mentions = finder.find(Annotators.shared().annotate(text, null));
        assertThat(mentions).allSatisfy(m ->
                assertThat(text.substring(m.span().start(), m.span().end())).isEqualTo(m.text()));
        return mentions;
    }

    @Test
    void dropsPronounsCoreNlpListsAsPersons() {
        List<EntityMention> mentions = find("Jen Psaki said she would call him on Friday. His aides agreed, "
                + "and he told reporters that they were ready.");

        assertThat(mentions).extracting(EntityMention::text).contains("Jen Psaki")
                .doesNotContain("she", "him", "His", "he", "they");
    }

    @Test
    void cutsTheDepartmentOfATitleOffTheNameThatFollowsIt() {
        List<EntityMention> mentions = find("And on Saturday, US Secretary of Defense Lloyd Austin spoke in "
                + "California. On Thursday, US Secretary of State Antony Blinken met Sergei Lavrov in Stockholm.");

        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Lloyd Austin");
            assertThat(m.type()).isEqualTo(EntityType.PERSON);
        });
        assertThat(mentions).extracting(EntityMention::text).contains("Antony Blinken")
                .doesNotContain("State", "Defense", "Defense Lloyd Austin");
    }

    @Test
    void keepsTitleWordsOutOfTheOrganisationBeforeThem() {
        List<EntityMention> mentions = find("The White House Press Secretary Psaki also confirmed the news.");

        assertThat(mentions).extracting(EntityMention::text).contains("White House")
                .doesNotContain("White House Press");
    }

    @Test
    void splitsTwoHyphenatedNamesWhenTheArticleNamesEachAlone() {
        String text = "The Biden-Putin talks are set for Tuesday. Biden said he expected a long discussion with Putin.";
        List<EntityMention> mentions = find(text);

        assertThat(mentions).filteredOn(m -> m.span().start() < text.indexOf('.'))
                .extracting(EntityMention::text, EntityMention::type)
                .contains(tuple("Biden", EntityType.PERSON),
                        tuple("Putin", EntityType.PERSON));
        assertThat(mentions).extracting(EntityMention::text).doesNotContain("Biden-Putin");
    }

    @Test
    void keepsAHyphenatedNameWhoseHalvesStandNowhereAlone() {
        assertThat(find("Jean-Claude Juncker met Angela Merkel in Brussels.")).extracting(EntityMention::text)
                .contains("Jean-Claude Juncker");
    }

    @Test
    void stripsTitlesTheTaggerRanIntoAPersonKeepingOffsetsExact() {
        String text = "Then the Kremlin spokesman Dmitry Peskov and Mr. Putin spoke";
        List<EntityMention> mentions = new EntityFinder().find(new HandTagged(text)
                .mention(2, 6, "PERSON").mention(7, 9, "PERSON").annotated());

        assertThat(mentions).extracting(EntityMention::text).containsExactly("Dmitry Peskov", "Putin");
        assertThat(mentions.get(1).span().start()).isEqualTo(text.indexOf("Putin"));
    }

    @Test
    void dropsTheDepartmentOfATitleAndKeepsThePersonAfterIt() {
        String text = "US Secretary of State Anthony Blink met Secretary of Defense Lloyd Austin";
        List<EntityMention> mentions = new EntityFinder().find(new HandTagged(text)
                .mention(3, 4, "ORGANIZATION").mention(4, 6, "PERSON").mention(9, 12, "ORGANIZATION").annotated());

        assertThat(mentions).extracting(EntityMention::text, EntityMention::type).containsExactly(
                tuple("Anthony Blink", EntityType.PERSON), tuple("Lloyd Austin", EntityType.PERSON));
        assertThat(mentions.get(1).span().start()).isEqualTo(text.indexOf("Lloyd"));
    }
}
