package org.storylens.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.ingest.LoopbackSite;
import org.storylens.store.SqliteArticleStore;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ingest URL} fetches only the public web unless {@code --allow-private} is given. */
class IngestUrlGuardTest {

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Internal</title>
            <item><title>Staff canteen closes for refurbishment</title><link>http://127.0.0.1/x</link>
            <description>The staff canteen on the third floor will close for four weeks from Monday while the \
            kitchen is refurbished, the facilities office said on Friday. Meals will be served in the atrium.\
            </description><pubDate>Fri, 06 Nov 2026 09:00:00 GMT</pubDate></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;

    private LoopbackSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new LoopbackSite();
        site.page("/feed.xml", "application/rss+xml", FEED);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void refusesAUrlOnThisMachineByDefaultAndSendsItNothing() throws Exception {
        Path db = dir.resolve("a.db");
        CliRun run = CliRun.of("ingest", site.url("/feed.xml"), "--db", db.toString(), "--no-analyse");

        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.err()).contains(site.url("/feed.xml")).contains("loopback").contains("--allow-private");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void readsAUrlOnThisMachineWhenPrivateAddressesAreAllowed() throws Exception {
        Path db = dir.resolve("b.db");
        CliRun run = CliRun.of("ingest", site.url("/feed.xml"), "--db", db.toString(), "--no-analyse",
                "--allow-private");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.list()).extracting(a -> a.title())
                    .containsExactly("Staff canteen closes for refurbishment");
        }
    }
}
