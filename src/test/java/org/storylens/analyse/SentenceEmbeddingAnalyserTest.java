package org.storylens.analyse;

import org.junit.jupiter.api.Test;
import org.storylens.clean.Article;
import org.storylens.pipeline.PipelineFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceEmbeddingAnalyserTest {

    /** A stand-in embedder: a vector from the text's length and first letter, and a record of each call. */
    static final class CountingEmbedder implements Embedder {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public List<float[]> embed(List<String> sentences) {
            calls.add(List.copyOf(sentences));
            return sentences.stream().map(s -> new float[]{s.length(), s.charAt(0), 1f}).toList();
        }
    }

    @Test
    void embedsEverySentenceAndQuoteOnceInOneCall() {
        Article article = new Article("strike", null, "Example Times", null, null, "en", "Dock workers in Ostrava Bay went on strike on Wednesday, "
                + "the port authority said.\n\"We will not go back for less,\" union leader Mara Voss told reporters. "
                + "Dock workers in Ostrava Bay went on strike on Wednesday, the port authority said.", List.of(), List.of(), null, null, null, "hash-strike", List.of());
        ArticleAnalyser plain = a -> new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES)
                .analysis(Annotators.shared(), 1).analyse(List.of(a)).get(0);
        CountingEmbedder embedder = new CountingEmbedder();

        AnalysedArticle analysed = new SentenceEmbeddingAnalyser(plain, embedder).analyse(article);

        assertThat(embedder.calls).hasSize(1);
        assertThat(analysed.quotes()).isNotEmpty();
        analysed.sentences().forEach(s -> assertThat(analysed.vectors()).containsKey(AnalysedArticle.vectorKey(s.text())));
        analysed.quotes().forEach(q -> assertThat(analysed.vectors()).containsKey(AnalysedArticle.vectorKey(q.text())));
        // the repeated sentence is embedded once
        assertThat(embedder.calls.get(0)).doesNotHaveDuplicates();
        assertThat(embedder.calls.get(0)).hasSizeLessThan(analysed.sentences().size() + analysed.quotes().size());
    }
}
