package org.storylens.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PoliteFetcherTest {

    /** The tests' sites are on loopback, which storylens refuses by default. */
    private static final PublicAddressGuard LOOPBACK_ALLOWED = PublicAddressGuard.allowingPrivate();

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final RecordingClock clock = new RecordingClock();
    private LoopbackSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new LoopbackSite()
                .page("/a", "text/html", "<p>A</p>")
                .page("/b", "text/html", "<p>B</p>")
                .page("/private/secret.html", "text/html", "<p>secret</p>");
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private PoliteFetcher fetcher() {
        return new PoliteFetcher(new PageFetcher(LOOPBACK_ALLOWED), PoliteFetcher.Settings.DEFAULT, clock);
    }

    private void robots(String text) {
        site.page("/robots.txt", "text/plain", text);
    }

    @Test
    void neverRequestsAPageRobotsTxtDisallows() throws Exception {
        robots("User-agent: *\nDisallow: /private/\n");
        PoliteFetcher fetcher = fetcher();

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> fetcher.fetch(site.url("/private/secret.html")));
        PageFetcher.FetchedPage allowed = fetcher.fetch(site.url("/a"));

        assertThat(e.input()).isEqualTo(site.url("/private/secret.html"));
        assertThat(e.reason()).contains("disallowed by").contains("/robots.txt");
        assertThat(site.requests("/private/secret.html")).isEmpty();
        assertThat(new String(allowed.body(), StandardCharsets.UTF_8)).isEqualTo("<p>A</p>");
        assertThat(site.requests("/robots.txt")).hasSize(1);
    }

    @Test
    void followsTheGroupForStorylensAndSendsItsUserAgent() throws Exception {
        robots("User-agent: *\nDisallow:\n\nUser-agent: storylens\nDisallow: /b\n");
        PoliteFetcher fetcher = fetcher();

        fetcher.fetch(site.url("/a"));
        IngestException e = catchThrowableOfType(IngestException.class, () -> fetcher.fetch(site.url("/b")));

        assertThat(e).isNotNull();
        assertThat(site.requests("/b")).isEmpty();
        assertThat(site.requests()).allSatisfy(r -> assertThat(r.header("User-Agent")).isEqualTo(PageFetcher.USER_AGENT));
    }

    @Test
    void waitsTheMinimumDelayBetweenRequestsToOneHost() throws Exception {
        PoliteFetcher fetcher = fetcher();

        fetcher.fetch(site.url("/a"));
        fetcher.fetch(site.url("/b"));

        // robots.txt (404: allow all), then /a and /b, each a second after the one before
        assertThat(site.requests()).extracting(LoopbackSite.Request::path).containsExactly("/robots.txt", "/a", "/b");
        assertThat(clock.waits()).containsExactly(SECOND, SECOND);
    }

    @Test
    void countsTimeAlreadyPassedTowardsTheDelay() throws Exception {
        PoliteFetcher fetcher = fetcher();
        fetcher.fetch(site.url("/a"));

        clock.advance(Duration.ofMillis(400));
        fetcher.fetch(site.url("/b"));
        clock.advance(Duration.ofSeconds(3));
        fetcher.fetch(site.url("/a"));

        assertThat(clock.waits()).containsExactly(SECOND, Duration.ofMillis(600));
    }

    @Test
    void aLongerCrawlDelayIsObeyedUpToTheCap() throws Exception {
        robots("User-agent: *\nCrawl-delay: 5\n");
        PoliteFetcher fetcher = fetcher();
        fetcher.fetch(site.url("/a"));
        fetcher.fetch(site.url("/b"));

        LoopbackSite greedy = new LoopbackSite().page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 86400\n")
                .page("/a", "text/html", "a");
        try {
            RecordingClock other = new RecordingClock();
            PoliteFetcher capped = new PoliteFetcher(new PageFetcher(LOOPBACK_ALLOWED), PoliteFetcher.Settings.DEFAULT,
                    other);
            capped.fetch(greedy.url("/a"));
            assertThat(other.waits()).containsExactly(PoliteFetcher.Settings.DEFAULT.maxDelay());
        } finally {
            greedy.close();
        }
        assertThat(clock.waits()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void sendsTheValidatorsOfTheLastAnswerAndTreats304AsUnchanged() throws Exception {
        site.route("/feed.xml", request -> "\"v1\"".equals(request.header("If-None-Match"))
                ? LoopbackSite.Reply.of(304)
                : LoopbackSite.Reply.ok("application/rss+xml", "<rss/>").with("ETag", "\"v1\"")
                        .with("Last-Modified", "Tue, 07 May 2024 10:00:00 GMT"));
        PoliteFetcher fetcher = fetcher();

        Optional<PageFetcher.FetchedPage> first = fetcher.fetchIfChanged(site.url("/feed.xml"));
        Optional<PageFetcher.FetchedPage> second = fetcher.fetchIfChanged(site.url("/feed.xml"));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        var requests = site.requests("/feed.xml");
        assertThat(requests.get(0).header("If-None-Match")).isNull();
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(requests.get(1).header("If-Modified-Since")).isEqualTo("Tue, 07 May 2024 10:00:00 GMT");
    }

    @Test
    void forgettingTheValidatorsFetchesTheWholeFeedAgain() throws Exception {
        site.route("/feed.xml", request -> request.header("If-Modified-Since") != null
                ? LoopbackSite.Reply.of(304)
                : LoopbackSite.Reply.ok("application/rss+xml", "<rss/>")
                        .with("Last-Modified", "Tue, 07 May 2024 10:00:00 GMT"));
        PoliteFetcher fetcher = fetcher();
        fetcher.fetchIfChanged(site.url("/feed.xml"));

        fetcher.forgetValidators(site.url("/feed.xml"));

        assertThat(fetcher.fetchIfChanged(site.url("/feed.xml"))).isPresent();
        assertThat(site.requests("/feed.xml").get(1).header("If-Modified-Since")).isNull();
    }

    @Test
    void anUnreachableRobotsTxtDisallowsEverythingUntilItIsReadAgain() throws Exception {
        site.route("/robots.txt", request -> LoopbackSite.Reply.of(503));
        PoliteFetcher fetcher = fetcher();

        IngestException e = catchThrowableOfType(IngestException.class, () -> fetcher.fetch(site.url("/a")));
        assertThat(e.input()).isEqualTo(site.url("/a"));
        assertThat(e.reason()).contains("robots.txt answered HTTP 503").contains("RFC 9309");
        assertThat(site.requests("/a")).isEmpty();

        robots("User-agent: *\nDisallow:\n");
        clock.advance(PoliteFetcher.Settings.DEFAULT.unreachableRobotsTtl());
        fetcher.fetch(site.url("/a"));

        assertThat(site.requests("/a")).hasSize(1);
        assertThat(site.requests("/robots.txt")).hasSize(2);
    }

    @Test
    void aRobotsTxtThatIsForbiddenOrMissingAllowsEverythingAsRfc9309Says() throws Exception {
        site.route("/robots.txt", request -> LoopbackSite.Reply.of(403));

        fetcher().fetch(site.url("/private/secret.html"));

        assertThat(site.requests("/private/secret.html")).hasSize(1);
    }

    @Test
    void keepsRobotsTxtForItsTimeToLiveThenReadsItAgain() throws Exception {
        robots("User-agent: *\nDisallow: /b\n");
        PoliteFetcher fetcher = fetcher();
        fetcher.fetch(site.url("/a"));
        fetcher.fetch(site.url("/a"));
        assertThat(site.requests("/robots.txt")).hasSize(1);

        robots("User-agent: *\nDisallow: /a\n");
        clock.advance(PoliteFetcher.Settings.DEFAULT.robotsTtl());

        assertThat(fetcher.fetch(site.url("/b")).body()).isNotEmpty();
        assertThat(catchThrowableOfType(IngestException.class, () -> fetcher.fetch(site.url("/a")))).isNotNull();
        assertThat(site.requests("/robots.txt")).hasSize(2);
    }

    @Test
    void anErrorStatusNamesTheUrl() {
        IngestException e = catchThrowableOfType(IngestException.class, () -> fetcher().fetch(site.url("/gone")));

        assertThat(e.input()).isEqualTo(site.url("/gone"));
        assertThat(e.reason()).isEqualTo("HTTP 404");
    }

    @Test
    void aRedirectToAnotherHostAsksThatHostsRobotsTxtAndKeepsItsDelay() throws Exception {
        try (LoopbackSite other = new LoopbackSite()) {
            other.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /closed\nCrawl-delay: 5\n");
            other.page("/open", "text/html", "<p>Open</p>");
            other.page("/closed", "text/html", "<p>Closed</p>");
            site.route("/to-open", request -> LoopbackSite.Reply.of(302).with("Location", other.url("/open")));
            site.route("/to-closed", request -> LoopbackSite.Reply.of(301).with("Location", other.url("/closed")));
            PoliteFetcher fetcher = fetcher();

            PageFetcher.FetchedPage open = fetcher.fetch(site.url("/to-open"));
            IngestException closed = catchThrowableOfType(IngestException.class,
                    () -> fetcher.fetch(site.url("/to-closed")));

            assertThat(open.url()).isEqualTo(other.url("/open"));
            assertThat(new String(open.body(), StandardCharsets.UTF_8)).isEqualTo("<p>Open</p>");
            assertThat(closed.input()).isEqualTo(site.url("/to-closed"));
            assertThat(closed.reason()).startsWith("redirected to " + other.url("/closed") + ": disallowed by");
            assertThat(other.requests().stream().map(LoopbackSite.Request::path))
                    .containsExactly("/robots.txt", "/open");
            // the other host's Crawl-delay held between its robots.txt and its page
            assertThat(clock.waits()).contains(Duration.ofSeconds(5));
        }
    }

    @Test
    void readsOnlyTheFirst500KibOfARobotsTxt() throws Exception {
        robots("User-agent: *\nDisallow: /private/\n" + "# padding\n".repeat(Limits.MAX_ROBOTS_TXT_BYTES / 10)
                + "Disallow: /a\n");
        PoliteFetcher fetcher = fetcher();

        PageFetcher.FetchedPage page = fetcher.fetch(site.url("/a"));
        IngestException e = catchThrowableOfType(IngestException.class,
                () -> fetcher.fetch(site.url("/private/secret.html")));

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>A</p>");
        assertThat(e.reason()).contains("disallowed by");
    }

    @Test
    void aRedirectToAUrlThatIsNotHttpIsRefusedNamingTheFirstUrl() {
        site.route("/to-file", request -> LoopbackSite.Reply.of(302).with("Location", "file:///etc/passwd"));

        IngestException e = catchThrowableOfType(IngestException.class, () -> fetcher().fetch(site.url("/to-file")));

        assertThat(e.input()).isEqualTo(site.url("/to-file"));
        assertThat(e.reason()).isEqualTo("redirects to file:///etc/passwd: not an http(s) URL");
    }

    @Test
    void stopsFollowingRedirectsAfterTheLimit() {
        for (int i = 0; i <= Limits.MAX_REDIRECTS + 1; i++) {
            String next = site.url("/hop/" + (i + 1));
            site.route("/hop/" + i, request -> LoopbackSite.Reply.of(307).with("Location", next));
        }

        IngestException e = catchThrowableOfType(IngestException.class, () -> fetcher().fetch(site.url("/hop/0")));

        assertThat(e.input()).isEqualTo(site.url("/hop/0"));
        assertThat(e.reason()).isEqualTo("more than " + Limits.MAX_REDIRECTS + " redirects; not followed");
        assertThat(site.requests("/hop/" + (Limits.MAX_REDIRECTS + 1))).isEmpty();
    }
}
