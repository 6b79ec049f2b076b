package org.storylens.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storylens.ingest.FeedWatcher;
import org.storylens.ingest.LoopbackSite;
import org.storylens.ingest.PageFetcher;
import org.storylens.ingest.PoliteFetcher;
import org.storylens.ingest.PublicAddressGuard;
import org.storylens.ingest.RawArticle;
import org.storylens.ingest.RecordingClock;
import org.storylens.ingest.RomeFeedReader;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.Failure;
import org.storylens.store.StoreException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FeedWatchLoopTest {

    /** The tests' sites are on loopback, which storylens refuses by default. */
    private static final PublicAddressGuard LOOPBACK_ALLOWED = PublicAddressGuard.allowingPrivate();

    private static final String FEED = """
            <rss version="2.0"><channel><title>Coast News</title>
            <item><title>Storm</title><guid>s1</guid><link>https://coast.example/s1</link>
              <description>Waves broke over the pier.</description></item>
            <item><title>Ferries</title><guid>s2</guid><link>https://coast.example/s2</link>
              <description>No ferry left the port.</description></item>
            </channel></rss>
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<List<RawArticle>> handedIn = new ArrayList<>();
    private LoopbackSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new LoopbackSite().page("/feed.xml", "application/rss+xml", FEED);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private FeedWatcher watcher(PageFetcher pages, String... paths) {
        PoliteFetcher polite = new PoliteFetcher(pages, PoliteFetcher.Settings.DEFAULT, new RecordingClock());
        return new FeedWatcher(java.util.Arrays.stream(paths).map(site::url).toList(), polite, new RomeFeedReader(),
                url -> false);
    }

    private FeedWatchLoop loop(FeedWatcher watcher, FeedWatchLoop.Intake intake) {
        return new FeedWatchLoop(watcher, intake, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** An intake that stores everything as new, each in a story of its own. */
    private ArticleIntake.Outcome storeAll(List<RawArticle> raw) {
        handedIn.add(raw);
        return new ArticleIntake.Outcome(raw.stream()
                .map(a -> new ArticleIntake.Placed(a.id(), true, null, "story-" + a.id())).toList(), List.of());
    }

    @Test
    void handsTheNewArticlesToTheIntakeAndPrintsOneLinePerRound() {
        site.route("/broken.xml", request -> LoopbackSite.Reply.of(500));
        FeedWatchLoop loop = loop(watcher(new PageFetcher(LOOPBACK_ALLOWED), "/feed.xml", "/broken.xml"),
                this::storeAll);

        FeedWatchLoop.RoundReport first = loop.runRound();
        FeedWatchLoop.RoundReport second = loop.runRound();

        assertThat(handedIn).singleElement().satisfies(batch ->
                assertThat(batch).extracting(RawArticle::text)
                        .containsExactly("Waves broke over the pier.", "No ferry left the port."));
        assertThat(first.newArticles()).isEqualTo(2);
        assertThat(second.newArticles()).isZero();
        assertThat(out.toString().lines().toList()).hasSize(2);
        assertThat(out.toString()).contains("round 1: 2 feeds polled, 2 new articles (2 entries read), "
                + "0 unchanged (304), 1 failed")
                .contains("round 2: 2 feeds polled, 0 new articles (0 entries read), 0 unchanged (304), 1 failed");
        assertThat(err.toString()).contains("error: " + site.url("/broken.xml") + ": HTTP 500");
    }

    @Test
    void countsOnlyTheArticlesTheIntakeStoredAsNewAndReportsItsFailures() {
        FeedWatchLoop loop = loop(watcher(new PageFetcher(LOOPBACK_ALLOWED), "/feed.xml"),
                raw -> new ArticleIntake.Outcome(
                        List.of(new ArticleIntake.Placed("s1", false, "older", "story-1")),
                        List.of(new Failure(raw.get(1).origin(), "too short to be an article"))));

        FeedWatchLoop.RoundReport report = loop.runRound();

        assertThat(report.entriesRead()).isEqualTo(2);
        assertThat(report.newArticles()).isZero();
        assertThat(err.toString()).contains(site.url("/feed.xml") + "#s2: too short to be an article");
    }

    @Test
    void articlesThatCouldNotBeStoredAreReadAgainNextRound() {
        boolean[] failOnce = {true};
        FeedWatchLoop loop = loop(watcher(new PageFetcher(LOOPBACK_ALLOWED), "/feed.xml"), raw -> {
            if (failOnce[0]) {
                failOnce[0] = false;
                throw new StoreException("database is locked", null);
            }
            return storeAll(raw);
        });

        FeedWatchLoop.RoundReport failed = loop.runRound();
        FeedWatchLoop.RoundReport retried = loop.runRound();

        assertThat(failed.storeFailure()).isEqualTo("database is locked");
        assertThat(failed.summary()).endsWith("; not stored: database is locked");
        assertThat(retried.newArticles()).isEqualTo(2);
    }

    @Test
    void closingStopsTheLoopAndInterruptsAStalledRound() throws Exception {
        site.stall("/slow.xml");
        CountDownLatch stalled = new CountDownLatch(1);
        site.route("/robots.txt", request -> {
            stalled.countDown();
            return LoopbackSite.Reply.of(404);
        });
        PageFetcher patient = new PageFetcher(Duration.ofSeconds(5), Duration.ofSeconds(60), 1 << 20, LOOPBACK_ALLOWED);
        FeedWatchLoop loop = loop(watcher(patient, "/slow.xml", "/feed.xml"), this::storeAll);

        loop.start(Duration.ofHours(1));
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
        // the stalled feed's request is sent right after robots.txt
        while (site.requests("/slow.xml").isEmpty()) {
            Thread.sleep(10);
        }
        loop.close();

        assertThat(out.toString()).contains("round 1: 1 feeds polled");
        assertThat(err.toString()).contains(site.url("/slow.xml") + ": interrupted while fetching");
        assertThat(site.requests("/feed.xml")).isEmpty();
        assertThat(handedIn).isEmpty();
    }

    @Test
    void anErrorInARoundIsReportedAndTheScheduledLoopRunsTheNextRound() throws Exception {
        CountDownLatch storedInALaterRound = new CountDownLatch(1);
        int[] calls = {0};
        FeedWatchLoop loop = loop(watcher(new PageFetcher(LOOPBACK_ALLOWED), "/feed.xml"), raw -> {
            if (calls[0]++ == 0) {
                throw new OutOfMemoryError("Java heap space");
            }
            ArticleIntake.Outcome outcome = storeAll(raw);
            storedInALaterRound.countDown();
            return outcome;
        });

        loop.start(Duration.ofMillis(50));
        try {
            assertThat(storedInALaterRound.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.close();
        }

        assertThat(err.toString()).contains("error: OutOfMemoryError: Java heap space");
        assertThat(out.toString()).contains("round 1: 1 feeds polled, 0 new articles (2 entries read), "
                + "0 unchanged (304), 0 failed; not stored: OutOfMemoryError: Java heap space")
                .contains("round 2: 1 feeds polled, 2 new articles (2 entries read)");
    }

    @Test
    void aRoundWhoseStoreCheckOverflowsTheStackIsReportedAndTheNextRoundRuns() {
        boolean[] overflowOnce = {true};
        PoliteFetcher polite = new PoliteFetcher(new PageFetcher(LOOPBACK_ALLOWED), PoliteFetcher.Settings.DEFAULT,
                new RecordingClock());
        FeedWatcher watcher = new FeedWatcher(List.of(site.url("/feed.xml")), polite, new RomeFeedReader(), url -> {
            if (overflowOnce[0]) {
                overflowOnce[0] = false;
                throw new StackOverflowError();
            }
            return false;
        });
        FeedWatchLoop loop = loop(watcher, this::storeAll);

        FeedWatchLoop.RoundReport failed = loop.runRound();
        FeedWatchLoop.RoundReport next = loop.runRound();

        assertThat(failed.storeFailure()).isEqualTo("StackOverflowError");
        assertThat(err.toString()).contains("error: StackOverflowError");
        assertThat(next.newArticles()).isEqualTo(2);
    }
}
