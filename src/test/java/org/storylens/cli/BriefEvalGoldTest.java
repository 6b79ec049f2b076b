package org.storylens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code storylens eval brief} on the project's gold (src/test/resources/brief-gold: the demo's dam story, the seeds
 * and five ECB+ stories, read from ../shared): the brief keeps the faithfulness issue 13 asks for. A rule that brings
 * back a false dispute, a wrong speaker, unit or date, or loses a conflict it finds now, fails here.
 */
class BriefEvalGoldTest {

    @Test
    void theGoldStoriesKeepTheirSpeakersFiguresDatesAndConflicts() throws IOException {
        String shared = System.getProperty("storylens.shared", "../shared");
        CliRun run = CliRun.of("eval", "brief", "src/test/resources/brief-gold", "--shared", shared, "--format",
                "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode overall = new ObjectMapper().readTree(run.out()).path("overall");
        JsonNode scores = overall.path("scores");
        JsonNode counts = overall.path("counts");
        assertThat(scores.path("quoteSpeakerPrecision").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(scores.path("quoteRecall").asDouble()).isGreaterThanOrEqualTo(0.7);
        assertThat(scores.path("figureAttributionPrecision").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(scores.path("figureUnitPrecision").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(scores.path("timelineDatePrecision").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(counts.path("falseDisputes").asInt()).as(run.out()).isZero();
        assertThat(counts.path("goldConflicts").asInt()).isEqualTo(19);
        assertThat(counts.path("missedConflicts").asInt()).as(run.out()).isZero();
    }
}
