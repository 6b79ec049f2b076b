package org.storylens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.serve.RelatedStories;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoredStory;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Related stories on the demo's bundled sample set, ingested as {@code storylens demo} does. */
class DemoRelatedStoriesTest {

    @TempDir
    Path dir;

    private static StoredStory titled(List<StoredStory> stories, String words) {
        return stories.stream().filter(s -> s.title() != null && s.title().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no story titled with '" + words + "' among " + stories));
    }

    @Test
    void theDamAndTheMinistersRailPlanLinkEachOtherAndTheFootballMatchIsNotRelated() throws Exception {
        CliRun demo = CliRun.of("demo", "--dir", dir.toString(), "--no-serve");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        try (ArticleStore store = SqliteArticleStore.open(dir.resolve("demo.db"))) {
            List<StoredStory> stories = store.stories();
            StoredStory dam = stories.stream().filter(s -> s.articles() == 6).findFirst().orElseThrow();
            StoredStory rail = titled(stories, "rail");
            StoredStory football = titled(stories, "Kolvik");
            RelatedStories related = new RelatedStories(store);

            List<RelatedStories.Related> ofDam = related.of(dam.id());
            assertThat(ofDam).extracting(RelatedStories.Related::id).contains(rail.id())
                    .doesNotContain(football.id(), dam.id());
            assertThat(ofDam).hasSizeLessThanOrEqualTo(RelatedStories.SHOWN);
            RelatedStories.Related railOfDam = ofDam.stream().filter(r -> r.id().equals(rail.id())).findFirst()
                    .orElseThrow();
            assertThat(railOfDam.shared()).as(ofDam.toString()).contains("Halvard Brenne");

            assertThat(related.of(rail.id())).extracting(RelatedStories.Related::id).contains(dam.id())
                    .doesNotContain(football.id());
            assertThat(related.of(football.id())).as(related.of(football.id()).toString()).extracting(RelatedStories.Related::id)
                    .doesNotContain(dam.id(), rail.id());
        }
    }
}
