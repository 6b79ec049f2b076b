package org.storylens.brief;

import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.Embedder;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.analyse.SentenceEmbeddingAnalyser;
import org.storylens.clean.Article;
import org.storylens.pipeline.PipelineFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoryBriefWriterVectorsTest {

    private static Article article(String id, String outlet, String text) {
        return new Article(id, null, outlet, null, null, "en", text, List.of(), List.of(), null, null, null,
                "hash-" + id, List.of());
    }

    @Test
    void aBriefReadsTheEmbeddingsTheAnalysisKeptAndSaysTheSame() {
        List<Article> articles = List.of(
                article("a", "Harbour Post", "Dock workers in Ostrava Bay went on strike on Wednesday, the port "
                        + "authority said. \"We will not go back for less,\" union leader Mara Voss told reporters. "
                        + "Forty ships were left idle in the bay by the evening."),
                article("b", "Bay Courier", "Dock workers in Ostrava Bay walked out on Wednesday, according to the "
                        + "port authority. Union leader Mara Voss said: \"We will not go back for less.\" The port "
                        + "authority said forty ships were idle."));
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        List<AnalysedArticle> plain = factory.analysis(Annotators.shared(), 1).analyse(articles);
        Embedder refuses = texts -> {
            throw new AssertionError("the brief embedded " + texts + " again");
        };
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            SentenceEmbeddingAnalyser embedding = new SentenceEmbeddingAnalyser(a -> plain.stream()
                    .filter(p -> p.article().id().equals(a.id())).findFirst().orElseThrow(), embedder);
            List<AnalysedArticle> embedded = articles.stream().map(embedding::analyse).toList();

            StoryBrief fromKept = factory.briefWriter(refuses).write(embedded);
            StoryBrief computed = factory.briefWriter(embedder).write(plain);

            assertThat(fromKept.summary()).isNotEmpty().isEqualTo(computed.summary());
            assertThat(fromKept.claims()).isEqualTo(computed.claims());
            assertThat(fromKept.quotes()).isNotEmpty().isEqualTo(computed.quotes());
        }
    }
}
