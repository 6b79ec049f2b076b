package org.storylens.serve;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PageRoutesTest {

    @Test
    void unknownStoriesArticlesAndAssetsGetA404PageUnderThePolicy(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            for (String path : new String[]{"/stories/nope", "/articles/%3Cscript%3E", "/assets/pom.xml",
                    "/assets/..%2Fpom.xml", "/assets/StorylensServer.class"}) {
                HttpResponse<String> response = server.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                        t -> assertThat(t).startsWith("text/html"));
                assertThat(response.headers().firstValue("Content-Security-Policy"))
                        .contains(StorylensServer.CONTENT_SECURITY_POLICY);
                assertThat(Jsoup.parse(response.body()).select("script")).as(path).isEmpty();
            }
            assertThat(Jsoup.parse(server.get("/articles/%3Cscript%3E").body()).selectFirst("p").text())
                    .isEqualTo("There is no article <script>.");
        }
    }

    @Test
    void servesTheAllowedAssetsWithTheirTypesAndCacheHeaders(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            HttpResponse<String> css = server.get("/assets/storylens.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
            assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
            assertThat(css.body()).contains("ol.summary", "mark.entity.person").doesNotContain("url(");
            HttpResponse<String> js = server.get("/assets/storylens.js");
            assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(js.body()).doesNotContain("eval(", "innerHTML", "new Function");
            assertThat(js.headers().firstValue("ETag")).isPresent();
            assertThat(server.get("/assets/storylens.svg").headers().firstValue("Content-Type"))
                    .hasValue("image/svg+xml");
            HttpResponse<String> home = server.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(home.body()).selectFirst("p.none").text()).startsWith("No stories yet");
        }
    }
}
