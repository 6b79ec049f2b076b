package org.storylens.pipeline;

import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.ArticleAnalyser;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Span;
import org.storylens.clean.Article;
import org.storylens.ingest.SourceFormat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisPipelineTest {

    /**
     * Analyses an article as one sentence, except the hostile ones: "stuck" never finishes until interrupted, "deep"
     * recurses until the stack overflows, "huge" asks for more memory than any heap has.
     */
    private static final class HostileInputAnalyser implements ArticleAnalyser {
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public AnalysedArticle analyse(Article article) {
            switch (article.id()) {
                case "stuck" -> {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                case "deep" -> depth(0);
                case "huge" -> {
                    long[] tooLarge = new long[Integer.MAX_VALUE - 2];
                    tooLarge[0] = 1;
                }
                default -> {
                }
            }
            Sentence whole = new Sentence(0, new Span(0, article.text().length()), article.text());
            return new AnalysedArticle(article, List.of(whole), List.of(), List.of(), List.of(), List.of(),
                    new AnnotatedText(article.text(), List.of(whole), List.of(List.of()), List.of()));
        }

        private static int depth(int n) {
            return depth(n + 1) + 1;
        }
    }

    private static Article article(String id) {
        return new Article(id, null, null, null, null, "en", "Text of " + id + ".", List.of(), List.of(), null,
                id + ".txt", SourceFormat.TEXT, "hash-" + id, List.of());
    }

    @Test
    void anArticleOverItsBudgetIsLeftUnanalysedAndTheBatchGoesOn() throws Exception {
        HostileInputAnalyser analyser = new HostileInputAnalyser();
        // one thread: without the watchdog, the stuck article would hold up every article after it for ever
        AnalysisPipeline pipeline = new AnalysisPipeline(analyser, 1, Duration.ofMillis(200));

        AnalysisPipeline.Result result = pipeline.analyseEach(List.of(article("a"), article("stuck"), article("b")));

        assertThat(result.analysed()).extracting(a -> a.article().id()).containsExactly("a", "b");
        assertThat(result.failed()).extracting(Article::id).containsExactly("stuck");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo("stuck.txt");
            assertThat(f.reason()).contains("longer than its budget of 200 ms").contains("stored unanalysed");
        });
        assertThat(analyser.interrupted.await(30, TimeUnit.SECONDS)).as("the stuck analysis was interrupted").isTrue();
    }

    @Test
    void aStackOverflowOrOutOfMemoryFailsItsArticleAlone() {
        AnalysisPipeline pipeline = new AnalysisPipeline(new HostileInputAnalyser(), 2);

        AnalysisPipeline.Result result = pipeline.analyseEach(
                List.of(article("deep"), article("a"), article("huge"), article("b")));

        assertThat(result.analysed()).extracting(a -> a.article().id()).containsExactly("a", "b");
        assertThat(result.failures()).extracting(Failure::input).containsExactly("deep.txt", "huge.txt");
        assertThat(result.failures().get(0).reason()).contains("stack overflow");
        assertThat(result.failures().get(1).reason()).contains("out of memory");
    }

    @Test
    void analyseNamesTheArticleThatFailed() {
        AnalysisPipeline pipeline = new AnalysisPipeline(new HostileInputAnalyser(), 2);

        assertThatThrownBy(() -> pipeline.analyse(List.of(article("a"), article("deep"))))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("deep.txt: analysis failed");
    }
}
