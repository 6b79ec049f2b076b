package org.storylens.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.ArticleAnalyser;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Span;
import org.storylens.clean.Article;
import org.storylens.ingest.SourceFormat;
import org.storylens.store.SqliteArticleStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StoredAnalysesTest {

    @TempDir
    Path dir;

    /** Analyses an article as one sentence, and counts what it was asked to analyse. */
    private static final class CountingAnalyser implements ArticleAnalyser {
        final List<String> analysed = new ArrayList<>();

        @Override
        public synchronized AnalysedArticle analyse(Article article) {
            analysed.add(article.id());
            Sentence whole = new Sentence(0, new Span(0, article.text().length()), article.text());
            return new AnalysedArticle(article, List.of(whole), List.of(), List.of(), List.of(), List.of(),
                    new AnnotatedText(article.text(), List.of(whole), List.of(List.of()), List.of()));
        }
    }

    private static Article article(String id) {
        return new Article(id, null, null, null, null, "en", "Text of " + id + ".", List.of(), List.of(), null,
                id + ".txt", SourceFormat.TEXT, "hash-" + id, List.of());
    }

    @Test
    void analysesEachArticleOnceAndLoadsNothingWhenAllAreKept() throws Exception {
        CountingAnalyser analyser = new CountingAnalyser();
        AtomicInteger loads = new AtomicInteger();
        List<Article> first = List.of(article("a"), article("b"));
        List<Article> both = List.of(article("c"), article("a"));
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("s.db"))) {
            store.addAll(List.of(article("a"), article("b"), article("c")));
            StoredAnalyses analyses = new StoredAnalyses(store, AnalysisTier.BRIEF, () -> {
                loads.incrementAndGet();
                return new AnalysisPipeline(analyser, 2);
            });
            assertThat(analyses.of(first)).extracting(a -> a.article().id()).containsExactly("a", "b");
            assertThat(analyses.of(both)).extracting(a -> a.article().id()).containsExactly("c", "a");
            assertThat(analyser.analysed).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(loads).hasValue(1);

            StoredAnalyses later = new StoredAnalyses(store, AnalysisTier.BRIEF, () -> {
                loads.incrementAndGet();
                return new AnalysisPipeline(analyser, 2);
            });
            assertThat(later.of(both).get(0).sentences()).extracting(Sentence::text).containsExactly("Text of c.");
            assertThat(loads).hasValue(1);
            StoredAnalyses otherTier = new StoredAnalyses(store, AnalysisTier.INGEST,
                    () -> new AnalysisPipeline(analyser, 1));
            otherTier.of(List.of(article("b")));
            assertThat(analyser.analysed).containsExactlyInAnyOrder("a", "b", "c", "b");
        }
    }

    @Test
    void anArticleWhoseAnalysisFailedIsKeptUnanalysedAndNotAnalysedAgain() throws Exception {
        CountingAnalyser counting = new CountingAnalyser();
        ArticleAnalyser failingOnBad = article -> {
            if (article.id().equals("bad")) {
                counting.analysed.add("bad");
                throw new IllegalStateException("no sense in it");
            }
            return counting.analyse(article);
        };
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("s.db"))) {
            store.addAll(List.of(article("a"), article("bad"), article("b")));
            StoredAnalyses analyses = new StoredAnalyses(store, AnalysisTier.INGEST,
                    () -> new AnalysisPipeline(failingOnBad, 2));

            StoredAnalyses.Found found = analyses.find(List.of(article("a"), article("bad"), article("b")));

            assertThat(found.analyses()).extracting(a -> a.article().id()).containsExactly("a", "bad", "b");
            assertThat(found.analyses()).extracting(AnalysedArticle::hasNoSentences)
                    .containsExactly(false, true, false);
            assertThat(found.failures()).singleElement().satisfies(f -> {
                assertThat(f.input()).isEqualTo("bad.txt");
                assertThat(f.reason()).contains("no sense in it").contains("stored unanalysed, in no story");
            });

            StoredAnalyses.Found again = new StoredAnalyses(store, AnalysisTier.INGEST,
                    () -> new AnalysisPipeline(failingOnBad, 2)).find(List.of(article("bad")));
            assertThat(again.failures()).isEmpty();
            assertThat(again.analyses().get(0).hasNoSentences()).isTrue();
            assertThat(counting.analysed).containsExactlyInAnyOrder("a", "bad", "b");
        }
    }

    @Test
    void anAnalysisInterruptedByAStoppedCallerKeepsNothingAndIsTriedAgainLater() throws Exception {
        CountingAnalyser counting = new CountingAnalyser();
        // the caller is interrupted (a stream job cancelled) while the article is being analysed
        Thread caller = Thread.currentThread();
        ArticleAnalyser interrupting = article -> {
            caller.interrupt();
            throw new IllegalStateException("CoreNLP stopped: interrupted");
        };
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("s.db"))) {
            store.addAll(List.of(article("a")));
            StoredAnalyses stopped = new StoredAnalyses(store, AnalysisTier.INGEST,
                    () -> new AnalysisPipeline(interrupting, 1));
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> stopped.of(List.of(article("a"))))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("a.txt")
                        .hasMessageContaining("interrupted");
            } finally {
                Thread.interrupted();
            }
            assertThat(store.analyses(AnalysisTier.INGEST, List.of(article("a")))).isEmpty();
            StoredAnalyses later = new StoredAnalyses(store, AnalysisTier.INGEST,
                    () -> new AnalysisPipeline(counting, 1));
            assertThat(later.of(List.of(article("a"))).get(0).hasNoSentences()).isFalse();
            assertThat(counting.analysed).containsExactly("a");
        }
    }
}
