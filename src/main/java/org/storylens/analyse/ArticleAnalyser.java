package org.storylens.analyse;

import org.storylens.clean.Article;

/**
 * The entry point of the analyse stage: finds sentences, entities, time expressions, quotes and numbers in a cleaned
 * article. Implementations are thread-safe and load their models once.
 */
public interface ArticleAnalyser {

    AnalysedArticle analyse(Article article);
}
