package org.storylens.serve;

import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real server on a free loopback port over a new database in the given folder, with the CoreNLP annotators and the
 * embedder every test in the JVM shares. Close it after the test.
 */
final class TestServer implements AutoCloseable {

    private static MiniLmEmbedder embedder;

    private final ArticleStore store;
    private final StoryLibrary library;
    private final StorylensServer server;
    private final AccessToken token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(ArticleStore store, StoryLibrary library, StorylensServer server, AccessToken token) {
        this.store = store;
        this.library = library;
        this.server = server;
        this.token = token;
    }

    static synchronized MiniLmEmbedder embedder() {
        if (embedder == null) {
            embedder = new MiniLmEmbedder(1);
        }
        return embedder;
    }

    static TestServer start(Path dir) throws Exception {
        return start(dir, ServerOptions.onPort(0));
    }

    static TestServer start(Path dir, ServerOptions options) throws Exception {
        return start(dir, options, null);
    }

    /**
     * A server over {@code test.db} in the folder (the one an earlier server there used, when there was one) whose
     * readers of a story never briefed wait this long for its brief (null: until it is written).
     */
    static TestServer start(Path dir, ServerOptions options, Duration firstViewWait) throws Exception {
        Path db = dir.resolve("test.db");
        ArticleStore store = SqliteArticleStore.open(db);
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        ArticleIntake intake = new ArticleIntake(store, factory,
                factory.storedAnalyses(store, AnalysisTier.INGEST, Annotators.shared(), 2, embedder()), embedder(), 2);
        StoryLibrary library = new StoryLibrary(store,
                factory.storedAnalyses(store, AnalysisTier.BRIEF, Annotators.brief(), 2, embedder()),
                factory.briefWriter(embedder()), 16, firstViewWait);
        AccessToken token = AccessToken.besideDatabase(db);
        StorylensServer server = new StorylensServer(library, intake, token, options,
                new PrintStream(System.err, true, StandardCharsets.UTF_8)).start();
        return new TestServer(store, library, server, token);
    }

    URI url(String path) {
        return server.url().resolve(path);
    }

    AccessToken token() {
        return token;
    }

    ArticleStore store() {
        return store;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the path on this server (5 minutes' timeout: a first brief analyses its articles). */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(url(path)).timeout(Duration.ofMinutes(5));
    }

    /** Sends the request and reads the answer as text; redirects are not followed. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs the body to /api/articles with the access token and the given Content-Type. */
    HttpResponse<String> postArticles(String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request("/api/articles").header("Authorization", "Bearer " + token.value())
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POSTs the body to /api/articles with the access token. */
    HttpResponse<String> postArticles(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url("/api/articles")).timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + token.value())
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws org.storylens.store.StoreException {
        server.close();
        library.close();
        store.close();
    }
}
