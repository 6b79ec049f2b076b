package org.storylens.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.cluster.StoryAssignment;
import org.storylens.ingest.SourceFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two writers on one database file, each with its own connections, as two processes would be. */
class ArticleStoreWritersTest {

    @TempDir
    Path dir;

    private static Article article(String id) {
        return new Article(id, "Title " + id, "Outlet " + id, null,
                new PublicationDate(2025, 3, 11, null, PublicationDate.Source.METADATA, "2025-03-11", false), "en",
                "Text of " + id + ".", List.of(), List.of(), null, id + ".txt", SourceFormat.TEXT, "hash-" + id,
                List.of());
    }

    /** A write transaction another process holds: the database's write lock, until the latch is released. */
    private static Future<?> holdWriteLock(ExecutorService pool, Backend backend, String db, CountDownLatch held,
                                           CountDownLatch release) {
        return pool.submit(() -> {
            try (Connection c = backend.connect(db); Statement s = c.createStatement()) {
                backend.beginWrite(s);
                s.execute("INSERT INTO schema_version VALUES (4)");
                held.countDown();
                release.await();
                s.execute("COMMIT");
            }
            return null;
        });
    }

    /** A one-article story state: what a writer saves when it places its article. */
    private static ArticleStore.StoryUpdate placing(ClusterSnapshot before, String articleId) {
        long articles = before == null ? 0 : before.articles();
        List<ClusterSnapshot.StoryState> stories = new java.util.ArrayList<>(
                before == null ? List.of() : before.stories());
        Story story = new Story("s-" + articleId, List.of(new StoryArticle(articleId, null, null, null, null)), 1,
                null, null);
        stories.add(new ClusterSnapshot.StoryState(story, false, null, Map.of(), new float[0], List.of(),
                List.of()));
        return new ArticleStore.StoryUpdate(new ClusterSnapshot(articles + 1, null, Map.of(), stories, Map.of()),
                List.of(new StoryAssignment(articleId, "s-" + articleId, true, 0, null)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSecondWriterWaitsForTheLockAnotherHoldsAndThenStores(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "w.db");
        List<String> notices = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ArticleStore store = backend.open(db, notices::add, Duration.ofMinutes(1))) {
            store.addAll(List.of(article("a1")));
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> other = holdWriteLock(pool, backend, db, held, release);
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            // the other writer finishes while this one waits, after more than one attempt of this one's
            pool.submit(() -> {
                Thread.sleep(2_500);
                release.countDown();
                return null;
            });

            List<ArticleStore.Added> added = store.addAll(List.of(article("a2"), article("a3")));

            assertThat(release.getCount()).isZero();
            other.get(30, TimeUnit.SECONDS);
            assertThat(notices).containsExactly(Stores.describe(db) + ": waiting for the database lock held by another writer");
            assertThat(added).allSatisfy(a -> assertThat(a.isNew()).isTrue());
            assertThat(store.count()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWriterThatWaitsLongerThanTheBoundSaysSoOnceAndStoresNothing(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "w.db");
        List<String> notices = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try (ArticleStore store = backend.open(db, notices::add, Duration.ofMillis(1_500))) {
            CountDownLatch held = new CountDownLatch(1);
            Future<?> other = holdWriteLock(pool, backend, db, held, release);
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> store.addAll(List.of(article("a1"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(Stores.describe(db))
                    .hasMessageContaining("another writer has held the database lock")
                    .hasMessageContaining("nothing of this batch was stored");
            assertThat(notices).containsExactly(Stores.describe(db) + ": waiting for the database lock held by another writer");

            release.countDown();
            other.get(30, TimeUnit.SECONDS);
            assertThat(store.count()).isZero();
            // the lock is free again: the next write goes through
            store.addAll(List.of(article("a1")));
            assertThat(store.count()).isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aReaderOpensAndReadsWhileAnotherProcessHoldsTheWriteLock(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "w.db");
        try (ArticleStore store = backend.open(db)) {
            store.addAll(List.of(article("a1")));
        }
        List<String> notices = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            CountDownLatch held = new CountDownLatch(1);
            Future<?> other = holdWriteLock(pool, backend, db, held, release);
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

            try (ArticleStore reader = backend.open(db, notices::add, Duration.ofMillis(500))) {
                assertThat(reader.count()).isEqualTo(1);
                assertThat(reader.list()).extracting(Article::id).containsExactly("a1");
            }

            assertThat(notices).isEmpty();
            release.countDown();
            other.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDatabaseOfANewerSchemaIsRefusedNamingIt(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "w.db");
        try (ArticleStore store = backend.open(db)) {
            store.addAll(List.of(article("a1")));
        }
        try (Connection c = backend.connect(db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (" + (SqliteArticleStore.SCHEMA_VERSION + 1) + ")");
        }
        assertThatThrownBy(() -> backend.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining(Stores.describe(db)).hasMessageContaining("newer than this storylens");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void twoWritersInTurnEachContinueFromTheStateTheOtherSaved(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "w.db");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ArticleStore first = backend.open(db, n -> { }, Duration.ofMinutes(1));
             ArticleStore second = backend.open(db, n -> { }, Duration.ofMinutes(1))) {
            first.addAll(List.of(article("a1"), article("a2")));
            CountDownLatch firstRead = new CountDownLatch(1);
            List<Long> secondSaw = new CopyOnWriteArrayList<>();
            Future<?> secondWriter = pool.submit(() -> {
                firstRead.await();
                // starts while the first writer holds its state: it must wait, then read what the first saved
                second.updateStories(saved -> {
                    secondSaw.add(saved.snapshot() == null ? 0L : saved.snapshot().articles());
                    return placing(saved.snapshot(), "a2");
                });
                return null;
            });
            first.updateStories(saved -> {
                assertThat(saved.snapshot()).isNull();
                firstRead.countDown();
                sleep(1_000);
                return placing(saved.snapshot(), "a1");
            });
            secondWriter.get(60, TimeUnit.SECONDS);

            assertThat(secondSaw).containsExactly(1L);
            ClusterSnapshot state = first.clusterState().orElseThrow();
            assertThat(state.articles()).isEqualTo(2);
            assertThat(state.stories()).extracting(s -> s.story().id()).containsExactly("s-a1", "s-a2");
            assertThat(first.stories()).extracting(StoredStory::id).containsExactlyInAnyOrder("s-a1", "s-a2");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNewDatabaseAndItsJournalFilesAreReadableByTheirOwnerOnly() throws Exception {
        Path db = dir.resolve("private/s.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            store.addAll(List.of(article("a1")));
            EnumSet<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            for (String name : List.of("s.db", "s.db-wal", "s.db-shm")) {
                Path file = db.resolveSibling(name);
                assertThat(file).exists();
                assertThat(Files.getPosixFilePermissions(file)).as(name).isEqualTo(ownerOnly);
            }
        }
    }

    @Test
    void anExistingDatabaseKeepsThePermissionsItsOwnerGaveIt() throws Exception {
        Path db = dir.resolve("s.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            store.addAll(List.of(article("a1")));
        }
        Files.setPosixFilePermissions(db, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ));
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.count()).isEqualTo(1);
        }
        assertThat(Files.getPosixFilePermissions(db)).contains(PosixFilePermission.GROUP_READ);
    }
}
