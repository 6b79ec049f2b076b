package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.SeedArticles;

import java.util.List;

/** The five seed reports analysed at the ingest tier and their brief, computed once for the brief tests. */
final class SeedBriefs {

    private static List<AnalysedArticle> analysed;
    private static StoryBrief brief;

    private SeedBriefs() {
    }

    static synchronized List<AnalysedArticle> analysed() {
        if (analysed == null) {
            analysed = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).analysis(Annotators.shared(), 2)
                    .analyse(SeedArticles.cleaned().articles());
        }
        return analysed;
    }

    static synchronized StoryBrief brief() {
        if (brief == null) {
            try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
                brief = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).briefWriter(embedder).write(analysed());
            }
        }
        return brief;
    }
}
