package org.storylens.serve;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.storylens.brief.BriefHtml;
import org.storylens.clean.OutletTable;
import org.storylens.store.StoreException;


import java.util.Map;
import java.util.Optional;

/**
 * The HTML pages: {@code /} the stories, {@code /stories/{id}} a story's brief, {@code /articles/{id}} an article,
 * and {@code /assets/{file}} the style sheets and script they link (an allow-list). Handlers read the request, ask
 * the {@link StoryLibrary} and hand the answer to the page class; unknown ids get a 404 page.
 */
final class PageRoutes {

    /** Entity names offered by the stories page's entity filter. */
    private static final int ENTITY_CHOICES = 300;
    /** How many rendered story pages are kept. */
    private static final int RENDERED_STORY_PAGES = 64;

    private final StoryLibrary library;
    private final StoriesPage storiesPage;
    private final StoryPage storyPage;
    private final ArticlePage articlePage;
    private final BriefBeingWrittenPage beingWritten;
    private final PageAssets assets;
    private final BriefHtml briefHtml = new BriefHtml();
    private final AtomFeeds feeds = new AtomFeeds();
    /** The last rendered page of each story, with the brief it was rendered from (pages of older briefs go). */
    private final Map<String, RenderedPage> storyPages = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RenderedPage> eldest) {
                    return size() > RENDERED_STORY_PAGES;
                }
            });

    /** Locks, by story id, under which a story's page is rendered. */
    private final Object[] rendering = java.util.stream.Stream.generate(Object::new).limit(16).toArray();

    private record RenderedPage(StoryLibrary.BriefedStory from, java.util.List<RelatedStories.Related> related,
                                String html) {
    }

    /** @param outlets the table of known outlets, for the outlets' countries */
    PageRoutes(StoryLibrary library, OutletTable outlets) {
        this.library = library;
        PageLayout layout = new PageLayout();
        this.storiesPage = new StoriesPage(layout, outlets);
        this.storyPage = new StoryPage(layout, new BriefHtml(), new CoveragePanel(outlets));
        this.articlePage = new ArticlePage(layout, outlets, new ArticleHighlights());
        this.beingWritten = new BriefBeingWrittenPage(layout);
        this.assets = new PageAssets();
    }

    void register(RoutesConfig routes) {
        // pages of the briefs written in the background are rendered there too: a first view finds them ready
        library.whenBriefed((id, briefed) -> {
            try {
                page(id, briefed, library.related(id));
            } catch (StoreException e) {
                // rendered when asked for
            }
        });
        routes.get("/", StorylensServer.guarded(this::stories));
        routes.get("/stories.atom", StorylensServer.guarded(this::storiesFeed));
        routes.get("/stories/{id}", StorylensServer.guarded(this::story));
        routes.get("/stories/{id}/feed.atom", StorylensServer.guarded(this::storyFeed));
        routes.get("/articles/{id}", StorylensServer.guarded(this::article));
        routes.get("/assets/{file}", StorylensServer.guarded(this::asset));
    }

    private void stories(Context ctx) throws StoreException {
        var query = Queries.storyQuery(ctx);
        var stories = library.stories(query);
        html(ctx, storiesPage.render(new StoriesPage.Listing(stories, query, library.outlets(),
                library.entityNames(ENTITY_CHOICES), library.articleCount(), leads(stories))));
    }

    /** The stories' lead sentences by id (see {@link StoryLibrary#lead}). */
    private Map<String, String> leads(java.util.List<org.storylens.store.StoryListing> stories) throws StoreException {
        Map<String, String> leads = new java.util.HashMap<>();
        for (var s : stories) {
            String lead = library.lead(s);
            if (lead != null) {
                leads.put(s.id(), lead);
            }
        }
        return leads;
    }

    private void storiesFeed(Context ctx) throws StoreException {
        var query = Queries.storyQuery(ctx);
        var stories = library.stories(query);
        Map<String, String> leads = leads(stories);
        String filters = StoriesPage.filterQuery(query);
        atom(ctx, feeds.stories(stories, leads, base(ctx), filters.isEmpty() ? "/" : "/?" + filters,
                StoriesPage.feedHref(query), StoriesPage.filtered(query)));
    }

    private void storyFeed(Context ctx) throws StoreException {
        String id = ctx.pathParam("id");
        Optional<StoryLibrary.Reading> reading = library.read(id);
        if (reading.isEmpty()) {
            StorylensServer.failure(ctx, 404, "There is no story " + id + ".");
            return;
        }
        if (reading.get() instanceof StoryLibrary.BeingWritten pending) {
            // not blocked on a first brief: the articles it has now, and when to ask again
            ctx.status(202).header("Retry-After", String.valueOf(BriefBeingWrittenPage.REFRESH_SECONDS));
            atom(ctx, feeds.beingWritten(pending, base(ctx)));
            return;
        }
        var b = (StoryLibrary.BriefedStory) reading.get();
        atom(ctx, feeds.story(b.brief(), b.names(), briefHtml.stateLine(b.brief(), b.names()), base(ctx)));
    }

    /** The server's address as the client reached it, for the feeds' absolute links. */
    private static java.net.URI base(Context ctx) {
        return java.net.URI.create(ctx.url()).resolve("/");
    }

    private static void atom(Context ctx, String feed) {
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType("application/atom+xml; charset=utf-8").result(feed);
    }

    private void story(Context ctx) throws StoreException {
        String id = ctx.pathParam("id");
        Optional<StoryLibrary.Reading> reading = library.read(id);
        if (reading.isEmpty()) {
            StorylensServer.failure(ctx, 404, "There is no story " + id + ".");
            return;
        }
        if (reading.get() instanceof StoryLibrary.BeingWritten pending) {
            ctx.status(202);
            html(ctx, beingWritten.render(pending));
            return;
        }
        html(ctx, page(id, (StoryLibrary.BriefedStory) reading.get(), library.related(id)));
    }

    /** The story's page of this brief, rendered unless it was rendered before. */
    private String page(String id, StoryLibrary.BriefedStory briefed, java.util.List<RelatedStories.Related> related) {
        RenderedPage page = storyPages.get(id);
        if (page != null && page.from() == briefed && page.related().equals(related)) {
            return page.html();
        }
        // one rendering per story at a time: a reader asking while the background renders the page waits for it
        synchronized (rendering[Math.floorMod(id.hashCode(), rendering.length)]) {
            page = storyPages.get(id);
            if (page == null || page.from() != briefed || !page.related().equals(related)) {
                // the library hands out the same brief until the story grows: render each brief once (again when
                // the related stories changed)
                page = new RenderedPage(briefed, related, storyPage.render(briefed.brief(), briefed.names(), related));
                storyPages.put(id, page);
            }
            return page.html();
        }
    }

    private void article(Context ctx) throws StoreException {
        String id = ctx.pathParam("id");
        Optional<StoryLibrary.ArticleView> view = library.article(id);
        if (view.isEmpty()) {
            StorylensServer.failure(ctx, 404, "There is no article " + id + ".");
            return;
        }
        html(ctx, articlePage.render(view.get()));
    }

    private void asset(Context ctx) {
        Optional<PageAssets.Asset> asset = assets.get(ctx.pathParam("file"));
        if (asset.isEmpty()) {
            StorylensServer.failure(ctx, 404, "not found: " + ctx.path());
            return;
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("ETag", asset.get().etag());
        if (asset.get().etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.get().contentType()).result(asset.get().bytes());
    }

    private static void html(Context ctx, String page) {
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType("text/html; charset=utf-8").result(page);
    }
}
