package org.storylens.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusteringEvaluationTest {

    @TempDir
    Path dir;

    private final ClusteringEvaluation evaluation = new ClusteringEvaluation();

    @Test
    void readsStoryLabelsAndScoresStoriesAndTopicsApart() throws IOException {
        Path file = dir.resolve("labelled.jsonl");
        Files.write(file, List.of(
                "{\"id\": \"a1\", \"title\": \"Quake\", \"text\": \"...\", \"story\": \"20-ecb\"}",
                "{\"id\": \"a2\", \"title\": \"Quake\", \"text\": \"...\", \"story\": \"20-ecb\"}",
                "{\"id\": \"b1\", \"title\": \"Quake\", \"text\": \"...\", \"story\": \"20-plus\"}",
                "",
                "{\"id\": \"c1\", \"title\": \"Heist\", \"text\": \"...\", \"story\": \"24-ecb\"}"));
        Map<String, String> labels = evaluation.labels(file);
        assertThat(labels).containsExactly(Map.entry("a1", "20-ecb"), Map.entry("a2", "20-ecb"),
                Map.entry("b1", "20-plus"), Map.entry("c1", "24-ecb"));

        // the two quakes told apart, the heist article never read
        ClusteringEvaluation.Report report = evaluation.score(labels, Map.of("a1", "s1", "a2", "s1", "b1", "s2"));
        assertThat(report.unassigned()).isEqualTo(1);
        assertThat(report.story().bcubed().f1()).isEqualTo(1.0);
        assertThat(report.story().stories()).isEqualTo(3);
        assertThat(report.topic().trueStories()).isEqualTo(2);
        assertThat(report.topic().bcubed().precision()).isEqualTo(1.0);
        assertThat(report.topic().bcubed().recall()).isLessThan(1.0);
    }

    @Test
    void aRecordWithoutItsLabelIsAnErrorNamingFileAndLine() throws IOException {
        Path file = dir.resolve("unlabelled.jsonl");
        Files.write(file, List.of("{\"id\": \"a1\", \"story\": \"1-ecb\"}", "{\"id\": \"a2\", \"text\": \"x\"}"));
        assertThatThrownBy(() -> evaluation.labels(file)).hasMessageContaining(file + ":2")
                .hasMessageContaining("'story'");
    }
}
