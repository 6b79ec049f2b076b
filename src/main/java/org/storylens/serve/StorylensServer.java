package org.storylens.serve;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.storylens.pipeline.ArticleIntake;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;

/**
 * The web application: the REST API under {@code /api} and the HTML pages, on Javalin (Jetty), over one store.
 * Every response carries a strict Content-Security-Policy (scripts and styles from this server only, nothing
 * fetched elsewhere); errors answer with a short message and never a stack trace.
 */
public final class StorylensServer implements AutoCloseable {

    /** The Content-Security-Policy of every response. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** The version of storylens the server reports at {@code /api/health}. */
    public static final String VERSION = "0.1.0";

    private final Javalin app;
    private final ServerOptions options;

    /**
     * A server over a database with nothing left to recover.
     *
     * @param log where unexpected errors are reported (the client only learns that one happened)
     */
    public StorylensServer(StoryLibrary library, ArticleIntake intake, AccessToken token, ServerOptions options,
                           PrintStream log) {
        this(library, new FairIntake(intake), () -> BackgroundRecovery.Progress.NONE, token, options, log);
    }

    /**
     * @param intake   the intake POSTed articles go through, shared in turns with the recovery
     * @param recovery where the placing of left-over articles is, for {@code /api/health}
     * @param log      where unexpected errors are reported (the client only learns that one happened)
     */
    public StorylensServer(StoryLibrary library, FairIntake intake,
                           java.util.function.Supplier<BackgroundRecovery.Progress> recovery, AccessToken token,
                           ServerOptions options, PrintStream log) {
        this.options = options;
        org.storylens.clean.OutletTable outlets = org.storylens.clean.OutletTable.load();
        ApiRoutes api = new ApiRoutes(library, intake, recovery, outlets, options, log);
        PageRoutes pages = new PageRoutes(library, outlets);
        AccessGate gate = new AccessGate(token, options.readsNeedToken());
        HostCheck hosts = new HostCheck(options);
        this.app = Javalin.create(config -> {
            config.jsonMapper(new io.javalin.json.JavalinJackson(new com.fasterxml.jackson.databind.ObjectMapper()
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), false));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.prefer405over404 = true;
            RoutesConfig routes = config.routes;
            routes.before(StorylensServer::securityHeaders);
            routes.before(hosts::check);
            routes.before(gate::check);
            api.register(routes);
            pages.register(routes);
            routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 405) {
                    methodNotAllowed(ctx);
                } else if (e.getStatus() == 404 && String.valueOf(e.getMessage()).startsWith("Endpoint ")) {
                    failure(ctx, 404, "not found: " + ctx.path()); // Javalin's own: no route here
                } else {
                    failure(ctx, e.getStatus(), e.getMessage());
                }
            });
            routes.exception(Exception.class, (e, ctx) -> {
                log.println("storylens serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
                failure(ctx, 500, "internal error; the server log says more");
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    failure(ctx, 404, "not found: " + ctx.path());
                }
            });
        });
    }

    /**
     * The handler, with an error that is no exception (a stack overflow on deeply nested content, memory run out on a
     * huge one) turned into one, so that it is logged and answered like any other failure instead of leaving Jetty to
     * send an empty 500.
     */
    static io.javalin.http.Handler guarded(io.javalin.http.Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (StackOverflowError | OutOfMemoryError e) {
                throw new IllegalStateException("the request's content is too deeply nested or too large to "
                        + "process: " + e, e);
            }
        };
    }

    private static void methodNotAllowed(Context ctx) {
        List<String> allowed = ApiRoutes.methodsAt(ctx.path());
        if (allowed.isEmpty()) {
            allowed = List.of("GET");
        }
        ctx.header("Allow", String.join(", ", allowed));
        failure(ctx, 405, ctx.method().name() + " is not allowed on " + ctx.path() + "; allowed: "
                + String.join(", ", allowed));
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/api")) {
            // answers may be token-protected and change with every POST: no cache keeps them
            ctx.header("Cache-Control", "no-store");
        } else if (!ctx.path().startsWith("/assets/")) {
            // pages: this browser only, asked again each time (assets set their own, public, caching)
            ctx.header("Cache-Control", "private, no-cache");
        }
    }

    /** Answers with an error: JSON {@code {"error": …}} under /api, a small escaped HTML page elsewhere. */
    static void failure(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/api")) {
            ctx.json(java.util.Map.of("error", message, "status", status));
        } else {
            ctx.contentType("text/html; charset=utf-8");
            ctx.result("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                    + "</title><link rel=\"stylesheet\" href=\"/assets/storylens.css\"></head><body><main><h1>"
                    + status + "</h1><p>" + org.jsoup.nodes.Entities.escape(message)
                    + "</p><p><a href=\"/\">All stories</a></p></main></body></html>");
        }
    }

    /** Starts listening; returns this. */
    public StorylensServer start() {
        app.start();
        return this;
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        return app.port();
    }

    /** The address of its home page. */
    public URI url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    @Override
    public void close() {
        app.stop();
    }
}
