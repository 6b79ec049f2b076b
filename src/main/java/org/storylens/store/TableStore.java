package org.storylens.store;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's work over its tables, whichever database holds them: the rows ({@link ArticleRows},
 * {@link AnalysisRows}, {@link StoryTables}, {@link StoryReads}, {@link BriefRows}) on the connections and write transactions its
 * database gives, in that database's SQL ({@link SqlDialect}, {@link FullTextIndex}). Writes, and the reads of the
 * writing pipeline (clusterer state, articles waiting for a story), go through the writing connection and are
 * serialised; the reads a server answers with each take a connection of their own. Thread-safe.
 */
final class TableStore implements ArticleStore {

    private final String database;
    private final StoreConnections connections;
    private final Connection connection;
    private final Transactions writes;
    private final ArticleRows articles;
    private final AnalysisRows analyses;
    private final StoryTables storyTables;
    private final StoryReads storyReads;
    private final BriefRows briefs;
    private final SchemaMigrations schema;

    /**
     * @param database    the database as messages name it (a file, or a URL without its password)
     * @param search      the database's full-text index
     */
    TableStore(String database, StoreConnections connections, Transactions writes, SqlDialect dialect,
               StoreJson json, FullTextIndex search) {
        this.database = database;
        this.connections = connections;
        this.connection = connections.writer();
        this.writes = writes;
        this.articles = new ArticleRows(database, dialect, json, search);
        this.analyses = new AnalysisRows(database, dialect, new AnalysisCodec(json));
        this.storyTables = new StoryTables(database, dialect, connection, json.mapper(), new ClusterStateCodec());
        this.storyReads = new StoryReads(database, dialect, json, search);
        this.briefs = new BriefRows(database, json);
        this.schema = new SchemaMigrations(dialect, search, analyses);
    }

    /**
     * Brings the database's layout up to {@link SchemaMigrations#LATEST}; one already there is left as it is, without
     * taking the write lock (readers never wait for a writer).
     */
    void upgrade() throws StoreException {
        try {
            if (SchemaMigrations.version(connection) != SchemaMigrations.LATEST) {
                writes.run("cannot upgrade the database", () -> schema.migrate(connection));
            }
        } catch (SQLException e) {
            throw new StoreException(database + ": cannot open the database: " + e.getMessage(), e);
        }
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
                storyTables.save(update.snapshot(), update.encoded(), update.assignments());
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
                () -> storyTables.save(snapshot, null, assignments));
    }

    @Override
    public List<StoredStory> stories() throws StoreException {
        return connections.reading(storyReads::all);
    }

    @Override
    public long latestAssignment() throws StoreException {
        return connections.reading(storyReads::latestAssignment);
    }

    @Override
    public Optional<Story> story(String id) throws StoreException {
        return connections.reading(c -> storyReads.story(c, id));
    }

    @Override
    public List<StoryListing> stories(StoryQuery query) throws StoreException {
        return connections.reading(c -> storyReads.list(c, query, entityForms(c, query)));
    }

    @Override
    public int countStories(StoryQuery query) throws StoreException {
        return connections.reading(c -> storyReads.count(c, query, entityForms(c, query)));
    }

    /** The stored forms of the query's entity, so that the filter finds it by any of its names; none without one. */
    private List<String> entityForms(Connection c, StoryQuery query) throws StoreException {
        return query.entity() == null ? List.of() : analyses.entityForms(c, query.entity());
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
    public List<StoryEntity> storyEntities() throws StoreException {
        return connections.reading(analyses::storyEntities);
    }

    @Override
    public synchronized void putBrief(StoredBrief brief) throws StoreException {
        writes.run("cannot store the brief of story " + brief.storyId(), () -> briefs.put(connection, brief));
    }

    @Override
    public Optional<StoredBrief> brief(String storyId) throws StoreException {
        return connections.reading(c -> briefs.read(c, storyId));
    }

    @Override
    public synchronized void close() throws StoreException {
        SQLException failed = connections.close();
        if (failed != null) {
            throw new StoreException(database + ": cannot close the database: " + failed.getMessage(), failed);
        }
    }
}
