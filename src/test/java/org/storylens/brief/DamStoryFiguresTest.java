package org.storylens.brief;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of the demo's dam story (six reports over three days, the brief audit's {@code dam-collapse.jsonl}):
 * units as written, no clock time as a figure, sources only where named, the evacuee count and the reservoir level
 * as updates, and figures of different things never set against each other.
 */
class DamStoryFiguresTest {

    private static final PipelineFactory FACTORY = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
    private static MiniLmEmbedder embedder;
    private static StoryBrief brief;

    @BeforeAll
    static void load() throws URISyntaxException {
        embedder = new MiniLmEmbedder(1);
        Path story = Path.of(DamStoryFiguresTest.class.getResource("/brief-gold/dam-collapse.jsonl").toURI());
        List<AnalysedArticle> analysed = FACTORY.analysis(Annotators.shared(), 1).analyse(
                FACTORY.readAndClean(List.of(story.toString()), 1, ArticlePipeline.Progress.NONE).articles());
        brief = FACTORY.briefWriter(embedder).write(analysed);
    }

    @AfterAll
    static void close() {
        if (embedder != null) {
            embedder.close();
        }
    }

    @Test
    void crownsStayCrownsAndCubicMetresStayCubicMetres() {
        assertThat(brief.numbers()).anySatisfy(n -> {
            assertThat(n.value().longValue()).isEqualTo(90_000_000L);
            assertThat(n.unit()).isEqualTo("crowns");
        });
        assertThat(brief.numbers()).anySatisfy(n -> {
            assertThat(n.value().longValue()).isEqualTo(60_000_000L);
            assertThat(n.unit()).isEqualTo("crowns");
        });
        assertThat(brief.numbers()).anySatisfy(n -> {
            assertThat(n.value().longValue()).isEqualTo(4_000_000L);
            assertThat(n.unit()).isEqualTo("cubic metres");
        });
        assertThat(brief.numbers()).noneSatisfy(n -> assertThat(n.unit()).isEqualTo("USD"));
    }

    @Test
    void clockTimesAreNotFigures() {
        assertThat(brief.numbers()).noneSatisfy(n -> assertThat(n.value().doubleValue()).isIn(3.4, 240.0, 340.0 / 100));
        assertThat(brief.numbers()).allSatisfy(n -> assertThat(n.unit()).isNotIn("am", "GMT", "a.m."));
    }

    @Test
    void figuresAreCreditedOnlyToNamedSources() {
        assertThat(brief.numbers()).extracting(NumberEntry::attributedTo)
                .noneMatch(a -> a != null && List.of("he", "she", "damage", "first estimate", "they")
                        .contains(a.toLowerCase(java.util.Locale.ROOT)));
        assertThat(brief.numbers()).anySatisfy(n -> {
            assertThat(n.value().longValue()).isEqualTo(300L);
            assertThat(n.attributedTo()).isEqualTo("town council");
        });
    }

    @Test
    void theRisingEvacueeCountAndTheFallingReservoirAreUpdates() {
        ClaimEntry latest = claim("1,850");
        assertThat(latest.supersedes()).isNotEmpty();
        assertThat(latest.supersededBy()).isEmpty();
        ClaimEntry overnight = claim("almost two metres overnight");
        assertThat(overnight.supersededBy()).anyMatch(t -> t.contains("three metres"));
        assertThat(claim("flooded homes at 340").supersedes()).anyMatch(t -> t.contains("About 300 homes"));
    }

    @Test
    void theTitleAndTheFirstSummarySentenceCarryTheLatestEvacueeCount() {
        assertThat(brief.title()).contains("1,850");
        assertThat(brief.summary().get(0).text()).contains("1,850");
        assertThat(brief.summary().get(0).sources()).containsExactly("orlen-courier-inspection-confirmed");
    }

    @Test
    void figuresOfDifferentThingsOrThatAgreeAreNeverDisputed() {
        Map<String, ClaimEntry> byText = brief.claims().stream()
                .collect(Collectors.toMap(ClaimEntry::text, Function.identity(), (a, b) -> a));
        for (ClaimEntry c : brief.claims()) {
            for (String other : c.conflictsWith()) {
                ClaimEntry p = byText.get(other);
                assertThat(p).isNotNull();
                assertThat(pairs(c, p, "40 metres", "two metres")).as(c.text() + " / " + other).isFalse();
                assertThat(pairs(c, p, "4 million", "3.8 million")).as(c.text() + " / " + other).isFalse();
                assertThat(pairs(c, p, "two metres", "three metres")).as(c.text() + " / " + other).isFalse();
                assertThat(pairs(c, p, "a dozen", "Fourteen")).as(c.text() + " / " + other).isFalse();
            }
        }
    }

    private static boolean pairs(ClaimEntry a, ClaimEntry b, String one, String two) {
        return a.text().contains(one) && b.text().contains(two) || a.text().contains(two) && b.text().contains(one);
    }

    private static ClaimEntry claim(String words) {
        return brief.claims().stream().filter(c -> c.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no claim says '" + words + "': " + brief.claims().stream()
                        .map(ClaimEntry::text).toList()));
    }
}
