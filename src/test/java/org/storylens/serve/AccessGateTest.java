package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A server started with {@code --read-token} and a small body limit: reads need the token, big bodies get 413. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessGateTest {

    private static final long BODY_LIMIT = 2_000;

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(dir, new ServerOptions("127.0.0.1", 0, BODY_LIMIT, true));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private String bearer() {
        return "Bearer " + server.token().value();
    }

    private void assertRefused(HttpResponse<String> r, int status, String contentType, String part) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(contentType));
        assertThat(r.body()).contains(part).doesNotContain("Exception", "at org.", "at io.");
    }

    @Test
    void readsWithoutTheTokenAre401ForTheApiAndThePages() throws Exception {
        assertRefused(server.get("/api/stories"), 401, "application/json", "reads need the access token");
        assertRefused(server.get("/api/health"), 401, "application/json", "Authorization: Bearer");
        assertRefused(server.get("/api/nothing"), 401, "application/json", "reads need the access token");
        assertRefused(server.get("/"), 401, "text/html", "?token=");
        assertRefused(server.send(server.request("/api/stories").header("Authorization", "Bearer wrong-token")),
                401, "application/json", "reads need");
        assertRefused(server.get("/?token=wrong-token"), 401, "text/html", "reads need");
        assertRefused(server.send(server.request("/").header("Cookie", AccessGate.COOKIE + "=wrong")), 401,
                "text/html", "reads need");
    }

    @Test
    void readsWithTheBearerTokenAreAnswered() throws Exception {
        HttpResponse<String> health = server.send(server.request("/api/health").header("Authorization", bearer()));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("ok");
        assertThat(server.send(server.request("/").header("Authorization", bearer())).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenInTheAddressSetsAStrictHttpOnlyCookieThatOpensPagesAndApi() throws Exception {
        HttpResponse<String> redirect = server.get("/api/stories?limit=3&token=" + server.token().value() + "&q=a+b");
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/api/stories?limit=3&q=a+b");
        String cookie = redirect.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(AccessGate.COOKIE + "=" + server.token().value() + ";")
                .contains("HttpOnly", "SameSite=Strict", "Path=/");

        String sent = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> page = server.send(server.request("/").header("Cookie", sent));
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> api = server.send(server.request("/api/stories?limit=3").header("Cookie", sent));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(json.readTree(api.body()).get("limit").asInt()).isEqualTo(3);
    }

    @Test
    void redirectAfterTheTokenStaysOnThisServer() throws Exception {
        java.net.URI doubled = java.net.URI.create(server.url("/").toString() + "/evil.example/x?token="
                + server.token().value());
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(doubled));
        if (r.statusCode() == 303) {
            assertThat(r.headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).startsWith("/").doesNotStartWith("//"));
        } else {
            assertThat(r.statusCode()).as("refused or not found, never sent elsewhere").isIn(400, 404);
        }
    }

    @Test
    void writesNeedTheBearerTokenEvenWithTheCookie() throws Exception {
        HttpResponse<String> r = server.send(server.request("/api/articles")
                .header("Cookie", AccessGate.COOKIE + "=" + server.token().value())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"A cookie is not enough to write.\"}")));
        assertRefused(r, 401, "application/json", "writes need the access token");
    }

    @Test
    void assetsStayOpen() throws Exception {
        assertThat(server.get("/assets/storylens.css").statusCode()).isNotEqualTo(401);
    }

    @Test
    void bodyOverTheLimitIs413WithAJsonMessage() throws Exception {
        String line = "{\"text\": \"" + "word ".repeat((int) BODY_LIMIT / 5) + "\"}\n";
        byte[] big = line.getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan((int) BODY_LIMIT);
        HttpResponse<String> declared = server.postArticles("application/x-ndjson", big);
        assertRefused(declared, 413, "application/json", "over the limit of 2000 bytes");
        JsonNode error = json.readTree(declared.body());
        assertThat(error.get("status").asInt()).isEqualTo(413);

        // chunked: no Content-Length, the limit is found while reading
        HttpResponse<String> chunked = server.send(server.request("/api/articles").header("Authorization", bearer())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertRefused(chunked, 413, "application/json", "over the limit of 2000 bytes");
        assertThat(server.store().count()).isZero();
    }
}
