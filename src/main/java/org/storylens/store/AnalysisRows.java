package org.storylens.store;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.EntityLinker;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.EntityType;
import org.storylens.clean.Article;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code analyses} table (one row per article and tier, {@link AnalysisCodec}) and {@code article_entities} (the
 * entities each analysis found, by name, for the entity filter). Each call works on the connection it is given (the
 * writer's inside its transaction, or a reader's). Thread-safe.
 */
final class AnalysisRows {

    private final String database;
    private final SqlDialect dialect;
    private final AnalysisCodec codec;
    private final EntityChoices choices = new EntityChoices(new EntityLinker());

    /** @param database the database as messages name it */
    AnalysisRows(String database, SqlDialect dialect, AnalysisCodec codec) {
        this.database = database;
        this.dialect = dialect;
        this.codec = codec;
    }

    /** Keeps the analyses inside the transaction in progress (see {@link ArticleStore#putAnalyses}). */
    void put(Connection c, AnalysisTier tier, List<AnalysedArticle> analysed) throws SQLException, IOException {
        // the upsert syntax SQLite and PostgreSQL share
        try (PreparedStatement put = c.prepareStatement("""
                INSERT INTO analyses (article_id, tier, analysed_at, facts) VALUES (?, ?, ?, ?)
                ON CONFLICT (article_id, tier) DO UPDATE SET analysed_at = excluded.analysed_at,
                                                             facts = excluded.facts""")) {
            String now = Instant.now().toString();
            for (AnalysedArticle a : analysed) {
                put.setString(1, a.article().id());
                put.setString(2, tier.name());
                put.setString(3, now);
                put.setBytes(4, codec.write(a));
                put.executeUpdate();
                putEntities(c, a.article().id(), tier.name(), a.entities());
            }
        }
    }

    /** The kept analyses at the tier of those of the articles that have one, by article id. */
    Map<String, AnalysedArticle> read(Connection c, AnalysisTier tier, List<Article> articles) throws StoreException {
        Map<String, AnalysedArticle> found = new LinkedHashMap<>();
        try (PreparedStatement get = c.prepareStatement(
                "SELECT facts FROM analyses WHERE article_id = ? AND tier = ?")) {
            for (Article a : articles) {
                get.setString(1, a.id());
                get.setString(2, tier.name());
                try (ResultSet r = get.executeQuery()) {
                    if (r.next()) {
                        found.put(a.id(), codec.read(a, r.getBytes(1)));
                    }
                }
            }
            return found;
        } catch (SQLException | IOException e) {
            throw new StoreException(database + ": cannot read analyses: " + e.getMessage(), e);
        }
    }

    /** Fills {@code article_entities} from every kept analysis (when the table is added to an older database). */
    void indexEntities(Connection c) throws SQLException, IOException {
        List<String[]> analysed = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT article_id, tier FROM analyses")) {
            while (r.next()) {
                analysed.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        try (PreparedStatement get = c.prepareStatement(
                "SELECT facts FROM analyses WHERE article_id = ? AND tier = ?")) {
            for (String[] key : analysed) {
                get.setString(1, key[0]);
                get.setString(2, key[1]);
                try (ResultSet r = get.executeQuery()) {
                    if (r.next()) {
                        putEntities(c, key[0], key[1], codec.entities(r.getBytes(1)));
                    }
                }
            }
        }
    }

    /** Keeps which entities an analysis found in an article (by name as found, case-insensitively), with counts. */
    private static void putEntities(Connection c, String articleId, String tier, List<EntityMention> mentions)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM article_entities WHERE article_id = ? AND tier = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO article_entities (article_id, tier, name, type, mentions) VALUES (?, ?, ?, ?, ?)")) {
            delete.setString(1, articleId);
            delete.setString(2, tier);
            delete.executeUpdate();
            for (EntityCount e : EntityCount.of(mentions)) {
                insert.setString(1, articleId);
                insert.setString(2, tier);
                insert.setString(3, e.name());
                insert.setString(4, e.type());
                insert.setInt(5, e.mentions());
                insert.executeUpdate();
            }
        }
    }

    /** The people, organisations and places of each story's ingest-tier analyses (see {@link ArticleStore#storyEntities}). */
    List<StoryEntity> storyEntities(Connection c) throws StoreException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT sa.story_id, min(e.name), min(e.type), count(DISTINCT e.article_id)
                FROM article_entities e JOIN story_articles sa ON sa.article_id = e.article_id
                WHERE e.tier = ? AND e.type IN ('PERSON', 'ORGANIZATION', 'LOCATION')
                GROUP BY sa.story_id, %s""".formatted(dialect.caseless("e.name")))) {
            p.setString(1, AnalysisTier.INGEST.name());
            List<StoryEntity> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new StoryEntity(r.getString(1), r.getString(2), r.getString(3), r.getInt(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(database + ": cannot list the stories' entities: " + e.getMessage(), e);
        }
    }

    /**
     * The names of the entities the kept analyses found most often, as {@link EntityChoices} chooses them (see {@link
     * ArticleStore#entityNames}).
     */
    List<String> entityNames(Connection c, int limit) throws StoreException {
        return choices.choose(foundNames(c), limit);
    }

    /**
     * Every stored form of the entity with this name or alias (case aside), as {@link EntityChoices} links the
     * names: what a story's articles may call the entity the filter names; none when no stored name is it.
     */
    List<String> entityForms(Connection c, String name) throws StoreException {
        return choices.forms(foundNames(c), name);
    }

    /** Every name the kept analyses found, with its type and how many articles name it so. */
    private List<EntityLinker.FoundName> foundNames(Connection c) throws StoreException {
        List<EntityLinker.FoundName> found = new ArrayList<>();
        // every type: a lower-case form of any type tells a common noun ("police")
        try (PreparedStatement p = c.prepareStatement(
                "SELECT name, type, count(DISTINCT article_id) FROM article_entities GROUP BY name, type");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                found.add(new EntityLinker.FoundName(r.getString(1), EntityType.valueOf(r.getString(2)), r.getInt(3)));
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new StoreException(database + ": cannot list entity names: " + e.getMessage(), e);
        }
        return found;
    }
}
