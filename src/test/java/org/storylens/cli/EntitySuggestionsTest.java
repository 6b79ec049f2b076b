package org.storylens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.pipeline.SeedArticles;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The stories page's entity filter suggestions on real ingests: the seed reports and the demo's sample set, each
 * person, organisation and place once by its name, no fragment, no duplicate in another case or spelling.
 */
class EntitySuggestionsTest {

    @TempDir
    Path dir;

    private List<String> suggestionsAfterIngesting(Path folder) throws Exception {
        Path db = dir.resolve("s.db");
        CliRun ingest = CliRun.of("ingest", "--no-progress", "--db", db.toString(), folder.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        try (ArticleStore store = SqliteArticleStore.open(db)) {
            List<String> names = store.entityNames(300);
            assertThat(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()).as("one per name, case aside")
                    .hasSameSizeAs(names);
            return names;
        }
    }

    @Test
    void theSeedsSuggestEachPersonOrganisationAndPlaceOnceByItsName() throws Exception {
        Path seeds = SeedArticles.folder();
        assumeTrue(Files.isDirectory(seeds), "the shared seed articles are not beside the project: " + seeds);
        List<String> names = suggestionsAfterIngesting(seeds);
        assertThat(names).contains("Joe Biden", "Vladimir Putin", "NATO", "United States", "Russia", "Jen Psaki",
                "Dmitry Peskov", "Kremlin", "Geneva");
        // surnames, listed aliases and spellings of one name join their entity
        assertThat(names).doesNotContain("Biden", "Putin", "Psaki", "Peskov", "Lavrov", "US", "U.S.",
                "North Atlantic Alliance", "North Atlantic Treaty Organization", "Russian Federation");
        assertThat(names).filteredOn(n -> n.endsWith("Lavrov")).hasSize(1);
        // fragments and other kinds of name are no entities to filter by
        assertThat(names).doesNotContain("West of provocation", "Russian", "American", "Ukrainian", "Olympic");
    }

    @Test
    void theDemoSuggestsTheMinisterOnceAndNoFragments() throws Exception {
        List<String> names = suggestionsAfterIngesting(demoSamples(dir.resolve("demo")));
        assertThat(names).contains("Halvard Brenne", "Aleksi Varga", "Lidia Moravec", "Civil Protection Directorate",
                "Veldan Hydro", "Meravik");
        assertThat(names).doesNotContain("Brenne", "Moravec", "Vasko", "Haavik");
        assertThat(names).doesNotContain("GMT", "European", "Castavian", "Inland", "Lower Sola Dam spillway");
    }

    /** The demo's bundled sample articles, written to a folder as {@code storylens demo} writes them. */
    private static Path demoSamples(Path target) throws IOException {
        Files.createDirectories(target);
        List<String> files;
        try (InputStream index = EntitySuggestionsTest.class.getResourceAsStream("/org/storylens/demo/index.txt")) {
            files = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        }
        for (String file : files) {
            try (InputStream in = EntitySuggestionsTest.class.getResourceAsStream("/org/storylens/demo/" + file)) {
                Files.copy(in, target.resolve(file));
            }
        }
        return target;
    }
}
