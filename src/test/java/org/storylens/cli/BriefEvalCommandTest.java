package org.storylens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code storylens eval brief DIR} on bad audit folders: clear errors naming the input, before any analysis. */
class BriefEvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsOneErrorNamingIt() {
        Path missing = dir.resolve("no-such-audit");
        CliRun run = CliRun.of("eval", "brief", missing.toString());
        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.err()).contains(missing.toString()).contains("no such folder");
    }

    @Test
    void goldWhoseArticlesCannotBeFoundOrDoNotHoldIsNamedWithTheReason() throws IOException {
        Files.writeString(dir.resolve("orphan.gold.json"), "{\"story\": \"orphan\", \"articles\": [\"x\"]}");
        Files.writeString(dir.resolve("wrong.gold.json"), "{\"story\": \"wrong\", \"articles\": [\"w1\"], "
                + "\"aliases\": {\"Ann Lee\": []}, \"quotes\": [{\"article\": \"w1\", \"fragment\": \"never said this\", "
                + "\"speaker\": \"Ann Lee\", \"direct\": true}]}");
        Files.writeString(dir.resolve("wrong.jsonl"), "{\"id\": \"w1\", \"title\": \"T\", \"text\": \"Ann Lee said "
                + "nothing at all.\"}\n");
        Files.writeString(dir.resolve("broken.gold.json"), "{\"story\": ");

        CliRun run = CliRun.of("eval", "brief", dir.toString(), "--shared", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.err()).contains("orphan.gold.json").contains("no orphan.jsonl beside it and no articlesFrom");
        assertThat(run.err()).contains("wrong.gold.json").contains("'never said this' is not in article w1");
        assertThat(run.err()).contains("broken.gold.json");
        assertThat(run.err()).contains("no usable STORY.gold.json");
        assertThat(run.out()).doesNotContain("overall");
    }
}
