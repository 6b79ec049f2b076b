package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.storylens.clean.Article;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeds, posted through the API, read in a real browser: stories page, story page, article page. */
class StoryPagesInChromiumTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void seedsPostedThroughTheApiReadAsOneStoryWithEveryPartOfItsBriefInChromium(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir); HeadlessChromium chromium = HeadlessChromium.start()) {
            HttpResponse<String> posted = server.postArticles(SeedArticleLines.body());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            String storyId = json.readTree(posted.body()).get("articles").get(0).get("storyId").asText();
            JsonNode brief = json.readTree(server.get("/api/stories/" + storyId).body()).get("stories").get(0);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));

            browser.get(server.url("/").toString());
            List<WebElement> stories = browser.findElements(By.cssSelector("ol.story-list > li.story-item"));
            assertThat(stories).hasSize(1);
            WebElement listed = stories.get(0);
            assertThat(listed.findElement(By.cssSelector(".article-count")).getText()).isEqualTo("5 articles");
            assertThat(listed.findElement(By.cssSelector(".source-count")).getText()).endsWith("independent sources");
            assertThat(listed.findElements(By.cssSelector("ul.outlets li"))).isNotEmpty();
            chromium.screenshot("stories-page");

            listed.findElement(By.cssSelector("h2 a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.story h1")));
            assertThat(browser.getCurrentUrl()).endsWith("/stories/" + storyId);
            assertThat(browser.findElement(By.cssSelector("article.story h1")).getText())
                    .isEqualTo(brief.get("title").asText());

            List<WebElement> sentences = browser.findElements(By.cssSelector("ol.summary > li"));
            assertThat(sentences).hasSize(brief.get("summary").size()).hasSizeBetween(3, 8);
            for (WebElement sentence : sentences) {
                assertThat(sentence.findElements(By.cssSelector("a.chip"))).as(sentence.getText()).isNotEmpty();
            }
            WebElement firstChip = sentences.get(0).findElement(By.cssSelector("a.chip"));
            firstChip.click();
            WebElement popover = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("ol.summary > li .chip-popover")));
            List<WebElement> chips = sentences.get(0).findElements(By.cssSelector("a.chip"));
            List<WebElement> said = popover.findElements(By.cssSelector("li .popover-sentence"));
            assertThat(said).hasSameSizeAs(chips);
            for (int i = 0; i < chips.size(); i++) {
                String articleId = chips.get(i).getAttribute("data-article").substring("/articles/".length());
                Article source = server.store().find(articleId).orElseThrow();
                assertThat(oneLine(source.text())).as("the sentence shown for " + articleId)
                        .contains(oneLine(said.get(i).getText()));
            }
            chromium.screenshot("story-summary-popover", sentences.get(0).findElement(By.xpath("..")));
            popover.sendKeys(Keys.ESCAPE);
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".chip-popover"), 0));

            WebElement chipByKeyboard = sentences.get(1).findElement(By.cssSelector("a.chip"));
            chipByKeyboard.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.summary > li .chip-popover")));
            assertThat(chipByKeyboard.getAttribute("aria-expanded")).isEqualTo("true");
            browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".chip-popover"), 0));

            // the sections after the summary are folded: open them as a reader would
            for (WebElement fold : browser.findElements(By.cssSelector("section > details.fold > summary"))) {
                fold.click();
            }
            WebElement svg = browser.findElement(By.cssSelector("section.s-timeline svg.timeline-svg"));
            assertThat(svg.isDisplayed()).isTrue();
            assertThat(svg.findElements(By.cssSelector("g.mark .dot"))).isNotEmpty()
                    .hasSize(browser.findElements(By.cssSelector("section.s-timeline ol.chrono > li")).size());

            List<WebElement> rows = browser.findElements(By.cssSelector("section.s-claims table.matrix tbody tr"));
            assertThat(rows).hasSize(brief.get("claims").size());
            assertThat(browser.findElements(By.cssSelector("section.s-claims table.matrix thead th.outlet")))
                    .hasSizeGreaterThan(1);
            for (String section : List.of("s-quotes", "s-numbers", "s-entities", "s-framing-by-outlet",
                    "s-articles")) {
                assertThat(browser.findElements(By.cssSelector("section." + section))).as(section).hasSize(1);
            }
            chromium.screenshot("story-page");
            for (String part : List.of("header", "section.s-summary", "section.s-claims", "section.s-timeline",
                    "section.s-quotes", "section.s-numbers", "section.s-framing-by-outlet", "section.s-articles")) {
                chromium.screenshot("story-" + part.replace("section.s-", ""),
                        browser.findElement(By.cssSelector("article.story > " + part)));
            }

            WebElement toggle = browser.findElement(By.cssSelector("ol.articles details > summary"));
            toggle.click();
            assertThat(toggle.findElement(By.xpath("..")).findElement(By.cssSelector("ul li")).isDisplayed()).isTrue();

            browser.findElement(By.cssSelector("ol.articles .a-title a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("div.article-text")));
            String articleId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
            Article article = server.store().find(articleId).orElseThrow();
            assertThat(browser.findElement(By.cssSelector("div.article-text")).getAttribute("textContent"))
                    .isEqualTo(article.text());
            assertThat(browser.findElements(By.cssSelector("div.article-text mark.entity"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("div.article-text mark.date"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("a.story-link")).getAttribute("href"))
                    .endsWith("/stories/" + storyId);
            chromium.screenshot("article-page");
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
