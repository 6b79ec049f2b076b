package org.storylens.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PageFetcherTest {

    /** The tests' sites are on loopback, which storylens refuses by default. */
    private static final PublicAddressGuard LOOPBACK_ALLOWED = PublicAddressGuard.allowingPrivate();

    private final AtomicReference<String> userAgent = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private ExecutorService executor;
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        executor = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/page", exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=ISO-8859-1");
            send(exchange, 200, "<p>Caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1));
        });
        server.createContext("/old", exchange -> {
            exchange.getResponseHeaders().set("Location", "/page");
            send(exchange, 301, new byte[0]);
        });
        server.createContext("/missing", exchange -> send(exchange, 404, "no".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/big", exchange -> send(exchange, 200, new byte[5000]));
        server.createContext("/big-chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write(new byte[1000]);
                    out.flush();
                }
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "late".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void fetchesTheBodyAndContentTypeSendingTheStorylensUserAgent() throws Exception {
        PageFetcher.FetchedPage page = new PageFetcher(LOOPBACK_ALLOWED).fetch(base + "/page");

        assertThat(page.url()).isEqualTo(base + "/page");
        assertThat(new String(page.body(), StandardCharsets.ISO_8859_1)).isEqualTo("<p>Café</p>");
        assertThat(page.contentType()).isEqualTo("text/html; charset=ISO-8859-1");
        assertThat(page.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(userAgent.get()).isEqualTo("storylens/0.1 (+news story engine)");
    }

    @Test
    void followsRedirectsAndReportsTheFinalUrl() throws Exception {
        PageFetcher.FetchedPage page = new PageFetcher(LOOPBACK_ALLOWED).fetch(base + "/old");

        assertThat(page.url()).isEqualTo(base + "/page");
        assertThat(page.body()).isNotEmpty();
    }

    @Test
    void rejectsAnErrorStatusNamingTheUrl() {
        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new PageFetcher(LOOPBACK_ALLOWED).fetch(base + "/missing"));

        assertThat(e.input()).isEqualTo(base + "/missing");
        assertThat(e.reason()).isEqualTo("HTTP 404");
    }

    @Test
    void rejectsABodyOverTheLimitWhetherDeclaredOrStreamed() {
        PageFetcher fetcher = new PageFetcher(Duration.ofSeconds(5), Duration.ofSeconds(5), 1000, LOOPBACK_ALLOWED);

        IngestException declared = catchThrowableOfType(IngestException.class, () -> fetcher.fetch(base + "/big"));
        IngestException streamed = catchThrowableOfType(IngestException.class,
                () -> fetcher.fetch(base + "/big-chunked"));

        assertThat(declared.reason()).contains("over the limit of 1000");
        assertThat(streamed.input()).isEqualTo(base + "/big-chunked");
        assertThat(streamed.reason()).contains("over the limit of 1000");
    }

    @Test
    void givesUpOnASlowServerAfterTheRequestTimeout() {
        PageFetcher fetcher = new PageFetcher(Duration.ofSeconds(5), Duration.ofMillis(300), 1000, LOOPBACK_ALLOWED);

        long start = System.nanoTime();
        IngestException e = catchThrowableOfType(IngestException.class, () -> fetcher.fetch(base + "/slow"));

        assertThat(e.input()).isEqualTo(base + "/slow");
        assertThat(e.reason()).isEqualTo("timed out after 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        PageFetcher fetcher = new PageFetcher(LOOPBACK_ALLOWED);

        IngestException file = catchThrowableOfType(IngestException.class, () -> fetcher.fetch("file:///etc/passwd"));
        IngestException garbage = catchThrowableOfType(IngestException.class, () -> fetcher.fetch("not a url"));

        assertThat(file.input()).isEqualTo("file:///etc/passwd");
        assertThat(file.reason()).isEqualTo("not an http(s) URL");
        assertThat(garbage.input()).isEqualTo("not a url");
    }

    @Test
    void reportsAServerThatRefusesTheConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/x";

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new PageFetcher(LOOPBACK_ALLOWED).fetch(url));

        assertThat(e.input()).isEqualTo(url);
        assertThat(e.reason()).startsWith("could not connect");
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void refusesAUrlOverTheLengthLimitWithoutSendingIt() {
        String url = base + "/page?q=" + "x".repeat(Limits.MAX_URL_CHARS);

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new PageFetcher(LOOPBACK_ALLOWED).fetch(url));

        assertThat(e.reason()).isEqualTo("URL of " + url.length() + " characters is over the limit of "
                + Limits.MAX_URL_CHARS + "; not fetched");
        assertThat(e.input()).hasSize(203);
    }

    @Test
    void undoesAGzipContentEncoding() throws Exception {
        try (LoopbackSite site = new LoopbackSite()) {
            site.route("/page", request -> new LoopbackSite.Reply(200, java.util.Map.of("Content-Type", "text/html",
                    "Content-Encoding", "gzip"), GzipBombs.member("<p>Hello</p>".getBytes(StandardCharsets.UTF_8))));

            PageFetcher.FetchedPage page = new PageFetcher(LOOPBACK_ALLOWED).fetch(site.url("/page"));

            assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>Hello</p>");
        }
    }

    @Test
    void stopsAGzipEncodedBombAtTheSizeLimitNamingTheUrl() throws Exception {
        // about a megabyte on the wire, a gigabyte once inflated
        byte[] bomb = GzipBombs.bomb("<html><body><p>", ' ', 1024);
        try (LoopbackSite site = new LoopbackSite()) {
            site.route("/bomb", request -> new LoopbackSite.Reply(200, java.util.Map.of("Content-Type", "text/html",
                    "Content-Encoding", "gzip"), bomb));

            IngestException e = catchThrowableOfType(IngestException.class,
                    () -> new PageFetcher(LOOPBACK_ALLOWED).fetch(site.url("/bomb")));

            assertThat(e.input()).isEqualTo(site.url("/bomb"));
            assertThat(e.reason()).isEqualTo("gzip-encoded body expands to more than 20.0 MB (the limit); "
                    + "not read further");
        }
    }
}
