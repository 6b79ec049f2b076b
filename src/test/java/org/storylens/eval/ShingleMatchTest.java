package org.storylens.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShingleMatchTest {

    @Test
    void identicalTextsMatchWhateverTheirPunctuationAndLineBreaks() {
        ShingleMatch m = ShingleMatch.of("The mayor said, \"we will rebuild the bridge\" today.",
                "The mayor said\nwe will rebuild the bridge today");
        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.tp()).isEqualTo(1.0);
    }

    @Test
    void countsShinglesAsMultisetsAndNormalisesToOne() {
        // truth: a b c d e -> abcd, bcde; extracted: a b c d e a b c d -> abcd x2, bcde, cdea, deab, eabc
        ShingleMatch m = ShingleMatch.of("a b c d e", "a b c d e a b c d");
        assertThat(m.tp() + m.fp() + m.fn()).isCloseTo(1.0, within(1e-12));
        assertThat(m.tp()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(m.fp()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(m.fn()).isEqualTo(0.0);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.precision()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void tokensAreCaseSensitiveUnicodeWords() {
        assertThat(ShingleMatch.tokens("Café au-lait, n°5 _x_")).containsExactly("Café", "au", "lait", "n", "5", "_x_");
        assertThat(ShingleMatch.of("Paris is big", "paris is big").tp()).isEqualTo(0.0);
    }

    @Test
    void aShortTextIsOneShorterShingleAndAnEmptyTextNone() {
        assertThat(ShingleMatch.of("two words", "two words").precision()).isEqualTo(1.0);
        ShingleMatch empty = ShingleMatch.of("some true text here now", "");
        assertThat(empty.hasOutput()).isFalse();
        assertThat(empty.recall()).isEqualTo(0.0);
    }

    @Test
    void precisionAveragesOnlyPagesWithOutputAndRecallAllPages() {
        ExtractionEvaluation evaluation = new ExtractionEvaluation();
        List<ExtractionEvaluation.GoldPage> gold = List.of(
                new ExtractionEvaluation.GoldPage("a", "u", "one two three four five"),
                new ExtractionEvaluation.GoldPage("b", "u", "six seven eight nine ten"));
        ExtractionEvaluation.Report report = evaluation.score(gold, Map.of("a", "one two three four five"));
        assertThat(report.precision()).isEqualTo(1.0);
        assertThat(report.recall()).isEqualTo(0.5);
        assertThat(report.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
        assertThat(report.empty()).extracting(ExtractionEvaluation.PageScore::id).containsExactly("b");
        assertThat(report.worst(1)).extracting(ExtractionEvaluation.PageScore::id).containsExactly("b");
    }
}
