package org.storylens.analyse;

import org.storylens.clean.Article;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An analyser that also embeds every sentence and quote of the article (one embedder call per article), so that a
 * brief groups a story's sentences and quotes by meaning without embedding them again. Thread-safe when the analyser and the embedder
 * are.
 */
public final class SentenceEmbeddingAnalyser implements ArticleAnalyser {

    private final ArticleAnalyser analyser;
    private final Embedder embedder;

    public SentenceEmbeddingAnalyser(ArticleAnalyser analyser, Embedder embedder) {
        this.analyser = analyser;
        this.embedder = embedder;
    }

    @Override
    public AnalysedArticle analyse(Article article) {
        AnalysedArticle analysed = analyser.analyse(article);
        Set<String> texts = new LinkedHashSet<>();
        analysed.sentences().forEach(s -> texts.add(AnalysedArticle.vectorKey(s.text())));
        analysed.quotes().forEach(q -> texts.add(AnalysedArticle.vectorKey(q.text())));
        texts.remove("");
        if (texts.isEmpty()) {
            return analysed;
        }
        List<String> keys = List.copyOf(texts);
        List<float[]> vectors = embedder.embed(keys);
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byText.put(keys.get(i), vectors.get(i));
        }
        return analysed.withVectors(byText);
    }
}
