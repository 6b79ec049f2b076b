package org.storylens.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database layout as one ordered list of migrations, version 1 up to {@link #LATEST}: a store applies, when it
 * opens, those its database has not had yet, in order, and records each in the {@code schema_version} table (one row
 * per version applied). A database of a newer layout than this code knows is refused. The same list serves every
 * database the store runs on: what their SQL says differently (the insertion order column, case-insensitive text,
 * the bytes type) the {@link SqlDialect} fills in, and the full-text index is the one step written per database
 * ({@link FullTextIndex#create}). Thread-safe.
 */
final class SchemaMigrations {

    /** The version of the layout this code reads and writes. */
    static final int LATEST = 5;

    /**
     * One change of the layout.
     *
     * @param version the version it brings the database to
     * @param change  what it adds, in a few words
     * @param step    the change itself, run inside the write transaction that records it
     */
    record Migration(int version, String change, Step step) {
    }

    /** The statements of one migration, on the writing connection. */
    @FunctionalInterface
    interface Step {
        void apply(Connection c) throws SQLException, IOException;
    }

    private final SqlDialect dialect;
    private final List<Migration> migrations;

    SchemaMigrations(SqlDialect dialect, FullTextIndex search, AnalysisRows analyses) {
        this.dialect = dialect;
        this.migrations = List.of(
                new Migration(1, "articles", this::articles),
                new Migration(2, "analyses per tier", this::analyses),
                new Migration(3, "stories, their articles and the clusterer state", this::stories),
                new Migration(4, "full-text search, entities per analysis, URL lookup", c -> {
                    search.create(c);
                    searchFilters(c);
                    analyses.indexEntities(c);
                    // stories whose first article has no headline were saved untitled
                    execute(c, StoryTables.STORY_TITLE + " WHERE title IS NULL OR trim(title) = ''");
                }),
                new Migration(5, "the latest brief of each story", this::briefs));
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migration " + i + " brings version " + migrations.get(i).version());
            }
        }
        if (migrations.size() != LATEST) {
            throw new IllegalStateException(migrations.size() + " migrations for schema version " + LATEST);
        }
    }

    /** The migrations in the order they are applied. */
    List<Migration> migrations() {
        return migrations;
    }

    /** The version the database is at, 0 for a new one; read without a transaction. */
    static int version(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet tables = meta.getTables(null, null, "schema_version", new String[] {"TABLE"})) {
            if (!tables.next()) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /**
     * Brings the database up to {@link #LATEST} inside the write transaction in progress (the version read again
     * there: another process may have upgraded it meanwhile); a newer layout is refused.
     */
    void migrate(Connection c) throws SQLException, IOException {
        execute(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int version = version(c);
        if (version > LATEST) {
            throw new SQLException("database schema " + version + " is newer than this storylens (" + LATEST + ")");
        }
        for (Migration m : migrations.subList(version, migrations.size())) {
            m.step().apply(c);
            execute(c, "INSERT INTO schema_version VALUES (" + m.version() + ")");
        }
    }

    private void articles(Connection c) throws SQLException {
        execute(c, """
                CREATE TABLE articles (
                  %sid TEXT PRIMARY KEY,
                  content_hash TEXT NOT NULL UNIQUE,
                  title TEXT,
                  outlet TEXT,
                  wire TEXT,
                  published_at TEXT,
                  language TEXT,
                  origin TEXT NOT NULL,
                  url TEXT,
                  ingested_at TEXT NOT NULL,
                  article_json TEXT NOT NULL
                )""".formatted(dialect.insertOrderColumn()));
        execute(c, "CREATE INDEX articles_published ON articles(published_at)");
    }

    private void analyses(Connection c) throws SQLException {
        execute(c, """
                CREATE TABLE analyses (
                  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                  tier TEXT NOT NULL,
                  analysed_at TEXT NOT NULL,
                  facts %s NOT NULL,
                  PRIMARY KEY (article_id, tier)
                )""".formatted(dialect.bytes()));
    }

    private void stories(Connection c) throws SQLException {
        execute(c, """
                CREATE TABLE stories (
                  id TEXT PRIMARY KEY,
                  opened INTEGER NOT NULL,
                  articles INTEGER NOT NULL,
                  independent_sources INTEGER NOT NULL,
                  first_published TEXT,
                  last_published TEXT,
                  title TEXT,
                  updated_at TEXT NOT NULL,
                  story_json TEXT NOT NULL
                )""");
        execute(c, "CREATE INDEX stories_size ON stories(articles DESC, opened)");
        execute(c, """
                CREATE TABLE story_articles (
                  %sarticle_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                  story_id TEXT NOT NULL REFERENCES stories(id),
                  copy_of TEXT
                )""".formatted(dialect.insertOrderColumn()));
        execute(c, "CREATE INDEX story_articles_story ON story_articles(story_id)");
        execute(c, """
                CREATE TABLE cluster_state (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  articles INTEGER NOT NULL,
                  saved_at TEXT NOT NULL,
                  snapshot %s NOT NULL
                )""".formatted(dialect.bytes()));
    }

    private void briefs(Connection c) throws SQLException {
        execute(c, """
                CREATE TABLE briefs (
                  story_id TEXT PRIMARY KEY REFERENCES stories(id),
                  articles INTEGER NOT NULL,
                  written_at TEXT NOT NULL,
                  brief %s NOT NULL
                )""".formatted(dialect.bytes()));
    }

    /** The tables and indexes beside the full-text index that the story filters read. */
    private void searchFilters(Connection c) throws SQLException {
        execute(c, """
                CREATE TABLE article_entities (
                  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                  tier TEXT NOT NULL,
                  name %s,
                  type TEXT NOT NULL,
                  mentions INTEGER NOT NULL,
                  PRIMARY KEY (article_id, tier, name)
                )""".formatted(dialect.caselessText()));
        execute(c, "CREATE INDEX article_entities_name ON article_entities(" + dialect.caselessIndexed("name") + ")");
        execute(c, "CREATE INDEX articles_url ON articles(url)");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
