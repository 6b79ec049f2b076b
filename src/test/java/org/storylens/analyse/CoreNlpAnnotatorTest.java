package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CoreNlpAnnotatorTest {

    @Test
    void splitsSentencesAndFindsEntitiesAndTimesWithOffsetsIntoTheText() {
        String text = "Finance Minister Ines Moreau arrived in Lisbon on Monday.\n\nThe European Central Bank said "
                + "inflation would ease in 2026.";
        AnnotatedText annotated = Annotators.shared().annotate(text, LocalDate.of(2025, 3, 12));

        assertThat(annotated.sentences()).hasSize(2);
        assertThat(annotated.sentences()).allSatisfy(s ->
                assertThat(text.substring(s.span().start(), s.span().end())).isEqualTo(s.text()));
        assertThat(annotated.mentions()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Ines Moreau");
            assertThat(m.tag()).isEqualTo("PERSON");
        });
        assertThat(annotated.mentions()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Lisbon");
            assertThat(m.tag()).isEqualTo("LOCATION");
        });
        assertThat(annotated.mentions()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("2026");
            assertThat(m.timexValue()).isEqualTo("2026");
        });
        assertThat(annotated.tokens().get(1)).extracting(Token::word).contains("European", "Central", "Bank");
        assertThat(annotated.mentions()).allSatisfy(m ->
                assertThat(text.substring(m.span().start(), m.span().end())).isEqualTo(m.text()));
    }

    @Test
    void ingestTierTagsTimesInCuedWindowsAsOneExpressionEach() {
        String text = "The blast came at 10:35 a.m. on Friday, three days before the vote, and 41 people were hurt. "
                + "Rescuers worked through the night.";
        AnnotatedText annotated = Annotators.shared().annotate(text, LocalDate.of(2021, 12, 5));
        List<AnnotatedText.Mention> times = annotated.mentions().stream()
                .filter(m -> Set.of("DATE", "TIME", "DURATION", "SET").contains(m.tag())).toList();
        assertThat(times).extracting(AnnotatedText.Mention::text)
                .containsExactly("10:35 a.m. on Friday", "three days", "night");
        assertThat(times.get(0).timexValue()).isEqualTo("2021-12-03T10:35");
        assertThat(times.get(1).timexValue()).isEqualTo("P3D");
        // the figure outside every time window is still a number, with its value
        assertThat(annotated.mentions()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("41");
            assertThat(m.tag()).isEqualTo("NUMBER");
        });
        // tokens carry the time tag of the expression they belong to, and nothing else is tagged as a time
        assertThat(annotated.tokens().get(0)).filteredOn(t -> t.ner().equals("TIME"))
                .extracting(Token::word).containsExactly("10:35", "a.m.", "on", "Friday");
        assertThat(annotated.mentions()).allSatisfy(m ->
                assertThat(text.substring(m.span().start(), m.span().end())).isEqualTo(m.text()));
    }
}
