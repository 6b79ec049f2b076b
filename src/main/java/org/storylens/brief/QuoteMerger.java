package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Embedder;
import org.storylens.analyse.Quote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Merges the quotes of a story's articles by meaning: two quotes are one statement when their embeddings are close
 * and their speakers do not disagree (the same canonical speaker, or one of them unknown). The first report's wording
 * is kept. Thread-safe.
 */
public final class QuoteMerger {

    /** Above this cosine similarity two quotes say the same thing (translations of one statement score 0.8-0.95). */
    static final double SAME_STATEMENT = 0.75;

    private final Embedder embedder;

    public QuoteMerger(Embedder embedder) {
        this.embedder = embedder;
    }

    private static final class Group {
        String speaker;
        final String text;
        final float[] vector;
        boolean direct;
        final List<String> sources = new ArrayList<>();

        Group(String speaker, String text, float[] vector, boolean direct) {
            this.speaker = speaker;
            this.text = text;
            this.vector = vector;
            this.direct = direct;
        }
    }

    /**
     * @param story         the story's articles, oldest first
     * @param canonicalName maps a speaker as written to the story's canonical name for that entity
     */
    public List<QuoteEntry> merge(List<AnalysedArticle> story, UnaryOperator<String> canonicalName) {
        List<Quote> quotes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (AnalysedArticle a : story) {
            for (Quote q : a.quotes()) {
                // the analysis may have embedded it already; the rest are embedded below in one call
                float[] kept = a.vectors().get(AnalysedArticle.vectorKey(q.text()));
                if (kept == null) {
                    missing.add(quotes.size());
                }
                quotes.add(q);
                ids.add(a.article().id());
                vectors.add(kept);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> embedded = embedder.embed(missing.stream().map(i -> quotes.get(i).text()).toList());
            for (int k = 0; k < missing.size(); k++) {
                vectors.set(missing.get(k), embedded.get(k));
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < quotes.size(); i++) {
            Quote q = quotes.get(i);
            String speaker = q.speaker() == null ? null : canonicalName.apply(q.speaker());
            Group match = null;
            double best = SAME_STATEMENT;
            for (Group g : groups) {
                boolean speakersAgree = speaker == null || g.speaker == null || speaker.equals(g.speaker);
                double similarity = Embedder.similarity(vectors.get(i), g.vector);
                if (speakersAgree && similarity >= best) {
                    best = similarity;
                    match = g;
                }
            }
            if (match == null) {
                match = new Group(speaker, q.text(), vectors.get(i), q.direct());
                groups.add(match);
            }
            match.direct |= q.direct();
            if (match.speaker == null) {
                match.speaker = speaker;
            }
            if (!match.sources.contains(ids.get(i))) {
                match.sources.add(ids.get(i));
            }
        }
        return groups.stream().map(g -> new QuoteEntry(g.speaker, g.text, g.direct, g.sources)).toList();
    }
}
