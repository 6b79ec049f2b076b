package org.storylens.cli;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Quote;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.store.SqliteArticleStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCommandTest {

    private static final String STORY = """
            Harbour cranes idle as dockers strike for second day

            Dock workers at the port of Ostrava Bay stayed away for a second day on Wednesday, leaving 40 ships \
            waiting at anchor, the port authority said.

            The union is demanding a 9 percent pay rise. "We will not go back for less," its leader Mara Voss told \
            reporters outside the gates.
            """;

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return write(name, text.getBytes(charset));
    }

    @Test
    void storesArticlesAndAReRunFindsNothingNew() throws Exception {
        write("strike.txt", STORY, StandardCharsets.UTF_8);
        write("other.txt", STORY.replace("second", "third").replace("Wednesday", "Thursday"), StandardCharsets.UTF_8);
        Path db = dir.resolve("db/s.db");
        CliRun first = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("2 articles read, 2 new, 0 already stored, 0 failed")
                .contains("2 new articles analysed at the ingest tier");
        CliRun again = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("2 articles read, 0 new, 2 already stored").doesNotContain("analysed");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.count()).isEqualTo(2);
            Map<String, AnalysedArticle> kept = store.analyses(AnalysisTier.INGEST, store.list());
            assertThat(kept).hasSize(2);
            assertThat(kept.values()).allSatisfy(a -> {
                assertThat(a.entities()).extracting(EntityMention::text).contains("Mara Voss");
                assertThat(a.quotes()).extracting(Quote::speaker).contains("Mara Voss");
                assertThat(a.numbers()).extracting(NumberMention::value).contains(40.0, 9.0);
            });
            assertThat(store.analyses(AnalysisTier.BRIEF, store.list())).isEmpty();
        }
    }

    @Test
    void aRunPlacesTheStoredArticlesAnEarlierRunLeftInNoStoryAndSaysSo() throws Exception {
        write("strike.txt", STORY, StandardCharsets.UTF_8);
        write("other.txt", STORY.replace("second", "third").replace("Wednesday", "Thursday"), StandardCharsets.UTF_8);
        Path db = dir.resolve("s.db");
        // what a run stopped after storing leaves: articles stored, analysed or not, in no story
        assertThat(CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString(), "--no-analyse")
                .exitCode()).isZero();
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.withoutStory()).hasSize(2);
        }

        CliRun again = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString());
        CliRun third = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("2 articles read, 0 new, 2 already stored")
                .contains("placed 2 articles a stopped run left in no story")
                .contains("2 articles assigned to stories");
        assertThat(third.out()).contains("0 new").doesNotContain("placed").doesNotContain("assigned");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.withoutStory()).isEmpty();
            assertThat(store.stories()).extracting(s -> s.articles()).containsExactly(2);
        }
    }

    @Test
    void anIngestRepairsAStateAnOlderVersionPoisonedAndPlacesTheNextArticle() throws Exception {
        write("strike.txt", STORY, StandardCharsets.UTF_8);
        Path db = dir.resolve("s.db");
        assertThat(CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString()).exitCode()).isZero();
        // what an older storylens saved after an article with one 60,000-character word
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             java.sql.PreparedStatement p = c.prepareStatement("UPDATE cluster_state SET snapshot = ?")) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
                zip.write(("{\"articles\":1,\"documentFrequencies\":{\"BODY\":{\"" + "w".repeat(60_000)
                        + "\":1}},\"stories\":[],\"index\":{}}").getBytes(StandardCharsets.UTF_8));
            }
            p.setBytes(1, bytes.toByteArray());
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
        write("other.txt", STORY.replace("second", "third").replace("Wednesday", "Thursday"), StandardCharsets.UTF_8);

        CliRun next = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString());

        assertThat(next.exitCode()).isZero();
        assertThat(next.err()).contains("warning: " + db + ": cannot read the story clusterer's saved state")
                .contains("rebuilt it from the stored assignments: 1 article in 1 story");
        assertThat(next.out()).contains("1 new").contains("1 articles assigned to stories");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.withoutStory()).isEmpty();
            assertThat(store.clusterState().orElseThrow().articles()).isEqualTo(2);
            assertThat(store.stories()).extracting(s -> s.articles()).containsExactly(2);
        }
    }

    @Test
    void aSecondIngestWaitsForTheWriterHoldingTheDatabaseAndThenStores() throws Exception {
        write("strike.txt", STORY, StandardCharsets.UTF_8);
        Path db = dir.resolve("s.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.count()).isZero();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        try {
            // another ingest in the middle of a write transaction, until this one says it waits for it
            java.util.concurrent.Future<?> other = pool.submit(() -> {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                     java.sql.Statement s = c.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                    s.execute("INSERT INTO schema_version VALUES (4)");
                    held.countDown();
                    long giveUp = System.nanoTime() + 120_000_000_000L;
                    while (!err.toString().contains("waiting for the database lock") && System.nanoTime() < giveUp) {
                        Thread.sleep(100);
                    }
                    s.execute("COMMIT");
                }
                return null;
            });
            assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            int exit = pool.submit(() -> StorylensCli.commandLine()
                    .setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true))
                    .execute("ingest", dir.resolve("in").toString(), "--db", db.toString(), "--no-analyse"))
                    .get(180, java.util.concurrent.TimeUnit.SECONDS);

            other.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(exit).isZero();
            assertThat(err.toString()).contains("warning: " + db + ": waiting for the database lock held by another "
                    + "writer");
            assertThat(out.toString()).contains("1 new");
        } finally {
            pool.shutdownNow();
        }
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    void briefOfADatabaseKeepsItsBriefTierAnalysesThere() throws Exception {
        write("strike.txt", STORY, StandardCharsets.UTF_8);
        Path db = dir.resolve("s.db");
        assertThat(CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString(), "--no-analyse")
                .exitCode()).isZero();
        CliRun brief = CliRun.of("brief", "--db", db.toString());
        assertThat(brief.exitCode()).isZero();
        assertThat(brief.out()).contains("\"Mara Voss\"");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.analyses(AnalysisTier.BRIEF, store.list())).hasSize(1);
        }
    }

    @Test
    void briefOfADatabaseWritesTheStoriesIngestAssigned() throws Exception {
        write("strike.txt", STORY, StandardCharsets.UTF_8);
        write("other.txt", STORY.replace("second", "third").replace("Wednesday", "Thursday"), StandardCharsets.UTF_8);
        write("bakery.txt", """
                Bakery wins national bread prize

                A family bakery in the hill town of Lerin won the national sourdough award on Saturday, the judges \
                said, beating 212 entries with a rye loaf baked in a wood oven.
                """, StandardCharsets.UTF_8);
        Path db = dir.resolve("s.db");
        assertThat(CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString()).exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> listed = new java.util.HashMap<>();
        json.readTree(CliRun.of("stories", "--db", db.toString(), "--format", "json").out()).get("stories")
                .forEach(s -> listed.put(s.get("id").asText(), s.get("articles").asInt()));
        CliRun brief = CliRun.of("brief", "--db", db.toString());
        assertThat(brief.exitCode()).isZero();
        Map<String, Integer> briefed = new java.util.HashMap<>();
        json.readTree(brief.out()).get("stories")
                .forEach(s -> briefed.put(s.get("id").asText(), s.get("articles").size()));
        assertThat(briefed).isEqualTo(listed);
    }

    @Test
    void briefNeedsPathsOrADatabase() {
        CliRun neither = CliRun.of("brief");
        assertThat(neither.exitCode()).isEqualTo(StorylensCli.USAGE);
        assertThat(neither.err()).contains("give either PATHs or --db FILE");
        CliRun missing = CliRun.of("brief", "--db", dir.resolve("none.db").toString());
        assertThat(missing.exitCode()).isEqualTo(StorylensCli.STORE_FAILED);
        assertThat(missing.err()).contains("none.db: no such database");
    }

    @Test
    void badInputsGetOneLineEachAndTheRestIsStored() throws Exception {
        Path good = write("good.txt", STORY, StandardCharsets.UTF_8);
        Path empty = write("empty.txt", new byte[0]);
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[10] = 0;
        Path bin = write("noise.bin", binary);
        Path png = write("picture.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(STORY.repeat(50).getBytes(StandardCharsets.UTF_8));
        }
        Path truncatedGz = write("cut.txt.gz", Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
        Path noText = write("scripts.html", "<html><head><title>x</title><script>var a=1;</script></head><body>"
                + "<script>document.write('hi')</script></body></html>", StandardCharsets.UTF_8);
        Path missing = dir.resolve("in/does-not-exist.txt");
        Path db = dir.resolve("s.db");

        CliRun run = CliRun.of("ingest", dir.resolve("in").toString(), missing.toString(), "--db", db.toString(), "--no-analyse");

        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.out()).contains("1 new").contains("6 failed");
        assertThat(run.err().lines().filter(l -> l.startsWith("error: ")))
                .hasSize(6)
                .anySatisfy(l -> assertThat(l).contains(empty.toString()).contains("empty file"))
                .anySatisfy(l -> assertThat(l).contains(bin.toString()).contains("binary"))
                .anySatisfy(l -> assertThat(l).contains(png.toString()).contains("PNG"))
                .anySatisfy(l -> assertThat(l).contains(truncatedGz.toString()).contains("gzip"))
                .anySatisfy(l -> assertThat(l).contains(noText.toString()).contains("no article text"))
                .anySatisfy(l -> assertThat(l).contains(missing.toString()).contains("no such file"));
        assertThat(run.err()).doesNotContain(good.toString());
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.list()).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("good"));
        }
    }

    @Test
    void aFolderHoldingItsOwnDatabaseSkipsTheDatabaseFilesAndSaysSoOnce() throws Exception {
        write("strike.txt", STORY, StandardCharsets.UTF_8);
        Path in = dir.resolve("in");
        Path db = in.resolve("x.db");
        Path other = dir.resolve("other.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(other)) {
            assertThat(store.count()).isZero();
        }
        Files.copy(other, in.resolve("backup.sqlite"));

        CliRun first = CliRun.of("ingest", in.toString(), "--db", db.toString(), "--no-analyse");
        CliRun again = CliRun.of("ingest", in.toString(), "--db", db.toString(), "--no-analyse");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("1 inputs, 1 articles read, 1 new, 0 already stored, 0 failed");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("1 articles read, 0 new, 1 already stored, 0 failed");
        assertThat(again.err()).doesNotContain("error:");
        assertThat(again.err().lines().filter(l -> l.contains("skipped"))).singleElement().asString()
                .contains("SQLite database file(s)").contains("x.db").contains("backup.sqlite");
    }

    @Test
    void aFailingBatchLosesNothingStoredBefore() throws Exception {
        write("good.txt", STORY, StandardCharsets.UTF_8);
        Path db = dir.resolve("s.db");
        assertThat(CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString(), "--no-analyse").exitCode()).isZero();
        write("empty.txt", new byte[0]);
        write("second.txt", STORY.replace("Ostrava", "Lindholm"), StandardCharsets.UTF_8);
        CliRun run = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString(), "--no-analyse");
        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.out()).contains("2 articles read, 1 new, 1 already stored, 1 failed");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.count()).isEqualTo(2);
        }
    }

    @Test
    void refusesAHugeFileNamingTheLimit() throws Exception {
        Path huge = dir.resolve("in/huge.txt");
        Files.createDirectories(huge.getParent());
        byte[] block = STORY.getBytes(StandardCharsets.UTF_8);
        try (OutputStream o = Files.newOutputStream(huge)) {
            for (long written = 0; written < 100L << 20; written += block.length) {
                o.write(block);
            }
        }
        CliRun run = CliRun.of("ingest", huge.toString(), "--db", dir.resolve("s.db").toString(), "--no-analyse");
        assertThat(run.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(run.err()).contains(huge.toString()).contains("too large").contains("--max-bytes");
    }

    @Test
    void decodesLatin1Windows1251AndUtf16WithBom() throws Exception {
        write("latin1.txt", "Café owners in Zürich protest\n\nThe café owners of Zürich marched on Friday against "
                + "the new tax, saying their façades would suffer. Über 300 people joined.", StandardCharsets.ISO_8859_1);
        write("cyrillic.txt", "Жители Москвы вышли на улицы\n\nВ пятницу тысячи жителей Москвы вышли на улицы, "
                + "чтобы отметить праздник. Погода была хорошей, и люди гуляли до ночи.", Charset.forName("windows-1251"));
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(STORY.getBytes(StandardCharsets.UTF_16LE));
        write("utf16.txt", utf16.toByteArray());
        Path db = dir.resolve("s.db");
        CliRun run = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString(), "--no-analyse");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("latin1.txt").contains("windows-1252")
                .contains("cyrillic.txt").contains("windows-1251");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.find("latin1").orElseThrow().text()).contains("façades").contains("Über 300");
            assertThat(store.find("cyrillic").orElseThrow().text()).contains("тысячи жителей Москвы");
            assertThat(store.find("cyrillic").orElseThrow().language()).isEqualTo("ru");
            assertThat(store.find("utf16").orElseThrow().text()).contains("Mara Voss");
        }
    }

    @Test
    void refusesADatabaseFileThatIsNotOneWithoutTouchingIt() throws Exception {
        write("good.txt", STORY, StandardCharsets.UTF_8);
        Path db = dir.resolve("notes.db");
        Files.writeString(db, "my notes, not a database ".repeat(100));
        CliRun run = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString(), "--no-analyse");
        assertThat(run.exitCode()).isEqualTo(StorylensCli.STORE_FAILED);
        assertThat(run.err()).contains(db.toString());
        assertThat(Files.readString(db)).startsWith("my notes");
    }
}
