package org.storylens.store;

import org.storylens.clean.Article;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search by PostgreSQL's {@code tsvector}: the table {@code article_search} (one row per article, title and
 * text as one document, the title weighted A) under a GIN index. Both the documents and the typed text are cut into
 * words here, the same way ({@code [\p{L}\p{N}]+}, lower case, diacritics folded), and handed to PostgreSQL's
 * {@code simple} configuration as plain words, so that what a search can match does not depend on the server's text
 * search configuration or on the {@code unaccent} extension. A typed text becomes a {@code tsquery} that cannot be a
 * syntax error: every word must occur, the last one as a prefix. Thread-safe.
 */
final class TsvectorIndex implements FullTextIndex {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final StoreJson json;

    TsvectorIndex(StoreJson json) {
        this.json = json;
    }

    @Override
    public void create(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE article_search (
                      article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                      document TSVECTOR NOT NULL
                    )""");
            s.execute("CREATE INDEX article_search_document ON article_search USING GIN (document)");
        }
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT article_json FROM articles");
             Adder index = adder(c)) {
            while (r.next()) {
                index.add(json.article(r.getString(1)));
            }
        }
    }

    @Override
    public Adder adder(Connection c) throws SQLException {
        PreparedStatement insert = c.prepareStatement("""
                INSERT INTO article_search (article_id, document)
                VALUES (?, setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?))""");
        return new Adder() {
            @Override
            public void add(Article stored) throws SQLException {
                insert.setString(1, stored.id());
                insert.setString(2, document(stored.title()));
                insert.setString(3, document(stored.text()));
                insert.executeUpdate();
            }

            @Override
            public void close() throws SQLException {
                insert.close();
            }
        };
    }

    @Override
    public String articlesMatching() {
        return "SELECT article_id FROM article_search WHERE document @@ to_tsquery('simple', CAST(? AS TEXT))";
    }

    /**
     * {@code ts_headline} of the title (every match marked) and of the text (one passage of 12 to 28 words), the
     * article ranked by {@code ts_rank}. The texts are read from the stored article as PostgreSQL parses them with
     * the {@code simple} configuration, so a word whose accents the index folded may match unmarked.
     */
    @Override
    public String bestMatch() {
        return """
                WITH q AS (SELECT to_tsquery('simple', CAST(? AS TEXT)) AS query)
                SELECT a.id,
                       ts_headline('simple', a.title, q.query, 'StartSel=%1$s, StopSel=%2$s, HighlightAll=true'),
                       ts_headline('simple', CAST(a.article_json AS jsonb) ->> 'text', q.query,
                                   'StartSel=%1$s, StopSel=%2$s, MaxWords=28, MinWords=12, MaxFragments=1')
                FROM q, article_search s
                JOIN articles a ON a.id = s.article_id
                JOIN story_articles sa ON sa.article_id = a.id
                WHERE s.document @@ q.query AND sa.story_id = ?
                ORDER BY ts_rank(s.document, q.query) DESC, a.seq
                LIMIT 1""".formatted(MATCH_START, MATCH_END);
    }

    @Override
    public String query(String typed) {
        List<String> words = words(typed);
        if (words.isEmpty()) {
            return null;
        }
        words.set(words.size() - 1, words.get(words.size() - 1) + ":*");
        return String.join(" & ", words);
    }

    /**
     * The distinct words of the text, space-separated: a search matches words, not phrases, and a {@code tsvector}
     * holds at most 1 MB.
     */
    private static String document(String text) {
        return String.join(" ", new LinkedHashSet<>(words(text)));
    }

    /** The words of the text, lower case, diacritics folded; none for null. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
