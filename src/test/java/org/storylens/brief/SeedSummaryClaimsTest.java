package org.storylens.brief;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Sentence;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary and claims of the five seed reports (issue 5). */
class SeedSummaryClaimsTest {

    private static StoryBrief brief;
    private static List<AnalysedArticle> analysed;

    @BeforeAll
    static void briefTheSeeds() {
        analysed = SeedBriefs.analysed();
        brief = SeedBriefs.brief();
    }

    private static AnalysedArticle article(String id) {
        return analysed.stream().filter(a -> a.article().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void summaryOpensWithTheCallBetweenBidenAndPutinOnTheSeventh() {
        assertThat(brief.summary()).hasSizeBetween(3, 8);
        String first = brief.summary().get(0).text();
        assertThat(first).contains("Biden", "Putin").containsPattern("video|call|talks|meeting")
                .containsPattern("\\b7\\b|7th|Tuesday");
    }

    @Test
    void everySummarySentenceIsSupportedByEachCitedSource() {
        for (SourcedText s : brief.summary()) {
            assertThat(s.sources()).isNotEmpty();
            // the sentence as it stands in one of its sources, with its tokens
            AnalysedArticle home = s.sources().stream().map(SeedSummaryClaimsTest::article)
                    .filter(a -> a.sentences().stream().anyMatch(x -> collapse(x.text()).equals(s.text())))
                    .findFirst().orElseThrow(() -> new AssertionError("not taken from its sources: " + s.text()));
            Sentence sentence = home.sentences().stream().filter(x -> collapse(x.text()).equals(s.text()))
                    .findFirst().orElseThrow();
            Set<String> words = SupportCheck.contentWords(home.annotation().tokens().get(sentence.index()));
            for (String id : s.sources()) {
                double share = SupportCheck.share(words, SupportCheck.vocabulary(article(id)));
                assertThat(share).as("%s in %s", s.text(), id).isGreaterThanOrEqualTo(SupportCheck.MIN_SHARE);
            }
        }
    }

    @Test
    void everySummarySentenceAndClaimGivesTheSentenceOfEachSourceThatStatesIt() {
        List<List<SupportingSentence>> supports = new java.util.ArrayList<>();
        List<List<String>> sources = new java.util.ArrayList<>();
        brief.summary().forEach(s -> {
            supports.add(s.support());
            sources.add(s.sources());
        });
        brief.claims().forEach(c -> {
            supports.add(c.support());
            sources.add(c.sources());
        });
        for (int i = 0; i < supports.size(); i++) {
            assertThat(supports.get(i).stream().map(SupportingSentence::articleId).toList())
                    .isEqualTo(sources.get(i));
            for (SupportingSentence s : supports.get(i)) {
                assertThat(article(s.articleId()).sentences().stream().map(x -> collapse(x.text())))
                        .as("a sentence of %s", s.articleId()).contains(s.sentence());
            }
        }
        SourcedText first = brief.summary().get(0);
        assertThat(first.support()).extracting(SupportingSentence::sentence).contains(first.text());
    }

    @Test
    void noSummarySentenceHangsOnAPronounOrCarriesDebris() {
        List<String> removed = brief.articles().stream().flatMap(a -> a.removedBoilerplate().stream()).toList();
        for (SourcedText s : brief.summary()) {
            assertThat(s.text()).doesNotMatch("(?i)^(he|she|it|they|we|this|these|that|those|and|but)\\b.*")
                    .doesNotContain("|", "[", "http").doesNotContainPattern("\\p{IsCyrillic}");
            removed.forEach(line -> assertThat(s.text()).doesNotContain(line));
        }
        for (ClaimEntry c : brief.claims()) {
            assertThat(c.text()).doesNotContainPattern("\\p{IsCyrillic}");
            removed.forEach(line -> assertThat(c.text()).doesNotContain(line));
        }
    }

    @Test
    void theCallIsAgreedByAtLeastThreeSources() {
        assertThat(brief.claims()).anySatisfy(c -> {
            assertThat(c.status()).isEqualTo("agreed");
            assertThat(c.sources()).hasSizeGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void usAndAlliesAccusationAndRussiasDenialAreOneDisputedClaimWithBothSides() {
        List<ClaimEntry> sides = brief.claims().stream().filter(c -> c.side() != null).toList();
        assertThat(sides).extracting(ClaimEntry::side).containsExactly("assertion", "denial");
        ClaimEntry accusation = sides.get(0);
        ClaimEntry denial = sides.get(1);
        assertThat(accusation.status()).isEqualTo("disputed");
        assertThat(denial.status()).isEqualTo("disputed");
        assertThat(accusation.conflictsWith()).containsExactly(denial.text());
        assertThat(denial.conflictsWith()).containsExactly(accusation.text());
        assertThat(accusation.text()).containsPattern("invasion|invade");
        assertThat(denial.text()).containsPattern("denie[sd]");
        // both outlets that report the two sides are cited on each: AFP (002) and Chinanews (004)
        assertThat(accusation.sources()).containsExactly("002_96ae13a58f9e8ca5", "004_78288d0e41c1ddce");
        assertThat(denial.sources()).containsExactly("002_96ae13a58f9e8ca5", "004_78288d0e41c1ddce");
        assertThat(accusation.asserts()).contains("Washington", "United States").doesNotContain("Russia");
        assertThat(accusation.denies()).contains("Russia").doesNotContain("Washington");
        assertThat(denial.asserts()).isEqualTo(accusation.asserts());
        assertThat(denial.denies()).isEqualTo(accusation.denies());
    }

    @Test
    void theFirstSummarySentenceCitesOnlySourcesWhoseSentenceGivesItsDay() {
        SourcedText first = brief.summary().get(0);
        // TASS (001) only says a video call is being prepared, with no day: it is not cited for the call on the 7th
        assertThat(first.sources()).doesNotContain("001_e9b55874f8695dc0");
        assertThat(brief.claims()).filteredOn(c -> c.text().contains("Tuesday") || c.text().contains("7th"))
                .allSatisfy(c -> assertThat(c.sources()).doesNotContain("001_e9b55874f8695dc0",
                        "003_19839bda1ad4ad69"));
    }

    @Test
    void whiteHouseConfirmationIsAnUpdateNotADispute() {
        ClaimEntry notSaid = brief.claims().stream().filter(c -> c.text().contains("has not said")).findFirst()
                .orElseThrow();
        assertThat(notSaid.status()).isNotEqualTo("disputed");
        assertThat(notSaid.supersededBy()).anySatisfy(t -> assertThat(t).contains("confirmed"));
        assertThat(brief.claims()).anySatisfy(c -> {
            assertThat(c.text()).contains("confirmed");
            assertThat(c.supersedes()).contains(notSaid.text());
            assertThat(c.firstReported()).isNotNull();
        });
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.conflictsWith()).contains(notSaid.text()));
    }

    @Test
    void claimsComeAgreedThenDisputedThenSingleSourceFromTheStorysArticles() {
        List<String> ids = brief.articles().stream().map(ArticleEntry::id).toList();
        List<String> order = List.of("agreed", "disputed", "single-source");
        List<Integer> ranks = brief.claims().stream().map(c -> order.indexOf(c.status())).toList();
        assertThat(ranks).doesNotContain(-1).isSorted();
        assertThat(brief.claims()).hasSizeBetween(1, ClaimFinder.MAX_CLAIMS)
                .allSatisfy(c -> assertThat(ids).containsAll(c.sources()));
        assertThat(brief.summary()).allSatisfy(s -> assertThat(ids).containsAll(s.sources()));
    }

    @Test
    void printsTheSummaryAndClaimCounts() {
        brief.summary().forEach(s -> System.out.println("summary " + s.sources() + " " + s.text()));
        order().forEach(status -> System.out.println("claims " + status + ": "
                + brief.claims().stream().filter(c -> c.status().equals(status)).count()));
        assertThat(brief.summary()).isNotEmpty();
    }

    private static List<String> order() {
        return List.of("agreed", "disputed", "single-source");
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
