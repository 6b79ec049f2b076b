package org.storylens.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.clean.Article;
import org.storylens.ingest.IngestException;
import org.storylens.ingest.Input;
import org.storylens.ingest.InputCollector;
import org.storylens.ingest.Limits;
import org.storylens.ingest.LoopbackSite;
import org.storylens.ingest.ReadResult;
import org.storylens.ingest.ArticleReader;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.Failure;
import org.storylens.pipeline.PipelineFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds generated hostile inputs ({@link HostileInputs}, seeded: {@code -Dstorylens.fuzz.seed}, count
 * {@code -Dstorylens.fuzz.count}, default 10,000) to every reader and the cleaner, and a share of them
 * ({@code -Dstorylens.fuzz.apiCount}, default 200) to {@code POST /api/articles} of a real {@code storylens serve} in a
 * child JVM. Every broken invariant is collected with its input's kind, and the test fails at the end with all of
 * them; the figures (inputs by kind, rejections by reason, peak memory, time) are written to
 * {@code target/fuzz-report.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputFuzzTest {

    private static final long SEED = Long.getLong("storylens.fuzz.seed", 20_261_205L);
    private static final int COUNT = Integer.getInteger("storylens.fuzz.count", 10_000);
    private static final int API_COUNT = Integer.getInteger("storylens.fuzz.apiCount", 200);
    private static final int API_BATCH = 10;
    /** Inputs read at once: CI has two cores. */
    private static final int THREADS = Integer.getInteger("storylens.fuzz.threads", 2);
    private static final Duration INPUT_TIMEOUT = Duration.ofSeconds(Long.getLong("storylens.fuzz.inputSeconds", 60));
    /** Longer than {@code Limits.ANALYSIS_BUDGET}: an article over it is stored unanalysed, and answered. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Long.getLong("storylens.fuzz.requestSeconds",
            Limits.ANALYSIS_BUDGET.toSeconds() + 30));
    /** The first article loads CoreNLP, and a start places what an earlier run left: minutes on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("storylens.fuzz.startMinutes", 3));
    /** Past this the API run posts no more inputs and says so (unfixed slow paths cost a timeout each). */
    private static final Duration API_BUDGET = Duration.ofMinutes(Long.getLong("storylens.fuzz.apiMinutes", 8));
    /** Surefire runs this JVM with -Xmx3g; the child server gets 2 GiB of heap. */
    /*
     * The test JVM is the whole suite's: its peak RSS includes the -Xmx3g heap and the CoreNLP and ONNX native memory
     * that earlier tests loaded (3.5 GB seen in a full run), so its bound is that plus room; the server's bound (a
     * fresh JVM for this run alone) is the one that speaks of the hostile inputs themselves.
     */
    private static final long MAX_RSS_MIB = Long.getLong("storylens.fuzz.maxRssMib", 4_608);
    private static final long MAX_CHILD_RSS_MIB = Long.getLong("storylens.fuzz.maxChildRssMib", 3_072);
    private static final String CHILD_HEAP = System.getProperty("storylens.fuzz.childHeap", "2g");

    private final List<FuzzReport> reports = new ArrayList<>();
    private long peakHeapMib;
    private final ObjectMapper json = new ObjectMapper();

    @AfterAll
    void writeReport() throws IOException {
        StringBuilder all = new StringBuilder("storylens fuzz run, seed " + SEED + "\n\n");
        reports.forEach(r -> all.append(r.render()).append('\n'));
        Path file = Path.of("target", "fuzz-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, all);
        System.out.println(all);
    }

    // ----- readers and cleaner -----------------------------------------------------------------------------------

    /** What reading and cleaning one input gave. */
    private record Read(int articles, List<String> rejections, List<String> warnings, List<String> problems) {
    }

    @Test
    void readersAndCleanerAnswerEveryHostileInputWithArticlesOrAClearErrorNamingIt(@TempDir Path dir)
            throws Exception {
        FuzzReport report = new FuzzReport("readers and cleaner: " + COUNT + " inputs");
        reports.add(report);
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        ArticleReader reader = factory.reader();
        InputCollector collector = factory.inputCollector();
        ArticlePipeline pipeline = factory.pipeline(1);
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        // a cached pool: an input that hangs keeps its thread, the next inputs get fresh ones
        ExecutorService workers = Executors.newCachedThreadPool(HostileInputFuzzTest::worker);
        Deque<Pending> inFlight = new ArrayDeque<>();
        try (LoopbackSite inside = new LoopbackSite()) {
            inside.page("/secret", "text/html; charset=utf-8", insidePage());
            HostileInputs generator = new HostileInputs(SEED, insideLinks(inside.url("/secret"))).capped(COUNT);
            for (int i = 0; i < COUNT; i++) {
                HostileInput h = generator.next();
                report.input(h.kind());
                Path file = inputs.resolve(h.fileName());
                Files.write(file, h.bytes());
                inFlight.add(new Pending(h, file, System.nanoTime(),
                        workers.submit(() -> readAndClean(h, file, collector, reader, pipeline))));
                while (inFlight.size() >= THREADS) {
                    finish(inFlight.poll(), report);
                }
            }
            while (!inFlight.isEmpty()) {
                finish(inFlight.poll(), report);
            }
            report.figure("inputs", COUNT);
            report.figure("reader threads", THREADS);
            report.figure("requests to the inside page", inside.requests("/secret").size());
            if (!inside.requests("/secret").isEmpty()) {
                report.problem("inside-links-feed", inside.url("/secret"), "the reader fetched a loopback page "
                        + inside.requests("/secret").size() + " times (no --allow-private given)");
            }
        } finally {
            workers.shutdownNow();
        }
        long rss = FuzzReport.peakRssMib("self");
        report.figure("peak used heap, sampled (MiB, -Xmx3g)", peakHeapMib);
        report.figure("peak RSS (MiB, VmHWM)", rss);
        report.figure("CPU time of the test JVM so far (s)", FuzzReport.cpuSeconds("self"));
        if (rss > MAX_RSS_MIB) {
            report.problem("(run)", "the test JVM", "peak RSS " + rss + " MiB over the bound of " + MAX_RSS_MIB);
        }
        assertThat(report.problems()).as("broken invariants by kind and symptom:\n" + report.problemSummary())
                .isEmpty();
    }

    /** An input being read and cleaned. */
    private record Pending(HostileInput input, Path file, long startNanos, Future<Read> future) {
    }

    /** Waits for an input's reading and cleaning (up to its timeout from its start) and notes what it gave. */
    private void finish(Pending p, FuzzReport report) throws InterruptedException, IOException {
        HostileInput h = p.input();
        peakHeapMib = Math.max(peakHeapMib, FuzzReport.usedHeapMib());
        long left = INPUT_TIMEOUT.toNanos() - (System.nanoTime() - p.startNanos());
        Read read;
        try {
            read = p.future().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            p.future().cancel(true);
            report.problem(h.kind(), h.toString(), "no answer within " + INPUT_TIMEOUT.toSeconds()
                    + " s (reading and cleaning left running)");
            report.outcome(h.kind(), "timed out");
            report.took(h.kind(), INPUT_TIMEOUT.toMillis());
            Files.deleteIfExists(p.file());
            return;
        } catch (ExecutionException e) {
            read = new Read(0, List.of(), List.of(), List.of("the harness's worker broke: " + e.getCause()));
        }
        Files.deleteIfExists(p.file());
        report.took(h.kind(), (System.nanoTime() - p.startNanos()) / 1_000_000);
        read.rejections().forEach(report::rejected);
        read.warnings().forEach(report::warned);
        read.problems().forEach(problem -> report.problem(h.kind(), h.toString(), problem));
        report.outcome(h.kind(), read.articles() > 0 ? (read.rejections().isEmpty() ? "accepted" : "partly")
                : read.rejections().isEmpty() ? "nothing" : "rejected");
    }

    private static Thread worker(Runnable r) {
        Thread t = new Thread(r, "fuzz-reader");
        t.setDaemon(true);
        return t;
    }

    private static Read readAndClean(HostileInput h, Path file, InputCollector collector, ArticleReader reader,
                                     ArticlePipeline pipeline) {
        List<String> rejections = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int articles = 0;
        String name = file.toString();
        try {
            InputCollector.Collected collected = collector.collect(List.of(name));
            for (IngestException e : collected.failures()) {
                rejection(e.input(), e.reason(), name, rejections, problems);
            }
            for (Input input : collected.inputs()) {
                ReadResult read;
                try {
                    read = reader.read(input);
                } catch (IngestException e) {
                    rejection(e.input(), e.reason(), name, rejections, problems);
                    continue;
                }
                for (IngestException e : read.failures()) {
                    rejection(e.input(), e.reason(), name, rejections, problems);
                }
                BatchResult cleaned = pipeline.clean(read.articles());
                for (Failure f : cleaned.failures()) {
                    if (f.reason().startsWith("cannot clean:")) {
                        problems.add("the cleaner threw: " + f.reason());
                    }
                    rejection(f.input(), f.reason(), name, rejections, problems);
                }
                for (String w : cleaned.warnings()) {
                    warnings.add(w.startsWith(name) ? w.substring(w.indexOf(": ") + 2) : w);
                    if (!w.startsWith(name)) {
                        problems.add("a warning does not name its input: " + w);
                    }
                }
                for (Article a : cleaned.articles()) {
                    if (a.text().contains(HostileInputs.INSIDE_SECRET)) {
                        problems.add("an article holds the page served on loopback: a feed entry linking inside "
                                + "the machine was fetched");
                    }
                }
                articles += cleaned.articles().size();
            }
        } catch (Throwable t) {
            problems.add("escaped the reader and cleaner: " + t.getClass().getName() + ": "
                    + String.valueOf(t.getMessage()).lines().findFirst().orElse(""));
            return new Read(articles, rejections, warnings, problems);
        }
        if (h.isNormal() && (articles == 0 || !rejections.isEmpty())) {
            problems.add("an ordinary article was not read whole: " + articles + " articles, rejections "
                    + rejections);
        }
        if (articles == 0 && rejections.isEmpty()) {
            problems.add("no article and no error: the input vanished without a word");
        }
        return new Read(articles, rejections, warnings, problems);
    }

    private static void rejection(String input, String reason, String name, List<String> rejections,
                                  List<String> problems) {
        rejections.add(reason);
        if (input == null || !input.startsWith(name)) {
            problems.add("a rejection does not name the input: '" + input + ": " + reason + "'");
        }
        if (!FuzzReport.isClear(reason)) {
            problems.add("unclear rejection (names internals or nothing): " + reason);
        }
    }

    private static String insidePage() {
        return "<html><head><title>Internal configuration</title></head><body><article><h1>Internal configuration"
                + "</h1><p>This page is served inside the machine only. " + HostileInputs.INSIDE_SECRET
                + " and further settings that no feed reader may ever fetch, store or serve to anyone.</p>"
                + "<p>The storylens fuzz harness serves it on loopback to prove that entries linking here are refused."
                + "</p></article></body></html>";
    }

    /** The loopback page in the spellings a feed can use: name, dotted, short, decimal, hex, IPv6, unspecified. */
    private static List<String> insideLinks(String url) {
        String port = url.replaceAll("^http://[^:]+:(\\d+)/.*$", "$1");
        List<String> links = new ArrayList<>();
        for (String host : List.of("127.0.0.1", "localhost", "127.1", "2130706433", "0x7f000001", "0.0.0.0",
                "[::1]", "[::ffff:127.0.0.1]")) {
            links.add("http://" + host + ":" + port + "/secret");
        }
        return links;
    }

    // ----- the API -----------------------------------------------------------------------------------------------

    /** The rows the database holds: what a rejected input must leave as it was. */
    private record Counts(int articles, int stories, int assignments) {
    }

    private static Counts counts(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            return new Counts(count(s, "articles"), count(s, "stories"), count(s, "story_articles"));
        }
    }

    private static int count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            return r.next() ? r.getInt(1) : -1;
        }
    }

    private static String integrity(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            return r.next() ? r.getString(1) : "(no answer)";
        }
    }

    /** The server under test, started again (on the same database, else a new one) whenever an input ends it. */
    private final class Server {
        private final Path dir;
        private final FuzzReport report;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private Path db;
        private ServeChild child;
        private String token;
        private int databases;
        private int starts;
        private long peakRssMib;
        private long cpuSeconds;
        private long lastCpuSeconds;
        private long logMark;

        Server(Path dir, FuzzReport report) throws IOException {
            this.dir = dir;
            this.report = report;
            newDatabase();
        }

        private void newDatabase() throws IOException {
            databases++;
            db = dir.resolve("fuzz-" + databases + ".db");
            start();
        }

        private void start() throws IOException {
            starts++;
            child = ServeChild.start(db, dir.resolve("serve.log"), CHILD_HEAP, START_TIMEOUT);
            token = Files.readString(Path.of(db + ".token")).strip();
        }

        /** After an input broke the server: start it again on its database, or on a new one if that fails. */
        void restart(HostileInput cause) throws IOException, InterruptedException {
            note();
            child.kill();
            ended();
            try {
                start();
            } catch (IOException e) {
                report.problem(cause.kind(), cause.toString(), "serve cannot start again on the database after this "
                        + "input: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""));
                newDatabase();
            }
        }

        /** Notes the child's peak memory and CPU time before it may end. */
        void note() {
            peakRssMib = Math.max(peakRssMib, child.peakRssMib());
            long cpu = child.cpuSeconds();
            if (cpu >= 0) {
                lastCpuSeconds = cpu;
            }
        }

        /** Adds the CPU time of the child that is ending to the run's. */
        private void ended() {
            cpuSeconds += lastCpuSeconds;
            lastCpuSeconds = 0;
        }

        /** Marks the server's log: {@link #logSinceMark()} reads what it wrote after. */
        void markLog() {
            logMark = dir.resolve("serve.log").toFile().length();
        }

        /** The first line naming an exception or error the server logged since the mark, or "". */
        String logSinceMark() {
            try {
                byte[] all = Files.readAllBytes(dir.resolve("serve.log"));
                String since = new String(all, (int) Math.min(logMark, all.length),
                        (int) (all.length - Math.min(logMark, all.length)), StandardCharsets.UTF_8);
                return since.lines().filter(l -> l.contains("Exception") || l.contains("Error")).findFirst()
                        .map(l -> " (server log: " + shorten(l) + ")").orElse("");
            } catch (IOException e) {
                return "";
            }
        }

        HttpResponse<String> post(String contentType, byte[] body) throws IOException, InterruptedException {
            return post(contentType, body, REQUEST_TIMEOUT);
        }

        HttpResponse<String> post(String contentType, byte[] body, Duration timeout) throws IOException,
                InterruptedException {
            return http.send(HttpRequest.newBuilder(child.url("/api/articles")).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(child.url(path)).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void apiRefusesHostileInputsClearlyKeepsTheDatabaseWholeAndPlacesTheNextArticle(@TempDir Path dir)
            throws Exception {
        FuzzReport report = new FuzzReport("POST /api/articles: " + API_COUNT + " inputs");
        reports.add(report);
        HostileInputs generator = new HostileInputs(SEED + 1, List.of("http://127.0.0.1:9/secret"), 2, 0, 0);
        Server server = new Server(dir, report);
        int normalsPlaced = 0;
        int posted = 0;
        long deadline = System.nanoTime() + API_BUDGET.toNanos();
        try {
            long warm = System.nanoTime();
            HttpResponse<String> first = server.post("application/json",
                    generator.normalJsonLine().getBytes(StandardCharsets.UTF_8), START_TIMEOUT);
            assertThat(first.statusCode()).as("the first ordinary article: " + first.body()).isEqualTo(201);
            report.figure("first article placed after (s, loads CoreNLP)", (System.nanoTime() - warm) / 1_000_000_000L);
            for (int i = 0; i < API_COUNT; i++) {
                if (System.nanoTime() > deadline) {
                    report.problem("(run)", "the API run", "stopped after " + posted + " of " + API_COUNT
                            + " inputs: over its budget of " + API_BUDGET.toMinutes() + " minutes");
                    break;
                }
                HostileInput h = i == API_COUNT / 3 || i == 2 * API_COUNT / 3 ? generator.hugeStringInput()
                        : generator.next();
                if (h.kind().equals("big-feed")) {
                    continue;
                }
                report.input(h.kind());
                posted++;
                long t0 = System.nanoTime();
                postHostile(server, h, report);
                report.took(h.kind(), (System.nanoTime() - t0) / 1_000_000);
                if ((i + 1) % API_BATCH == 0 || i == API_COUNT - 1) {
                    normalsPlaced += postNormal(server, generator, h, report) ? 1 : 0;
                    String check = integrity(server.db);
                    if (!check.equals("ok")) {
                        report.problem(h.kind(), h.toString(), "PRAGMA integrity_check after the batch: " + check);
                    }
                    server.note();
                }
            }
            restartsOnTheDatabase(server, report);
        } finally {
            server.note();
            server.child.close();
            server.ended();
        }
        report.figure("inputs posted", posted);
        report.figure("ordinary articles placed after a batch", normalsPlaced);
        report.figure("server starts", server.starts);
        report.figure("databases used", server.databases);
        report.figure("server peak RSS (MiB, VmHWM, -Xmx" + CHILD_HEAP + ")", server.peakRssMib);
        report.figure("server CPU time (s, all its starts)", server.cpuSeconds);
        report.figure("test JVM peak RSS (MiB, VmHWM)", FuzzReport.peakRssMib("self"));
        if (server.peakRssMib > MAX_CHILD_RSS_MIB) {
            report.problem("(run)", "the server", "peak RSS " + server.peakRssMib + " MiB over the bound of "
                    + MAX_CHILD_RSS_MIB);
        }
        assertThat(report.problems()).as("broken invariants by kind and symptom:\n" + report.problemSummary())
                .isEmpty();
    }

    /** What a hostile input is sent as: JSON as it is, binary as it is, any other text as the text of an article. */
    private byte[] apiBody(HostileInput h) throws IOException {
        String name = h.fileName();
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".gz") || h.kind().equals("binary")) {
            return h.bytes();
        }
        String text = new String(h.bytes(), StandardCharsets.UTF_8);
        return json.writeValueAsBytes(java.util.Map.of("id", "api-" + name.replace('.', '-'),
                "title", "Fuzz input " + name + " of kind " + h.kind(), "text", text));
    }

    private static String contentType(HostileInput h) {
        return h.fileName().endsWith(".json") || !h.fileName().contains(".jsonl") && !h.fileName().endsWith(".gz")
                && !h.kind().equals("binary") ? "application/json" : "application/x-ndjson";
    }

    private void postHostile(Server server, HostileInput h, FuzzReport report) throws Exception {
        Counts before = counts(server.db);
        server.markLog();
        HttpResponse<String> answer;
        try {
            answer = server.post(contentType(h), apiBody(h));
        } catch (HttpTimeoutException e) {
            report.problem(h.kind(), h.toString(), "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
            report.outcome(h.kind(), "timed out");
            server.restart(h);
            return;
        } catch (IOException e) {
            report.problem(h.kind(), h.toString(), "the connection broke (" + e + "); server "
                    + (server.child.isAlive() ? "alive" : "dead: " + ServeChild.tail(server.dir.resolve("serve.log"))
                    .lines().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst().orElse("")));
            report.outcome(h.kind(), "connection broke");
            server.restart(h);
            return;
        }
        int status = answer.statusCode();
        if (status >= 500) {
            report.problem(h.kind(), h.toString(), "answered " + status + ": " + shorten(answer.body())
                    + server.logSinceMark());
            report.outcome(h.kind(), "5xx");
            if (!server.child.isAlive()) {
                server.restart(h);
            }
            return;
        }
        JsonNode body = readJson(answer.body());
        if (status >= 400) {
            report.outcome(h.kind(), "refused " + status);
            String error = body == null || body.get("error") == null ? null : body.get("error").asText();
            report.rejected(error);
            if (!FuzzReport.isClear(error)) {
                report.problem(h.kind(), h.toString(), "unclear refusal " + status + ": " + shorten(answer.body()));
            }
            Counts after = counts(server.db);
            if (!after.equals(before)) {
                report.problem(h.kind(), h.toString(), "refused with " + status + " but the database changed: "
                        + before + " → " + after);
            }
            return;
        }
        report.outcome(h.kind(), status == 201 ? "accepted" : "partly (" + status + ")");
        if (body == null || body.get("articles") == null) {
            report.problem(h.kind(), h.toString(), "answered " + status + " without the placed articles: "
                    + shorten(answer.body()));
            return;
        }
        if (body.get("failures") != null) {
            body.get("failures").forEach(f -> {
                String reason = f.path("reason").asText(null);
                report.rejected(reason);
                if (!FuzzReport.isClear(reason)) {
                    report.problem(h.kind(), h.toString(), "unclear failure in a " + status + ": " + f);
                }
            });
        }
        for (JsonNode placed : body.get("articles")) {
            checkStored(server, h, placed.path("articleId").asText(), report);
        }
    }

    /** A stored article is served, is in a story, and keeps its fields within the limits. */
    private void checkStored(Server server, HostileInput h, String id, FuzzReport report) throws Exception {
        HttpResponse<String> read;
        try {
            read = server.get("/api/articles/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        } catch (IOException e) {
            report.problem(h.kind(), h.toString(), "GET of the stored article " + id + " broke: " + e);
            return;
        }
        if (read.statusCode() != 200) {
            report.problem(h.kind(), h.toString(), "the stored article " + shorten(id) + " answers "
                    + read.statusCode() + ": " + shorten(read.body()));
            return;
        }
        JsonNode article = readJson(read.body());
        if (article == null) {
            report.problem(h.kind(), h.toString(), "the stored article is not JSON: " + shorten(read.body()));
            return;
        }
        if (!article.path("storyId").isTextual()) {
            report.problem(h.kind(), h.toString(), "accepted but in no story");
        }
        limit(report, h, "title", article.path("title").asText(""), Limits.MAX_TITLE_CHARS);
        limit(report, h, "outlet", article.path("outlet").asText(""), Limits.MAX_OUTLET_CHARS);
        limit(report, h, "url", article.path("url").asText(""), Limits.MAX_URL_CHARS);
        limit(report, h, "text", article.path("text").asText(""), Limits.MAX_TEXT_CHARS);
    }

    private static void limit(FuzzReport report, HostileInput h, String field, String value, int max) {
        if (value.length() > max) {
            report.problem(h.kind(), h.toString(), "stored and served a " + field + " of " + value.length()
                    + " characters (limit " + max + ")");
        }
    }

    /** After a batch of hostile inputs the next ordinary article is stored and placed in a story. */
    private boolean postNormal(Server server, HostileInputs generator, HostileInput last, FuzzReport report)
            throws Exception {
        String line = generator.normalJsonLine();
        String id = json.readTree(line).get("id").asText();
        HttpResponse<String> answer;
        try {
            answer = server.post("application/json", line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            report.problem("(next normal)", "after " + last, "the next ordinary article got no answer: " + e);
            server.restart(last);
            return false;
        }
        JsonNode body = readJson(answer.body());
        if (answer.statusCode() != 201 || body == null || !body.path("articles").path(0).path("storyId").isTextual()) {
            report.problem("(next normal)", "after " + last, "the next ordinary article was not stored and placed: "
                    + answer.statusCode() + " " + shorten(answer.body()));
            return false;
        }
        HttpResponse<String> read = server.get("/api/articles/" + id);
        if (read.statusCode() != 200 || !readJson(read.body()).path("storyId").isTextual()) {
            report.problem("(next normal)", "after " + last, "the next ordinary article is not served in a story: "
                    + read.statusCode());
            return false;
        }
        return true;
    }

    /** The server stops and starts again on the database, and serves what the database holds. */
    private void restartsOnTheDatabase(Server server, FuzzReport report) throws Exception {
        server.note();
        server.child.close();
        server.ended();
        Counts stored = counts(server.db);
        long start = System.nanoTime();
        try {
            server.start();
        } catch (IOException e) {
            report.problem("(restart)", server.db.toString(), "serve does not start again on the database: "
                    + shorten(e.getMessage()));
            server.newDatabase();
            return;
        }
        report.figure("restart until serving (s)", (System.nanoTime() - start) / 1_000_000_000L);
        for (String path : List.of("/api/health", "/api/stories", "/")) {
            server.markLog();
            HttpResponse<String> page = server.get(path);
            if (page.statusCode() != 200) {
                report.problem("(restart)", path, "answers " + page.statusCode() + " after the restart: "
                        + shorten(page.body()) + server.logSinceMark());
            }
        }
        JsonNode health = readJson(server.get("/api/health").body());
        if (health == null || health.path("articles").asInt(-1) != stored.articles()) {
            report.problem("(restart)", "/api/health", "after the restart the server counts "
                    + (health == null ? "nothing" : health.path("articles").asText()) + " articles, the database "
                    + stored.articles());
        }
    }

    private JsonNode readJson(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 240 ? one.substring(0, 240) + "…" : one;
    }
}
