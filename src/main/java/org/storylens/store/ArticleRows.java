package org.storylens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code articles} table: a row per cleaned article, its searchable metadata in columns and the whole article as
 * JSON, each normalised text once; a new row is handed to the full-text index as it is inserted. Each call works on
 * the connection it is given (the writer's inside its transaction, or a reader's). Thread-safe.
 */
final class ArticleRows {

    private final String database;
    private final SqlDialect dialect;
    private final StoreJson json;
    private final FullTextIndex search;

    /** @param database the database as messages name it */
    ArticleRows(String database, SqlDialect dialect, StoreJson json, FullTextIndex search) {
        this.database = database;
        this.dialect = dialect;
        this.json = json;
        this.search = search;
    }

    /** Inserts the articles inside the transaction in progress (see {@link ArticleStore#addAll}). */
    List<ArticleStore.Added> add(Connection c, List<Article> articles) throws SQLException, IOException {
        List<ArticleStore.Added> result = new ArrayList<>();
        try (PreparedStatement byHash = c.prepareStatement("SELECT id FROM articles WHERE content_hash = ?");
             PreparedStatement idTaken = c.prepareStatement("SELECT 1 FROM articles WHERE id = ?");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO articles (id, content_hash, title, outlet, wire, published_at, language, origin,
                                           url, ingested_at, article_json)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             FullTextIndex.Adder index = search.adder(c)) {
            String now = Instant.now().toString();
            for (Article a : articles) {
                byHash.setString(1, a.contentHash());
                try (ResultSet r = byHash.executeQuery()) {
                    if (r.next()) {
                        result.add(new ArticleStore.Added(a, false, r.getString(1)));
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
                insert.setString(11, json.write(stored));
                insert.executeUpdate();
                index.add(stored);
                result.add(new ArticleStore.Added(stored, true, null));
            }
        }
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

    /** All stored articles, oldest publication date first, undated last. */
    List<Article> list(Connection c) throws StoreException {
        return query(c, "SELECT article_json FROM articles ORDER BY published_at IS NULL, published_at, id", null);
    }

    Optional<Article> find(Connection c, String id) throws StoreException {
        return query(c, "SELECT article_json FROM articles WHERE id = ?", id).stream().findFirst();
    }

    int count(Connection c) throws StoreException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM articles")) {
            return r.next() ? r.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(database + ": cannot count articles: " + e.getMessage(), e);
        }
    }

    /** The stored articles in no story, in the order they were stored. */
    List<Article> withoutStory(Connection c) throws StoreException {
        return query(c, """
                SELECT a.article_json FROM articles a
                WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY %s"""
                .formatted(dialect.insertOrder("a")), null);
    }

    /** The stored articles analysed at the tier but in no story, in the order they were stored. */
    List<Article> analysedWithoutStory(Connection c, AnalysisTier tier) throws StoreException {
        return query(c, """
                SELECT a.article_json FROM articles a JOIN analyses n ON n.article_id = a.id AND n.tier = ?
                WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
                ORDER BY %s""".formatted(dialect.insertOrder("a")), tier.name());
    }

    boolean hasUrl(Connection c, String url) throws StoreException {
        return Queries.firstString(database, c, "SELECT id FROM articles WHERE url = ? LIMIT 1", url, "look up the URL")
                .isPresent();
    }

    /** The outlets of the stored articles, most articles first. */
    List<String> outlets(Connection c) throws StoreException {
        return Queries.strings(database, c, """
                SELECT min(outlet) FROM articles WHERE outlet IS NOT NULL
                GROUP BY %s ORDER BY count(*) DESC, min(outlet)""".formatted(dialect.caseless("outlet")), -1,
                "list outlets");
    }

    private List<Article> query(Connection c, String sql, String parameter) throws StoreException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (parameter != null) {
                p.setString(1, parameter);
            }
            List<Article> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(json.article(r.getString(1)));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(database + ": cannot read articles: " + e.getMessage(), e);
        }
    }
}
