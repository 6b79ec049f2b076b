package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over one real server with open reads: what it accepts, what it answers, and how it refuses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiRoutesTest {

    static final String DAM_REPORT = """
            {"id": "dam-reuters", "title": "Dam spillway collapses in Meravik, 1,200 evacuated",
             "outlet": "Reuters", "publishedAt": "2025-03-12", "language": "en",
             "url": "https://example.org/dam?a=1&b=2",
             "text": "Part of the Meravik dam spillway collapsed on Tuesday after days of heavy rain, forcing 1,200 \
            people from their homes, police said.\\n\\n\\"We are doing everything we can to keep people safe,\\" \
            Interior Minister Anna Kowalski told reporters in Meravik on Wednesday.\\n\\nEngineers will inspect the \
            dam on 14 March. A sign at the site read <script>alert(1)</script> & \\"keep out\\" in Zürich-style \
            lettering."}""";

    static final String DAM_FOLLOW_UP = "{\"id\": \"dam-tass\", \"title\": \"Meravik dam: evacuations after the "
            + "spillway collapse\", \"outlet\": \"TASS\", \"publishedAt\": \"2025-03-13\", \"text\": \"Authorities "
            + "in Meravik evacuated 1,200 people after part of the dam spillway collapsed on Tuesday following heavy "
            + "rain, Interior Minister Anna Kowalski said on Wednesday. Engineers will inspect the dam on 14 March, "
            + "the minister said.\"}";

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TestServer server;
    private final List<HttpResponse<String>> refusals = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** Answers with an error status, remembered so that one test can check no error ever carried a stack trace. */
    private HttpResponse<String> refused(HttpResponse<String> response) {
        refusals.add(response);
        return response;
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return server.postArticles(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    private void assertJsonError(HttpResponse<String> response, int status, String... messageParts) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode error = body(response);
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("error").asText()).contains(messageParts);
    }

    private String postedStory() throws Exception {
        HttpResponse<String> posted = post("application/x-ndjson", DAM_REPORT.replace("\n", " ") + "\n"
                + DAM_FOLLOW_UP + "\n");
        assertThat(posted.statusCode()).as(posted.body()).isIn(201);
        return body(posted).get("articles").get(0).get("storyId").asText();
    }

    @Test
    void writesWithoutTheTokenOrWithAWrongOneAreRefusedWith401() throws Exception {
        String article = "{\"id\": \"refused-write\", \"text\": \"A write without the token never reaches the "
                + "store, whatever it says.\"}";
        HttpResponse<String> none = refused(server.send(server.request("/api/articles")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(article))));
        assertJsonError(none, 401, "writes need the access token", "Authorization: Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        HttpResponse<String> wrong = refused(server.send(server.request("/api/articles")
                .header("Authorization", "Bearer " + server.token().value() + "x")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(article))));
        assertJsonError(wrong, 401, "writes need the access token");
        assertThat(server.store().find("refused-write")).as("nothing stored by a refused write").isEmpty();
    }

    @Test
    void prettyPrintedArticleIsAcceptedWith201AndReadBackAsJsonWithItsFindings() throws Exception {
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(DAM_REPORT));
        assertThat(pretty).contains("\n");
        HttpResponse<String> posted = post("application/json; charset=utf-8", pretty);
        assertThat(posted.statusCode()).as(posted.body()).isIn(201);
        JsonNode placed = body(posted).get("articles").get(0);
        String id = placed.get("articleId").asText();
        assertThat(body(posted).get("accepted").asInt()).isEqualTo(1);
        assertThat(placed.get("storyId").isTextual()).as(posted.body()).isTrue();

        HttpResponse<String> read = get("/api/articles/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode article = body(read);
        assertThat(article.get("id").asText()).isEqualTo(id);
        assertThat(article.get("outlet").asText()).isEqualTo("Reuters");
        assertThat(article.get("publishedAt").asText()).isEqualTo("2025-03-12");
        assertThat(article.get("url").asText()).isEqualTo("https://example.org/dam?a=1&b=2");
        assertThat(article.get("storyId").asText()).isEqualTo(placed.get("storyId").asText());
        assertThat(article.get("removedBoilerplate").isArray()).isTrue();
        assertThat(article.get("text").asText()).as("markup and quotes come back as the same characters")
                .contains("<script>alert(1)</script> & \"keep out\" in Zürich-style")
                .contains("\"We are doing everything we can to keep people safe,\"");
        assertThat(read.body()).doesNotContain("&lt;", "&amp;", "&quot;", "annotation", "tokens");

        JsonNode findings = article.get("findings");
        assertThat(findings.get("tier").asText()).isEqualTo("ingest");
        assertThat(names(findings.get("entities"), "PERSON")).anySatisfy(n -> assertThat(n).contains("Kowalski"));
        assertThat(names(findings.get("entities"), "LOCATION")).contains("Meravik");
        JsonNode kowalski = first(findings.get("entities"), "name", "Anna Kowalski");
        assertThat(kowalski).isNotNull();
        JsonNode span = kowalski.get("spans").get(0);
        assertThat(article.get("text").asText().substring(span.get("start").asInt(), span.get("end").asInt()))
                .isEqualTo("Anna Kowalski");
        assertThat(values(findings.get("times"), "value")).contains("2025-03-11", "2025-03-14");
        assertThat(values(findings.get("quotes"), "speaker")).contains("Anna Kowalski");
        JsonNode evacuated = first(findings.get("numbers"), "value", "1200");
        assertThat(evacuated).as(findings.get("numbers").toString()).isNotNull();
        assertThat(evacuated.get("value").isIntegralNumber()).isTrue();
    }

    private static List<String> names(JsonNode entities, String type) {
        List<String> out = new ArrayList<>();
        entities.forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                out.add(e.get("name").asText());
            }
        });
        return out;
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.get(field).asText()));
        return out;
    }

    private static JsonNode first(JsonNode list, String field, String value) {
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (e.get(field).asText().equals(value)) {
                return e;
            }
        }
        return null;
    }

    @Test
    void batchWithOneMalformedLineIsAcceptedAs207NamingTheLine() throws Exception {
        String batch = "{\"id\": \"gale-1\", \"title\": \"Gale warning for Port Aldery\", \"text\": \"The coastguard "
                + "issued a gale warning for Port Aldery on Friday, with winds of up to 90 km/h expected.\"}\n"
                + "{\"id\": \"gale-2\", \"title\": \"broken\", \"text\": \"unterminated}\n";
        HttpResponse<String> posted = post("application/x-ndjson", batch);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(207);
        JsonNode answer = body(posted);
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("articles").get(0).get("articleId").asText()).isEqualTo("gale-1");
        assertThat(answer.get("failures")).hasSize(1);
        assertThat(answer.get("failures").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(answer.get("failures").get(0).get("reason").asText())
                .isEqualTo("the JSON ends before it is complete at column 59 (an object, array or string is not closed)");
    }

    @Test
    void batchWithoutAReadableLineIs400NamingTheLine() throws Exception {
        HttpResponse<String> posted = refused(post("application/x-ndjson", "\n\n{\"title\": \"no closing brace\"\n"));
        assertJsonError(posted, 400, "line 3: the JSON ends before it is complete");
        assertThat(body(posted).get("failures").get(0).get("line").asInt()).isEqualTo(3);

        HttpResponse<String> noText = refused(post("text/plain", "{\"title\": \"no text\"}"));
        assertJsonError(noText, 400, "line 1", "no text");
    }

    @Test
    void malformedSingleDocumentIs400NamingLineAndColumn() throws Exception {
        HttpResponse<String> posted = refused(post("application/json", "{\n  \"title\": \"x\",\n  \"text\": oops\n}"));
        assertJsonError(posted, 400, "line 3: not valid JSON at column 15: unexpected word 'oops'");

        HttpResponse<String> array = refused(post("application/json", "[{\"text\": \"a\"}]"));
        assertJsonError(array, 400, "expected one JSON object", "application/x-ndjson");
    }

    @Test
    void emptyBinaryAndNonUtf8BodiesAre400() throws Exception {
        assertJsonError(refused(post("application/x-ndjson", "")), 400, "empty body");
        assertJsonError(refused(post("application/x-ndjson", "  \n \n")), 400, "empty body");
        byte[] binary = {'{', 0, 1, 2, (byte) 0xff, '}'};
        assertJsonError(refused(server.postArticles("application/x-ndjson", binary)), 400, "binary body", "line 1");
        byte[] latin1 = "{\"text\": \"ok\"}\n{\"text\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertJsonError(refused(server.postArticles("application/x-ndjson", latin1)), 400, "not valid UTF-8",
                "line 2");
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        assertJsonError(refused(post("text/html", "<p>hello</p>")), 415, "text/html", "application/x-ndjson");
        assertJsonError(refused(post("application/xml", "<a/>")), 415, "application/xml");
        assertJsonError(refused(post("application/json; charset=iso-8859-1", DAM_REPORT)), 415, "UTF-8");
        HttpResponse<String> untyped = refused(server.send(server.request("/api/articles")
                .header("Authorization", "Bearer " + server.token().value())
                .POST(HttpRequest.BodyPublishers.ofString(DAM_REPORT))));
        assertJsonError(untyped, 415, "Content-Type");
    }

    @Test
    void unknownIdsAndPathsAre404AndWrongMethods405() throws Exception {
        assertJsonError(refused(get("/api/stories/s-nothing")), 404, "no story s-nothing");
        assertJsonError(refused(get("/api/articles/nothing-here")), 404, "no article nothing-here");
        assertJsonError(refused(get("/api/nothing")), 404, "not found: /api/nothing");
        HttpResponse<String> delete = refused(server.send(server.request("/api/articles/x").DELETE()));
        assertThat(delete.statusCode()).isIn(401, 405);
        HttpResponse<String> put = refused(server.send(server.request("/api/stories")
                .header("Authorization", "Bearer " + server.token().value())
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))));
        assertJsonError(put, 405, "PUT is not allowed on /api/stories", "GET");
        assertThat(put.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void badQueryParametersAre400AndUnknownOnesIgnored() throws Exception {
        assertJsonError(refused(get("/api/stories?from=12/03/2025")), 400, "'from'", "2021-12-07", "12/03/2025");
        assertJsonError(refused(get("/api/stories?limit=0")), 400, "'limit'");
        assertJsonError(refused(get("/api/stories?offset=-1")), 400, "'offset'");
        HttpResponse<String> unknown = get("/api/stories?colour=blue&limit=5");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(body(unknown).get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void storiesListHasCountriesOfTheOutletsAndPaging() throws Exception {
        String storyId = postedStory();
        HttpResponse<String> listed = get("/api/stories?q=spillway");
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode page = body(listed);
        JsonNode story = first(page.get("stories"), "id", storyId);
        assertThat(story).as(listed.body()).isNotNull();
        List<String> countries = new ArrayList<>();
        story.get("countries").forEach(c -> countries.add(c.asText()));
        assertThat(countries).contains("GB", "RU").doesNotHaveDuplicates();
        assertThat(story.get("articles").asInt()).isGreaterThanOrEqualTo(2);

        HttpResponse<String> all = get("/api/stories?limit=1");
        JsonNode first = body(all);
        int total = first.get("total").asInt();
        assertThat(first.get("stories")).hasSize(1);
        assertThat(total).isGreaterThanOrEqualTo(1);
        if (total > 1) {
            assertThat(first.get("nextOffset").asInt()).isEqualTo(1);
        } else {
            assertThat(first.get("nextOffset").isNull()).isTrue();
        }
        JsonNode none = body(get("/api/stories?q=zzzunmatchedword"));
        assertThat(none.get("total").asInt()).isZero();
        assertThat(none.get("stories")).isEmpty();
    }

    @Test
    void healthReportsCountsSchemaAndVersion() throws Exception {
        postedStory();
        HttpResponse<String> health = get("/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode h = body(health);
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("articles").asInt()).isEqualTo(server.store().count()).isGreaterThanOrEqualTo(2);
        assertThat(h.get("stories").asInt()).isEqualTo(server.store().stories().size()).isGreaterThanOrEqualTo(1);
        assertThat(h.get("schema").asInt()).isEqualTo(org.storylens.store.SqliteArticleStore.SCHEMA_VERSION);
        assertThat(h.get("version").asText()).isEqualTo(StorylensServer.VERSION);
    }

    @Test
    void openApiDocumentDescribesEveryRegisteredRoute() throws Exception {
        HttpResponse<String> served = get("/api/openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode doc = body(served);
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        Map<String, String> missing = new LinkedHashMap<>();
        for (ApiRoutes.Endpoint e : ApiRoutes.Endpoint.values()) {
            JsonNode path = doc.get("paths").get(e.path);
            if (path == null || path.get(e.method.name().toLowerCase(Locale.ROOT)) == null) {
                missing.put(e.method.name(), e.path);
            }
        }
        assertThat(missing).as("routes the document does not describe").isEmpty();
        List<String> documented = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);
        assertThat(documented).as("the document describes no route the server lacks").allSatisfy(
                p -> assertThat(ApiRoutes.methodsAt(p.replaceAll("\\{[^}]+}", "x"))).isNotEmpty());
        HttpResponse<String> served404 = get("/api/openapi.json/x");
        assertThat(served404.statusCode()).isEqualTo(404);
    }

    @Test
    void headOfTheOpenApiDocumentAnswersTheHeadersOfItsGet() throws Exception {
        HttpResponse<String> got = get("/api/openapi.json");
        HttpResponse<String> head = server.send(server.request("/api/openapi.json")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(got.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(head.headers().firstValue("Content-Length")).isEqualTo(got.headers().firstValue("Content-Length"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the others, whose error answers it checks too
    void noErrorAnswerCarriesAStackTrace() throws Exception {
        // the error cases of this class, whichever ran before, and a few more
        refused(get("/api/stories?to=yesterday"));
        refused(post("application/json", "{\"text\": \"\\uZZZZ\"}"));
        refused(post("application/json", "{".repeat(5000)));
        refused(server.send(server.request("/api/articles").header("Authorization", "Bearer x").POST(
                HttpRequest.BodyPublishers.ofString("{}"))));
        refused(get("/api/articles/%00"));
        assertThat(refusals).hasSizeGreaterThanOrEqualTo(5);
        for (HttpResponse<String> r : refusals) {
            assertThat(r.statusCode()).as(r.uri().toString()).isBetween(400, 499);
            assertThat(r.body()).as(r.uri() + " " + r.statusCode()).doesNotContain("Exception", "at org.",
                    "at io.", "at java.", "jackson");
        }
    }
}
