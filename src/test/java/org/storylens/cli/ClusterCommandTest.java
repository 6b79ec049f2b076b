package org.storylens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterCommandTest {

    @TempDir
    Path dir;

    @Test
    void clusteringEvalWithoutItsDataIsOneClearErrorNamingThePath() {
        Path missing = dir.resolve("no-such.jsonl");
        CliRun run = CliRun.of("eval", "clustering", missing.toString(), "--format", "json");
        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.err()).contains(missing.toString()).contains("no such file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void clusterWithoutInputsIsAUsageError() {
        CliRun run = CliRun.of("cluster");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("PATH");
    }
}
