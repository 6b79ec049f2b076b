package org.storylens.brief;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Token;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Framing per outlet in the brief of the five seed reports (issue 5). */
class SeedFramingTest {

    private static StoryBrief brief;
    private static List<AnalysedArticle> analysed;

    @BeforeAll
    static void briefTheSeeds() {
        analysed = SeedBriefs.analysed();
        brief = SeedBriefs.brief();
    }

    private static OutletFraming framing(String outlet) {
        return brief.framing().stream().filter(f -> f.outlet().equals(outlet)).findFirst()
                .orElseThrow(() -> new AssertionError("no framing of " + outlet + " in " + brief.framing()));
    }

    @Test
    void framesEachOfTheFiveOutletsOnceWithOnlyArticlesOfTheStory() {
        List<String> ids = brief.articles().stream().map(ArticleEntry::id).toList();

        assertThat(brief.framing()).hasSize(5);
        assertThat(brief.framing()).flatExtracting(OutletFraming::articles).containsExactlyInAnyOrderElementsOf(ids);
        // in the order of the outlets' first articles
        assertThat(brief.framing()).extracting(f -> ids.indexOf(f.articles().get(0))).isSorted();
    }

    @Test
    void stateAgenciesAreFramedWithTheirCountryAndAffiliation() {
        assertThat(framing("TASS").country()).isEqualTo("RU");
        assertThat(framing("TASS").stateAffiliated()).isTrue();
        assertThat(framing("Chinanews").country()).isEqualTo("CN");
        assertThat(framing("Chinanews").stateAffiliated()).isTrue();
        assertThat(framing("24 News HD").country()).isEqualTo("PK");
        assertThat(framing("24 News HD").stateAffiliated()).isFalse();
    }

    @Test
    void distinctiveWordsAreLemmasTheOutletItselfUsesMoreThanOnce() {
        assertThat(brief.framing()).anySatisfy(f -> assertThat(f.distinctiveWords()).isNotEmpty());
        for (OutletFraming f : brief.framing()) {
            List<String> lemmas = analysed.stream().filter(a -> f.articles().contains(a.article().id()))
                    .flatMap(a -> a.annotation().tokens().stream()).flatMap(List::stream).map(Token::lemma)
                    .filter(Objects::nonNull).map(l -> l.toLowerCase(Locale.ROOT)).toList();
            assertThat(f.distinctiveWords()).hasSizeLessThanOrEqualTo(OutletFramer.MAX_WORDS).doesNotHaveDuplicates()
                    .allSatisfy(w -> assertThat(lemmas.stream().filter(w::equals).count())
                            .as("uses of %s by %s", w, f.outlet()).isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void topEntitiesAreTheStorysEntitiesThatTheOutletNames() {
        for (OutletFraming f : brief.framing()) {
            assertThat(f.topEntities()).isNotEmpty().hasSizeLessThanOrEqualTo(OutletFramer.MAX_ENTITIES)
                    .allSatisfy(name -> assertThat(brief.entities()).anySatisfy(e -> {
                        assertThat(e.name()).isEqualTo(name);
                        assertThat(e.articles()).containsAnyElementsOf(f.articles());
                    }));
        }
        // the Kremlin aide the Russian agency quotes throughout
        assertThat(framing("TASS").topEntities()).contains("Yuri Ushakov");
        // nationality adjectives are no actors
        assertThat(brief.framing()).allSatisfy(f -> assertThat(f.topEntities()).doesNotContain("Russian"));
    }

    @Test
    void anOmittedClaimIsABriefClaimNoneOfTheOutletsArticlesReport() {
        for (OutletFraming f : brief.framing()) {
            assertThat(f.omits()).hasSizeLessThanOrEqualTo(OutletFramer.MAX_OMITS).allSatisfy(text ->
                    assertThat(brief.claims()).anySatisfy(c -> {
                        assertThat(c.text()).isEqualTo(text);
                        assertThat(c.sources()).doesNotContainAnyElementsOf(f.articles())
                                .hasSizeGreaterThanOrEqualTo(2);
                    }));
        }
        if (brief.claims().isEmpty()) {
            assertThat(brief.framing()).allSatisfy(f -> assertThat(f.omits()).isEmpty());
        }
    }
}
