package org.storylens.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.EntityMention;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.ingest.SourceFormat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The schema as one list of migrations, and databases written before it was one: {@code store/schema-4.sql} is a
 * database the store wrote at schema 4 before its split into small classes, kept as SQL text.
 */
class SchemaMigrationsTest {

    @TempDir
    Path dir;

    /** A database file holding what the fixture's SQL holds, written by SQLite alone. */
    private Path fromFixture(String name) throws Exception {
        Path db = dir.resolve(name);
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/store/schema-4.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate(sql); // every statement of the script
        }
        return db;
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static StoryQuery text(String words) {
        return new StoryQuery(words, null, null, null, null, 50, 0);
    }

    @Test
    void listsOneMigrationPerVersionInOrderUpToTheLatest() {
        List<SchemaMigrations.Migration> migrations =
                new SchemaMigrations(new SqlDialect.Sqlite(), new Fts5Index(new StoreJson()), null).migrations();
        assertThat(migrations).extracting(SchemaMigrations.Migration::version).containsExactly(1, 2, 3, 4, 5);
        assertThat(SqliteArticleStore.SCHEMA_VERSION).isEqualTo(SchemaMigrations.LATEST).isEqualTo(5);
    }

    @Test
    void aNewDatabaseRecordsEveryVersionAndHasTheLayoutTheCodeBeforeTheSplitWrote() throws Exception {
        Path fresh = dir.resolve("new.db");
        SqliteArticleStore.open(fresh).close();
        Path old = fromFixture("old.db");
        assertThat(rows(fresh, "SELECT version FROM schema_version ORDER BY rowid"))
                .containsExactly("1", "2", "3", "4", "5");
        // up to version 4; version 5 adds the briefs table (and its primary key's index)
        String layout = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name <> 'briefs' "
                + "ORDER BY type, name";
        assertThat(rows(fresh, layout)).isNotEmpty().containsExactlyElementsOf(rows(old, layout));
        assertThat(rows(fresh, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'briefs'"))
                .containsExactly("briefs");
    }

    @Test
    void opensADatabaseTheCodeBeforeTheSplitWroteAndReadsEverythingInIt() throws Exception {
        Path db = fromFixture("old.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.list()).extracting(Article::id).containsExactly("q1", "q2", "f1", "x1");
            Article q1 = store.find("q1").orElseThrow();
            assertThat(q1.title()).isEqualTo("Quake hits southern island");
            assertThat(q1.removedBoilerplate()).containsExactly("Share this article");

            Map<String, AnalysedArticle> ingest = store.analyses(AnalysisTier.INGEST, store.list());
            assertThat(ingest).containsOnlyKeys("q1", "q2", "f1");
            assertThat(ingest.get("q2").entities()).extracting(EntityMention::text)
                    .containsExactly("Ana Salas", "Ana Salas");
            AnalysedArticle brief = store.analyses(AnalysisTier.BRIEF, List.of(q1)).get("q1");
            assertThat(brief.vectors().get(q1.text())).containsExactly(0.6f, -0.8f, 1e-7f);

            assertThat(store.stories()).extracting(StoredStory::id, StoredStory::articles)
                    .containsExactly(tuple("s-quake", 2), tuple("s-flood", 1));
            assertThat(store.story("s-quake").orElseThrow().articles()).extracting(a -> a.id())
                    .containsExactly("q1", "q2");
            assertThat(store.clusterState().orElseThrow().articles()).isEqualTo(3);
            assertThat(store.storyOf("q2")).contains("s-quake");
            assertThat(store.withoutStory()).extracting(Article::id).containsExactly("x1");
            assertThat(store.hasUrl("https://example.org/f1")).isTrue();

            assertThat(store.stories(text("earthqu"))).extracting(StoryListing::id).containsExactly("s-quake");
            assertThat(store.stories(new StoryQuery(null, null, null, null, "ivo brandt", 50, 0)))
                    .extracting(StoryListing::id).containsExactly("s-flood");
            assertThat(store.entityNames(10)).containsExactly("Ana Salas", "Ivo Brandt");
            assertThat(store.outlets()).extracting(String::toLowerCase).containsExactly("bbc", "ap", "reuters");

            // and it is written on as before: a new article is searchable beside the old ones
            store.addAll(List.of(new Article("n1", "Second earthquake", "AP", null,
                    new PublicationDate(2025, 3, 16, null, PublicationDate.Source.METADATA, "2025-03-16", false),
                    "en", "Another earthquake shook the island.", List.of(), List.of(), null, "n1.txt",
                    SourceFormat.TEXT, "hash-n1", List.of())));
            assertThat(store.count()).isEqualTo(5);
        }
        assertThat(rows(db, "SELECT version FROM schema_version ORDER BY rowid"))
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(rows(db, "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                + "WHERE articles_fts MATCH 'earthquake' ORDER BY a.id")).containsExactly("n1", "q1", "q2");
    }

    @Test
    void upgradesADatabaseOfTheFirstVersionThroughEveryLaterOne() throws Exception {
        Path db = dir.resolve("v1.db");
        Article old = new Article("old", "Old quake", "AP", null,
                new PublicationDate(2024, 1, 1, null, PublicationDate.Source.METADATA, "2024-01-01", false), "en",
                "An old earthquake report.", List.of(), List.of(), null, "old.txt", SourceFormat.TEXT, "hash-old",
                List.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            new SchemaMigrations(new SqlDialect.Sqlite(), null, null).migrations().get(0).step().apply(c);
            s.execute("INSERT INTO schema_version VALUES (1)");
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO articles (id, content_hash, title, origin, ingested_at, article_json)
                    VALUES ('old', 'hash-old', 'Old quake', 'old.txt', '2024-01-02T00:00:00Z', ?)""")) {
                p.setString(1, new StoreJson().write(old));
                p.executeUpdate();
            }
        }
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.find("old")).contains(old);
            assertThat(store.stories(text("earthquake"))).isEmpty(); // in no story yet, but indexed:
        }
        assertThat(rows(db, "SELECT version FROM schema_version ORDER BY rowid"))
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(rows(db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'earthquake'"))
                .containsExactly("1");
    }
}
