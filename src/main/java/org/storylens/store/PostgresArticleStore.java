package org.storylens.store;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Articles in a PostgreSQL database, the sibling of {@link SqliteArticleStore} for a store that several machines
 * share: the same tables, rows, codecs and schema versions ({@link TableStore}, {@link SchemaMigrations}) in
 * PostgreSQL's SQL ({@link SqlDialect.Postgres}: an identity column keeps the insertion order, {@code lower()} compares
 * case aside, bytes are {@code BYTEA}), full-text search by {@code tsvector} under a GIN index ({@link TsvectorIndex}).
 * Connections come from a HikariCP pool ({@link PostgresConnections}); writes go through one of them and are
 * serialised, and across processes one writer at a time holds a transaction-scoped advisory lock
 * ({@link PostgresTransactions}), as SQLite's {@code BEGIN IMMEDIATE} does; reads take pooled connections of their own
 * and see the last commit. The database must exist; its tables are created, or upgraded, when it is opened.
 * Thread-safe.
 */
public final class PostgresArticleStore implements ArticleStore {

    /** How long a write waits for another process's write to end before it fails (one writer at a time). */
    public static final Duration LOCK_WAIT = SqliteArticleStore.LOCK_WAIT;

    private final TableStore tables;

    private PostgresArticleStore(TableStore tables) {
        this.tables = tables;
    }

    /**
     * Opens the database that the URL names ({@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB} or a
     * {@code jdbc:postgresql:} URL; user and password from the URL, else from the variables {@code STORYLENS_DB_USER}
     * and {@code STORYLENS_DB_PASSWORD} of {@code env}). A URL that cannot be read, a refused connection or a failed
     * upgrade fails naming the URL without its password.
     *
     * @param notices  told when a write waits for the lock another process holds
     * @param lockWait how long a write waits for that lock before it fails
     */
    public static PostgresArticleStore open(String url, Map<String, String> env, Consumer<String> notices,
                                            Duration lockWait) throws StoreException {
        PostgresLocation where;
        try {
            where = PostgresLocation.parse(url, env);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage(), e);
        }
        PostgresConnections connections = PostgresConnections.open(where);
        StoreJson json = new StoreJson();
        TableStore tables = new TableStore(where.shown(), connections,
                new PostgresTransactions(where.shown(), connections.writer(), notices, lockWait),
                new SqlDialect.Postgres(), json, new TsvectorIndex(json));
        try {
            tables.upgrade();
        } catch (StoreException e) {
            connections.close();
            throw e;
        }
        return new PostgresArticleStore(tables);
    }

    @Override
    public List<Added> addAll(List<Article> batch) throws StoreException {
        return tables.addAll(batch);
    }

    @Override
    public List<Article> list() throws StoreException {
        return tables.list();
    }

    @Override
    public Optional<Article> find(String id) throws StoreException {
        return tables.find(id);
    }

    @Override
    public int count() throws StoreException {
        return tables.count();
    }

    @Override
    public void putAnalyses(AnalysisTier tier, List<AnalysedArticle> analysed) throws StoreException {
        tables.putAnalyses(tier, analysed);
    }

    @Override
    public Map<String, AnalysedArticle> analyses(AnalysisTier tier, List<Article> of) throws StoreException {
        return tables.analyses(tier, of);
    }

    @Override
    public List<Article> analysedWithoutStory(AnalysisTier tier) throws StoreException {
        return tables.analysedWithoutStory(tier);
    }

    @Override
    public Optional<ClusterSnapshot> clusterState() throws StoreException {
        return tables.clusterState();
    }

    @Override
    public void updateStories(StoryStep step) throws StoreException {
        tables.updateStories(step);
    }

    @Override
    public List<Assigned> assigned(int offset, int limit) throws StoreException {
        return tables.assigned(offset, limit);
    }

    @Override
    public void saveStories(ClusterSnapshot snapshot, List<StoryAssignment> assignments) throws StoreException {
        tables.saveStories(snapshot, assignments);
    }

    @Override
    public List<StoredStory> stories() throws StoreException {
        return tables.stories();
    }

    @Override
    public Optional<Story> story(String id) throws StoreException {
        return tables.story(id);
    }

    @Override
    public List<StoryListing> stories(StoryQuery query) throws StoreException {
        return tables.stories(query);
    }

    @Override
    public int countStories(StoryQuery query) throws StoreException {
        return tables.countStories(query);
    }

    @Override
    public Optional<String> storyOf(String articleId) throws StoreException {
        return tables.storyOf(articleId);
    }

    @Override
    public boolean hasUrl(String url) throws StoreException {
        return tables.hasUrl(url);
    }

    @Override
    public List<Article> withoutStory() throws StoreException {
        return tables.withoutStory();
    }

    @Override
    public List<String> outlets() throws StoreException {
        return tables.outlets();
    }

    @Override
    public List<String> entityNames(int limit) throws StoreException {
        return tables.entityNames(limit);
    }

    @Override
    public void close() throws StoreException {
        tables.close();
    }
}
