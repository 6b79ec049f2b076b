package org.storylens.serve;

import io.javalin.config.RoutesConfig;

/** The HTML pages: stories, a story's brief, an article. */
final class PageRoutes {

    private final StoryLibrary library;
    private final AccessToken token;
    private final ServerOptions options;

    PageRoutes(StoryLibrary library, AccessToken token, ServerOptions options) {
        this.library = library;
        this.token = token;
        this.options = options;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.html("<!DOCTYPE html><title>storylens</title><p>storylens</p>"));
    }
}
