package org.storylens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.cluster.StoryArticle;
import org.storylens.store.ArticleStore;
import org.storylens.store.Stores;
import org.storylens.store.TestPostgres;
import org.storylens.store.StoredStory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.storylens.cli.ArticleLines.line;
import static org.assertj.core.api.Assertions.assertThat;

class StoriesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three invented events: a dam collapse (three reports), a ferry strike (two), a phone launch (one). */
    private static final List<String> FIRST = List.of(
            line("dam-1", "Spillway of Sola dam collapses, villages evacuated",
                    "The spillway of the Lower Sola dam near Meravik collapsed on Tuesday, releasing millions of "
                            + "cubic metres of water into the Sola river. About 1,200 people were evacuated from "
                            + "three villages downstream, regional governor Ilse Varga said. Engineers had warned "
                            + "of cracks in the spillway in 2022.",
                    "2025-03-11", "Brannsk Herald"),
            line("strike-1", "Ferry crews walk out over pay in Port Aldery",
                    "Ferry crews in Port Aldery went on strike on Tuesday, stranding hundreds of passengers on the "
                            + "island routes. The seafarers' union wants a 7 percent pay rise, its leader Tomas "
                            + "Kell told reporters at the terminal.",
                    "2025-03-11", "Aldery Gazette"),
            line("dam-2", "Sola dam spillway failure: 1,500 evacuated near Meravik",
                    "More than 1,500 people have left their homes along the Sola river after the spillway of the "
                            + "Lower Sola dam gave way near Meravik, governor Ilse Varga said on Wednesday. Water "
                            + "levels downstream rose by two metres overnight, and inspectors are examining the "
                            + "cracked spillway.",
                    "2025-03-12", "Dagposten English"),
            line("phone-1", "Quillon unveils foldable e-reader",
                    "Quillon launched the Fold S, a foldable e-reader with a colour screen, at an event in "
                            + "Castrell on Wednesday. The device costs 349 euros and ships in April, chief "
                            + "executive Lena Sorn said.",
                    "2025-03-12", "Gadget Ledger"));

    private static final List<String> SECOND = List.of(
            line("strike-2", "Port Aldery ferry strike enters second day",
                    "The ferry strike in Port Aldery entered its second day on Wednesday as talks between the "
                            + "seafarers' union and the ferry operator broke down. Union leader Tomas Kell said "
                            + "crews would not sail until the 7 percent pay rise was agreed.",
                    "2025-03-12", "Aldery Gazette"),
            line("dam-3", "Minister orders inquiry into Sola dam collapse",
                    "The minister ordered an inquiry into the collapse of the Lower Sola dam spillway near Meravik "
                            + "as the number of evacuated people rose to 1,850, governor Ilse Varga said on "
                            + "Thursday. The 2022 inspection that found cracks in the spillway was confirmed.",
                    "2025-03-13", "Orlen Valley Courier"));

    @TempDir
    Path dir;

    private Path write(String name, List<String> lines) throws Exception {
        Path p = dir.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, lines);
        return p;
    }

    /** Article id to story id, as the store keeps them. */
    private static Map<String, String> storedStoryOf(Path db) throws Exception {
        return storedStoryOf(db.toString());
    }

    private static Map<String, String> storedStoryOf(String db) throws Exception {
        Map<String, String> storyOf = new HashMap<>();
        try (ArticleStore store = Stores.open(db)) {
            for (StoredStory s : store.stories()) {
                for (StoryArticle a : store.story(s.id()).orElseThrow().articles()) {
                    storyOf.put(a.id(), s.id());
                }
            }
        }
        return storyOf;
    }

    private Map<String, String> clusteredStoryOf(Path... inputs) throws Exception {
        String[] args = new String[inputs.length + 3];
        args[0] = "cluster";
        for (int i = 0; i < inputs.length; i++) {
            args[i + 1] = inputs[i].toString();
        }
        args[inputs.length + 1] = "--format";
        args[inputs.length + 2] = "json";
        CliRun cluster = CliRun.of(args);
        assertThat(cluster.exitCode()).as(cluster.err()).isZero();
        Map<String, String> storyOf = new HashMap<>();
        JSON.readTree(cluster.out()).get("assignments")
                .forEach(a -> storyOf.put(a.get("id").asText(), a.get("story").asText()));
        return storyOf;
    }

    @Test
    void ingestingAFolderAssignsTheSameStoriesAsClusteringItAndListsThemLargestFirst() throws Exception {
        Path first = write("first.jsonl", FIRST);
        Path second = write("second.jsonl", SECOND);
        Path db = dir.resolve("s.db");

        CliRun ingest = CliRun.of("ingest", dir.resolve("in").toString(), "--db", db.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("6 articles assigned to stories: 3 new stories, 3 joined a story");

        Map<String, String> stored = storedStoryOf(db);
        assertThat(stored).hasSize(6).isEqualTo(clusteredStoryOf(first, second));
        assertThat(stored.get("dam-2")).isNotNull().isEqualTo(stored.get("dam-1")).isEqualTo(stored.get("dam-3"));
        assertThat(stored.get("strike-2")).isEqualTo(stored.get("strike-1")).isNotEqualTo(stored.get("dam-1"));

        CliRun listed = CliRun.of("stories", "--db", db.toString(), "--format", "json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode stories = JSON.readTree(listed.out()).get("stories");
        assertThat(stories).extracting(s -> s.get("articles").asInt()).containsExactly(3, 2, 1);
        JsonNode dam = stories.get(0);
        assertThat(dam.get("id").asText()).isEqualTo(stored.get("dam-1"));
        assertThat(dam.get("title").asText()).isEqualTo("Minister orders inquiry into Sola dam collapse"); // the latest report's
        assertThat(dam.get("independentSources").asInt()).isEqualTo(3);
        assertThat(dam.get("firstPublished").asText()).isEqualTo("2025-03-11");
        assertThat(dam.get("lastPublished").asText()).isEqualTo("2025-03-13");

        CliRun table = CliRun.of("stories", "--db", db.toString());
        assertThat(table.out()).contains(stored.get("dam-1")).contains("2025-03-11..2025-03-13")
                .contains("3 stories, 6 articles");
    }

    @Test
    void aSecondBatchJoinsTheStoredStoriesAndARerunChangesNothing() throws Exception {
        Path first = write("first.jsonl", FIRST);
        Path db = dir.resolve("s.db");
        CliRun one = CliRun.of("ingest", first.toString(), "--db", db.toString());
        assertThat(one.out()).as(one.err()).contains("4 articles assigned to stories: 3 new stories, 1 joined a story");
        Map<String, String> before = storedStoryOf(db);

        Path second = write("second.jsonl", SECOND);
        CliRun two = CliRun.of("ingest", second.toString(), "--db", db.toString());
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(two.out()).contains("2 articles assigned to stories: 0 new stories, 2 joined a story");
        Map<String, String> after = storedStoryOf(db);
        assertThat(after.get("dam-3")).isNotNull().isEqualTo(before.get("dam-1"));
        assertThat(after.get("strike-2")).isNotNull().isEqualTo(before.get("strike-1"));
        assertThat(after).isEqualTo(clusteredStoryOf(first, second));

        String listed = CliRun.of("stories", "--db", db.toString(), "--format", "json").out();
        CliRun again = CliRun.of("ingest", second.toString(), "--db", db.toString());
        assertThat(again.out()).contains("0 new").doesNotContain("assigned");
        assertThat(CliRun.of("stories", "--db", db.toString(), "--format", "json").out()).isEqualTo(listed);
    }

    @Test
    void articlesStoredWithoutAnalysisAreInNoStory() throws Exception {
        Path db = dir.resolve("s.db");
        CliRun ingest = CliRun.of("ingest", write("first.jsonl", FIRST).toString(), "--db", db.toString(),
                "--no-analyse");
        assertThat(ingest.out()).contains("4 new").doesNotContain("assigned");
        CliRun listed = CliRun.of("stories", "--db", db.toString());
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("0 stories, 0 articles");
    }

    @Test
    void ingestIntoPostgresqlListsTheSameStoriesAsIntoSqlite() throws Exception {
        Path first = write("first.jsonl", FIRST);
        Path second = write("second.jsonl", SECOND);
        String sqlite = dir.resolve("s.db").toString();
        String postgres = TestPostgres.newDatabase();
        for (String db : List.of(sqlite, postgres)) {
            CliRun one = CliRun.of("ingest", first.toString(), "--db", db);
            assertThat(one.exitCode()).as(one.err()).isZero();
            CliRun two = CliRun.of("ingest", second.toString(), "--db", db);
            assertThat(two.exitCode()).as(two.err()).isZero();
            assertThat(two.out()).contains("2 articles assigned to stories: 0 new stories, 2 joined a story")
                    .contains(Stores.describe(db));
        }
        CliRun fromPostgres = CliRun.of("stories", "--db", postgres, "--format", "json");
        assertThat(fromPostgres.exitCode()).as(fromPostgres.err()).isZero();
        assertThat(JSON.readTree(fromPostgres.out()).get("stories")).hasSize(3);
        assertThat(fromPostgres.out()).isEqualTo(CliRun.of("stories", "--db", sqlite, "--format", "json").out());
        assertThat(storedStoryOf(postgres)).isEqualTo(storedStoryOf(sqlite));
        assertThat(CliRun.of("stories", "--db", postgres).out()).contains("3 stories, 6 articles");
        CliRun articles = CliRun.of("articles", "--db", postgres, "--format", "json");
        assertThat(articles.exitCode()).as(articles.err()).isZero();
        assertThat(JSON.readTree(articles.out()).get("articles")).hasSize(6);
        assertThat(articles.out()).isEqualTo(CliRun.of("articles", "--db", sqlite, "--format", "json").out());
    }

    @Test
    void aPostgresqlServerThatRefusesIsAnErrorNamingTheUrlWithoutItsPassword() {
        CliRun run = CliRun.of("stories", "--db", "postgresql://reader:s3cret@localhost:1/news");
        assertThat(run.exitCode()).isEqualTo(StorylensCli.STORE_FAILED);
        assertThat(run.err()).contains("postgresql://reader@localhost:1/news").contains("cannot connect")
                .doesNotContain("s3cret");
    }

    @Test
    void aMissingDatabaseIsAnErrorNamingIt() {
        Path missing = dir.resolve("none.db");
        CliRun run = CliRun.of("stories", "--db", missing.toString());
        assertThat(run.exitCode()).isEqualTo(StorylensCli.STORE_FAILED);
        assertThat(run.err()).contains(missing.toString()).contains("no such database");
        assertThat(Files.exists(missing)).isFalse();
    }
}
