package org.storylens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.storylens.clean.Article;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stories of a store and the clusterer state that made them, on its writing connection: {@code stories}
 * (a row per story, its listed figures in columns and the whole story as JSON), {@code story_articles} (each assigned
 * article's story, in the order assigned) and {@code cluster_state} (one gzipped JSON row, {@link ClusterStateCodec}).
 * The caller runs the writes inside its transaction and serialises the calls.
 */
final class StoryTables {

    /**
     * Sets a story's title to the headline of its latest dated article that has one (undated articles last), so the
     * list names a story as of its latest report, as its brief does; append a condition on {@code stories}.
     */
    static final String STORY_TITLE = """
            UPDATE stories SET title = (
              SELECT a.title FROM story_articles sa JOIN articles a ON a.id = sa.article_id
              WHERE sa.story_id = stories.id AND a.title IS NOT NULL AND trim(a.title) <> ''
              ORDER BY a.published_at IS NULL, a.published_at DESC, a.id LIMIT 1)""";

    private final String database;
    private final SqlDialect dialect;
    private final Connection connection;
    private final ObjectMapper json;
    private final ClusterStateCodec states;

    /** @param database the database as messages name it */
    StoryTables(String database, SqlDialect dialect, Connection connection, ObjectMapper json,
                ClusterStateCodec states) {
        this.database = database;
        this.dialect = dialect;
        this.connection = connection;
        this.json = json;
        this.states = states;
    }

    /** The state saved last, or empty; one that cannot be read fails, naming the database. */
    Optional<ClusterSnapshot> state() throws StoreException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT snapshot FROM cluster_state WHERE id = 1")) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(states.read(r.getBytes(1)));
        } catch (SQLException | IOException | RuntimeException e) {
            throw new StoreException(database + ": cannot read the story clusterer's saved state: " + e.getMessage(), e);
        }
    }

    /**
     * The state as a writer finds it: read, absent, or unreadable — which a state missing while articles are in
     * stories is too. Whether a state is saved is asked at once; it is read and decoded when first asked for, within
     * the transaction the caller runs.
     */
    ArticleStore.SavedState saved() throws SQLException {
        boolean present;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM cluster_state WHERE id = 1)")) {
            present = r.next() && r.getBoolean(1);
        }
        if (present) {
            return new LazySavedState();
        }
        return anyInStory() ? new ReadState(null, database + ": the story clusterer's saved state is missing, yet "
                + "articles are in stories") : new ReadState(null, null);
    }

    /** A saved state as read. */
    private record ReadState(ClusterSnapshot snapshot, String unreadable) implements ArticleStore.SavedState {
    }

    /** The saved state, read and decoded on the first question, then kept. */
    private final class LazySavedState implements ArticleStore.SavedState {

        private ReadState read;

        @Override
        public ClusterSnapshot snapshot() {
            return read().snapshot();
        }

        @Override
        public String unreadable() {
            return read().unreadable();
        }

        private ReadState read() {
            if (read == null) {
                try {
                    Optional<ClusterSnapshot> state = state();
                    read = state.isPresent() ? new ReadState(state.get(), null)
                            : new ReadState(null, database + ": the story clusterer's saved state is missing, yet "
                                    + "articles are in stories");
                } catch (StoreException e) {
                    read = new ReadState(null, e.getMessage());
                }
            }
            return read;
        }
    }

    private boolean anyInStory() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM story_articles)")) {
            return r.next() && r.getBoolean(1);
        }
    }

    /** A page of the articles in stories, in the order they were assigned (see {@link ArticleStore#assigned}). */
    List<ArticleStore.Assigned> assigned(int offset, int limit) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement("""
                SELECT a.article_json, sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                ORDER BY %s LIMIT ? OFFSET ?""".formatted(dialect.insertOrder("sa")))) {
            p.setInt(1, limit);
            p.setInt(2, offset);
            List<ArticleStore.Assigned> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new ArticleStore.Assigned(json.readValue(r.getString(1), Article.class), r.getString(2)));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(database + ": cannot read the articles in stories: " + e.getMessage(), e);
        }
    }

    /**
     * Saves the state and the assignments inside the transaction in progress (see {@link ArticleStore#saveStories});
     * {@code encoded} is the state as the codec writes it when the caller has it already, else null.
     */
    void save(ClusterSnapshot snapshot, byte[] encoded, List<StoryAssignment> assignments)
            throws SQLException, IOException {
        Map<String, Integer> opened = new HashMap<>();
        Map<String, Story> byId = new HashMap<>();
        for (ClusterSnapshot.StoryState state : snapshot.stories()) {
            opened.put(state.story().id(), opened.size());
            byId.put(state.story().id(), state.story());
        }
        Set<String> touched = new LinkedHashSet<>();
        assignments.forEach(a -> touched.add(a.storyId()));
        try (PreparedStatement state = connection.prepareStatement("""
                INSERT INTO cluster_state (id, articles, saved_at, snapshot) VALUES (1, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET articles = excluded.articles, saved_at = excluded.saved_at,
                                              snapshot = excluded.snapshot""");
             PreparedStatement title = connection.prepareStatement(STORY_TITLE + " WHERE id = ?");
             PreparedStatement story = connection.prepareStatement("""
                     INSERT INTO stories (id, opened, articles, independent_sources, first_published,
                                          last_published, title, updated_at, story_json)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT(id) DO UPDATE SET articles = excluded.articles,
                       independent_sources = excluded.independent_sources,
                       first_published = excluded.first_published, last_published = excluded.last_published,
                       updated_at = excluded.updated_at, story_json = excluded.story_json""");
             PreparedStatement member = connection.prepareStatement(
                     "INSERT INTO story_articles (article_id, story_id, copy_of) VALUES (?, ?, ?)")) {
            String now = Instant.now().toString();
            state.setLong(1, snapshot.articles());
            state.setString(2, now);
            state.setBytes(3, encoded != null ? encoded : states.write(snapshot));
            state.executeUpdate();
            for (String id : touched) {
                Story s = byId.get(id);
                if (s == null || s.articles().isEmpty()) {
                    throw new IllegalArgumentException("story " + id + " is not in the snapshot saved with it");
                }
                story.setString(1, id);
                story.setInt(2, opened.get(id));
                story.setInt(3, s.size());
                story.setInt(4, s.independentSources());
                story.setString(5, s.firstPublished() == null ? null : s.firstPublished().toString());
                story.setString(6, s.lastPublished() == null ? null : s.lastPublished().toString());
                story.setString(7, null); // set below, once the story's members are saved
                story.setString(8, now);
                story.setString(9, json.writeValueAsString(s));
                story.executeUpdate();
            }
            for (StoryAssignment a : assignments) {
                member.setString(1, a.articleId());
                member.setString(2, a.storyId());
                member.setString(3, a.copyOf());
                member.executeUpdate();
            }
            for (String id : touched) {
                title.setString(1, id);
                title.executeUpdate();
            }
        }
    }
}
