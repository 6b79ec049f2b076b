package org.storylens.ingest;

import java.util.List;

/**
 * What a reader got out of one input: the articles, and the records inside it that failed (a bad line in a JSON
 * Lines file, a broken WARC record) without spoiling the rest.
 */
public record ReadResult(List<RawArticle> articles, List<IngestException> failures) {

    public ReadResult {
        articles = List.copyOf(articles);
        failures = List.copyOf(failures);
    }

    public static ReadResult of(RawArticle article) {
        return new ReadResult(List.of(article), List.of());
    }
}
