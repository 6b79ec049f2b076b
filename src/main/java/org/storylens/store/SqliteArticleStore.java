package org.storylens.store;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Articles in an embedded SQLite database (WAL mode). Each article is a row with its searchable metadata in columns
 * and the whole cleaned article as JSON ({@link ArticleRows}), full-text indexed by FTS5 ({@link Fts5Index}); its
 * analyses, one per tier, are gzipped JSON in a table beside it ({@link AnalysisRows}). Stories are rows with their
 * listed figures in columns and the whole story as JSON, each assigned article a row naming its story, and the
 * clusterer state one gzipped JSON row saved in the same transaction as the assignments it made ({@link StoryTables},
 * read by {@link StoryReads}). The layout is versioned ({@link SchemaMigrations}) and upgraded when opened.
 * Writes (and the reads of the writing pipeline: clusterer state, articles waiting for a story) go through one
 * connection and are serialised; across processes, one writer at a time: each write transaction takes the
 * database's write lock first ({@code BEGIN IMMEDIATE}) and waits for another process's to end, up to a bound
 * (see {@link WriteTransactions}); the reads a server answers with (articles, analyses, stories, listings) take one
 * of the read-only connections ({@link SqliteConnections}), so that they run beside each other and beside a write
 * (WAL: a reader sees the last commit). The work over the tables is shared with the PostgreSQL store
 * ({@link TableStore}, in {@link SqlDialect.Sqlite}'s SQL). Thread-safe.
 */
public final class SqliteArticleStore implements ArticleStore {

    /** The version of the database layout this code reads and writes (older databases are upgraded). */
    public static final int SCHEMA_VERSION = SchemaMigrations.LATEST;

    /** How long a write waits for another process's write to end before it fails (one writer at a time). */
    public static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final TableStore tables;

    private SqliteArticleStore(TableStore tables) {
        this.tables = tables;
    }

    /**
     * Opens the database, creating it (readable by its owner only) and its folder when missing; a write waiting for
     * another process's says so on stderr.
     */
    public static SqliteArticleStore open(Path file) throws StoreException {
        return open(file, notice -> System.err.println("warning: " + notice), LOCK_WAIT);
    }

    /**
     * Opens the database, creating it (readable by its owner only) and its folder when missing.
     *
     * @param notices  told when a write waits for the lock another process holds
     * @param lockWait how long a write waits for that lock before it fails
     */
    public static SqliteArticleStore open(Path file, Consumer<String> notices, Duration lockWait)
            throws StoreException {
        SqliteConnections connections = SqliteConnections.open(file, lockWait);
        StoreJson json = new StoreJson();
        TableStore tables = new TableStore(file.toString(), connections,
                new WriteTransactions(file, connections.writer(), notices, lockWait), new SqlDialect.Sqlite(), json,
                new Fts5Index(json));
        try {
            tables.upgrade();
            connections.openReaders();
        } catch (SQLException e) {
            connections.close();
            throw new StoreException(file + ": cannot open the database: " + e.getMessage(), e);
        } catch (StoreException e) {
            connections.close();
            throw e;
        }
        return new SqliteArticleStore(tables);
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
    public long latestAssignment() throws StoreException {
        return tables.latestAssignment();
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
    public List<StoryEntity> storyEntities() throws StoreException {
        return tables.storyEntities();
    }

    @Override
    public void putBrief(StoredBrief brief) throws StoreException {
        tables.putBrief(brief);
    }

    @Override
    public Optional<StoredBrief> brief(String storyId) throws StoreException {
        return tables.brief(storyId);
    }

    @Override
    public void close() throws StoreException {
        tables.close();
    }
}
