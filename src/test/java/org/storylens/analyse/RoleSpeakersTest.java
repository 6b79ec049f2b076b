package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoleSpeakersTest {

    private static final String TEXT = "The talks went well, the spokesman for the port authority Mara Lind told "
            + "reporters. Harbour master Ole Berg was less sure. \"We need more tugs,\" the spokesman said.";

    private static EntityMention person(String name) {
        int at = TEXT.indexOf(name);
        return new EntityMention(name, EntityType.PERSON, new Span(at, at + name.length()), 0);
    }

    private static Quote quote(String words, String speaker) {
        int at = TEXT.indexOf(words);
        return new Quote(words, new Span(at, at + words.length()), 2, speaker, true);
    }

    @Test
    void namesARoleSpeakerAfterThePersonIntroducedWithThatRole() {
        List<Quote> resolved = new RoleSpeakers().resolve(TEXT, List.of(quote("We need more tugs,", "the spokesman")),
                List.of(person("Mara Lind"), person("Ole Berg")));

        assertThat(resolved).singleElement().satisfies(q -> assertThat(q.speaker()).isEqualTo("Mara Lind"));
    }

    @Test
    void leavesNamedSpeakersAndUnintroducedRolesAlone() {
        List<Quote> resolved = new RoleSpeakers().resolve(TEXT, List.of(quote("We need more tugs,", "Ole Berg"),
                quote("We need more tugs,", "the minister"), quote("We need more tugs,", "The Port Authority")),
                List.of(person("Mara Lind"), person("Ole Berg")));

        assertThat(resolved).extracting(Quote::speaker)
                .containsExactly("Ole Berg", "the minister", "The Port Authority");
    }
}
