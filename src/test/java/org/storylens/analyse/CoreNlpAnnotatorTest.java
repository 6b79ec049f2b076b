package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

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
}
