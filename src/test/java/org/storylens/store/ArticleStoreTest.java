package org.storylens.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.Annotators;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.clean.RemovedLine;
import org.storylens.ingest.SourceFormat;
import org.storylens.pipeline.PipelineFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleStoreTest {

    @TempDir
    Path dir;

    private static Article article(String id, String text, String hash) {
        return new Article(id, "Title " + id, "Example Times", null,
                new PublicationDate(2024, 3, 9, null, PublicationDate.Source.METADATA, "2024-03-09", false), "en",
                text, List.of(new RemovedLine("Share this article", "share-prompt")), List.of(), null,
                "/in/" + id + ".txt", SourceFormat.TEXT, hash, List.of());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesEachTextOnceAndReportsDuplicates(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "a.db");
        try (ArticleStore store = backend.open(db)) {
            List<ArticleStore.Added> first = store.addAll(List.of(article("a", "Text a.", "h1"), article("b", "Text b.", "h2")));
            assertThat(first).allMatch(ArticleStore.Added::isNew);
            List<ArticleStore.Added> again = store.addAll(List.of(article("a-copy", "Text a.", "h1")));
            assertThat(again.get(0).isNew()).isFalse();
            assertThat(again.get(0).duplicateOf()).isEqualTo("a");
            assertThat(store.count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void roundTripsEveryField(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "b.db");
        Article a = article("a", "Body text.", "h1");
        try (ArticleStore store = backend.open(db)) {
            store.addAll(List.of(a));
        }
        try (ArticleStore store = backend.open(db)) {
            assertThat(store.find("a")).contains(a);
            assertThat(store.find("missing")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void keepsAnalysesPerTierAndReadsThemBackEqual(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "analyses.db");
        Article a = article("a", "Dock workers in Ostrava Bay went on strike on Wednesday, the port authority said. "
                + "\"We will not go back for less,\" union leader Mara Voss told reporters, citing 40 idle ships.", "h1");
        AnalysedArticle analysed = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES)
                .analysis(Annotators.shared(), 1).analyse(List.of(a)).get(0);
        assertThat(analysed.quotes()).isNotEmpty();
        assertThat(analysed.times()).isNotEmpty();
        try (ArticleStore store = backend.open(db)) {
            store.addAll(List.of(a, article("b", "Another text.", "h2")));
            store.putAnalyses(AnalysisTier.INGEST, List.of(analysed));
        }
        try (ArticleStore store = backend.open(db)) {
            List<Article> stored = store.list();
            Map<String, AnalysedArticle> kept = store.analyses(AnalysisTier.INGEST, stored);
            assertThat(kept).containsOnlyKeys("a");
            assertThat(kept.get("a")).isEqualTo(analysed);
            assertThat(store.analyses(AnalysisTier.BRIEF, stored)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void keepsTheEmbeddingsOfAnAnalysisExactly(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "vectors.db");
        Article a = article("a", "Dock workers went on strike. The port is closed.", "h1");
        AnalysedArticle analysed = new AnalysedArticle(a, List.of(), List.of(), List.of(), List.of(), List.of(),
                new AnnotatedText(a.text(), List.of(), List.of(), List.of()),
                Map.of("Dock workers went on strike.", new float[]{0.6f, -0.8f, 1e-7f},
                        "The port is closed.", new float[]{Float.MIN_VALUE, 0.123456789f, -1f}));
        try (ArticleStore store = backend.open(db)) {
            store.addAll(List.of(a));
            store.putAnalyses(AnalysisTier.BRIEF, List.of(analysed));
        }
        try (ArticleStore store = backend.open(db)) {
            AnalysedArticle kept = store.analyses(AnalysisTier.BRIEF, store.list()).get("a");
            assertThat(kept.vectors()).containsOnlyKeys(analysed.vectors().keySet());
            analysed.vectors().forEach((text, v) -> assertThat(kept.vectors().get(text)).containsExactly(v));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusesTheAnalysisOfAnArticleItDoesNotHoldAndKeepsTheRest(Backend backend) throws Exception {
        Article a = article("a", "Text a.", "h1");
        Article stranger = article("stranger", "Text s.", "h2");
        AnalysedArticle kept = new AnalysedArticle(a, List.of(), List.of(), List.of(), List.of(), List.of(),
                new AnnotatedText("Text a.", List.of(), List.of(), List.of()));
        AnalysedArticle refused = new AnalysedArticle(stranger, List.of(), List.of(), List.of(), List.of(), List.of(),
                new AnnotatedText("Text s.", List.of(), List.of(), List.of()));
        String db = backend.newDatabase(dir, "r.db");
        try (ArticleStore store = backend.open(db)) {
            store.addAll(List.of(a));
            store.putAnalyses(AnalysisTier.BRIEF, List.of(kept));
            assertThatThrownBy(() -> store.putAnalyses(AnalysisTier.INGEST, List.of(kept, refused)))
                    .isInstanceOf(StoreException.class).hasMessageContaining(Stores.describe(db))
                    .hasMessageContaining("nothing of this batch was stored");
            assertThat(store.analyses(AnalysisTier.INGEST, List.of(a))).isEmpty();
            assertThat(store.analyses(AnalysisTier.BRIEF, List.of(a))).containsOnlyKeys("a");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void givesADifferentTextWithATakenIdASuffix(Backend backend) throws Exception {
        try (ArticleStore store = backend.open(backend.newDatabase(dir, "c.db"))) {
            store.addAll(List.of(article("index", "One.", "h1")));
            List<ArticleStore.Added> added = store.addAll(List.of(article("index", "Two.", "h2")));
            assertThat(added.get(0).article().id()).isEqualTo("index-2");
            assertThat(store.list()).extracting(Article::id).containsExactlyInAnyOrder("index", "index-2");
        }
    }

    @Test
    void usesWriteAheadLogging() throws Exception {
        Path db = dir.resolve("d.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            store.addAll(List.of(article("a", "One.", "h1")));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 ResultSet r = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
    }

    @Test
    void failedBatchStoresNothingAndKeepsWhatWasThere() throws Exception {
        Path db = dir.resolve("e.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            store.addAll(List.of(article("a", "One.", "h1")));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                // a trigger makes the second insert of the next batch fail half-way
                c.createStatement().execute("CREATE TRIGGER no_c BEFORE INSERT ON articles WHEN NEW.id = 'c' "
                        + "BEGIN SELECT RAISE(ABORT, 'refused'); END");
            }
            assertThatThrownBy(() -> store.addAll(List.of(article("b", "Two.", "h2"), article("c", "Three.", "h3"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(db.toString());
            assertThat(store.list()).extracting(Article::id).containsExactly("a");
        }
    }

    @Test
    void refusesAFileThatIsNotADatabaseNamingIt() throws Exception {
        Path bogus = dir.resolve("not-a.db");
        java.nio.file.Files.writeString(bogus, "this is plain text, not SQLite ".repeat(200));
        assertThatThrownBy(() -> SqliteArticleStore.open(bogus))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(bogus.toString());
        assertThat(java.nio.file.Files.readString(bogus)).startsWith("this is plain text");
    }
}
