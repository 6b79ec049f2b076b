package org.storylens.store;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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
 * (WAL: a reader sees the last commit). Thread-safe.
 */
public final class SqliteArticleStore implements ArticleStore {

    /** The version of the database layout this code reads and writes (older databases are upgraded). */
    public static final int SCHEMA_VERSION = SchemaMigrations.LATEST;

    /** How long a write waits for another process's write to end before it fails (one writer at a time). */
    public static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final Path file;
    private final SqliteConnections connections;
    private final Connection connection;
    private final WriteTransactions writes;
    private final ArticleRows articles;
    private final AnalysisRows analyses;
    private final StoryTables storyTables;
    private final StoryReads storyReads;
    private final SchemaMigrations schema;

    private SqliteArticleStore(Path file, SqliteConnections connections, Consumer<String> notices,
                               Duration lockWait) {
        this.file = file;
        this.connections = connections;
        this.connection = connections.writer();
        this.writes = new WriteTransactions(file, connection, notices, lockWait);
        StoreJson json = new StoreJson();
        FullTextIndex search = new Fts5Index(json);
        this.articles = new ArticleRows(file, json, search);
        this.analyses = new AnalysisRows(file, new AnalysisCodec(json));
        this.storyTables = new StoryTables(file, connection, json.mapper(), new ClusterStateCodec());
        this.storyReads = new StoryReads(file, json, search);
        this.schema = new SchemaMigrations(search, analyses);
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
        SqliteArticleStore store = new SqliteArticleStore(file, SqliteConnections.open(file, lockWait), notices,
                lockWait);
        try {
            // a database already at this schema is opened without the write lock: readers never wait for a writer
            if (SchemaMigrations.version(store.connection) != SCHEMA_VERSION) {
                store.writes.run("cannot upgrade the database", () -> store.schema.migrate(store.connection));
            }
            store.connections.openReaders();
        } catch (SQLException e) {
            store.connections.close();
            throw new StoreException(file + ": cannot open the database: " + e.getMessage(), e);
        } catch (StoreException e) {
            store.connections.close();
            throw e;
        }
        return store;
    }

    @Override
    public synchronized List<Added> addAll(List<Article> batch) throws StoreException {
        List<Added> result = new ArrayList<>();
        writes.run("cannot store articles (nothing of this batch was stored)",
                () -> result.addAll(articles.add(connection, batch)));
        return result;
    }

    @Override
    public synchronized List<Article> list() throws StoreException {
        return articles.list(connection);
    }

    @Override
    public Optional<Article> find(String id) throws StoreException {
        return connections.reading(c -> articles.find(c, id));
    }

    @Override
    public int count() throws StoreException {
        return connections.reading(articles::count);
    }

    @Override
    public synchronized void putAnalyses(AnalysisTier tier, List<AnalysedArticle> analysed) throws StoreException {
        writes.run("cannot store analyses (nothing of this batch was stored)",
                () -> analyses.put(connection, tier, analysed));
    }

    @Override
    public Map<String, AnalysedArticle> analyses(AnalysisTier tier, List<Article> of) throws StoreException {
        return connections.reading(c -> analyses.read(c, tier, of));
    }

    @Override
    public synchronized List<Article> analysedWithoutStory(AnalysisTier tier) throws StoreException {
        return articles.analysedWithoutStory(connection, tier);
    }

    @Override
    public synchronized Optional<ClusterSnapshot> clusterState() throws StoreException {
        return storyTables.state();
    }

    @Override
    public synchronized void updateStories(StoryStep step) throws StoreException {
        writes.run("cannot save stories (nothing of this batch was saved)", () -> {
            StoryUpdate update = step.apply(storyTables.saved());
            if (update != null) {
                storyTables.save(update.snapshot(), update.assignments());
            }
        });
    }

    @Override
    public synchronized List<Assigned> assigned(int offset, int limit) throws StoreException {
        return storyTables.assigned(offset, limit);
    }

    @Override
    public synchronized void saveStories(ClusterSnapshot snapshot, List<StoryAssignment> assignments)
            throws StoreException {
        writes.run("cannot save stories (nothing of this batch was saved)",
                () -> storyTables.save(snapshot, assignments));
    }

    @Override
    public List<StoredStory> stories() throws StoreException {
        return connections.reading(storyReads::all);
    }

    @Override
    public Optional<Story> story(String id) throws StoreException {
        return connections.reading(c -> storyReads.story(c, id));
    }

    @Override
    public List<StoryListing> stories(StoryQuery query) throws StoreException {
        return connections.reading(c -> storyReads.list(c, query));
    }

    @Override
    public int countStories(StoryQuery query) throws StoreException {
        return connections.reading(c -> storyReads.count(c, query));
    }

    @Override
    public Optional<String> storyOf(String articleId) throws StoreException {
        return connections.reading(c -> storyReads.storyOf(c, articleId));
    }

    @Override
    public synchronized boolean hasUrl(String url) throws StoreException {
        return articles.hasUrl(connection, url);
    }

    @Override
    public synchronized List<Article> withoutStory() throws StoreException {
        return articles.withoutStory(connection);
    }

    @Override
    public List<String> outlets() throws StoreException {
        return connections.reading(articles::outlets);
    }

    @Override
    public List<String> entityNames(int limit) throws StoreException {
        return connections.reading(c -> analyses.entityNames(c, limit));
    }

    @Override
    public synchronized void close() throws StoreException {
        SQLException failed = connections.close();
        if (failed != null) {
            throw new StoreException(file + ": cannot close the database: " + failed.getMessage(), failed);
        }
    }
}
