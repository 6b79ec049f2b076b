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

    private static String item(String guid, String link, String description) {
        return "<item><title>" + guid + "</title><guid>" + guid + "</guid><link>" + link + "</link>"
                + (description == null ? "" : "<description><![CDATA[" + description + "]]></description>")
                + "</item>\n";
    }

    private static String rss(String title, CharSequence items) {
        return "<rss version=\"2.0\"><channel><title>" + title + "</title>\n" + items + "</channel></rss>";
    }

    @Test
    void aFeedWithThousandsOfEntriesDelaysNeitherAnotherFeedsPollNorItsHostsPages() throws IOException {
        int entries = Limits.MAX_FEED_ENTRIES_PER_ROUND * 40;
        StringBuilder items = new StringBuilder();
        for (int n = 1; n <= entries; n++) {
            site.page("/many/" + n, "text/html", page("Item " + n, "Item number " + n + " of the backlog."));
            items.append(item("many-" + n, site.url("/many/" + n), null));
        }
        site.page("/big.xml", "application/rss+xml", rss("Backlog Daily", items));
        try (LoopbackSite other = new LoopbackSite()) {
            other.page("/story", "text/html", page("Bridge reopens", "The bridge reopened at noon."));
            other.page("/feed.xml", "application/rss+xml", rss("Other Post",
                    item("bridge", other.url("/story"), null)));
            Set<String> stored = new java.util.HashSet<>();
            PoliteFetcher polite = new PoliteFetcher(new PageFetcher(LOOPBACK_ALLOWED), PoliteFetcher.Settings.DEFAULT,
                    clock);
            FeedWatcher watcher = new FeedWatcher(List.of(site.url("/big.xml"), other.url("/feed.xml")), polite,
                    new RomeFeedReader(polite, new StubHtmlReader()), stored::contains);

            FeedWatcher.Round first = watcher.poll();
            int otherFeedPolls = other.requests("/feed.xml").size();
            int perRound = Limits.MAX_FEED_ENTRIES_PER_ROUND;
            // meanwhile the next ten entries got stored another way: skipped, not fetched
            for (int n = perRound + 1; n <= perRound + 10; n++) {
                stored.add(site.url("/many/" + n));
            }
            FeedWatcher.Round second = watcher.poll();

            assertThat(first.polled()).isEqualTo(2);
            assertThat(first.failures()).isEmpty();
            assertThat(first.articles()).hasSize(perRound + 1);
            // hosts take turns: the backlog's first page, then the other host's page, then the backlog again
            assertThat(texts(first).get(0)).isEqualTo("Item number 1 of the backlog.");
            assertThat(texts(first).get(1)).isEqualTo("The bridge reopened at noon.");
            assertThat(first.waiting()).isEqualTo(entries - perRound);
            assertThat(otherFeedPolls).isEqualTo(1);
            assertThat(second.articles()).hasSize(perRound);
            assertThat(texts(second).get(0)).isEqualTo("Item number " + (perRound + 11) + " of the backlog.");
            assertThat(second.waiting()).isEqualTo(entries - 2 * perRound - 10);
            assertThat(other.requests("/feed.xml")).hasSize(2);
            assertThat(other.requests("/story")).hasSize(1);
            assertThat(site.requests().stream().filter(r -> r.path().startsWith("/many/"))).hasSize(2 * perRound);
            assertThat(site.requests("/many/" + (perRound + 5))).isEmpty();
        }
    }

    @Test
    void entriesLinkingToThisMachineAreRefusedWhateverTheSpellingAndNothingIsSentToThem() {
        int port = java.net.URI.create(site.url("/")).getPort();
        site.page("/secret", "text/plain", "db_password=hunter2");
        StringBuilder items = new StringBuilder();
        List<String> hosts = List.of("localhost", "[::1]", "0.0.0.0", "2130706433", "[::ffff:127.0.0.1]");
        for (int i = 0; i < hosts.size(); i++) {
            items.append(item("inside-" + i, "http://" + hosts.get(i) + ":" + port + "/secret", null));
        }
        site.page("/feed.xml", "application/rss+xml", rss("Hostile", items));
        // the feed's own host is let through by name; every other spelling of loopback is refused
        PageFetcher pages = new PageFetcher(PublicAddressGuard.publicOnlyExcept(Set.of("127.0.0.1")));

        FeedWatcher.Round round = watcher(pages, url -> false, "/feed.xml").poll();

        assertThat(round.articles()).isEmpty();
        assertThat(round.failures()).hasSize(hosts.size()).allSatisfy(f -> {
            assertThat(f.input()).startsWith(site.url("/feed.xml") + "#inside-");
            assertThat(f.reason()).contains("refused: host").contains("storylens fetches only the public web");
        });
        assertThat(site.requests("/secret")).isEmpty();
        assertThat(site.requests().stream().map(LoopbackSite.Request::path)).containsOnly("/robots.txt",
                "/feed.xml");
    }

    @Test
    void byDefaultAFeedOnLoopbackIsRefusedWithoutAskingItsRobotsTxt() {
        site.page("/feed.xml", "application/rss+xml", feed("1"));

        FeedWatcher.Round round = watcher(new PageFetcher(), url -> false, "/feed.xml").poll();

        assertThat(round.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(site.url("/feed.xml"));
            assertThat(f.reason()).startsWith("refused: host 127.0.0.1 is a loopback address");
        });
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void aGzipFeedThatExpandsToGigabytesFailsAloneAtTheDecompressionLimit() {
        // about 10 MB on the wire, 10 GB once inflated
        byte[] bomb = GzipBombs.bomb("<rss version=\"2.0\"><channel><title>Bomb</title><item><title>", ' ',
                10_000);
        site.route("/bomb.xml", request -> new LoopbackSite.Reply(200,
                java.util.Map.of("Content-Type", "application/rss+xml"), bomb));
        site.page("/feed.xml", "application/rss+xml", feed("1"));

        FeedWatcher.Round round = watcher(url -> false, "/bomb.xml", "/feed.xml").poll();

        assertThat(round.polled()).isEqualTo(2);
        assertThat(round.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(site.url("/bomb.xml"));
            assertThat(f.reason()).contains("expands to more than 64.0 MB").contains("not read further");
        });
        assertThat(texts(round)).containsExactly("Waves broke over the pier.");
    }

    @Test
    void anEntryNestedAHundredThousandLevelsDeepFailsAloneAndTheRoundGoesOn() {
        String deep = "<div>".repeat(100_000) + "Buried text." + "</div>".repeat(100_000);
        site.page("/deep.xml", "application/rss+xml", rss("Deep", item("deep", site.url("/deep"), deep)
                + item("plain", site.url("/plain"), "<p>A plain entry after the deep one.</p>")));
        site.page("/feed.xml", "application/rss+xml", feed("1"));
        FeedWatcher watcher = watcher(url -> false, "/deep.xml", "/feed.xml");

        FeedWatcher.Round round = watcher.poll();
        site.page("/feed.xml", "application/rss+xml", feed("2", "1"));
        FeedWatcher.Round next = watcher.poll();

        assertThat(round.polled()).isEqualTo(2);
        assertThat(texts(round)).contains("A plain entry after the deep one.", "Waves broke over the pier.");
        // read (flattened) or failed alone, naming the entry
        assertThat(round.failures()).allSatisfy(f -> assertThat(f.input()).isEqualTo(site.url("/deep.xml") + "#deep"));
        assertThat(round.articles().size() + round.failures().size()).isEqualTo(3);
        assertThat(texts(next)).containsExactly("No ferry left the port.");
    }
}
