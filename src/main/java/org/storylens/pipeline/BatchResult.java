package org.storylens.pipeline;

import org.storylens.clean.Article;

import java.util.List;
import java.util.Map;

/**
 * What reading and cleaning a batch of inputs gave.
 *
 * @param inputs       how many inputs (files, URLs, ...) were read
 * @param articles     the cleaned articles, in input order
 * @param failures     inputs and records that gave no article, in input order
 * @param warnings     non-fatal problems, each prefixed with its input
 * @param stageMillis  time spent per stage (summed over threads)
 */
public record BatchResult(int inputs, List<Article> articles, List<Failure> failures, List<String> warnings,
                          Map<String, Long> stageMillis) {

    public BatchResult {
        articles = List.copyOf(articles);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        stageMillis = Map.copyOf(stageMillis);
    }

    /** The same result with failures met before reading (names that are no file or URL) in front. */
    public BatchResult withEarlierFailures(List<Failure> earlier) {
        List<Failure> all = new java.util.ArrayList<>(earlier);
        all.addAll(failures);
        return new BatchResult(inputs, articles, all, warnings, stageMillis);
    }

    /** The same result with a warning met before reading in front of the others. */
    public BatchResult withEarlierWarning(String warning) {
        List<String> all = new java.util.ArrayList<>();
        all.add(warning);
        all.addAll(warnings);
        return new BatchResult(inputs, articles, failures, all, stageMillis);
    }
}
