package org.storylens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void missingGoldDataIsOneClearErrorNamingThePath() {
        Path missing = dir.resolve("no-such.tml-folder");
        CliRun run = CliRun.of("eval", "time", missing.toString());
        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.err()).contains(missing.toString()).contains("no such folder");

        CliRun ner = CliRun.of("eval", "ner", dir.toString());
        assertThat(ner.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(ner.err()).contains(dir.toString()).contains("no such file");
    }
}
