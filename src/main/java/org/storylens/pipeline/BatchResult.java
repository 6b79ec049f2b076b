package org.storylens.pipeline;

import org.storylens.clean.Article;

import java.util.List;
import java.util.Map;

/**
 * What reading and cleaning a batch of inputs gave.
 *
 * @param articles     the cleaned articles, in input order
 * @param failures     inputs and records that gave no article, in input order
 * @param warnings     non-fatal problems, each prefixed with its input
 * @param stageMillis  time spent per stage (summed over threads)
 */
public record BatchResult(List<Article> articles, List<Failure> failures, List<String> warnings,
                          Map<String, Long> stageMillis) {

    public BatchResult {
        articles = List.copyOf(articles);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        stageMillis = Map.copyOf(stageMillis);
    }
}
