package org.storylens.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storylens.clean.Article;
import org.storylens.ingest.LoopbackSite;
import org.storylens.store.ArticleStore;
import org.storylens.store.Backend;
import org.storylens.store.SqliteArticleStore;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WatchCommandTest {

    private static final String FEED = """
            <rss version="2.0"><channel><title>Harbour Times</title><language>en</language>
            <item><title>Harbour cranes idle as dockers strike for second day</title>
              <link>%1$s/strike-day-2</link><pubDate>Wed, 08 May 2024 09:00:00 GMT</pubDate>
              <description>Dock workers at the port of Ostrava Bay stayed away for a second day on Wednesday, \
            leaving 40 ships waiting at anchor, the port authority said. The union is demanding a 9 percent pay \
            rise. "We will not go back for less," its leader Mara Voss told reporters outside the gates.</description>
            </item>
            <item><title>Ferry services to the islands resume after the gale</title>
              <link>%1$s/ferries-resume</link><pubDate>Wed, 08 May 2024 11:00:00 GMT</pubDate>
              <description>Ferries to the northern islands sailed again on Wednesday morning after two days of gales \
            kept them in port, the operator Nordline said. About 1,200 passengers had been waiting for a crossing, \
            and extra sailings were added for the afternoon.</description>
            </item>
            </channel></rss>
            """;

    @TempDir
    Path dir;

    private LoopbackSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new LoopbackSite();
        site.page("/feed.xml", "application/rss+xml", FEED.formatted(site.url("/news")));
        site.page("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><item>");
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void oneRoundStoresTheNewArticlesInStoriesAndARestartFetchesNothingAgain(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "watch.db");

        CliRun first = CliRun.of("watch", site.url("/feed.xml"), site.url("/broken.xml"), "--db", db,
                "--once", "--allow-private");
        CliRun again = CliRun.of("watch", site.url("/feed.xml"), "--db", db, "--once", "--allow-private");

        assertThat(first.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(first.out()).contains("round 1: 2 feeds polled, 2 new articles (2 entries read), "
                + "0 unchanged (304), 1 failed");
        assertThat(first.err()).contains("error: " + site.url("/broken.xml") + ": malformed RSS/Atom XML");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("round 1: 1 feeds polled, 0 new articles (0 entries read)");
        try (ArticleStore store = backend.open(db)) {
            assertThat(store.list()).extracting(Article::url)
                    .containsExactlyInAnyOrder(site.url("/news/strike-day-2"), site.url("/news/ferries-resume"));
            assertThat(store.list()).extracting(Article::outlet).containsOnly("Harbour Times");
            assertThat(store.stories()).hasSize(2);
            assertThat(store.hasUrl(site.url("/news/strike-day-2"))).isTrue();
        }
        assertThat(site.requests("/feed.xml")).hasSize(2);
    }

    @Test
    void byDefaultRefusesAFeedOnThisMachineAndSendsItNothing() {
        CliRun run = CliRun.of("watch", site.url("/feed.xml"), "--db", dir.resolve("c.db").toString(), "--once");

        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.err()).contains("error: " + site.url("/feed.xml")
                + ": refused: host 127.0.0.1 is a loopback address; storylens fetches only the public web "
                + "(--allow-private allows private and loopback addresses)");
        assertThat(run.out()).contains("round 1: 1 feeds polled, 0 new articles (0 entries read), 0 unchanged (304), "
                + "1 failed");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void placesWhatAnEarlierRunLeftInNoStoryBeforeTheFirstRound() throws Exception {
        Path db = dir.resolve("watch.db");
        Path text = dir.resolve("in/strike.txt");
        java.nio.file.Files.createDirectories(text.getParent());
        java.nio.file.Files.writeString(text, """
                Harbour cranes idle as dockers strike for second day

                Dock workers at the port of Ostrava Bay stayed away for a second day on Wednesday, leaving 40 ships \
                waiting at anchor, the port authority said.
                """);
        assertThat(CliRun.of("ingest", text.toString(), "--db", db.toString(), "--no-analyse").exitCode()).isZero();
        site.page("/empty.xml", "application/rss+xml",
                "<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>");

        CliRun watch = CliRun.of("watch", site.url("/empty.xml"), "--db", db.toString(), "--once");

        assertThat(watch.out()).contains("placed 1 article a stopped run left in no story");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.withoutStory()).isEmpty();
            assertThat(store.stories()).hasSize(1);
        }
    }

    @Test
    void refusesAnIntervalUnderTenSecondsAndAUrlThatIsNotHttp() {
        CliRun tooOften = CliRun.of("watch", site.url("/feed.xml"), "--every", "5s", "--once",
                "--db", dir.resolve("a.db").toString());
        CliRun notHttp = CliRun.of("watch", "feeds/local.xml", "--once", "--db", dir.resolve("b.db").toString());

        assertThat(tooOften.exitCode()).isEqualTo(StorylensCli.USAGE);
        assertThat(tooOften.err()).contains("'5s' is under the minimum of 10s");
        assertThat(notHttp.exitCode()).isEqualTo(StorylensCli.USAGE);
        assertThat(notHttp.err()).contains("feeds/local.xml: not an http(s) feed URL");
    }

    @Test
    void readsIntervalsInSecondsMinutesAndHours() {
        PollInterval interval = new PollInterval();

        assertThat(interval.convert("30s")).hasSeconds(30);
        assertThat(interval.convert("10m")).hasMinutes(10);
        assertThat(interval.convert("1h")).hasHours(1);
    }
}
