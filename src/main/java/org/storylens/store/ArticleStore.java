package org.storylens.store;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of the store stage: keeps cleaned articles, each text once, and their analyses per tier.
 * Implementations are thread-safe and
 * never lose what was stored before when an add fails.
 */
public interface ArticleStore extends AutoCloseable {

    /** What happened to one article handed to {@link #add}. */
    record Added(Article article, boolean isNew, String duplicateOf) {
    }

    /**
     * Stores the articles in one transaction: all or nothing. An article whose normalised text is already stored is
     * not stored again ({@code isNew == false}, {@code duplicateOf} names the stored id); an article whose id is taken
     * by a different text is stored under the id with a suffix.
     */
    List<Added> addAll(List<Article> articles) throws StoreException;

    /** All stored articles, oldest publication date first, undated last. */
    List<Article> list() throws StoreException;

    Optional<Article> find(String id) throws StoreException;

    int count() throws StoreException;

    /**
     * Keeps the analyses of stored articles at a tier, in one transaction, replacing what that tier kept for the same
     * articles before. An analysis of an article that is not stored is refused, and then nothing of the call is kept.
     */
    void putAnalyses(AnalysisTier tier, List<AnalysedArticle> analysed) throws StoreException;

    /**
     * The kept analyses at a tier of the given stored articles, by article id; an article never analysed at that
     * tier has no entry.
     */
    Map<String, AnalysedArticle> analyses(AnalysisTier tier, List<Article> articles) throws StoreException;

    @Override
    void close() throws StoreException;
}
