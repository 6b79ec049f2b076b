package org.storylens.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Span;
import org.storylens.brief.BriefWriter;
import org.storylens.brief.StoryBrief;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.cluster.StoryAssignment;
import org.storylens.ingest.SourceFormat;
import org.storylens.pipeline.StoredAnalyses;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoreException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A brief the background writer cannot write: its reader is told why, once, and the next reading tries again. */
class StoryLibraryFailedBriefTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 11);

    @TempDir
    Path dir;

    /** A brief writer that fails as one would on a story it cannot brief. */
    private static final class FailingWriter implements BriefWriter {
        @Override
        public StoryBrief write(List<AnalysedArticle> story) {
            throw new IllegalStateException("no sentence of the story can be summarised");
        }

        @Override
        public StoryBrief write(List<AnalysedArticle> articles, Story clustered) {
            return write(articles);
        }
    }

    private static Article article() {
        String text = "The spillway of the Lower Sola dam near Meravik collapsed on Tuesday.";
        return new Article("herald-0311", "Spillway of Sola dam collapses", "Brannsk Herald", null,
                new PublicationDate(2025, 3, 11, null, PublicationDate.Source.METADATA, "2025-03-11", false), "en",
                text, List.of(), List.of(), null, "herald.txt", SourceFormat.TEXT, "hash-herald", List.of());
    }

    @Test
    void theReaderAfterAFailedBriefIsToldWhyAndTheNextReadingTriesAgain() throws Exception {
        Article a = article();
        try (ArticleStore store = SqliteArticleStore.open(dir.resolve("f.db"))) {
            store.addAll(List.of(a));
            Sentence whole = new Sentence(0, new Span(0, a.text().length()), a.text());
            // the brief-tier analysis is kept: no analysis pipeline is needed
            store.putAnalyses(AnalysisTier.BRIEF, List.of(new AnalysedArticle(a, List.of(whole), List.of(), List.of(),
                    List.of(), List.of(), new AnnotatedText(a.text(), List.of(whole), List.of(List.of()), List.of()))));
            Story dam = new Story("s-dam", List.of(new StoryArticle(a.id(), a.outlet(), null, DAY, null)), 1, DAY, DAY);
            store.saveStories(new ClusterSnapshot(1, DAY, Map.of(), List.of(new ClusterSnapshot.StoryState(dam, true,
                    DAY, Map.of(), new float[0], List.of(), List.of())), Map.of()),
                    List.of(new StoryAssignment(a.id(), "s-dam", true, 0, null)));
            StoredAnalyses analyses = new StoredAnalyses(store, AnalysisTier.BRIEF, () -> {
                throw new AssertionError("nothing is left to analyse");
            });
            try (StoryLibrary library = new StoryLibrary(store, analyses, new FailingWriter(), 4, Duration.ZERO)) {
                assertThat(library.read("s-dam")).containsInstanceOf(StoryLibrary.BeingWritten.class);
                StoreException told = null;
                for (int i = 0; i < 200 && told == null; i++) {
                    try {
                        library.read("s-dam");
                        Thread.sleep(50);
                    } catch (StoreException e) {
                        told = e;
                    }
                }
                assertThat(told).isNotNull();
                assertThat(told.getMessage()).contains("s-dam").contains("no sentence of the story can be summarised");
                assertThat(library.read("s-dam")).as("tried again").containsInstanceOf(StoryLibrary.BeingWritten.class);
                assertThat(store.brief("s-dam")).isEmpty();
                assertThat(library.read("s-none")).isEmpty();
            }
        }
    }
}
