package org.storylens.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.storylens.clean.Outlet;
import org.storylens.clean.OutletTable;
import org.storylens.ingest.IngestException;
import org.storylens.ingest.Input;
import org.storylens.ingest.JsonLinesReader;
import org.storylens.ingest.RawArticle;
import org.storylens.ingest.ReadResult;
import org.storylens.store.StoreException;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.Failure;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoryListing;
import org.storylens.store.StoryQuery;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API under {@code /api}: JSON in, JSON out. Who may call it is the {@link AccessGate}'s business; this
 * parses requests, calls the library and the intake, and shapes their answers.
 */
final class ApiRoutes {

    /** The API's routes, each documented in {@code openapi.json}: the one list the server registers from. */
    enum Endpoint {
        HEALTH(HandlerType.GET, "/api/health"),
        OPENAPI(HandlerType.GET, "/api/openapi.json"),
        STORIES(HandlerType.GET, "/api/stories"),
        STORY(HandlerType.GET, "/api/stories/{id}"),
        ARTICLE(HandlerType.GET, "/api/articles/{id}"),
        POST_ARTICLES(HandlerType.POST, "/api/articles");

        final HandlerType method;
        final String path;

        Endpoint(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Whether a request path is this endpoint's path, whatever the method. */
        boolean matchesPath(String requestPath) {
            return Pattern.matches(path.replaceAll("\\{[^}]+}", "[^/]+"), requestPath);
        }
    }

    /** Body media types read as JSON Lines (one article per line). */
    static final Set<String> JSON_LINES_TYPES = Set.of("application/x-ndjson", "application/jsonl",
            "application/json-lines", "application/x-jsonlines", "text/plain");
    static final String OPENAPI_RESOURCE = "openapi.json";

    private static final Pattern LINE_SUFFIX = Pattern.compile(":(\\d+)$");

    private final StoryLibrary library;
    private final FairIntake intake;
    private final Supplier<BackgroundRecovery.Progress> recovery;
    private final OutletTable outlets;
    private final ServerOptions options;
    private final PrintStream log;
    private final byte[] openApi;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonLinesReader lines = new JsonLinesReader();

    /**
     * @param recovery where the placing of left-over articles is
     * @param log      where an article that broke its processing is reported in full
     */
    ApiRoutes(StoryLibrary library, FairIntake intake, Supplier<BackgroundRecovery.Progress> recovery,
              OutletTable outlets, ServerOptions options, PrintStream log) {
        this.library = library;
        this.intake = intake;
        this.recovery = recovery;
        this.outlets = outlets;
        this.options = options;
        this.log = log;
        this.openApi = openApiDocument();
    }

    /** The OpenAPI document kept beside this class. */
    static byte[] openApiDocument() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + OPENAPI_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the resource " + OPENAPI_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    void register(RoutesConfig routes) {
        for (Endpoint e : Endpoint.values()) {
            routes.addHttpHandler(e.method, e.path, StorylensServer.guarded(handler(e)));
        }
        // HEAD of the document answers the GET's headers (Jetty sends no body): clients check it before fetching
        routes.addHttpHandler(HandlerType.HEAD, Endpoint.OPENAPI.path, StorylensServer.guarded(handler(Endpoint.OPENAPI)));
    }

    private Handler handler(Endpoint endpoint) {
        return switch (endpoint) {
            case HEALTH -> this::health;
            case OPENAPI -> ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi);
            case STORIES -> this::stories;
            case STORY -> this::story;
            case ARTICLE -> this::article;
            case POST_ARTICLES -> this::post;
        };
    }

    /** The methods that have a route at this path (empty when none does): what a 405 lists in {@code Allow}. */
    static List<String> methodsAt(String path) {
        List<String> methods = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            if (e.matchesPath(path) && !methods.contains(e.method.name())) {
                methods.add(e.method.name());
            }
        }
        return methods;
    }

    private void health(Context ctx) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("version", StorylensServer.VERSION);
        out.put("schema", SqliteArticleStore.SCHEMA_VERSION);
        out.put("articles", library.articleCount());
        out.put("stories", library.countStories(StoryQuery.all()));
        BackgroundRecovery.Progress p = recovery.get();
        Map<String, Object> placing = new LinkedHashMap<>();
        placing.put("pending", p.pending());
        placing.put("placed", p.placed());
        placing.put("failed", p.failed());
        placing.put("running", p.running());
        out.put("recovery", placing);
        ctx.json(out);
    }

    /**
     * A story as the API lists it: the store's listing and the countries of its outlets.
     *
     * @param countries the countries of its outlets that the outlet table knows, in the order of the outlets (most
     *                  articles first), each once
     */
    record ListedStory(String id, String title, int articles, int independentSources, LocalDate firstPublished,
                       LocalDate lastPublished, String updatedAt, List<StoryListing.OutletCount> outlets,
                       List<String> countries) {
    }

    private void stories(Context ctx) throws Exception {
        StoryQuery query = Queries.storyQuery(ctx);
        List<ListedStory> listed = new ArrayList<>();
        for (StoryListing s : library.stories(query)) {
            Set<String> countries = new LinkedHashSet<>();
            for (StoryListing.OutletCount o : s.outlets()) {
                outlets.byName(o.outlet()).map(Outlet::country).filter(c -> !c.isBlank()).ifPresent(countries::add);
            }
            listed.add(new ListedStory(s.id(), Headlines.shown(s.title()), s.articles(), s.independentSources(),
                    s.firstPublished(), s.lastPublished(), s.updatedAt(), s.outlets(), List.copyOf(countries)));
        }
        int total = library.countStories(query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("offset", query.offset());
        out.put("limit", query.limit());
        out.put("nextOffset", query.offset() + listed.size() < total ? query.offset() + listed.size() : null);
        out.put("stories", listed);
        ctx.json(out);
    }

    private void story(Context ctx) throws Exception {
        var reading = library.read(ctx.pathParam("id"));
        if (reading.isEmpty()) {
            StorylensServer.failure(ctx, 404, "no story " + ctx.pathParam("id"));
            return;
        }
        if (reading.get() instanceof StoryLibrary.BeingWritten pending) {
            // the brief is being written in the background: ask again shortly
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", pending.story().id());
            out.put("status", "being written");
            out.put("title", pending.title());
            out.put("articles", pending.story().size());
            out.put("retryAfterSeconds", BriefBeingWrittenPage.REFRESH_SECONDS);
            ctx.status(202).header("Retry-After", String.valueOf(BriefBeingWrittenPage.REFRESH_SECONDS)).json(out);
            return;
        }
        ctx.contentType("application/json; charset=utf-8")
                .result(((StoryLibrary.BriefedStory) reading.get()).json());
    }

    private void article(Context ctx) throws Exception {
        var view = library.article(ctx.pathParam("id"));
        if (view.isEmpty()) {
            StorylensServer.failure(ctx, 404, "no article " + ctx.pathParam("id"));
            return;
        }
        ctx.json(ArticleDocument.of(view.get()));
    }

    /** A request the API refuses, with the status and message it answers. */
    private static final class Refused extends Exception {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void post(Context ctx) throws Exception {
        byte[] body;
        try {
            body = jsonLinesOf(ctx);
        } catch (Refused r) {
            StorylensServer.failure(ctx, r.status, r.getMessage());
            return;
        }
        List<Failure> failures = new ArrayList<>();
        byte[] jsonLines = wellFormedLines(body, failures);
        String idHint = "api-" + digest(body);
        List<RawArticle> read = new ArrayList<>();
        try {
            ReadResult result = readLines(jsonLines, idHint);
            read.addAll(result.articles());
            result.failures().forEach(f -> failures.add(new Failure(f.input(), f.reason())));
        } catch (IngestException e) {
            IngestException first = e.getCause() instanceof IngestException f ? f : e;
            failures.add(new Failure(first.input(), first.reason()));
        }
        ArticleIntake.Outcome outcome = read.isEmpty() ? new ArticleIntake.Outcome(List.of(), List.of())
                : takeIn(read);
        // the stories that grew get their briefs written before anyone asks
        library.prepare(outcome.storyIds());
        failures.addAll(outcome.failures());
        failures.sort(java.util.Comparator.comparing(f -> lineOf(f.input()),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        int status = outcome.placed().isEmpty() ? 400 : failures.isEmpty() ? 201 : 207;
        Map<String, Object> out = new LinkedHashMap<>();
        if (status == 400) {
            String first = failures.isEmpty() ? "the body holds no article"
                    : where(failures.get(0).input()) + failures.get(0).reason();
            out.put("error", (outcome.placed().isEmpty() && read.isEmpty() ? "no article could be read: "
                    : "no article was accepted: " + failures.size() + " failed; first: ") + first);
            out.put("status", 400);
        }
        out.put("accepted", outcome.placed().size());
        out.put("articles", outcome.placed());
        out.put("failures", failures.stream().map(ApiRoutes::failure).toList());
        ctx.status(status).json(out);
    }

    /**
     * The body with every line that is not well-formed JSON blanked (so that the others keep their line numbers), each
     * such line added to the failures with a plain account of what is wrong.
     */
    private byte[] wellFormedLines(byte[] body, List<Failure> failures) {
        String text = new String(body, StandardCharsets.UTF_8);
        String[] bodyLines = text.split("\n", -1);
        boolean blanked = false;
        for (int i = 0; i < bodyLines.length; i++) {
            String line = bodyLines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonErrors.read(json, i == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line);
            } catch (JsonErrors.Unreadable e) {
                failures.add(new Failure("body:" + (i + 1), e.getMessage()));
                bodyLines[i] = "";
                blanked = true;
            }
        }
        return blanked ? String.join("\n", bodyLines).getBytes(StandardCharsets.UTF_8) : body;
    }

    /**
     * The articles of the JSON Lines. Should reading break outside the reader's own error handling (a stack overflow
     * on deeply nested markup), the lines are read one at a time so that the line that broke it fails alone.
     */
    private ReadResult readLines(byte[] jsonLines, String idHint) throws IngestException {
        try {
            return lines.read(new Input("body", idHint, jsonLines.length,
                    () -> new java.io.ByteArrayInputStream(jsonLines)));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.println("storylens serve: reading a POSTed body broke (" + e + "); reading its lines one by one");
        }
        List<RawArticle> articles = new ArrayList<>();
        List<IngestException> failures = new ArrayList<>();
        String[] bodyLines = new String(jsonLines, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < bodyLines.length; i++) {
            if (bodyLines[i].isBlank()) {
                continue;
            }
            String where = "body:" + (i + 1);
            byte[] one = bodyLines[i].getBytes(StandardCharsets.UTF_8);
            try {
                ReadResult r = lines.read(new Input("line", idHint + "-" + (i + 1), one.length,
                        () -> new java.io.ByteArrayInputStream(one)));
                for (RawArticle a : r.articles()) {
                    articles.add(new RawArticle(a.id().equals(idHint + "-" + (i + 1) + "-1") ? idHint + "-" + (i + 1)
                            : a.id(), where, a.format(), a.text(), a.metadata(), a.warnings(), a.removed()));
                }
                r.failures().forEach(f -> failures.add(new IngestException(where, f.reason())));
            } catch (IngestException e) {
                IngestException first = e.getCause() instanceof IngestException f ? f : e;
                failures.add(new IngestException(where, first.reason()));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                log.println("storylens serve: reading " + where + " of a POSTed body broke: " + e);
                failures.add(new IngestException(where, unprocessable(e)));
            }
        }
        return new ReadResult(articles, failures);
    }

    /**
     * The intake's outcome for the articles. Should their processing break outside the pipeline's own error handling
     * (an error thrown by one hostile article), they are taken in one at a time, so that the one that broke it fails
     * alone and the others are stored and placed.
     */
    private ArticleIntake.Outcome takeIn(List<RawArticle> articles) throws StoreException {
        try {
            return intake.accept(articles);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.println("storylens serve: a POSTed batch of " + articles.size() + " articles broke (" + e
                    + "); taking them in one by one");
        }
        List<ArticleIntake.Placed> placed = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (RawArticle a : articles) {
            try {
                ArticleIntake.Outcome one = intake.accept(List.of(a));
                placed.addAll(one.placed());
                failures.addAll(one.failures());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                log.println("storylens serve: " + a.origin() + " of a POSTed body broke: " + e);
                failures.add(new Failure(a.origin(), unprocessable(e)));
            }
        }
        return new ArticleIntake.Outcome(placed, failures);
    }

    /** What the client is told about an article whose processing broke. */
    private static String unprocessable(Throwable e) {
        boolean tooDeep = e instanceof StackOverflowError || String.valueOf(e.getMessage()).contains("Stack overflow");
        String what = tooDeep ? "its markup or text is nested or repeated too deeply to process"
                : e instanceof OutOfMemoryError ? "it is too large to process" : "processing it failed";
        return "this article could not be taken in: " + what + " (if it was stored, it is in no story; the server "
                + "log says more)";
    }

    /**
     * The body as JSON Lines, after the checks of type, size and encoding: a single JSON document (one object, over
     * any number of lines) becomes one line.
     */
    private byte[] jsonLinesOf(Context ctx) throws Refused {
        String type = ctx.contentType();
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean single = media.equals("application/json");
        if (!single && !JSON_LINES_TYPES.contains(media)) {
            throw new Refused(415, (type == null ? "no Content-Type" : "Content-Type '" + type + "' is not accepted")
                    + ": send one article as application/json, or JSON Lines (one article per line) as "
                    + "application/x-ndjson");
        }
        Matcher charset = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)").matcher(type);
        if (charset.find() && !charset.group(1).equalsIgnoreCase("utf-8") && !charset.group(1).equalsIgnoreCase("utf8")) {
            throw new Refused(415, "charset '" + charset.group(1) + "' is not accepted: send UTF-8");
        }
        byte[] body = body(ctx);
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new Refused(400, "empty body: send one JSON article, or JSON Lines (one article per line)");
        }
        String text = utf8(body);
        if (single) {
            return oneDocument(text);
        }
        String stripped = text.strip();
        if (stripped.startsWith("{") && stripped.contains("\n")) {
            try {
                JsonNode node = json.readTree(stripped);
                if (node != null && node.isObject()) {
                    return json.writeValueAsBytes(node);
                }
            } catch (IOException e) {
                // not one object over several lines: JSON Lines, read line by line
            }
        }
        return body;
    }

    /** The body, refused with 413 when it is over the limit (told by Content-Length, or found while reading). */
    private byte[] body(Context ctx) throws Refused {
        long max = options.maxBodyBytes();
        String tooLarge = "the body is over the limit of " + max + " bytes: send fewer articles per request";
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw new Refused(413, tooLarge + " (Content-Length " + declared + ")");
        }
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) {
                throw new Refused(413, tooLarge);
            }
            throw e;
        }
    }

    /** The body as text; binary or invalid UTF-8 is refused, naming the line where it starts. */
    private static String utf8(byte[] body) throws Refused {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                throw new Refused(400, "binary body (a NUL byte on line " + lineAt(body, i)
                        + "): send JSON text in UTF-8");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Refused(400, "the body is not valid UTF-8 (line " + lineAt(body, in.position())
                    + ", byte " + (in.position() + 1) + ")");
        }
    }

    private static int lineAt(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < body.length; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** One JSON object (pretty-printed or not) as one line; anything else is refused, naming where it broke. */
    private byte[] oneDocument(String text) throws Refused {
        JsonNode node;
        try {
            node = JsonErrors.read(json, text);
        } catch (JsonErrors.Unreadable e) {
            throw new Refused(400, (e.line() < 1 ? "" : "line " + e.line() + ": ") + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Refused(400, "expected one JSON object (an article) for application/json; send several as "
                    + "JSON Lines (one object per line) with Content-Type application/x-ndjson");
        }
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write back a JSON tree just read", e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java", e);
        }
    }

    /** The line of the body a failure names ({@code body:3}), or null when it names none. */
    private static Integer lineOf(String input) {
        Matcher m = LINE_SUFFIX.matcher(input == null ? "" : input);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String where(String input) {
        Integer line = lineOf(input);
        return line == null ? "" : "line " + line + ": ";
    }

    private static Map<String, Object> failure(Failure f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("line", lineOf(f.input()));
        out.put("reason", f.reason());
        return out;
    }
}
