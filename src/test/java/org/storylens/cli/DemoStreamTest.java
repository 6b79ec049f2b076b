package org.storylens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.cluster.StoryArticle;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;
import org.storylens.store.Stores;
import org.storylens.stream.LocalPostgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo --stream}: the distributed path in this JVM (a KRaft broker, an embedded PostgreSQL, the stream job in a
 * MiniCluster of two task managers) prints the same articles and stories as the plain demo's ingest into SQLite.
 */
class DemoStreamTest {

    @TempDir
    Path dir;

    @Test
    void theStreamDemoPrintsAndStoresTheStoriesThePlainDemoMakesAndLeavesNoThreadRunning() throws Exception {
        CliRun plain = CliRun.of("demo", "--dir", dir.resolve("plain").toString(), "--no-serve");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        Set<Thread> before = nonDaemonThreads();

        CliRun streamed = CliRun.of("demo", "--stream", "--dir", dir.resolve("stream").toString(), "--no-serve");

        assertThat(streamed.exitCode()).as(streamed.out() + streamed.err()).isZero();
        assertThat(streamed.err()).doesNotContain("error:");
        assertThat(streamed.out()).contains("12 articles published to Kafka")
                .contains("12 articles assigned to stories by the stream job")
                .contains("Stories as the stream job assigned them");
        List<String> stories = table(streamed.out(), "STORY ", "\\d+ stories, \\d+ articles");
        assertThat(stories).hasSizeGreaterThan(3).isEqualTo(table(plain.out(), "STORY ", "\\d+ stories, \\d+ articles"));
        // the same articles, the year of the report dated only "March 11th" inferred from those published with it
        assertThat(table(streamed.out(), "ID ", "\\d+ articles")).isEqualTo(table(plain.out(), "ID ", "\\d+ articles"))
                .anySatisfy(line -> assertThat(line).startsWith("dailypost-dam-spillway-").contains("2025-03-11*"));

        Set<Set<String>> ingested;
        try (ArticleStore store = Stores.open(dir.resolve("plain").resolve("demo.db").toString())) {
            ingested = partition(store);
        }
        // the job's PostgreSQL data stays in the demo's folder: started again on it, it holds the same stories
        try (LocalPostgres postgres = LocalPostgres.start(dir.resolve("stream").resolve("postgres"));
             ArticleStore store = Stores.open(postgres.database("storylens"))) {
            assertThat(partition(store)).isEqualTo(ingested).anySatisfy(s -> assertThat(s).hasSize(6));
        }
        assertNoThreadLeftBeyond(before);
    }

    /** The lines of the table whose header starts with {@code header}, up to its count line. */
    private static List<String> table(String out, String header, String lastLine) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith(header)) {
                in = true;
            }
            if (in) {
                lines.add(line);
                if (line.matches(lastLine)) {
                    return lines;
                }
            }
        }
        throw new AssertionError("no table starting with '" + header + "' in:\n" + out);
    }

    private static Set<Set<String>> partition(ArticleStore store) throws StoreException {
        Set<Set<String>> out = new HashSet<>();
        for (StoredStory listed : store.stories()) {
            out.add(store.story(listed.id()).orElseThrow().articles().stream().map(StoryArticle::id)
                    .collect(Collectors.toSet()));
        }
        return out;
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    /** Waits (up to 30 s: clusters stop in the background) until no thread that would keep the JVM alive is new. */
    private static void assertNoThreadLeftBeyond(Set<Thread> before) throws InterruptedException {
        Set<Thread> left = Set.of();
        for (int i = 0; i < 300; i++) {
            left = new HashSet<>(nonDaemonThreads());
            left.removeAll(before);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(left.stream().map(Thread::getName).toList()).as("threads the stream demo left running").isEmpty();
    }
}
