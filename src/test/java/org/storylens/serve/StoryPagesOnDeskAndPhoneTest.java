package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' stories (also as search results), story and article pages in Chromium on a desk (1366×900) and a phone (390×844, emulated as a
 * mobile device): no horizontal scroll, the story's first screen shows its headline, its state and the disputes, every
 * link of the table of contents leads somewhere, the coverage panel and its chart fit the screen, tap targets of 44 px
 * on the phone, and no serious or critical
 * violation found by axe-core (vendored under {@code src/test/resources/axe}, injected into the page; nothing is
 * downloaded). Screenshots go to {@code target/screenshots/}.
 */
class StoryPagesOnDeskAndPhoneTest {

    private record Screen(String name, int width, int height, boolean mobile) {
    }

    private static final Screen DESK = new Screen("desk", 1366, 900, false);
    private static final Screen PHONE = new Screen("phone", 390, 844, true);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void storiesStoryAndArticlePagesReadOnADeskAndOnAPhone(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir); HeadlessChromium chromium = HeadlessChromium.start()) {
            HttpResponse<String> posted = server.postArticles(SeedArticleLines.body());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            String storyId = json.readTree(posted.body()).get("articles").get(0).get("storyId").asText();
            JsonNode brief = json.readTree(server.get("/api/stories/" + storyId).body()).get("stories").get(0);
            String articleId = brief.get("articles").get(0).get("id").asText();
            ChromeDriver browser = chromium.driver();
            browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(1));
            String axe = axeSource();
            List<String> violations = new ArrayList<>();
            Files.deleteIfExists(Path.of("target", "screenshots", "axe-report.txt"));

            for (Screen screen : List.of(DESK, PHONE)) {
                emulate(browser, screen, screen.height());
                Map<String, String> pages = new java.util.LinkedHashMap<>();
                pages.put("stories", "/");
                pages.put("search", "/?q=Kremlin+tal");
                pages.put("story", "/stories/" + storyId);
                pages.put("article", "/articles/" + articleId);
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    String where = page.getKey() + " page on the " + screen.name();
                    browser.get(server.url(page.getValue()).toString());
                    new WebDriverWait(browser, Duration.ofMinutes(2))
                            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer.site")));
                    assertThat(number(chromium, "return window.innerWidth")).as(where).isEqualTo(screen.width());
                    assertNoHorizontalScroll(chromium, where);
                    if (page.getKey().equals("search")) {
                        // one search box, and each result says why it matched
                        assertThat(browser.findElements(By.cssSelector("input[type=search]"))).as(where).hasSize(1);
                        assertThat(browser.findElements(By.cssSelector("li.story-item p.match mark"))).as(where)
                                .isNotEmpty();
                    }
                    if (page.getKey().equals("story")) {
                        firstScreenShowsTheStoryState(chromium, browser, where);
                        everyTableOfContentsLinkLeadsToASection(chromium, browser, where);
                        theCoveragePanelFitsTheScreen(chromium, browser, screen, where);
                    }
                    screenshot(chromium, browser, screen, page.getKey() + "-" + screen.name());
                    if (screen.mobile()) {
                        assertThat(smallTapTargets(chromium)).as("tap targets under 44 px on the " + where).isEmpty();
                    }
                    violations.addAll(seriousViolations(chromium, axe, where));
                    if (page.getKey().equals("story")) {
                        // everything unfolded: the folded sections' tables, matrix, quotes and chips too
                        chromium.script("document.querySelectorAll('details').forEach(d => d.open = true);");
                        assertNoHorizontalScroll(chromium, where + ", every section open");
                        if (screen.mobile()) {
                            assertThat(smallTapTargets(chromium)).as("tap targets under 44 px on the " + where
                                    + ", every section open").isEmpty();
                        }
                        violations.addAll(seriousViolations(chromium, axe, where + ", every section open"));
                        screenshot(chromium, browser, screen, "story-open-" + screen.name());
                    }
                }
            }
            assertThat(violations).as("serious or critical accessibility violations (axe-core)").isEmpty();
        }
    }

    private static void firstScreenShowsTheStoryState(HeadlessChromium chromium, ChromeDriver browser, String where) {
        double screen = number(chromium, "return window.innerHeight");
        for (String part : List.of("article.story > header h1", "article.story > header p.state",
                "section.s-disputes-and-updates > h2")) {
            WebElement e = browser.findElement(By.cssSelector(part));
            assertThat(bottom(chromium, e)).as(part + " within the first screen of the " + where).isLessThanOrEqualTo(screen);
        }
        WebElement firstOfDisputes = browser.findElement(By.cssSelector("section.s-disputes-and-updates > h2 + *"));
        assertThat(top(chromium, firstOfDisputes)).as("the disputes' first line on the first screen of the " + where)
                .isLessThan(screen - 20);
    }

    private static void everyTableOfContentsLinkLeadsToASection(HeadlessChromium chromium, ChromeDriver browser,
                                                               String where) {
        List<WebElement> links = browser.findElements(By.cssSelector("nav.story-toc a"));
        assertThat(links).as(where).hasSizeGreaterThanOrEqualTo(8);
        for (WebElement link : links) {
            String href = link.getAttribute("href");
            String id = href.substring(href.indexOf('#') + 1);
            assertThat(browser.findElements(By.id(id))).as(where + ": the target of " + link.getText()).hasSize(1);
        }
        // following a link to a folded section opens it
        WebElement quotes = browser.findElement(By.cssSelector("nav.story-toc a[href$='-quotes']"));
        chromium.script("arguments[0].click();", quotes);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(chromium.script(
                "return document.querySelector('section.s-quotes > details.fold').open;")));
        chromium.script("document.querySelector('section.s-quotes > details.fold').open = false; "
                + "history.replaceState(null, '', location.pathname); window.scrollTo(0, 0);");
    }

    /**
     * The coverage panel, opened from the table of contents: its chart drawn within the window at a readable width,
     * its counts listed, no horizontal scroll; a screenshot of it as target/screenshots/coverage-SCREEN.png.
     */
    private static void theCoveragePanelFitsTheScreen(HeadlessChromium chromium, ChromeDriver browser, Screen screen,
                                                      String where) throws IOException {
        WebElement link = browser.findElement(By.cssSelector("nav.story-toc a[href$='-coverage']"));
        assertThat(link.getText()).as(where).startsWith("Coverage");
        chromium.script("arguments[0].click();", link);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(chromium.script(
                "return document.querySelector('section.s-coverage > details.fold').open;")));
        WebElement chart = browser.findElement(By.cssSelector("section.s-coverage svg.coverage-chart"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        double width = number(chromium, "return arguments[0].getBoundingClientRect().width;", chart);
        double right = number(chromium, "return arguments[0].getBoundingClientRect().right;", chart);
        assertThat(width).as("the coverage chart's width on the " + where).isGreaterThan(300);
        assertThat(right).as("the coverage chart's right edge on the " + where).isLessThanOrEqualTo(screen.width());
        assertThat(browser.findElements(By.cssSelector("section.s-coverage ul.coverage-countries > li")))
                .as(where).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("section.s-coverage ol.coverage-sources > li")))
                .as(where).isNotEmpty();
        assertNoHorizontalScroll(chromium, where + ", coverage open");
        if (screen.mobile()) {
            assertThat(smallTapTargets(chromium)).as("tap targets under 44 px on the " + where + ", coverage open")
                    .isEmpty();
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        WebElement panel = browser.findElement(By.cssSelector("section.s-coverage"));
        Files.write(dir.resolve("coverage-" + screen.name() + ".png"), panel.getScreenshotAs(OutputType.BYTES));
        chromium.script("document.querySelector('section.s-coverage > details.fold').open = false; "
                + "history.replaceState(null, '', location.pathname); window.scrollTo(0, 0);");
    }

    private static void assertNoHorizontalScroll(HeadlessChromium chromium, String where) {
        double scrollWidth = number(chromium, "return document.documentElement.scrollWidth");
        double innerWidth = number(chromium, "return window.innerWidth");
        assertThat(scrollWidth).as("document width of the " + where + " (window " + innerWidth + ")"
                + widest(chromium)).isLessThanOrEqualTo(innerWidth);
    }

    /** The elements that reach past the window's right edge, for the message of a failed width check. */
    private static String widest(HeadlessChromium chromium) {
        return ": " + chromium.script("const w = window.innerWidth; return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > w + 0.5).slice(-5)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                + ".join('; ');");
    }

    /** Visible links, summaries and buttons smaller than 44 × 44 px: how each is named, with its size. */
    @SuppressWarnings("unchecked")
    private static List<String> smallTapTargets(HeadlessChromium chromium) {
        return (List<String>) chromium.script("""
                const small = [];
                for (const e of document.querySelectorAll('a[href], summary, button, [role=button]')) {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0 || r.right <= 0 || r.bottom <= 0) continue; // not shown
                  if (getComputedStyle(e).visibility === 'hidden') continue;
                  if (r.width < 43.5 || r.height < 43.5) {
                    small.push(e.tagName.toLowerCase() + ' "' + e.textContent.trim().slice(0, 40) + '" '
                      + Math.round(r.width) + 'x' + Math.round(r.height));
                  }
                }
                return small.slice(0, 25);""");
    }

    /** axe-core's serious and critical violations on the page as it is now, one line each. */
    @SuppressWarnings("unchecked")
    private static List<String> seriousViolations(HeadlessChromium chromium, String axe, String where) {
        if (!Boolean.TRUE.equals(chromium.script("return typeof window.axe !== 'undefined';"))) {
            chromium.script(axe + "\n;window.axe = axe;");
        }
        Object result = chromium.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(['ran ' + r.passes.length
                  + ' passing rules'].concat(r.violations.map(v =>
                  v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')
                    + (n.any.concat(n.all).map(c => ' (' + c.message + ')').join(''))).join(' | ')
                    + (v.nodes.length > 3 ? ' … ' + v.nodes.length + ' elements' : '')))))
                  .catch(e => done(['axe failed: ' + e]));""");
        List<String> all = (List<String>) result;
        try {
            // every finding, minor ones too, for a reader of the build
            Path report = Path.of("target", "screenshots", "axe-report.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, all.stream().map(v -> where + ": " + v + "\n").reduce("", String::concat),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(all.get(0)).as("axe-core ran on the " + where).startsWith("ran ").doesNotStartWith("ran 0 ");
        return all.stream().filter(v -> v.startsWith("serious ") || v.startsWith("critical ") || v.startsWith("axe "))
                .map(v -> where + ": " + v).toList();
    }

    private static String axeSource() throws IOException {
        try (InputStream in = StoryPagesOnDeskAndPhoneTest.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("src/test/resources/axe/axe.min.js").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The window as this screen: its size, and for a phone a mobile device (the page's viewport meta applies). */
    private static void emulate(ChromeDriver browser, Screen screen, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width(),
                "height", height, "deviceScaleFactor", 1, "mobile", screen.mobile()));
        if (screen.mobile()) {
            browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        } else {
            browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        }
    }

    /** The first screen and the whole page, each as target/screenshots/NAME[-full].png. */
    private static void screenshot(HeadlessChromium chromium, ChromeDriver browser, Screen screen, String name)
            throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        chromium.script("window.scrollTo(0, 0);");
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        int height = (int) number(chromium, "return document.documentElement.scrollHeight");
        emulate(browser, screen, Math.min(16000, Math.max(screen.height(), height)));
        Files.write(dir.resolve(name + "-full.png"), browser.getScreenshotAs(OutputType.BYTES));
        emulate(browser, screen, screen.height());
    }

    private static double number(HeadlessChromium chromium, String script, Object... args) {
        return ((Number) chromium.script(script, args)).doubleValue();
    }

    private static double bottom(HeadlessChromium chromium, WebElement e) {
        return ((Number) chromium.script("return arguments[0].getBoundingClientRect().bottom;", e)).doubleValue();
    }

    private static double top(HeadlessChromium chromium, WebElement e) {
        return ((Number) chromium.script("return arguments[0].getBoundingClientRect().top;", e)).doubleValue();
    }
}
