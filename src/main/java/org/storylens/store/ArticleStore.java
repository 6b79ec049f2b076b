package org.storylens.store;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of the store stage: keeps cleaned articles, each text once, their analyses per tier, and the
 * stories they were assigned to with the clusterer state that assigned them, and the latest brief of each story.
 * Implementations are thread-safe and
 * never lose what was stored before when an add fails.
 */
public interface ArticleStore extends AutoCloseable {

    /** What happened to one article handed to {@link #add}. */
    record Added(Article article, boolean isNew, String duplicateOf) {
    }

    /**
     * Stores the articles in one transaction: all or nothing. An article whose normalised text is already stored is
     * not stored again ({@code isNew == false}, {@code duplicateOf} names the stored id); an article whose id is taken
     * by a different text is stored under the id with a suffix.
     */
    List<Added> addAll(List<Article> articles) throws StoreException;

    /** All stored articles, oldest publication date first, undated last. */
    List<Article> list() throws StoreException;

    Optional<Article> find(String id) throws StoreException;

    int count() throws StoreException;

    /**
     * Keeps the analyses of stored articles at a tier, in one transaction, replacing what that tier kept for the same
     * articles before. An analysis of an article that is not stored is refused, and then nothing of the call is kept.
     */
    void putAnalyses(AnalysisTier tier, List<AnalysedArticle> analysed) throws StoreException;

    /**
     * The kept analyses at a tier of the given stored articles, by article id; an article never analysed at that
     * tier has no entry.
     */
    Map<String, AnalysedArticle> analyses(AnalysisTier tier, List<Article> articles) throws StoreException;

    /**
     * The articles that have an analysis at the tier but are in no story yet (a run stopped between analysing and
     * assigning), in the order they were stored.
     */
    List<Article> analysedWithoutStory(AnalysisTier tier) throws StoreException;

    /** The clusterer state saved last, or empty when no story was ever saved; a state that cannot be read fails. */
    Optional<ClusterSnapshot> clusterState() throws StoreException;

    /**
     * The clusterer state as a writer finds it under the write lock, read (and decoded) only when first asked for: a
     * step that keeps its own clusterer never pays for reading the saved one.
     */
    interface SavedState {

        /** The state saved last, or null when none was saved or it cannot be read. */
        ClusterSnapshot snapshot();

        /** Why a saved state cannot be read (naming the database), or null when it was read or is absent. */
        String unreadable();
    }

    /**
     * What a clusterer step saves: its new state and the assignments it made since the state it was given.
     *
     * @param snapshot    the clusterer's new state
     * @param encoded     that state as {@link ClusterStateCodec#write} encodes it, when the step has it already (it is
     *                    saved as given, not encoded again), or null
     * @param assignments the assignments made since the state the step was given
     */
    record StoryUpdate(ClusterSnapshot snapshot, byte[] encoded, List<StoryAssignment> assignments) {

        public StoryUpdate {
            assignments = List.copyOf(assignments);
        }

        /** An update whose state the store encodes. */
        public StoryUpdate(ClusterSnapshot snapshot, List<StoryAssignment> assignments) {
            this(snapshot, null, assignments);
        }
    }

    /** One clusterer step: from the state saved last to what is to be saved, or null to save nothing. */
    interface StoryStep {
        StoryUpdate apply(SavedState saved) throws StoreException;
    }

    /**
     * Reads the clusterer state and saves what the step makes of it (as {@link #saveStories}) in one write
     * transaction: no other writer, in this process or another, saves stories between the read and the save, so two
     * writers in turn each continue from the other's state. The step may read the store meanwhile.
     */
    void updateStories(StoryStep step) throws StoreException;

    /** A stored article in a story. */
    record Assigned(Article article, String storyId) {
    }

    /**
     * The stored articles that are in stories, each with its story, in the order they were assigned: {@code limit} of
     * them from the {@code offset}-th (a page; the state of a clusterer can be rebuilt by replaying them).
     */
    List<Assigned> assigned(int offset, int limit) throws StoreException;

    /**
     * Keeps, in one transaction, the clusterer state and the assignments it made since the state saved before: each
     * assigned article's story, and the stories they joined or opened as the snapshot holds them. An article already
     * in a story, or not stored, is refused, and then nothing of the call is kept.
     */
    void saveStories(ClusterSnapshot snapshot, List<StoryAssignment> assignments) throws StoreException;

    /** The saved stories, largest first, then in the order they were opened. */
    List<StoredStory> stories() throws StoreException;

    /**
     * The position of the newest assignment of an article to a story, 0 when there is none: it grows whenever a story
     * opens or gains an article (assignments are never taken back), so a reader can tell from this one indexed read,
     * whatever the number of stories, whether the stories changed since it last looked.
     */
    long latestAssignment() throws StoreException;

    /** One saved story with its articles in arrival order, or empty when there is none by that id. */
    Optional<Story> story(String id) throws StoreException;

    /**
     * The stories the query asks for, newest-active first: the latest publication date first (undated last), then
     * the latest arrival, then the largest.
     */
    List<StoryListing> stories(StoryQuery query) throws StoreException;

    /** How many stories the query's conditions select, its limit and offset aside (for paging). */
    int countStories(StoryQuery query) throws StoreException;

    /** The id of the story that holds the stored article, or empty when it is in none (or not stored). */
    Optional<String> storyOf(String articleId) throws StoreException;

    /** Whether an article with this URL is stored. */
    boolean hasUrl(String url) throws StoreException;

    /** The stored articles that are in no story, in the order they were stored. */
    List<Article> withoutStory() throws StoreException;

    /** The outlets of the stored articles, most articles first. */
    List<String> outlets() throws StoreException;

    /**
     * The names of the entities the stored analyses found most often (the {@code limit} first, by the number of
     * articles naming them), as {@link StoryQuery#entity()} matches them.
     */
    List<String> entityNames(int limit) throws StoreException;

    /**
     * The people, organisations and places the ingest-tier analyses found in each story's articles: one per story and
     * name (case aside), with how many of the story's articles name it.
     */
    List<StoryEntity> storyEntities() throws StoreException;

    /**
     * Keeps the brief of a stored story in place of the one kept for it, unless that one was written for more
     * articles (two writers finishing in the wrong order never put an older brief back). A brief of a story that is
     * not stored is refused.
     */
    void putBrief(StoredBrief brief) throws StoreException;

    /**
     * The brief kept for the story, whatever number of articles it was written for (see
     * {@link StoredBrief#isCurrentFor}); empty when none was kept, or when the one kept cannot be read back (a layout of
     * another version), so that it is written again.
     */
    Optional<StoredBrief> brief(String storyId) throws StoreException;

    @Override
    void close() throws StoreException;
}
