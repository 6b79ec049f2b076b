package org.storylens.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.StoryBrief;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code briefs} table: a row per story, its latest brief as gzipped JSON with the number of articles it was
 * written for. Not SQL of one database: the upsert is the syntax SQLite and PostgreSQL share. Each call works on the
 * connection it is given (the writer's inside its transaction, or a reader's). Thread-safe.
 */
final class BriefRows {

    /** What a row's {@code brief} column holds. */
    private record Kept(StoryBrief brief, ArticleFallbacks names) {
    }

    private final String database;
    /** Whole numbers read back as {@code Long}, as the brief stage writes them, so that a brief reads back equal. */
    private final ObjectMapper mapper;

    /** @param database the database as messages name it */
    BriefRows(String database, StoreJson json) {
        this.database = database;
        this.mapper = json.mapper().copy().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    }

    /** Keeps the brief inside the transaction in progress (see {@link ArticleStore#putBrief}). */
    void put(Connection c, StoredBrief b) throws SQLException, IOException {
        try (PreparedStatement put = c.prepareStatement("""
                INSERT INTO briefs (story_id, articles, written_at, brief) VALUES (?, ?, ?, ?)
                ON CONFLICT (story_id) DO UPDATE SET articles = excluded.articles, written_at = excluded.written_at,
                                                     brief = excluded.brief
                WHERE excluded.articles >= briefs.articles""")) {
            put.setString(1, b.storyId());
            put.setInt(2, b.articles());
            put.setString(3, b.writtenAt().toString());
            put.setBytes(4, StoreJson.gzip(mapper.writeValueAsBytes(new Kept(b.brief(), b.names()))));
            put.executeUpdate();
        }
    }

    /** The brief kept for the story (see {@link ArticleStore#brief}). */
    Optional<StoredBrief> read(Connection c, String storyId) throws StoreException {
        try (PreparedStatement get = c.prepareStatement(
                "SELECT articles, written_at, brief FROM briefs WHERE story_id = ?")) {
            get.setString(1, storyId);
            try (ResultSet r = get.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                int articles = r.getInt(1);
                Instant writtenAt = Instant.parse(r.getString(2));
                Kept kept;
                try {
                    kept = mapper.readValue(StoreJson.gunzip(r.getBytes(3)), Kept.class);
                } catch (IOException | RuntimeException e) {
                    return Optional.empty(); // a layout another version wrote: it is written again
                }
                if (kept == null || kept.brief() == null) {
                    return Optional.empty();
                }
                return Optional.of(new StoredBrief(storyId, articles, writtenAt, kept.brief(),
                        kept.names() == null ? ArticleFallbacks.NONE : kept.names()));
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreException(database + ": cannot read the brief of story " + storyId + ": "
                    + e.getMessage(), e);
        }
    }
}
