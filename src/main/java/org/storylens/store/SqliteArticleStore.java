package org.storylens.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Quote;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.TimeExpression;
import org.storylens.clean.Article;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Articles in an embedded SQLite database (WAL mode). Each article is a row with its searchable metadata in columns
 * and the whole cleaned article as JSON; its analyses, one per tier, are gzipped JSON in a table beside it. Stories
 * are rows with their listed figures in columns and the whole story as JSON, each assigned article a row naming its
 * story, and the clusterer state one gzipped JSON row saved in the same transaction as the assignments it made
 * ({@link StoryTables}).
 * Writes (and the reads of the writing pipeline: clusterer state, articles waiting for a story) go through one
 * connection and are serialised; across processes, one writer at a time: each write transaction takes the
 * database's write lock first ({@code BEGIN IMMEDIATE}) and waits for another process's to end, up to a bound
 * (see {@link WriteTransactions}); the reads a server answers with (articles, analyses, stories, listings) take one
 * of {@value #READERS} read-only connections, so that they run beside each other and beside a write (WAL: a reader
 * sees the last commit). Thread-safe.
 */
public final class SqliteArticleStore implements ArticleStore {

    /** The version of the database layout this code reads and writes (older databases are upgraded). */
    public static final int SCHEMA_VERSION = 4;

    /** How many read-only connections serve the reads beside the writing one. */
    static final int READERS = 4;

    private final Path file;
    private final Connection connection;
    private final java.util.concurrent.BlockingQueue<Connection> readers =
            new java.util.concurrent.ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNameLength(MAX_READ_CHARS).maxStringLength(MAX_READ_CHARS).build())
            .build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(isoDates());
    private final WriteTransactions writes;
    private final StoryTables storyTables;

    /**
     * The longest JSON name or string read back from articles and analyses (a sentence's text keys its vector): above
     * anything one input can hold, so that nothing stored, by this version or an older one, becomes unreadable.
     */
    static final int MAX_READ_CHARS = 64 << 20;

    /** How long a write waits for another process's write to end before it fails (one writer at a time). */
    public static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private SqliteArticleStore(Path file, Connection connection, Consumer<String> notices, Duration lockWait) {
        this.file = file;
        this.connection = connection;
        this.writes = new WriteTransactions(file, connection, notices, lockWait);
        this.storyTables = new StoryTables(file, connection, json, new ClusterStateCodec());
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
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            createOwnerOnly(file);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot create the database: " + e.getMessage(), e);
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout="
                        + Math.max(1, Math.min(WriteTransactions.ATTEMPT.toMillis(), lockWait.toMillis())));
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot open the database: " + e.getMessage(), e);
        }
        SqliteArticleStore store = new SqliteArticleStore(file, c, notices, lockWait);
        try {
            // a database already at this schema is opened without the write lock: readers never wait for a writer
            if (store.schemaVersion() != SCHEMA_VERSION) {
                store.writes.run("cannot upgrade the database", store::migrate);
            }
            store.openReaders();
        } catch (SQLException e) {
            store.closeConnections();
            throw new StoreException(file + ": cannot open the database: " + e.getMessage(), e);
        } catch (StoreException e) {
            store.closeConnections();
            throw e;
        }
        return store;
    }

    /**
     * Creates a missing database file readable and writable by its owner only, before SQLite opens it: SQLite gives
     * its -wal and -shm files the database file's permissions. (No-op where the file system has no POSIX permissions.)
     */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: SQLite creates the file with what the system gives
        } catch (FileAlreadyExistsException e) {
            // another process created it meanwhile: it opens what that one made
        }
    }

    private void openReaders() throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        for (int i = 0; i < READERS; i++) {
            Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    config.toProperties());
            allReaders.add(reader);
            readers.add(reader);
        }
    }

    /** Reads through one of the read-only connections, waiting for one to be free. */
    private <T> T reading(ReadWork<T> work) throws StoreException {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(file + ": interrupted while waiting to read", e);
        }
        try {
            return work.run(c);
        } finally {
            readers.add(c);
        }
    }

    /** A read on one connection. */
    private interface ReadWork<T> {
        T run(Connection c) throws StoreException;
    }

    /** The schema version the database is at, 0 for a new one; read without a transaction. */
    private int schemaVersion() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                     + "AND name = 'schema_version'")) {
            if (!r.next() || r.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /**
     * Brings the schema up to {@link #SCHEMA_VERSION} inside a write transaction (the version read again there: another
     * process may have upgraded it meanwhile); a newer schema is refused.
     */
    private void migrate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet r = s.executeQuery("SELECT max(version) FROM schema_version")) {
                if (r.next()) {
                    version = r.getInt(1);
                }
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("database schema " + version + " is newer than this storylens ("
                        + SCHEMA_VERSION + ")");
            }
            if (version < 1) {
                s.execute("""
                        CREATE TABLE articles (
                          id TEXT PRIMARY KEY,
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
                        )""");
                s.execute("CREATE INDEX articles_published ON articles(published_at)");
                s.execute("INSERT INTO schema_version VALUES (1)");
            }
            if (version < 2) {
                s.execute("""
                        CREATE TABLE analyses (
                          article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                          tier TEXT NOT NULL,
                          analysed_at TEXT NOT NULL,
                          facts BLOB NOT NULL,
                          PRIMARY KEY (article_id, tier)
                        )""");
                s.execute("INSERT INTO schema_version VALUES (2)");
            }
            if (version < 3) {
                s.execute("""
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
                s.execute("CREATE INDEX stories_size ON stories(articles DESC, opened)");
                s.execute("""
                        CREATE TABLE story_articles (
                          article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                          story_id TEXT NOT NULL REFERENCES stories(id),
                          copy_of TEXT
                        )""");
                s.execute("CREATE INDEX story_articles_story ON story_articles(story_id)");
                s.execute("""
                        CREATE TABLE cluster_state (
                          id INTEGER PRIMARY KEY CHECK (id = 1),
                          articles INTEGER NOT NULL,
                          saved_at TEXT NOT NULL,
                          snapshot BLOB NOT NULL
                        )""");
                s.execute("INSERT INTO schema_version VALUES (3)");
            }
            if (version < 4) {
                // full-text search over titles and texts, one row per article under the article's rowid
                s.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, "
                        + "tokenize = 'unicode61 remove_diacritics 2')");
                s.execute("""
                        CREATE TABLE article_entities (
                          article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                          tier TEXT NOT NULL,
                          name TEXT NOT NULL COLLATE NOCASE,
                          type TEXT NOT NULL,
                          mentions INTEGER NOT NULL,
                          PRIMARY KEY (article_id, tier, name)
                        )""");
                s.execute("CREATE INDEX article_entities_name ON article_entities(name)");
                s.execute("CREATE INDEX articles_url ON articles(url)");
                backfillVersion4();
                // stories whose first article has no headline were saved untitled
                s.execute(StoryTables.STORY_TITLE + " WHERE title IS NULL OR trim(title) = ''");
                s.execute("INSERT INTO schema_version VALUES (4)");
            }
        }
    }

    /** Fills the version 4 tables from what older versions stored. */
    private void backfillVersion4() throws SQLException {
        try (Statement s = connection.createStatement();
             PreparedStatement fts = connection.prepareStatement(
                     "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)")) {
            try (ResultSet r = s.executeQuery("SELECT rowid, article_json FROM articles")) {
                while (r.next()) {
                    Article a = json.readValue(r.getString(2), Article.class);
                    fts.setLong(1, r.getLong(1));
                    fts.setString(2, a.title());
                    fts.setString(3, a.text());
                    fts.executeUpdate();
                }
            }
            List<String[]> analysed = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT article_id, tier FROM analyses")) {
                while (r.next()) {
                    analysed.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            try (PreparedStatement get = connection.prepareStatement(
                    "SELECT facts FROM analyses WHERE article_id = ? AND tier = ?")) {
                for (String[] key : analysed) {
                    get.setString(1, key[0]);
                    get.setString(2, key[1]);
                    try (ResultSet r = get.executeQuery()) {
                        if (r.next()) {
                            Facts f = json.readValue(gunzip(r.getBytes(1)), Facts.class);
                            putEntities(key[0], key[1], f.entities());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new SQLException("cannot upgrade the database to schema 4: " + e.getMessage(), e);
        }
    }

    /** Keeps which entities an analysis found in an article (by name as found, case-insensitively), with counts. */
    private void putEntities(String articleId, String tier, List<EntityMention> mentions) throws SQLException {
        Map<String, String[]> byName = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (EntityMention m : mentions) {
            String name = m.text().strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) {
                continue;
            }
            String key = name.toLowerCase(java.util.Locale.ROOT);
            byName.putIfAbsent(key, new String[] {name, m.type().name()});
            counts.merge(key, 1, Integer::sum);
        }
        try (PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM article_entities WHERE article_id = ? AND tier = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO article_entities (article_id, tier, name, type, mentions) VALUES (?, ?, ?, ?, ?)")) {
            delete.setString(1, articleId);
            delete.setString(2, tier);
            delete.executeUpdate();
            for (Map.Entry<String, String[]> e : byName.entrySet()) {
                insert.setString(1, articleId);
                insert.setString(2, tier);
                insert.setString(3, e.getValue()[0]);
                insert.setString(4, e.getValue()[1]);
                insert.setInt(5, counts.get(e.getKey()));
                insert.executeUpdate();
            }
        }
    }

    @Override
    public synchronized List<Added> addAll(List<Article> articles) throws StoreException {
        List<Added> result = new ArrayList<>();
        writes.run("cannot store articles (nothing of this batch was stored)", () -> {
            try (PreparedStatement byHash = connection.prepareStatement("SELECT id FROM articles WHERE content_hash = ?");
                 PreparedStatement idTaken = connection.prepareStatement("SELECT 1 FROM articles WHERE id = ?");
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO articles (id, content_hash, title, outlet, wire, published_at, language, origin,
                                               url, ingested_at, article_json)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement fts = connection.prepareStatement(
                         "INSERT INTO articles_fts (rowid, title, text) VALUES (last_insert_rowid(), ?, ?)")) {
                String now = Instant.now().toString();
                for (Article a : articles) {
                    byHash.setString(1, a.contentHash());
                    try (ResultSet r = byHash.executeQuery()) {
                        if (r.next()) {
                            result.add(new Added(a, false, r.getString(1)));
                            continue;
                        }
                    }
                    Article stored = a.withId(freeId(idTaken, a));
                    insert.setString(1, stored.id());
                    insert.setString(2, stored.contentHash());
                    insert.setString(3, stored.title());
                    insert.setString(4, stored.outlet());
                    insert.setString(5, stored.wire());
                    insert.setString(6, stored.publishedAt());
                    insert.setString(7, stored.language());
                    insert.setString(8, stored.origin());
                    insert.setString(9, stored.url());
                    insert.setString(10, now);
                    insert.setString(11, json.writeValueAsString(stored));
                    insert.executeUpdate();
                    fts.setString(1, stored.title());
                    fts.setString(2, stored.text());
                    fts.executeUpdate();
                    result.add(new Added(stored, true, null));
                }
            }
        });
        return result;
    }

    /** The article's id, or the id with the first free suffix when a different text holds it. */
    private static String freeId(PreparedStatement idTaken, Article a) throws SQLException {
        String candidate = a.id();
        for (int n = 2; taken(idTaken, candidate); n++) {
            candidate = a.id() + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(PreparedStatement idTaken, String id) throws SQLException {
        idTaken.setString(1, id);
        try (ResultSet r = idTaken.executeQuery()) {
            return r.next();
        }
    }

    @Override
    public synchronized List<Article> list() throws StoreException {
        return query(connection, "SELECT article_json FROM articles ORDER BY published_at IS NULL, published_at, id",
                null);
    }

    @Override
    public Optional<Article> find(String id) throws StoreException {
        return reading(c -> {
            return query(c, "SELECT article_json FROM articles WHERE id = ?", id).stream().findFirst();
        });
    }

    @Override
    public int count() throws StoreException {
        return reading(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM articles")) {
                return r.next() ? r.getInt(1) : 0;
            } catch (SQLException e) {
                throw new StoreException(file + ": cannot count articles: " + e.getMessage(), e);
            }
        });
    }

    private List<Article> query(Connection c, String sql, String parameter) throws StoreException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (parameter != null) {
                p.setString(1, parameter);
            }
            List<Article> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(json.readValue(r.getString(1), Article.class));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(file + ": cannot read articles: " + e.getMessage(), e);
        }
    }

    /**
     * What an analysis found, without the article it was found in (that is stored once, in its own row). Embeddings
     * are kept as little-endian float32 bytes (base64 in the JSON): exact, and half the size of decimals.
     */
    private record Facts(List<Sentence> sentences, List<EntityMention> entities, List<TimeExpression> times,
                         List<Quote> quotes, List<NumberMention> numbers, AnnotatedText annotation,
                         Map<String, byte[]> vectors) {
    }

    private static Map<String, byte[]> bytes(Map<String, float[]> vectors) {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        vectors.forEach((text, v) -> {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
            out.put(text, b.array());
        });
        return out;
    }

    private static Map<String, float[]> floats(Map<String, byte[]> vectors) {
        if (vectors == null) {
            return Map.of();
        }
        Map<String, float[]> out = new HashMap<>();
        vectors.forEach((text, bytes) -> {
            float[] v = new float[bytes.length / 4];
            java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            out.put(text, v);
        });
        return out;
    }

    @Override
    public synchronized void putAnalyses(AnalysisTier tier, List<AnalysedArticle> analysed) throws StoreException {
        writes.run("cannot store analyses (nothing of this batch was stored)", () -> {
            try (PreparedStatement put = connection.prepareStatement("""
                    INSERT OR REPLACE INTO analyses (article_id, tier, analysed_at, facts) VALUES (?, ?, ?, ?)""")) {
                String now = Instant.now().toString();
                for (AnalysedArticle a : analysed) {
                    put.setString(1, a.article().id());
                    put.setString(2, tier.name());
                    put.setString(3, now);
                    put.setBytes(4, gzip(json.writeValueAsBytes(new Facts(a.sentences(), a.entities(), a.times(),
                            a.quotes(), a.numbers(), a.annotation(), bytes(a.vectors())))));
                    put.executeUpdate();
                    putEntities(a.article().id(), tier.name(), a.entities());
                }
            }
        });
    }

    @Override
    public Map<String, AnalysedArticle> analyses(AnalysisTier tier, List<Article> articles)
            throws StoreException {
        return reading(c -> {
            Map<String, AnalysedArticle> found = new LinkedHashMap<>();
            try (PreparedStatement get = c.prepareStatement(
                    "SELECT facts FROM analyses WHERE article_id = ? AND tier = ?")) {
                for (Article a : articles) {
                    get.setString(1, a.id());
                    get.setString(2, tier.name());
                    try (ResultSet r = get.executeQuery()) {
                        if (r.next()) {
                            Facts f = json.readValue(gunzip(r.getBytes(1)), Facts.class);
                            found.put(a.id(), new AnalysedArticle(a, f.sentences(), f.entities(), f.times(), f.quotes(),
                                    f.numbers(), f.annotation(), floats(f.vectors())));
                        }
                    }
                }
                return found;
            } catch (SQLException | IOException e) {
                throw new StoreException(file + ": cannot read analyses: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public synchronized List<Article> analysedWithoutStory(AnalysisTier tier) throws StoreException {
        return query(connection, """
                SELECT a.article_json FROM articles a JOIN analyses n ON n.article_id = a.id AND n.tier = ?
                WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
                ORDER BY a.rowid""", tier.name());
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
        return reading(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    SELECT id, title, articles, independent_sources, first_published, last_published
                    FROM stories ORDER BY articles DESC, opened""")) {
                List<StoredStory> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new StoredStory(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4),
                            date(r.getString(5)), date(r.getString(6))));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException(file + ": cannot list stories: " + e.getMessage(), e);
            }
        });
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    @Override
    public Optional<Story> story(String id) throws StoreException {
        return reading(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT story_json FROM stories WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(json.readValue(r.getString(1), Story.class)) : Optional.empty();
                }
            } catch (SQLException | JsonProcessingException e) {
                throw new StoreException(file + ": cannot read story " + id + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The conditions of a {@link StoryQuery} on the stories table {@code s}, with parameters ?1 (full-text match),
     * ?2 (1 when dated), ?3 (from), ?4 (to), ?5 (outlet), ?6 (entity).
     */
    private static final String STORY_CONDITIONS = """
            WHERE (?1 IS NULL OR s.id IN (
                    SELECT sa.story_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
                    JOIN story_articles sa ON sa.article_id = a.id WHERE articles_fts MATCH ?1))
              AND (?2 = 0 OR EXISTS (
                    SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                    WHERE sa.story_id = s.id AND a.published_at IS NOT NULL
                      AND (?3 IS NULL OR substr(a.published_at, 1, 10) >= ?3)
                      AND (?4 IS NULL OR substr(a.published_at, 1, 10) <= ?4)))
              AND (?5 IS NULL OR EXISTS (
                    SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                    WHERE sa.story_id = s.id AND a.outlet = ?5 COLLATE NOCASE))
              AND (?6 IS NULL OR EXISTS (
                    SELECT 1 FROM story_articles sa JOIN article_entities e ON e.article_id = sa.article_id
                    WHERE sa.story_id = s.id AND e.name = ?6))
            """;

    /** Sets the parameters of {@link #STORY_CONDITIONS}; false when the text can match nothing. */
    private static boolean bindConditions(PreparedStatement p, StoryQuery query) throws SQLException {
        String match = FullTextQuery.of(query.text());
        String from = query.from() == null ? null : query.from().toString();
        String to = query.to() == null ? null : query.to().toString();
        p.setString(1, match);
        p.setInt(2, from != null || to != null ? 1 : 0);
        p.setString(3, from);
        p.setString(4, to);
        p.setString(5, query.outlet());
        p.setString(6, query.entity());
        return query.text() == null || match != null; // only punctuation: nothing can contain it as a word
    }

    @Override
    public List<StoryListing> stories(StoryQuery query) throws StoreException {
        return reading(c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT s.id, s.title, s.articles, s.independent_sources, s.first_published, s.last_published,
                           s.updated_at
                    FROM stories s
                    """ + STORY_CONDITIONS + """
                    ORDER BY s.last_published IS NULL, s.last_published DESC, s.updated_at DESC, s.articles DESC,
                             s.opened
                    LIMIT ?7 OFFSET ?8""");
                 PreparedStatement outlets = c.prepareStatement("""
                         SELECT a.outlet, count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                         WHERE sa.story_id = ? AND a.outlet IS NOT NULL
                         GROUP BY a.outlet ORDER BY count(*) DESC, min(a.rowid)""")) {
                if (!bindConditions(p, query)) {
                    return List.of();
                }
                p.setInt(7, query.limit());
                p.setInt(8, query.offset());
                List<StoryListing> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString(1);
                        List<StoryListing.OutletCount> counts = new ArrayList<>();
                        outlets.setString(1, id);
                        try (ResultSet o = outlets.executeQuery()) {
                            while (o.next()) {
                                counts.add(new StoryListing.OutletCount(o.getString(1), o.getInt(2)));
                            }
                        }
                        out.add(new StoryListing(id, r.getString(2), r.getInt(3), r.getInt(4), date(r.getString(5)),
                                date(r.getString(6)), r.getString(7), counts));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException(file + ": cannot list stories: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public int countStories(StoryQuery query) throws StoreException {
        return reading(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM stories s\n"
                    + STORY_CONDITIONS)) {
                if (!bindConditions(p, query)) {
                    return 0;
                }
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            } catch (SQLException e) {
                throw new StoreException(file + ": cannot count stories: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Optional<String> storyOf(String articleId) throws StoreException {
        return reading(c -> {
            return firstString(c, "SELECT story_id FROM story_articles WHERE article_id = ?", articleId,
                    "find the story of");
        });
    }

    @Override
    public synchronized boolean hasUrl(String url) throws StoreException {
        return firstString(connection, "SELECT id FROM articles WHERE url = ? LIMIT 1", url, "look up the URL")
                .isPresent();
    }

    private Optional<String> firstString(Connection c, String sql, String parameter, String what)
            throws StoreException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, parameter);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot " + what + " " + parameter + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Article> withoutStory() throws StoreException {
        return query(connection, """
                SELECT a.article_json FROM articles a
                WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY a.rowid""", null);
    }

    @Override
    public List<String> outlets() throws StoreException {
        return reading(c -> {
            return strings(c, """
                    SELECT outlet FROM articles WHERE outlet IS NOT NULL
                    GROUP BY outlet COLLATE NOCASE ORDER BY count(*) DESC, outlet""", -1, "list outlets");
        });
    }

    @Override
    public List<String> entityNames(int limit) throws StoreException {
        return reading(c -> {
            return strings(c, """
                    SELECT min(name) FROM article_entities GROUP BY name
                    ORDER BY count(DISTINCT article_id) DESC, sum(mentions) DESC, min(name) LIMIT ?""", limit,
                    "list entity names");
        });
    }

    private List<String> strings(Connection c, String sql, int limit, String what) throws StoreException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (limit >= 0) {
                p.setInt(1, limit);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Dates as ISO strings ("2025-03-11"), the way the articles table keeps them. */
    static SimpleModule isoDates() {
        SimpleModule dates = new SimpleModule("iso-dates");
        dates.addSerializer(LocalDate.class, new JsonSerializer<>() {
            @Override
            public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        dates.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext context) throws IOException {
                return LocalDate.parse(p.getValueAsString());
            }
        });
        return dates;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return zip.readAllBytes();
        }
    }

    @Override
    public synchronized void close() throws StoreException {
        SQLException failed = closeConnections();
        if (failed != null) {
            throw new StoreException(file + ": cannot close the database: " + failed.getMessage(), failed);
        }
    }

    /** Closes the readers, then the writing connection; returns the first failure, or null. */
    private SQLException closeConnections() {
        SQLException failed = null;
        for (Connection c : allReaders) {
            try {
                c.close();
            } catch (SQLException e) {
                failed = failed == null ? e : failed;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failed = failed == null ? e : failed;
        }
        return failed;
    }
}
