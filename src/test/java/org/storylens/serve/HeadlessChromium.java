package org.storylens.serve;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven by its chromium-driver, headless, with nothing downloaded (the driver's path is given, so
 * Selenium Manager is never asked) and nothing fetched beyond the page under test. A missing browser fails the test:
 * CI installs both packages ({@code .ci/run}). Close it after the test.
 */
final class HeadlessChromium implements AutoCloseable {

    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static HeadlessChromium start() throws IOException {
        if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException("the browser tests need " + BROWSER + " and " + DRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.getPath());
        Path profile = Files.createTempDirectory("storylens-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(5));
        return new HeadlessChromium(profile, driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot of the whole page (the window made as tall as the page) to target/screenshots/NAME.png. */
    Path screenshot(String name) throws IOException {
        Number height = (Number) script("return Math.max(document.body.scrollHeight, "
                + "document.documentElement.scrollHeight);");
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
                Math.min(16000, Math.max(before.getHeight(), height.intValue() + 140))));
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(before);
        return out;
    }

    /** Saves a screenshot of one element to target/screenshots/NAME.png. */
    Path screenshot(String name, org.openqa.selenium.WebElement element) throws IOException {
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, element.getScreenshotAs(OutputType.BYTES));
        return out;
    }

    /** The console messages logged since the last call (Content-Security-Policy violations among them). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
