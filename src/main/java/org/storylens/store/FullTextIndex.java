package org.storylens.store;

import org.storylens.clean.Article;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Full-text search over the stored articles' titles and texts: the part of the store's SQL that each database does in
 * its own way (SQLite FTS5: {@link Fts5Index}; PostgreSQL a {@code tsvector}: {@link TsvectorIndex}). Everything else a back end
 * asks of it goes through the tables the schema shares. Implementations are thread-safe.
 */
interface FullTextIndex {

    /**
     * Where {@link #bestMatch}'s texts mark the start of a matched word: a character of Unicode's private use area,
     * which no cleaned text means anything by.
     */
    String MATCH_START = "\uE000";
    /** Where {@link #bestMatch}'s texts mark the end of a matched word. */
    String MATCH_END = "\uE001";

    /** Creates the index in a database without one (schema version 4) and indexes every article stored so far. */
    void create(Connection c) throws SQLException, IOException;

    /** Indexes articles as they are inserted, within the transaction that inserts them. */
    Adder adder(Connection c) throws SQLException;

    /** Indexes one article at a time; each just after its row in {@code articles} was inserted. */
    interface Adder extends AutoCloseable {

        void add(Article stored) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /**
     * A subquery that selects the {@code id} of every stored article that matches the search bound to its one
     * positional parameter, which holds what {@link #query} made of the typed text.
     */
    String articlesMatching();

    /**
     * A query for the article of one story that matches the search best (the earliest stored among equals): its id,
     * its title with each matched word between {@link #MATCH_START} and {@link #MATCH_END}, and a passage of its text
     * around the matched words, marked so. Its positional parameters are the search ({@link #query}) and the story's
     * id.
     */
    String bestMatch();

    /**
     * The search the typed text becomes: every word must occur, the last one as a prefix, and nothing typed is read as
     * an operator. Null when it holds no word (then nothing can match).
     */
    String query(String typed);
}
