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
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoryListing;
import org.storylens.store.StoryQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server reads: stories, their briefs and articles, from one store. A story's brief is written once per
 * set of articles (its brief-tier analyses are kept in the store, so only new articles are analysed) and kept in a
 * bounded cache with its JSON; a story that gained articles is briefed again. Thread-safe: two requests for the same
 * story wait for one brief.
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

    /**
     * A story's brief with its JSON in the output contract's shape.
     *
     * @param brief the brief
     * @param json  {@code {"generatedAt": …, "stories": [brief]}} as {@link BriefJson} renders it
     * @param names what the page calls its articles without outlet or headline (their site, their first sentence)
     */
    public record BriefedStory(StoryBrief brief, String json, ArticleFallbacks names) {
    }

    private record Cached(int articles, BriefedStory briefed) {
    }

    private final ArticleStore store;
    private final StoredAnalyses briefAnalyses;
    private final BriefWriter writer;
    private final Map<String, Cached> cache;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final RelatedStories related;
    private final java.util.concurrent.ExecutorService preparing = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "storylens-brief-preparer");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });

    /**
     * @param briefAnalyses the store's analyses at the {@link AnalysisTier#BRIEF brief tier}
     * @param cacheSize     how many briefs to keep (least recently used go first)
     */
    public StoryLibrary(ArticleStore store, StoredAnalyses briefAnalyses, BriefWriter writer, int cacheSize) {
        this.store = store;
        this.briefAnalyses = briefAnalyses;
        this.writer = writer;
        this.related = new RelatedStories(store);
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > cacheSize;
            }
        });
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
     * The brief of a stored story, or empty when there is no such story. A story never briefed is briefed now (that
     * analyses its articles at the brief tier: seconds per article); a story that gained articles since its brief was
     * written gets the earlier brief while the new one is written in the background.
     */
    public Optional<BriefedStory> brief(String storyId) throws StoreException {
        Optional<Story> found = store.story(storyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Cached cached = cache.get(storyId);
        if (cached != null && cached.articles() != found.get().size()) {
            // the story grew: readers keep the brief they had until the new one is written in the background,
            // rather than all waiting for it
            prepare(List.of(storyId));
            return Optional.of(cached.briefed());
        }
        return Optional.of(current(found.get()));
    }

    /** The brief of the story as it is now, written unless the cache holds it; one writer per story at a time. */
    private BriefedStory current(Story story) throws StoreException {
        String storyId = story.id();
        Cached cached = cache.get(storyId);
        if (cached != null && cached.articles() == story.size()) {
            return cached.briefed();
        }
        synchronized (locks.computeIfAbsent(storyId, id -> new Object())) {
            cached = cache.get(storyId);
            if (cached != null && cached.articles() == story.size()) {
                return cached.briefed();
            }
            List<Article> articles = new ArrayList<>();
            for (StoryArticle a : story.articles()) {
                articles.add(store.find(a.id()).orElseThrow(() -> new StoreException(
                        "story " + storyId + " names article " + a.id() + ", which is not stored", null)));
            }
            // the brief lists its articles' titles (in the page, many times over): shortened, as listings show them
            StoryBrief brief = Headlines.shown(writer.write(briefAnalyses.of(articles), story));
            String json = new BriefJson().render(new Brief(Instant.now().toString(), List.of(brief)));
            BriefedStory briefed = new BriefedStory(brief, json, ArticleFallbacks.of(articles));
            cache.put(storyId, new Cached(story.size(), briefed));
            return briefed;
        }
    }

    /**
     * Writes the briefs of these stories in the background, one at a time, so that their pages open at once; a
     * story that cannot be briefed now is briefed again when asked for.
     */
    public void prepare(java.util.Collection<String> storyIds) {
        for (String id : List.copyOf(storyIds)) {
            try {
                preparing.execute(() -> {
                    try {
                        Optional<Story> story = store.story(id);
                        if (story.isPresent()) {
                            current(story.get());
                        }
                    } catch (StoreException | RuntimeException e) {
                        // asked for later, the story is briefed again and the error then reaches the client
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // closing
            }
        }
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

    /** Stops preparing briefs (one being written is finished). */
    @Override
    public void close() {
        preparing.shutdownNow();
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
