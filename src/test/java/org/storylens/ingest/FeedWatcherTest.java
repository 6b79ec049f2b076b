package org.storylens.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class FeedWatcherTest {

    /** The tests' sites are on loopback, which storylens refuses by default. */
    private static final PublicAddressGuard LOOPBACK_ALLOWED = PublicAddressGuard.allowingPrivate();

    private final RecordingClock clock = new RecordingClock();
    private LoopbackSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new LoopbackSite()
                .page("/story/1", "text/html", page("Storm hits the coast", "Waves broke over the pier."))
                .page("/story/2", "text/html", page("Ferries cancelled", "No ferry left the port."))
                .page("/story/3", "text/html", page("Clean-up begins", "Volunteers cleared the beach."));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private static String page(String title, String text) {
        return "<html><head><title>" + title + "</title></head><body><p>" + text + "</p></body></html>";
    }

    /** An RSS feed whose items have no text, so that their pages are fetched. */
    private String feed(String... storyNumbers) {
        StringBuilder items = new StringBuilder();
        for (String n : storyNumbers) {
            items.append("<item><title>Story ").append(n).append("</title><guid>story-").append(n)
                    .append("</guid><link>").append(site.url("/story/" + n)).append("</link></item>\n");
        }
        return "<rss version=\"2.0\"><channel><title>Coast News</title>\n" + items + "</channel></rss>";
    }

    private FeedWatcher watcher(Predicate<String> alreadyStored, String... feedPaths) {
        return watcher(new PageFetcher(LOOPBACK_ALLOWED), alreadyStored, feedPaths);
    }

    private FeedWatcher watcher(PageFetcher pages, Predicate<String> alreadyStored, String... feedPaths) {
        PoliteFetcher polite = new PoliteFetcher(pages, PoliteFetcher.Settings.DEFAULT, clock);
        List<String> feeds = java.util.Arrays.stream(feedPaths).map(site::url).toList();
        return new FeedWatcher(feeds, polite, new RomeFeedReader(polite, new StubHtmlReader()), alreadyStored);
    }

    private static List<String> texts(FeedWatcher.Round round) {
        return round.articles().stream().map(RawArticle::text).toList();
    }

    @Test
    void readsTheNewEntriesPagesAndASecondPollOfTheSameFeedFindsNothingNew() {
        site.page("/feed.xml", "application/rss+xml", feed("1", "2"));
        FeedWatcher watcher = watcher(url -> false, "/feed.xml");

        FeedWatcher.Round first = watcher.poll();
        FeedWatcher.Round second = watcher.poll();

        assertThat(first.failures()).isEmpty();
        assertThat(texts(first)).containsExactly("Waves broke over the pier.", "No ferry left the port.");
        assertThat(first.articles().get(0).origin()).isEqualTo(site.url("/feed.xml") + "#story-1");
        assertThat(first.polled()).isEqualTo(1);
        assertThat(second.articles()).isEmpty();
        assertThat(second.unchanged()).isZero();
        assertThat(site.requests("/feed.xml")).hasSize(2);
        assertThat(site.requests("/story/1")).hasSize(1);
        assertThat(site.requests("/story/2")).hasSize(1);
    }

    @Test
    void readsOnlyTheEntriesAddedSinceTheLastPoll() {
        site.page("/feed.xml", "application/rss+xml", feed("1"));
        FeedWatcher watcher = watcher(url -> false, "/feed.xml");
        watcher.poll();

        site.page("/feed.xml", "application/rss+xml", feed("3", "1"));
        FeedWatcher.Round second = watcher.poll();

        assertThat(texts(second)).containsExactly("Volunteers cleared the beach.");
        assertThat(site.requests("/story/1")).hasSize(1);
    }

    @Test
    void sendsTheFeedsValidatorsAndA304MeansNoNewArticlesAndNoPageFetched() {
        site.route("/feed.xml", request -> "\"v7\"".equals(request.header("If-None-Match"))
                && "Tue, 07 May 2024 10:00:00 GMT".equals(request.header("If-Modified-Since"))
                ? LoopbackSite.Reply.of(304)
                : LoopbackSite.Reply.ok("application/rss+xml", feed("1", "2")).with("ETag", "\"v7\"")
                        .with("Last-Modified", "Tue, 07 May 2024 10:00:00 GMT"));
        FeedWatcher watcher = watcher(url -> false, "/feed.xml");

        FeedWatcher.Round first = watcher.poll();
        FeedWatcher.Round second = watcher.poll();

        assertThat(first.articles()).hasSize(2);
        assertThat(second.articles()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(second.failures()).isEmpty();
        List<LoopbackSite.Request> feedRequests = site.requests("/feed.xml");
        assertThat(feedRequests).hasSize(2);
        assertThat(feedRequests.get(1).header("If-None-Match")).isEqualTo("\"v7\"");
        assertThat(feedRequests.get(1).header("If-Modified-Since")).isEqualTo("Tue, 07 May 2024 10:00:00 GMT");
        assertThat(site.requests("/story/1")).hasSize(1);
        assertThat(site.requests("/story/2")).hasSize(1);
    }

    @Test
    void neverFetchesAnEntryPageThatRobotsTxtDisallows() {
        site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /story/2\n");
        site.page("/feed.xml", "application/rss+xml", feed("1", "2", "3"));
        FeedWatcher watcher = watcher(url -> false, "/feed.xml");

        FeedWatcher.Round round = watcher.poll();
        for (int i = 0; i < FeedWatcher.MAX_ATTEMPTS + 1; i++) {
            watcher.poll();
        }

        assertThat(texts(round)).containsExactly("Waves broke over the pier.", "Volunteers cleared the beach.");
        assertThat(round.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(site.url("/feed.xml") + "#story-2");
            assertThat(f.reason()).contains("disallowed by").contains("robots.txt");
        });
        assertThat(site.requests("/story/2")).isEmpty();
    }

    @Test
    void waitsBetweenRequestsToTheFeedsHostAsItsCrawlDelaySays() {
        site.page("/robots.txt", "text/plain", "User-agent: storylens\nCrawl-delay: 3\n");
        site.page("/feed.xml", "application/rss+xml", feed("1", "2"));

        watcher(url -> false, "/feed.xml").poll();

        // robots.txt, then the feed and two pages, each three seconds after the request before
        assertThat(site.requests()).extracting(LoopbackSite.Request::path)
                .containsExactly("/robots.txt", "/feed.xml", "/story/1", "/story/2");
        assertThat(clock.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
    }

    @Test
    void entriesAlreadyStoredAreNotFetchedAgainAfterARestart() {
        site.page("/feed.xml", "application/rss+xml", feed("1", "2"));
        Set<String> stored = Set.of(site.url("/story/1"));

        FeedWatcher.Round round = watcher(stored::contains, "/feed.xml").poll();

        assertThat(texts(round)).containsExactly("No ferry left the port.");
        assertThat(site.requests("/story/1")).isEmpty();
    }

    @Test
    void aStalledFeedFailsNamingItsUrlAndTheOtherFeedsAreStillRead() {
        site.stall("/slow.xml");
        site.page("/feed.xml", "application/rss+xml", feed("1"));
        PageFetcher impatient = new PageFetcher(Duration.ofSeconds(5), Duration.ofMillis(300), 1 << 20,
                LOOPBACK_ALLOWED);

        FeedWatcher.Round round = watcher(impatient, url -> false, "/slow.xml", "/feed.xml").poll();

        assertThat(round.polled()).isEqualTo(2);
        assertThat(round.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(site.url("/slow.xml"));
            assertThat(f.reason()).isEqualTo("timed out after 300 ms");
        });
        assertThat(texts(round)).containsExactly("Waves broke over the pier.");
    }

    @Test
    void aMalformedFeedAndAServerErrorAreFailuresNamingTheirUrls() {
        site.page("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title><item>");
        site.route("/error.xml", request -> LoopbackSite.Reply.of(500));
        site.page("/feed.xml", "application/rss+xml", feed("1"));

        FeedWatcher.Round round = watcher(url -> false, "/broken.xml", "/error.xml", "/feed.xml").poll();

        assertThat(round.failures()).hasSize(2);
        assertThat(round.failures().get(0).input()).isEqualTo(site.url("/broken.xml"));
        assertThat(round.failures().get(0).reason()).startsWith("malformed RSS/Atom XML");
        assertThat(round.failures().get(1).getMessage()).isEqualTo(site.url("/error.xml") + ": HTTP 500");
        assertThat(texts(round)).containsExactly("Waves broke over the pier.");
    }

    @Test
    void aPageThatFailsIsTriedAgainInLaterRoundsThenLeftAlone() {
        site.route("/story/2", request -> LoopbackSite.Reply.of(503));
        site.route("/feed.xml", request -> request.header("If-None-Match") != null
                ? LoopbackSite.Reply.of(304)
                : LoopbackSite.Reply.ok("application/rss+xml", feed("1", "2")).with("ETag", "\"v1\""));
        FeedWatcher watcher = watcher(url -> false, "/feed.xml");

        List<FeedWatcher.Round> rounds = List.of(watcher.poll(), watcher.poll(), watcher.poll(), watcher.poll(),
                watcher.poll());

        assertThat(site.requests("/story/2")).hasSize(FeedWatcher.MAX_ATTEMPTS);
        assertThat(site.requests("/story/1")).hasSize(1);
        assertThat(rounds.get(2).failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("HTTP 503").contains("not tried again"));
        // the feed is fetched whole while an entry waits to be tried again, then conditionally
        assertThat(rounds.get(3).unchanged()).isEqualTo(1);
        assertThat(rounds.get(4).failures()).isEmpty();
    }

    @Test
    void forgettingWhatWasSeenReadsTheUnstoredEntriesAgain() {
        site.page("/feed.xml", "application/rss+xml", feed("1", "2"));
        FeedWatcher watcher = watcher(url -> url.endsWith("/story/1"), "/feed.xml");
        watcher.poll();

        watcher.forgetSeen();
        FeedWatcher.Round again = watcher.poll();

        assertThat(texts(again)).containsExactly("No ferry left the port.");
        assertThat(site.requests("/story/1")).isEmpty();
    }
}
