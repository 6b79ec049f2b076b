package org.storylens.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NerScoringTest {

    @Test
    void countsAPredictionCorrectOnlyWhenSpanAndTypeBothMatch() {
        List<Chunks.Chunk> gold = Chunks.of(List.of("B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"));
        List<Chunks.Chunk> predicted = Chunks.of(List.of("PER", "O", "O", "LOC", "O", "LOC"));
        Map<String, NerScore> byType = new TreeMap<>();

        NerEvaluation.score(gold, predicted, byType);

        assertThat(byType.get("PER")).isEqualTo(new NerScore(1, 1, 0));
        assertThat(byType.get("LOC")).isEqualTo(new NerScore(1, 2, 1));
        assertThat(byType.get("ORG")).isEqualTo(new NerScore(1, 0, 0));
        NerScore overall = byType.values().stream().reduce(NerScore.ZERO, NerScore::plus);
        assertThat(overall.precision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(overall.recall()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void splitsDocumentsAtDocstartAndSentencesAtBlankLines() {
        List<ConllDocument> docs = ConllReader.parse(List.of("-DOCSTART- O", "", "Peter B-PER", "runs O", "",
                "Rome B-LOC", "", "-DOCSTART- O", "", "Oslo B-LOC"), "inline");

        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).sentences()).hasSize(2);
        assertThat(docs.get(1).tokens()).extracting(ConllDocument.Tagged::tag).containsExactly("B-LOC");
    }
}
