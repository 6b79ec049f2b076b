package org.storylens.serve;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.Brief;
import org.storylens.brief.BriefJson;
import org.storylens.brief.BriefWriter;
import org.storylens.brief.StoryBrief;
import org.storylens.clean.Article;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.pipeline.StoredAnalyses;
import org.storylens.pipeline.StoryBriefs;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoredBrief;
import org.storylens.store.StoryListing;
import org.storylens.store.StoryQuery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the server reads: stories, their briefs and articles, from one store. A story's brief is written once per
 * set of articles ({@link StoryBriefs}: its brief-tier analyses and the brief itself are kept in the store, so a
 * restarted server reads the briefs back instead of writing them again) by one background writer, and kept in a
 * bounded cache with its JSON. A reader of a story never briefed waits a bounded time for its brief and is otherwise
 * told that it is being written ({@link BeingWritten}); a story that gained articles answers with its earlier brief
 * while the new one is written. Thread-safe.
 */
public final class StoryLibrary implements AutoCloseable {

    /**
     * One article as the article page shows it.
     *
     * @param article  the cleaned article
     * @param analysis its ingest-tier analysis (entities, dates, quotes, figures), or null when it has none
     * @param storyId  the story that holds it, or null
     */
    public record ArticleView(Article article, AnalysedArticle analysis, String storyId) {
    }

    /** What a reader of a story is given now: its brief, or word that the brief is being written. */
    public sealed interface Reading permits BriefedStory, BeingWritten {
    }

    /**
     * A story's brief with its JSON in the output contract's shape.
     *
     * @param brief the brief
     * @param json  {@code {"generatedAt": …, "stories": [brief]}} as {@link BriefJson} renders it
     * @param names what the page calls its articles without outlet or headline (their site, their first sentence)
     */
    public record BriefedStory(StoryBrief brief, String json, ArticleFallbacks names) implements Reading {
    }

    /**
     * A story whose first brief is being written in the background.
     *
     * @param story    the story
     * @param title    its headline as the stories list shows it (that of its latest dated article that has one), or null
     * @param articles its first {@value #LISTED_WHILE_WRITING} articles in arrival order (those stored)
     */
    public record BeingWritten(Story story, String title, List<Article> articles) implements Reading {

        public BeingWritten {
            articles = List.copyOf(articles);
        }
    }

    /** How many of a story's articles {@link BeingWritten} lists. */
    public static final int LISTED_WHILE_WRITING = 30;

    private record Cached(int articles, BriefedStory briefed) {
    }

    /** Why writing a story's brief failed, for the story at that size. */
    private record Failed(int articles, Throwable cause) {
    }

    private final ArticleStore store;
    private final StoryBriefs briefs;
    private final Duration firstViewWait;
    private final Map<String, Cached> cache;
    private final Map<String, Failed> failed = new ConcurrentHashMap<>();
    private final RelatedStories related;
    private final BriefQueue queue;
    /** Locks, by story id, under which a kept brief is read back into the cache. */
    private final Object[] readBacks = new Object[64];
    private final List<java.util.function.BiConsumer<String, BriefedStory>> briefedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A library whose readers of a story never briefed wait until its brief is written.
     *
     * @param briefAnalyses the store's analyses at the {@link AnalysisTier#BRIEF brief tier}
     * @param cacheSize     how many briefs to keep (least recently used go first)
     */
    public StoryLibrary(ArticleStore store, StoredAnalyses briefAnalyses, BriefWriter writer, int cacheSize) {
        this(store, briefAnalyses, writer, cacheSize, null);
    }

    /**
     * @param briefAnalyses the store's analyses at the {@link AnalysisTier#BRIEF brief tier}
     * @param cacheSize     how many briefs to keep (least recently used go first)
     * @param firstViewWait how long {@link #read} waits for the first brief of a story before answering that it is
     *                      being written; null to wait until it is written
     */
    public StoryLibrary(ArticleStore store, StoredAnalyses briefAnalyses, BriefWriter writer, int cacheSize,
                        Duration firstViewWait) {
        if (firstViewWait != null && firstViewWait.isNegative()) {
            throw new IllegalArgumentException("the wait for a first brief cannot be negative: " + firstViewWait);
        }
        this.store = store;
        this.briefs = new StoryBriefs(store, briefAnalyses, writer);
        this.firstViewWait = firstViewWait;
        this.related = new RelatedStories(store);
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > cacheSize;
            }
        });
        for (int i = 0; i < readBacks.length; i++) {
            readBacks[i] = new Object();
        }
        this.queue = new BriefQueue(this::write);
    }

    /** The stories the query asks for, newest-active first. */
    public List<StoryListing> stories(StoryQuery query) throws StoreException {
        return store.stories(query);
    }

    /** How many stories the query's conditions select, its limit and offset aside. */
    public int countStories(StoryQuery query) throws StoreException {
        return store.countStories(query);
    }

    /** The outlets of the stored articles, most articles first (for the outlet filter). */
    public List<String> outlets() throws StoreException {
        return store.outlets();
    }

    /** The most often found entity names (for the entity filter). */
    public List<String> entityNames(int limit) throws StoreException {
        return store.entityNames(limit);
    }

    /** How many articles are stored. */
    public int articleCount() throws StoreException {
        return store.count();
    }

    /** The stored story, or empty when there is none by that id. */
    public Optional<Story> story(String id) throws StoreException {
        return store.story(id);
    }

    /**
     * The brief of a stored story, or empty when there is no such story. A story never briefed is briefed now, the
     * caller waiting for it (the brief-tier analysis of its articles: seconds per article); a story that gained
     * articles since its brief was written gets the earlier brief while the new one is written in the background.
     */
    public Optional<BriefedStory> brief(String storyId) throws StoreException {
        Optional<Reading> reading = read(storyId, null);
        if (reading.isPresent() && reading.get() instanceof BeingWritten) {
            throw new StoreException("the brief of story " + storyId + " was not written", null);
        }
        return reading.map(BriefedStory.class::cast);
    }

    /**
     * What a reader of the story is given now, or empty when there is no such story: its brief when one was written
     * (an earlier one, for a story that grew, while the new one is written in the background); for a story never
     * briefed, its brief when it is written within the library's first-view wait, else {@link BeingWritten} while it
     * is written in the background.
     *
     * @throws StoreException when the store fails, or writing this story's brief failed the last time (the next call
     *                        tries again)
     */
    public Optional<Reading> read(String storyId) throws StoreException {
        return read(storyId, firstViewWait);
    }

    private Optional<Reading> read(String storyId, Duration wait) throws StoreException {
        Optional<Story> found = store.story(storyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Story story = found.get();
        Cached known = known(story, false);
        if (known != null) {
            if (known.articles() < story.size()) {
                // the story grew: readers keep the brief they had until the new one is written in the background,
                // rather than all waiting for it
                queue.prepare(List.of(storyId));
            }
            return Optional.of(known.briefed());
        }
        Failed failure = failed.remove(storyId);
        if (failure != null && failure.articles() == story.size()) {
            throw new StoreException("cannot write the brief of story " + storyId + ": " + failure.cause(),
                    failure.cause());
        }
        CompletableFuture<Void> turn = queue.ask(storyId);
        try {
            if (wait == null) {
                turn.get();
            } else if (!wait.isZero()) {
                turn.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            // still being written: the reader is told so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            failed.remove(storyId);
            if (e.getCause() instanceof StoreException s) {
                throw s;
            }
            throw new StoreException("cannot write the brief of story " + storyId + ": " + e.getCause(),
                    e.getCause());
        }
        known = turn.isDone() && !turn.isCompletedExceptionally() ? known(story, false) : null;
        if (known != null) {
            return Optional.of(known.briefed());
        }
        return Optional.of(beingWritten(story));
    }

    /**
     * The brief the library knows for the story: the cached one when it covers the whole story (or, to a reader, while
     * the background writer has the story queued); else the one kept in the store when that covers more (another
     * process, or an earlier run, wrote it), read back once however many ask at the same time; else the cached one or
     * null.
     */
    private Cached known(Story story, boolean writer) throws StoreException {
        Cached cached = cache.get(story.id());
        if (cached != null && (cached.articles() >= story.size() || !writer && queue.queued(story.id()))) {
            return cached;
        }
        synchronized (readBacks[Math.floorMod(story.id().hashCode(), readBacks.length)]) {
            cached = cache.get(story.id());
            if (cached != null && cached.articles() >= story.size()) {
                return cached;
            }
            Optional<StoredBrief> kept = briefs.kept(story.id());
            if (kept.isPresent() && (cached == null || kept.get().articles() > cached.articles())) {
                return remember(kept.get());
            }
            return cached;
        }
    }

    /**
     * Has the listener called, on the background writer's thread, with each story's brief that writer brings up to
     * date (written, or read back from the store), so that what is made of a brief can be made before it is asked
     * for. A listener's failure is ignored.
     */
    public void whenBriefed(java.util.function.BiConsumer<String, BriefedStory> listener) {
        briefedListeners.add(listener);
    }

    /** The background writer's turn for one story: its brief brought up to date in the store and cached. */
    private void write(String storyId) throws StoreException {
        try {
            Optional<Story> story = store.story(storyId);
            if (story.isPresent()) {
                Cached known = known(story.get(), true);
                BriefedStory briefed = known != null && known.articles() >= story.get().size() ? known.briefed()
                        : remember(briefs.update(story.get())).briefed();
                for (var listener : briefedListeners) {
                    try {
                        listener.accept(storyId, briefed);
                    } catch (RuntimeException e) {
                        // only a head start: the reader's request makes it again
                    }
                }
            }
        } catch (StoreException | RuntimeException | Error e) {
            // the story's next reader is told (once), rather than shown the being-written page again and again
            try {
                store.story(storyId).ifPresent(s -> failed.put(storyId, new Failed(s.size(), e)));
            } catch (StoreException unreadable) {
                e.addSuppressed(unreadable); // the reader's own look-up fails the same way
            }
            throw e;
        }
    }

    private Cached remember(StoredBrief kept) {
        // the brief lists its articles' titles (in the page, many times over): shortened, as listings show them
        StoryBrief brief = Headlines.shown(kept.brief());
        String json = new BriefJson().render(new Brief(kept.writtenAt().toString(), List.of(brief)));
        Cached cached = new Cached(kept.articles(), new BriefedStory(brief, json, kept.names()));
        synchronized (cache) {
            Cached before = cache.get(kept.storyId());
            if (before != null && before.articles() >= kept.articles()) {
                return before;
            }
            cache.put(kept.storyId(), cached);
        }
        return cached;
    }

    private BeingWritten beingWritten(Story story) throws StoreException {
        List<Article> articles = new ArrayList<>();
        for (StoryArticle a : story.articles().subList(0, Math.min(LISTED_WHILE_WRITING, story.size()))) {
            store.find(a.id()).ifPresent(articles::add);
        }
        // the headline of its latest dated article that has one, undated last (as the stories list shows it)
        Article headed = null;
        for (Article a : articles) {
            if (a.title() != null && !a.title().isBlank() && (headed == null || later(a, headed))) {
                headed = a;
            }
        }
        return new BeingWritten(story, headed == null ? null : headed.title(), articles);
    }

    private static boolean later(Article a, Article than) {
        if (a.publishedAt() == null) {
            return than.publishedAt() == null;
        }
        return than.publishedAt() == null || a.publishedAt().compareTo(than.publishedAt()) >= 0;
    }

    /**
     * Writes the briefs of these stories in the background, one at a time, so that their pages open at once (a brief
     * kept in the store for the story as it is is read back, not written again); a story that cannot be briefed now
     * is briefed again when asked for.
     */
    public void prepare(java.util.Collection<String> storyIds) {
        queue.prepare(List.copyOf(storyIds));
    }

    /** The stories related to this one (see {@link RelatedStories}), most related first. */
    public List<RelatedStories.Related> related(String storyId) throws StoreException {
        return related.of(storyId);
    }

    /** How long a stories-list row's lead sentence may be, in characters (cut at a word). */
    public static final int LEAD_CHARS = 200;

    private record Lead(int articles, boolean fromBrief, String text) {
    }

    private final Map<String, Lead> leads = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Lead> eldest) {
            return size() > 2048;
        }
    });

    /**
     * A line saying what the story is: the first summary sentence of its brief when the brief is written, else the
     * first sentence of its latest article ({@link ArticleFallbacks#leadSentence}: datelines and bylines skipped); cut
     * at a word near {@value #LEAD_CHARS} characters; null when there is no text. Never writes a brief.
     */
    public String lead(StoryListing story) throws StoreException {
        Cached cached = cache.get(story.id());
        Lead known = leads.get(story.id());
        boolean briefed = cached != null && !cached.briefed().brief().summary().isEmpty();
        if (known != null && known.articles() == story.articles() && (known.fromBrief() || !briefed)) {
            return known.text();
        }
        Lead lead;
        if (briefed) {
            String first = cached.briefed().brief().summary().get(0).text().strip().replaceAll("\\s+", " ");
            lead = new Lead(cached.articles(), true, ArticleFallbacks.cut(first, LEAD_CHARS));
        } else {
            lead = new Lead(story.articles(), false, latestArticleSentence(story.id()));
        }
        leads.put(story.id(), lead);
        return lead.text();
    }

    private String latestArticleSentence(String storyId) throws StoreException {
        Optional<Story> story = store.story(storyId);
        if (story.isEmpty() || story.get().articles().isEmpty()) {
            return null;
        }
        // the latest dated article, the last joined among the undated or equally dated
        StoryArticle latest = null;
        for (StoryArticle a : story.get().articles()) {
            if (latest == null || a.published() != null
                    && (latest.published() == null || !a.published().isBefore(latest.published()))) {
                latest = a;
            }
        }
        Optional<Article> article = store.find(latest.id());
        return article.map(a -> ArticleFallbacks.leadSentence(a.text(), LEAD_CHARS)).orElse(null);
    }

    /** Stops writing briefs (the one being written is interrupted). */
    @Override
    public void close() {
        queue.close();
    }

    /** A stored article with its ingest-tier analysis and story, or empty when there is none by that id. */
    public Optional<ArticleView> article(String id) throws StoreException {
        Optional<Article> article = store.find(id);
        if (article.isEmpty()) {
            return Optional.empty();
        }
        AnalysedArticle analysis = store.analyses(AnalysisTier.INGEST, List.of(article.get())).get(id);
        return Optional.of(new ArticleView(article.get(), analysis, store.storyOf(id).orElse(null)));
    }
}
