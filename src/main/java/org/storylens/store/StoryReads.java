package org.storylens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.storylens.cluster.Story;

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

    /** Between the forms of an entity in the one parameter that lists them all. */
    private static final String FORM_SEPARATOR = "\u001F";

    private final String database;
    private final SqlDialect dialect;
    private final StoreJson json;
    private final FullTextIndex search;
    /**
     * The conditions of a {@link StoryQuery} on the stories table {@code s}, with plain positional parameters (each
     * value bound as often as it is named, see {@link #bind}): the full-text search twice, 1 when dated, from twice,
     * to twice, outlet twice, entity twice, then the entity's other forms ({@link #forms}). (The texts are cast so
     * that PostgreSQL knows their type when null.)
     */
    private final String conditions;

    /** @param database the database as messages name it */
    StoryReads(String database, SqlDialect dialect, StoreJson json, FullTextIndex search) {
        this.database = database;
        this.dialect = dialect;
        this.json = json;
        this.search = search;
        this.conditions = """
                WHERE (CAST(? AS TEXT) IS NULL OR s.id IN (
                        SELECT sa.story_id FROM story_articles sa WHERE sa.article_id IN (%s)))
                  AND (? = 0 OR EXISTS (
                        SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                        WHERE sa.story_id = s.id AND a.published_at IS NOT NULL
                          AND (CAST(? AS TEXT) IS NULL OR substr(a.published_at, 1, 10) >= CAST(? AS TEXT))
                          AND (CAST(? AS TEXT) IS NULL OR substr(a.published_at, 1, 10) <= CAST(? AS TEXT))))
                  AND (CAST(? AS TEXT) IS NULL OR EXISTS (
                        SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                        WHERE sa.story_id = s.id AND %s = %s))
                  AND (CAST(? AS TEXT) IS NULL OR EXISTS (
                        SELECT 1 FROM story_articles sa JOIN article_entities e ON e.article_id = sa.article_id
                        WHERE sa.story_id = s.id AND (%s = %s OR %s)))
                """.formatted(search.articlesMatching(), dialect.caseless("a.outlet"),
                dialect.caseless("CAST(? AS TEXT)"), dialect.caseless("e.name"), dialect.caseless("CAST(? AS TEXT)"),
                dialect.contains("CAST(? AS TEXT)", "'" + FORM_SEPARATOR + "' || e.name || '" + FORM_SEPARATOR + "'"));
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
            throw new StoreException(database + ": cannot list stories: " + e.getMessage(), e);
        }
    }

    /** The insert position of the newest row of {@code story_articles}, 0 when there is none (its index answers). */
    long latestAssignment(Connection c) throws StoreException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT max(" + dialect.insertOrder("sa") + ") FROM story_articles sa")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(database + ": cannot read the newest story assignment: " + e.getMessage(), e);
        }
    }

    Optional<Story> story(Connection c, String id) throws StoreException {
        try (PreparedStatement p = c.prepareStatement("SELECT story_json FROM stories WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(json.mapper().readValue(r.getString(1), Story.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(database + ": cannot read story " + id + ": " + e.getMessage(), e);
        }
    }

    /** The stories the query selects, newest-active first (see {@link ArticleStore#stories(StoryQuery)}). */
    List<StoryListing> list(Connection c, StoryQuery query, List<String> entityForms) throws StoreException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT s.id, s.title, s.articles, s.independent_sources, s.first_published, s.last_published,
                       s.updated_at
                FROM stories s
                """ + conditions + """
                ORDER BY s.last_published IS NULL, s.last_published DESC, s.updated_at DESC, s.articles DESC,
                         s.opened
                LIMIT ? OFFSET ?""");
             PreparedStatement outlets = c.prepareStatement("""
                     SELECT a.outlet, count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                     WHERE sa.story_id = ? AND a.outlet IS NOT NULL
                     GROUP BY a.outlet ORDER BY count(*) DESC, min(%s)""".formatted(dialect.insertOrder("a")));
             PreparedStatement best = c.prepareStatement(search.bestMatch())) {
            String words = search.query(query.text());
            int next = bind(p, query, entityForms);
            if (next < 0) {
                return List.of();
            }
            p.setInt(next, query.limit());
            p.setInt(next + 1, query.offset());
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
                            date(r.getString(6)), r.getString(7), counts,
                            words == null ? null : match(best, words, id)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(database + ": cannot list stories: " + e.getMessage(), e);
        }
    }

    /** The story's article that matches the search best, with the matched words marked; null when none matches. */
    private static SearchMatch match(PreparedStatement best, String words, String storyId) throws SQLException {
        best.setString(1, words);
        best.setString(2, storyId);
        try (ResultSet r = best.executeQuery()) {
            return r.next() ? SearchMatch.of(r.getString(1), r.getString(2), r.getString(3)) : null;
        }
    }

    /** How many stories the query's conditions select, its limit and offset aside. */
    int count(Connection c, StoryQuery query, List<String> entityForms) throws StoreException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM stories s\n" + conditions)) {
            if (bind(p, query, entityForms) < 0) {
                return 0;
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException(database + ": cannot count stories: " + e.getMessage(), e);
        }
    }

    /** The id of the story that holds the article, or empty. */
    Optional<String> storyOf(Connection c, String articleId) throws StoreException {
        return Queries.firstString(database, c, "SELECT story_id FROM story_articles WHERE article_id = ?", articleId,
                "find the story of");
    }

    /**
     * Sets the parameters of the conditions; the index of the next parameter, or -1 when the text can match nothing.
     */
    private int bind(PreparedStatement p, StoryQuery query, List<String> entityForms) throws SQLException {
        String match = search.query(query.text());
        String from = query.from() == null ? null : query.from().toString();
        String to = query.to() == null ? null : query.to().toString();
        p.setString(1, match);
        p.setString(2, match);
        p.setInt(3, from != null || to != null ? 1 : 0);
        p.setString(4, from);
        p.setString(5, from);
        p.setString(6, to);
        p.setString(7, to);
        p.setString(8, query.outlet());
        p.setString(9, query.outlet());
        p.setString(10, query.entity());
        p.setString(11, query.entity());
        p.setString(12, forms(entityForms));
        // only punctuation: nothing can contain it as a word
        return query.text() == null || match != null ? 13 : -1;
    }

    /** The forms as the one parameter that lists them: each between separators; empty for none. */
    private static String forms(List<String> entityForms) {
        if (entityForms.isEmpty()) {
            return "";
        }
        return FORM_SEPARATOR + String.join(FORM_SEPARATOR, entityForms) + FORM_SEPARATOR;
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
