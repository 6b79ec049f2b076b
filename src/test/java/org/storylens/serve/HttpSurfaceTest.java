package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP surface of a real loopback server that no hostile request should get past: caching headers, the Host
 * check against DNS rebinding, and JSON errors told plainly. Nothing here is analysed (no CoreNLP).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpSurfaceTest {

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(dir, ServerOptions.onPort(0).withAllowedHosts(List.of("Storylens.Test")));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** The status line and headers and body of a GET sent over a raw socket with exactly this Host header. */
    private String getWithHost(String path, String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.url("/").getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    @Test
    void apiAnswersAreNeverCachedWhilePagesRevalidateAndAssetsAreCached() throws Exception {
        for (String path : List.of("/api/health", "/api/stories", "/api/openapi.json", "/api/articles/nothing",
                "/api/nowhere")) {
            HttpResponse<String> answer = server.get(path);
            assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        HttpResponse<String> refused = server.postArticles("application/x-ndjson", "{".getBytes());
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(server.get("/").headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(server.get("/stories/none").headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(server.get("/assets/storylens.css").headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=3600");
    }

    @Test
    void loopbackServerRefusesForeignHostNamesAsDnsRebindingWould() throws Exception {
        int port = server.url("/").getPort();
        for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1.nip.example",
                "localhost.evil.example", "2130706433", "0x7f000001", "10.0.0.8", "storylens.test.evil.example")) {
            String answer = getWithHost("/api/health", host);
            assertThat(status(answer)).as(host).isEqualTo(421);
            assertThat(answer).as(host).contains("does not answer to the name").contains("--allowed-host")
                    .doesNotContain("\"articles\"");
        }
        String page = getWithHost("/", "evil.example");
        assertThat(status(page)).isEqualTo(421);
        assertThat(page).contains("<h1>421</h1>").doesNotContain("All stories</h1>");
    }

    @Test
    void loopbackServerAnswersLoopbackNamesAndAllowedHostsOnAnyPort() throws Exception {
        int port = server.url("/").getPort();
        for (String host : List.of("localhost", "localhost:" + port, "LOCALHOST:" + port, "127.0.0.1:" + port,
                "127.0.0.1", "[::1]:" + port, "storylens.test", "storylens.test:8080", "Storylens.Test.")) {
            String answer = getWithHost("/api/health", host);
            assertThat(status(answer)).as(host).isEqualTo(200);
            assertThat(answer).as(host).contains("\"status\":\"ok\"");
        }
    }

    @Test
    void serverOnAnotherAddressAnswersItsAddressLoopbackAndAllowedNamesOnly() {
        HostCheck specific = new HostCheck(new ServerOptions("192.0.2.10", 8080, 1 << 20, false,
                List.of("news.example.org")));
        assertThat(specific.accepts("192.0.2.10:8080")).isTrue();
        assertThat(specific.accepts("news.example.org")).isTrue();
        assertThat(specific.accepts("localhost:8080")).isTrue();
        assertThat(specific.accepts("rebound.example:8080")).isFalse();
        assertThat(specific.accepts("192.0.2.11:8080")).isFalse();

        HostCheck everywhere = new HostCheck(new ServerOptions("0.0.0.0", 8080, 1 << 20, false, List.of()));
        assertThat(everywhere.accepts("198.51.100.7:8080")).isTrue(); // an address cannot be a rebound name
        assertThat(everywhere.accepts("[2001:db8::1]:8080")).isTrue();
        assertThat(everywhere.accepts("rebound.example")).isFalse();
        assertThat(everywhere.accepts(null)).isTrue(); // HTTP/1.0 without Host: not a browser
    }

    @Test
    void allowedHostThatIsNoHostNameIsAUsageError() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.onPort(0).withAllowedHosts(List.of("evil.example/<script>")));
    }

    private JsonNode postRefused(String contentType, String body) throws Exception {
        HttpResponse<String> answer = server.postArticles(contentType, body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).doesNotContainIgnoringCase("StreamReadConstraints")
                .doesNotContainIgnoringCase("jackson").doesNotContain("Exception").doesNotContain("getMax")
                .doesNotContain("Source:");
        return json.readTree(answer.body());
    }

    @Test
    void jsonErrorsNameTheLineAndWhatIsWrongNeverTheParser() throws Exception {
        String huge = "{\"title\": \"t\", \"text\": \"" + "a".repeat(20_000_001) + "\"}";
        JsonNode tooLong = postRefused("application/x-ndjson", "\n\n" + huge + "\n");
        assertThat(tooLong.get("error").asText())
                .isEqualTo("no article could be read: line 3: a string is longer than 20,000,000 characters");
        assertThat(tooLong.get("failures").get(0).get("line").asInt()).isEqualTo(3);

        JsonNode nested = postRefused("application/x-ndjson", "{\"text\": " + "[".repeat(5_000) + "\n");
        assertThat(nested.get("error").asText()).matches("no article could be read: line 1: objects or arrays are "
                + "nested deeper than [\\d,]+ levels");

        JsonNode digits = postRefused("application/x-ndjson", "{\"text\": \"x\", \"n\": " + "9".repeat(5_000) + "}");
        assertThat(digits.get("error").asText()).matches(".*line 1: a number is longer than [\\d,]+ digits");

        JsonNode name = postRefused("application/x-ndjson", "{\"" + "n".repeat(60_000) + "\": 1, \"text\": \"x\"}");
        assertThat(name.get("error").asText()).matches(".*line 1: a field name is longer than [\\d,]+ characters");

        JsonNode broken = postRefused("application/x-ndjson", "{\"title\": \"a\",\n{\"text\": \"b\" }}\n"
                + "{\"text\": \"c\u0001\"}\n{\"text\": \"d\",, }\n{\"text\": \"e\"} {\"text\": \"f\"}");
        assertThat(broken.get("failures")).hasSize(5);
        assertThat(broken.get("failures").get(0).get("reason").asText()).startsWith("the JSON ends before it is "
                + "complete");
        assertThat(broken.get("failures").get(1).get("reason").asText())
                .isEqualTo("not valid JSON at column 15: unexpected '}'");
        assertThat(broken.get("failures").get(2).get("reason").asText())
                .startsWith("not valid JSON at column 12: control character U+0001 inside a string");
        assertThat(broken.get("failures").get(3).get("reason").asText())
                .isEqualTo("not valid JSON at column 14: unexpected ','");

        JsonNode afterBom = postRefused("application/x-ndjson", "\uFEFF{\"title\": \"no text\"}\n{\"text\": 1");
        assertThat(afterBom.get("failures")).hasSize(2);
        assertThat(afterBom.get("failures").get(0).get("reason").asText()).startsWith("no text");
        assertThat(afterBom.get("failures").get(1).get("line").asInt()).isEqualTo(2);

        JsonNode single = postRefused("application/json", "{\n  \"title\": \"x\",\n  \"text\": \"y\" \"z\"\n}");
        assertThat(single.get("error").asText()).startsWith("line 3: not valid JSON at column 15: unexpected");
        JsonNode singleNested = postRefused("application/json", "{\n\"text\":\n" + "{\"a\":".repeat(5_000));
        assertThat(singleNested.get("error").asText()).matches("line 3: objects or arrays are nested deeper than "
                + "[\\d,]+ levels");
    }
}
