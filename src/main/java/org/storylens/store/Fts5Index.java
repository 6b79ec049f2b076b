package org.storylens.store;

import org.storylens.clean.Article;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search by SQLite's FTS5: the virtual table {@code articles_fts} (title, text), one row per article under
 * the article's rowid, diacritics folded. A typed text becomes an FTS5 query that cannot be a syntax error: every word
 * a quoted phrase (so FTS5 operators and punctuation are plain text), the last one a prefix. Thread-safe.
 */
final class Fts5Index implements FullTextIndex {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final StoreJson json;

    Fts5Index(StoreJson json) {
        this.json = json;
    }

    @Override
    public void create(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, "
                    + "tokenize = 'unicode61 remove_diacritics 2')");
        }
        try (Statement s = c.createStatement();
             PreparedStatement fts = c.prepareStatement(
                     "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)");
             ResultSet r = s.executeQuery("SELECT rowid, article_json FROM articles")) {
            while (r.next()) {
                Article a = json.article(r.getString(2));
                fts.setLong(1, r.getLong(1));
                fts.setString(2, a.title());
                fts.setString(3, a.text());
                fts.executeUpdate();
            }
        }
    }

    @Override
    public Adder adder(Connection c) throws SQLException {
        PreparedStatement fts = c.prepareStatement(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (last_insert_rowid(), ?, ?)");
        return new Adder() {
            @Override
            public void add(Article stored) throws SQLException {
                fts.setString(1, stored.title());
                fts.setString(2, stored.text());
                fts.executeUpdate();
            }

            @Override
            public void close() throws SQLException {
                fts.close();
            }
        };
    }

    @Override
    public String articlesMatching() {
        return "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?";
    }

    /** FTS5's {@code highlight()} of the title and {@code snippet()} of the text (about 24 words), by bm25 rank. */
    @Override
    public String bestMatch() {
        return ("SELECT a.id, highlight(articles_fts, 0, '%1$s', '%2$s'), "
                + "snippet(articles_fts, 1, '%1$s', '%2$s', '…', 24) "
                + "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                + "JOIN story_articles sa ON sa.article_id = a.id "
                + "WHERE articles_fts MATCH ? AND sa.story_id = ? ORDER BY rank, a.rowid LIMIT 1")
                .formatted(MATCH_START, MATCH_END);
    }

    @Override
    public String query(String typed) {
        if (typed == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(typed);
        while (m.find()) {
            words.add('"' + m.group() + '"');
        }
        if (words.isEmpty()) {
            return null;
        }
        words.set(words.size() - 1, words.get(words.size() - 1) + "*");
        return String.join(" ", words);
    }
}
