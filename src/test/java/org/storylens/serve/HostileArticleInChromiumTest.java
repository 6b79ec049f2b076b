package org.storylens.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An article whose title, text and URL are hostile markup, read on every page in a real browser: nothing runs. */
class HostileArticleInChromiumTest {

    private static final String SCRIPT = "<script>window.pwned=1</script>";
    private static final String IMG = "<img src=x onerror=\"window.pwned=1\">";
    private static final String MARKDOWN_LINK = "[link](javascript:window.pwned=1)";
    private static final String ANCHOR = "<a href=\"javascript:window.pwned=1\">click</a>";
    private static final String SVG = "</textarea></title><svg onload=\"window.pwned=1\">";
    private static final String ATTRIBUTE = "\" onmouseover=\"window.pwned=1\" x=\"";
    private static final String STYLE = "<style>body{display:none}</style>";

    @Test
    void hostileMarkupInAnArticleIsShownAsTextAndRunsOnNoPage(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir); HeadlessChromium chromium = HeadlessChromium.start()) {
            String title = "Dam " + SCRIPT + " breach " + IMG;
            String text = String.join("\n\n",
                    "The Lower Sola dam near Meravik collapsed on Tuesday, officials said. " + SCRIPT,
                    "About 1,200 people were evacuated from three villages, the regional governor Ilse Varga said. "
                            + IMG + " " + MARKDOWN_LINK,
                    "\"We are doing everything we can,\" Varga told reporters in Meravik on Wednesday. " + ANCHOR,
                    "Engineers had warned of cracks in the spillway in 2022. " + SVG + " " + ATTRIBUTE + " " + STYLE);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", "hostile-1");
            line.put("title", title);
            line.put("text", text);
            line.put("url", "javascript:window.pwned=1");
            line.put("publishedAt", "2025-03-11");
            line.put("outlet", "Brannsk " + SCRIPT + " Herald");
            HttpResponse<String> posted = server.postArticles(new ObjectMapper().writeValueAsString(line) + "\n");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            String storyId = new ObjectMapper().readTree(posted.body()).get("articles").get(0).get("storyId").asText();
            ChromeDriver browser = chromium.driver();

            List<String> pages = List.of("/", "/?q=dam", "/stories/" + storyId, "/articles/hostile-1");
            List<String> console = new ArrayList<>();
            for (String page : pages) {
                HttpResponse<String> response = server.get(page);
                assertThat(response.statusCode()).as(page).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
                        .contains(StorylensServer.CONTENT_SECURITY_POLICY);

                browser.get(server.url(page).toString());
                for (WebElement e : browser.findElements(By.cssSelector("main a, main mark, main li, main h1"))) {
                    if (e.isDisplayed()) { // hovering is what an onmouseover would have waited for
                        chromium.script("arguments[0].scrollIntoView({block: 'center'});", e);
                        new Actions(browser).moveToElement(e).perform();
                    }
                }
                assertThat(chromium.script("return typeof window.pwned;")).as(page).isEqualTo("undefined");
                assertThatThrownBy(() -> browser.switchTo().alert()).as(page)
                        .isInstanceOf(NoAlertPresentException.class);
                assertThat(browser.findElements(By.cssSelector("main img, main svg[onload], main iframe, "
                        + "main script, main style, [onerror], [onload], [onmouseover]"))).as(page).isEmpty();
                assertThat(browser.findElements(By.cssSelector("a[href]"))).as(page).allSatisfy(a ->
                        assertThat(a.getAttribute("href")).startsWith(server.url("/").toString()));
                assertThat(browser.findElement(By.tagName("body")).isDisplayed()).as(page).isTrue();
                console.addAll(chromium.console());
            }
            String articlePage = browser.findElement(By.tagName("main")).getText();
            assertThat(articlePage).contains(SCRIPT, IMG, MARKDOWN_LINK, ANCHOR, SVG.strip(), STYLE);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(browser.findElement(By.cssSelector("dl.article-meta")).getText())
                    .contains("javascript:window.pwned=1");
            chromium.screenshot("hostile-article-page");

            browser.get(server.url("/stories/" + storyId).toString());
            assertThat(browser.findElement(By.cssSelector("article.story h1")).getText()).isEqualTo(title);
            chromium.screenshot("hostile-story-page");
            console.addAll(chromium.console());
            assertThat(console).as("nothing was even tried: no policy violation, no error")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("SEVERE"));
        }
    }
}
