package org.storylens.clean;

import org.storylens.ingest.RawArticle;

/**
 * The entry point of the clean stage: removes debris from a raw article and establishes its metadata.
 * Implementations are thread-safe.
 */
public interface ArticleCleaner {

    /**
     * @throws CleaningException naming the article, when nothing of it is left after cleaning
     */
    Article clean(RawArticle raw) throws CleaningException;
}
