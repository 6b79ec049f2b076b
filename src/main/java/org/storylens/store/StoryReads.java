package org.storylens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.storylens.cluster.Story;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stories as readers ask for them: listed largest first, one with its articles, and the lists a {@link StoryQuery}
 * filters (full text, dates, outlet, entity) and pages. The full-text condition is the {@link FullTextIndex}'s; the
 * rest is plain SQL over the shared tables. Each call works on the connection it is given. Thread-safe.
 */
final class StoryReads {

    private final Path file;
    private final StoreJson json;
    private final FullTextIndex search;
    /**
     * The conditions of a {@link StoryQuery} on the stories table {@code s}, with parameters ?1 (full-text search),
     * ?2 (1 when dated), ?3 (from), ?4 (to), ?5 (outlet), ?6 (entity).
     */
    private final String conditions;

    StoryReads(Path file, StoreJson json, FullTextIndex search) {
        this.file = file;
        this.json = json;
        this.search = search;
        this.conditions = """
                WHERE (?1 IS NULL OR s.id IN (
                        SELECT sa.story_id FROM story_articles sa WHERE sa.article_id IN (%s)))
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
                """.formatted(search.articlesMatching("?1"));
    }

    /** The saved stories, largest first, then in the order they were opened. */
    List<StoredStory> all(Connection c) throws StoreException {
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
    }

    Optional<Story> story(Connection c, String id) throws StoreException {
        try (PreparedStatement p = c.prepareStatement("SELECT story_json FROM stories WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(json.mapper().readValue(r.getString(1), Story.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(file + ": cannot read story " + id + ": " + e.getMessage(), e);
        }
    }

    /** The stories the query selects, newest-active first (see {@link ArticleStore#stories(StoryQuery)}). */
    List<StoryListing> list(Connection c, StoryQuery query) throws StoreException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT s.id, s.title, s.articles, s.independent_sources, s.first_published, s.last_published,
                       s.updated_at
                FROM stories s
                """ + conditions + """
                ORDER BY s.last_published IS NULL, s.last_published DESC, s.updated_at DESC, s.articles DESC,
                         s.opened
                LIMIT ?7 OFFSET ?8""");
             PreparedStatement outlets = c.prepareStatement("""
                     SELECT a.outlet, count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                     WHERE sa.story_id = ? AND a.outlet IS NOT NULL
                     GROUP BY a.outlet ORDER BY count(*) DESC, min(a.rowid)""")) {
            if (!bind(p, query)) {
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
    }

    /** How many stories the query's conditions select, its limit and offset aside. */
    int count(Connection c, StoryQuery query) throws StoreException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM stories s\n" + conditions)) {
            if (!bind(p, query)) {
                return 0;
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot count stories: " + e.getMessage(), e);
        }
    }

    /** The id of the story that holds the article, or empty. */
    Optional<String> storyOf(Connection c, String articleId) throws StoreException {
        return Queries.firstString(file, c, "SELECT story_id FROM story_articles WHERE article_id = ?", articleId,
                "find the story of");
    }

    /** Sets the parameters of the conditions; false when the text can match nothing. */
    private boolean bind(PreparedStatement p, StoryQuery query) throws SQLException {
        String match = search.query(query.text());
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

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
