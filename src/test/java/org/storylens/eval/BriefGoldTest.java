package org.storylens.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.pipeline.PipelineFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The gold of the brief audit holds against its articles (the seed and ECB+ articles are read from ../shared). */
class BriefGoldTest {

    static final Path GOLD = Path.of("src/test/resources/brief-gold");
    static final Path SHARED = Path.of("../shared");

    @TempDir
    Path work;

    private BriefGoldSet.Stories load() throws IOException {
        return new BriefGoldSet(new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).reader()).load(GOLD, SHARED, work);
    }

    @Test
    void everyGoldFileHoldsAgainstItsArticles() throws IOException {
        BriefGoldSet.Stories set = load();
        assertThat(set.unusable()).isEmpty();
        assertThat(set.stories()).hasSizeGreaterThanOrEqualTo(7);
        for (BriefGoldSet.GoldStory story : set.stories()) {
            BriefGold gold = story.gold();
            assertThat(gold.problems(story.texts())).as(story.name()).isEmpty();
            assertThat(gold.story()).isEqualTo(story.name());
            assertThat(story.texts().keySet()).as(story.name()).containsExactlyInAnyOrderElementsOf(gold.articles());
            assertThat(gold.articles()).as(story.name()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(gold.quotes()).as(story.name()).isNotEmpty();
            assertThat(gold.figures()).as(story.name()).isNotEmpty();
        }
    }

    @Test
    void figuresAreNotCountedTwiceAndConflictValuesNameTheirFigures() throws IOException {
        for (BriefGoldSet.GoldStory story : load().stories()) {
            BriefGold gold = story.gold();
            Set<String> places = new HashSet<>();
            for (BriefGold.GoldFigure f : gold.figures()) {
                assertThat(places.add(f.article() + "@" + f.offset())).as(story.name() + ": " + f.text()).isTrue();
                assertThat(f.text()).as(story.name()).containsPattern("\\d|(?i)one|two|three|four|five|six|seven|eight"
                        + "|nine|ten|dozen|hundred|thousand|million|thirty|fourteen");
            }
            for (BriefGold.GoldConflict c : gold.conflicts()) {
                for (BriefGold.ConflictValue v : c.values()) {
                    if (v.value() != null) {
                        // a numeric side is one of the gold figures, with the figure's value
                        assertThat(gold.figures()).as(story.name() + ": " + c.what()).anySatisfy(f -> {
                            assertThat(f.article()).isEqualTo(v.article());
                            assertThat(f.offset()).isEqualTo(v.offset());
                            assertThat(f.value()).isEqualTo(v.value());
                        });
                    }
                }
            }
        }
    }

    @Test
    void theDamStoryCarriesTheKnownUpdatesAndAgreements() throws IOException {
        BriefGold dam = load().stories().stream().filter(s -> s.name().equals("dam-collapse")).findFirst()
                .orElseThrow().gold();
        BriefGold.GoldConflict evacuated = dam.conflicts().stream().filter(c -> c.what().equals("people evacuated"))
                .findFirst().orElseThrow();
        assertThat(evacuated.kind()).isEqualTo("update");
        assertThat(evacuated.values()).extracting(BriefGold.ConflictValue::value)
                .contains(1200.0, 1400.0, 1530.0, 1850.0);
        assertThat(dam.nonConflicts()).extracting(BriefGold.NonConflict::what)
                .contains("water released", "metres of different things");
    }

    @Test
    void theSeedsCarryTheDenialAndAreReadFromShared() throws IOException {
        BriefGoldSet.GoldStory seeds = load().stories().stream()
                .filter(s -> s.name().equals("biden-putin-call-2021")).findFirst().orElseThrow();
        assertThat(seeds.jsonl()).startsWith(work);
        assertThat(Files.exists(GOLD.resolve("biden-putin-call-2021.jsonl"))).isFalse();
        BriefGold.GoldConflict denial = seeds.gold().conflicts().stream().filter(c -> c.kind().equals("denial"))
                .findFirst().orElseThrow();
        assertThat(denial.values()).extracting(BriefGold.ConflictValue::level).containsOnly("accusation", "denial")
                .contains("accusation", "denial");
        assertThat(denial.values()).extracting(BriefGold.ConflictValue::article)
                .contains("002_96ae13a58f9e8ca5", "004_78288d0e41c1ddce");
    }

    @Test
    void aFragmentNotInItsArticleIsAProblemNamingIt() {
        BriefGold gold = new BriefGold("s", List.of("a"), null, Map.of("Ann Lee", List.of()), List.of(),
                List.of(new BriefGold.GoldQuote("a", "words that are not there", "Ann Lee", List.of(), true, null)),
                List.of(new BriefGold.GoldFigure("a", "12 boats", 12, 3, "boats", List.of(), "Bob")),
                List.of(), List.of(new BriefGold.GoldConflict("boats", "rumour", List.of())), List.of());
        List<String> problems = gold.problems(Map.of("a", "We saw 12 boats."));
        assertThat(problems).anyMatch(p -> p.contains("'words that are not there'") && p.contains("article a"));
        assertThat(problems).anyMatch(p -> p.contains("offset 3") && p.contains("at 7"));
        assertThat(problems).anyMatch(p -> p.contains("'Bob'"));
        assertThat(problems).anyMatch(p -> p.contains("unknown kind: rumour"));
        assertThat(problems).anyMatch(p -> p.contains("fewer than two values"));
    }

    @Test
    void aGoldWithoutArticlesIsUnusableWithTheReason(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lonely.gold.json"), "{\"story\": \"lonely\", \"articles\": [\"x\"]}");
        BriefGoldSet.Stories set = new BriefGoldSet(new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).reader())
                .load(dir, SHARED, work);
        assertThat(set.stories()).isEmpty();
        assertThat(set.unusable()).singleElement().satisfies(u -> {
            assertThat(u.gold().getFileName().toString()).isEqualTo("lonely.gold.json");
            assertThat(u.reason()).contains("lonely.jsonl").contains("articlesFrom");
        });
    }
}
