package org.storylens.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The five shared seed reports (../shared/samples/biden-putin-call-2021), read and cleaned once per test JVM. They are
 * test data beside the project, never copied into it; without them the calling test class is skipped.
 */
public final class SeedArticles {

    private static BatchResult cleaned;

    private SeedArticles() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("storylens.shared", "../shared"), "samples", "biden-putin-call-2021");
    }

    /** The seeds through the standard read and clean pipeline. */
    public static synchronized BatchResult cleaned() {
        Path seeds = folder();
        assumeTrue(Files.isDirectory(seeds), "the shared seed articles are not beside the project: " + seeds);
        if (cleaned == null) {
            cleaned = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES)
                    .readAndClean(List.of(seeds.toString()), 2, ArticlePipeline.Progress.NONE);
        }
        return cleaned;
    }
}
