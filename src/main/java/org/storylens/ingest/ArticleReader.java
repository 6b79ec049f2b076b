package org.storylens.ingest;

import java.util.List;

/**
 * The entry point of the ingest stage: turns one input into the articles it holds.
 * Implementations are thread-safe and hold no per-input state.
 */
public interface ArticleReader {

    /**
     * Reads every article in the input.
     *
     * @return the articles found (a file reader returns one; a feed, WARC or JSON Lines reader any number)
     * @throws IngestException naming the input, when nothing usable can be read from it
     */
    ReadResult read(Input input) throws IngestException;
}
