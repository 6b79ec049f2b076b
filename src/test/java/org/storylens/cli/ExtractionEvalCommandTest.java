package org.storylens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractionEvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void scoresGzippedPagesReadAsIngestReadsThemAndListsTheEmptyOnes() throws IOException {
        String body = "The harbour authority closed the northern pier on Monday after storm waves cracked its "
                + "concrete deck. Engineers will inspect the pilings this week, the authority said, and ferries "
                + "will use the southern pier until repairs are finished.";
        Files.writeString(dir.resolve("ground-truth.json"), "{\"p1\": {\"articleBody\": \"" + body
                + "\", \"url\": \"https://example.org/pier\"}, \"p2\": {\"articleBody\": \"Lost page text "
                + "that nobody extracted.\", \"url\": \"https://example.org/lost\"}}");
        Files.createDirectories(dir.resolve("html"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/p1.html.gz")))) {
            out.write(("<!DOCTYPE html><html><head><title>Northern pier closed after storm | Harbour News</title></head><body>"
                    + "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article><h1>Northern pier closed after storm</h1><p>"
                    + body + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8));
        }

        CliRun run = CliRun.of("eval", "extraction", dir.toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"pages\" : 2").contains("\"precision\" : 1.0").contains("\"recall\" : 0.5")
                .contains("\"emptyPages\" : [ \"p2\" ]");
    }

    @Test
    void aFolderWithoutGroundTruthIsAnErrorNamingIt() {
        CliRun run = CliRun.of("eval", "extraction", dir.toString());
        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.err()).contains(dir.resolve("ground-truth.json").toString());
    }
}
