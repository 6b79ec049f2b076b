package org.storylens.clean;

import org.junit.jupiter.api.Test;
import org.storylens.ingest.Limits;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysableTextTest {

    private static final String LEAD = "Flood waters rose overnight in the Ostrava valley, officials said on Monday.";

    @Test
    void textWithinEveryBoundIsReadAsItIs() {
        String text = LEAD + "\n\n" + "x".repeat(Limits.MAX_TOKEN_CHARS) + " is a long but allowed word.";

        AnalysableText analysable = AnalysableText.of(text);

        assertThat(analysable.text()).isSameAs(text);
        assertThat(analysable.warnings()).isEmpty();
    }

    @Test
    void aRunWithoutASpaceLongerThanAWordBecomesSpacesAndEveryOffsetStays() {
        String blob = "Q".repeat(59_000) + "\u00e9\u4e2d";
        String text = LEAD + " " + blob + "\n\nThe river fell again on Tuesday.";

        AnalysableText analysable = AnalysableText.of(text);

        assertThat(analysable.text()).hasSameSizeAs(text);
        int start = text.indexOf(blob);
        assertThat(analysable.text().substring(start, start + blob.length())).isBlank();
        assertThat(analysable.text().substring(0, start)).isEqualTo(text.substring(0, start));
        assertThat(analysable.text().substring(start + blob.length()))
                .isEqualTo("\n\nThe river fell again on Tuesday.");
        assertThat(analysable.warnings()).singleElement().asString()
                .contains("1 run(s) of more than 200 characters without a space (59,002 characters");
    }

    @Test
    void analysisReadsAPrefixEndingAtAParagraph() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * Limits.MAX_ANALYSED_CHARS; i++) {
            text.append("Paragraph ").append(i).append(": ").append(LEAD).append("\n\n");
        }
        String whole = text.toString().strip();

        AnalysableText analysable = AnalysableText.of(whole);

        assertThat(analysable.text().length()).isLessThanOrEqualTo(Limits.MAX_ANALYSED_CHARS)
                .isGreaterThan(Limits.MAX_ANALYSED_CHARS - LEAD.length() - 20);
        assertThat(whole).startsWith(analysable.text());
        assertThat(whole.substring(analysable.text().length())).startsWith("\n\nParagraph ");
        assertThat(analysable.warnings()).singleElement().asString()
                .contains(String.format("text of %,d characters is longer than analysis reads", whole.length()));
    }
}
