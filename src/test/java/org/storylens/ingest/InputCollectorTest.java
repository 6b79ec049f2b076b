package org.storylens.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputCollectorTest {

    /** The tests' sites are on loopback, which storylens refuses by default. */
    private static final PublicAddressGuard LOOPBACK_ALLOWED = PublicAddressGuard.allowingPrivate();

    private static final byte[] PAGE = "<html><body><p>Tram line extended to the airport.</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private HttpServer server;
    private String base;
    private final InputCollector collector = new InputCollector(new PageFetcher(LOOPBACK_ALLOWED));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/news/tram-extended", exchange -> send(exchange, 200, PAGE));
        server.createContext("/gone", exchange -> send(exchange, 404, "not here".getBytes(StandardCharsets.UTF_8)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void fileNamedDirectlyIsOneInput() throws IOException {
        Path file = write("tram.txt", "Tram line extended");

        InputCollector.Collected collected = collector.collect(List.of(file.toString()));

        assertThat(collected.failures()).isEmpty();
        assertThat(collected.inputs()).singleElement().satisfies(input -> {
            assertThat(input.name()).isEqualTo(file.toString());
            assertThat(input.idHint()).isEqualTo("tram");
            assertThat(input.size()).isEqualTo(18);
            assertThat(content(input)).isEqualTo("Tram line extended");
        });
    }

    @Test
    void folderIsWalkedRecursivelyInNameOrder() throws IOException {
        write("b.txt", "b");
        write("a.txt", "a");
        write("c/2024/z.html", "z");
        write("c/2023/y.html", "y");
        write("d.jsonl", "d");

        InputCollector.Collected collected = collector.collect(List.of(dir.toString()));

        assertThat(collected.failures()).isEmpty();
        assertThat(collected.inputs()).extracting(Input::name).containsExactly(
                dir.resolve("a.txt").toString(), dir.resolve("b.txt").toString(),
                dir.resolve("c/2023/y.html").toString(), dir.resolve("c/2024/z.html").toString(),
                dir.resolve("d.jsonl").toString());
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() throws IOException {
        write("story.txt", "kept");
        write(".DS_Store", "hidden file");
        write(".git/objects/ab/cdef", "hidden folder");
        write("sub/.cache/page.html", "hidden folder below");
        write("sub/.draft.txt", "hidden file below");
        write("sub/visible.txt", "kept too");

        InputCollector.Collected collected = collector.collect(List.of(dir.toString()));

        assertThat(collected.inputs()).extracting(Input::name)
                .containsExactly(dir.resolve("story.txt").toString(), dir.resolve("sub/visible.txt").toString());
    }

    @Test
    void hiddenFileNamedDirectlyIsRead() throws IOException {
        Path file = write(".notes.txt", "asked for by name");

        assertThat(collector.collect(List.of(file.toString())).inputs()).extracting(Input::name)
                .containsExactly(file.toString());
    }

    @Test
    void missingPathIsAFailureAndTheOtherNamesAreStillCollected() throws IOException {
        Path file = write("tram.txt", "Tram");
        String missing = dir.resolve("nope.txt").toString();

        InputCollector.Collected collected = collector.collect(List.of(missing, file.toString()));

        assertThat(collected.inputs()).extracting(Input::name).containsExactly(file.toString());
        assertThat(collected.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(missing);
            assertThat(f.reason()).isEqualTo("no such file or folder");
        });
    }

    @Test
    void emptyFolderGivesNoInputsAndNoFailures() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        InputCollector.Collected collected = collector.collect(List.of(dir.resolve("empty").toString()));

        assertThat(collected.inputs()).isEmpty();
        assertThat(collected.failures()).isEmpty();
    }

    @Test
    void httpUrlIsFetchedAndNamedByItsLastPathSegment() throws IOException {
        String url = base + "/news/tram-extended?ref=home";

        InputCollector.Collected collected = collector.collect(List.of(url));

        assertThat(collected.failures()).isEmpty();
        assertThat(collected.inputs()).singleElement().satisfies(input -> {
            assertThat(input.name()).isEqualTo(url);
            assertThat(input.idHint()).isEqualTo("tram-extended");
            assertThat(input.size()).isEqualTo(PAGE.length);
            assertThat(content(input)).contains("Tram line extended to the airport.");
        });
    }

    @Test
    void urlThatCannotBeFetchedIsAFailureNamingIt() {
        String url = base + "/gone";

        InputCollector.Collected collected = collector.collect(List.of(url));

        assertThat(collected.inputs()).isEmpty();
        assertThat(collected.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(url);
            assertThat(f.reason()).isEqualTo("HTTP 404");
        });
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String content(Input input) throws IOException {
        try (InputStream in = input.opener().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
