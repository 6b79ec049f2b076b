package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.storylens.ingest.IngestException;
import org.storylens.ingest.Input;
import org.storylens.ingest.JsonLinesReader;
import org.storylens.ingest.ReadResult;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.Failure;
import org.storylens.store.StoryListing;
import org.storylens.store.StoryQuery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST API under {@code /api}: JSON in, JSON out. */
final class ApiRoutes {

    private final StoryLibrary library;
    private final ArticleIntake intake;
    private final AccessToken token;
    private final ServerOptions options;
    private final ObjectMapper json = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonLinesReader lines = new JsonLinesReader();

    ApiRoutes(StoryLibrary library, ArticleIntake intake, AccessToken token, ServerOptions options) {
        this.library = library;
        this.intake = intake;
        this.token = token;
        this.options = options;
    }

    void register(RoutesConfig routes) {
        routes.before("/api/*", this::authorise);
        routes.get("/api/health", this::health);
        routes.get("/api/stories", this::stories);
        routes.get("/api/stories/{id}", this::story);
        routes.get("/api/articles/{id}", this::article);
        routes.post("/api/articles", this::post);
    }

    private void authorise(Context ctx) {
        boolean write = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        if ((write || options.readsNeedToken()) && !token.isCarriedBy(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            ctx.skipRemainingHandlers();
            StorylensServer.failure(ctx, 401, (write ? "writes" : "reads") + " need the access token: "
                    + "send 'Authorization: Bearer TOKEN' (the token is in " + token.file().getFileName() + ")");
        }
    }

    private void health(Context ctx) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("articles", library.articleCount());
        ctx.json(out);
    }

    private void stories(Context ctx) throws Exception {
        List<StoryListing> listed = library.stories(Queries.storyQuery(ctx));
        ctx.json(Map.of("stories", listed));
    }

    private void story(Context ctx) throws Exception {
        var briefed = library.brief(ctx.pathParam("id"));
        if (briefed.isEmpty()) {
            StorylensServer.failure(ctx, 404, "no story " + ctx.pathParam("id"));
            return;
        }
        ctx.contentType("application/json; charset=utf-8").result(briefed.get().json());
    }

    private void article(Context ctx) throws Exception {
        var view = library.article(ctx.pathParam("id"));
        if (view.isEmpty()) {
            StorylensServer.failure(ctx, 404, "no article " + ctx.pathParam("id"));
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("article", view.get().article());
        out.put("storyId", view.get().storyId());
        ctx.json(out);
    }

    private void post(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            StorylensServer.failure(ctx, 400, "empty body: send one JSON article or JSON Lines (one per line)");
            return;
        }
        ReadResult read;
        try {
            read = lines.read(Input.ofBytes("POST /api/articles", oneLine(body)));
        } catch (IngestException e) {
            StorylensServer.failure(ctx, 400, e.getMessage());
            return;
        }
        ArticleIntake.Outcome outcome = intake.accept(read.articles());
        List<Failure> failures = new ArrayList<>();
        read.failures().forEach(f -> failures.add(new Failure(f.input(), f.reason())));
        failures.addAll(outcome.failures());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("articles", outcome.placed());
        out.put("failures", failures.stream().map(f -> Map.of("input", f.input(), "reason", f.reason())).toList());
        ctx.status(outcome.placed().isEmpty() ? 400 : failures.isEmpty() ? 201 : 207).json(out);
    }

    /** A single JSON object sent over several lines becomes one line; JSON Lines stay as they are. */
    private byte[] oneLine(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{") && text.contains("\n")) {
            try {
                JsonNode node = json.readTree(text);
                if (node != null && node.isObject()) {
                    return json.writeValueAsBytes(node);
                }
            } catch (java.io.IOException e) {
                // not one object: JSON Lines, read line by line below
            }
        }
        return body;
    }
}
