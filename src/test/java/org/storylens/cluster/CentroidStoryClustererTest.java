package org.storylens.cluster;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentroidStoryClustererTest {

    private static final MinHasher MIN_HASHER = new MinHasher(64);

    /** Features written by hand: body and headline words, entities, a date, the body text for MinHash. */
    private static ArticleFeatures article(String id, String outlet, String wire, LocalDate date, String title,
                                           String body, String entities) {
        return article(id, outlet, wire, date, title, body, entities, "");
    }

    private static ArticleFeatures article(String id, String outlet, String wire, LocalDate date, String title,
                                           String body, String entities, String people) {
        Map<TermField, Map<String, Integer>> terms = new EnumMap<>(TermField.class);
        terms.put(TermField.TITLE, counts(title));
        terms.put(TermField.BODY, counts(body));
        terms.put(TermField.LEAD, counts(title + " " + body));
        terms.put(TermField.ENTITIES, counts(entities));
        terms.put(TermField.PEOPLE, counts(people));
        return new ArticleFeatures(id, outlet, wire, "en", date, terms, new float[0],
                MIN_HASHER.signature(title + " " + body));
    }

    private static Map<String, Integer> counts(String words) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : words.toLowerCase().split("\\W+")) {
            if (w.length() > 2) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static final String QUAKE = "earthquake magnitude struck island southern coast killed villagers "
            + "rescue teams collapsed houses geological survey aftershocks";
    private static final String FLOOD = "floods river burst banks thousands evacuated homes rain "
            + "army sandbags dam reservoir level";
    private static final String ELECTION = "parliament election turnout candidates seats commission "
            + "ballots polling stations observers vote count";

    private static List<ArticleFeatures> stream() {
        LocalDate d = LocalDate.of(2005, 11, 27);
        return List.of(
                article("q1", "Reuters", null, d, "Quake hits southern island", QUAKE, "qeshm iran"),
                article("f1", "BBC", null, d, "Floods force thousands from homes", FLOOD, "danube serbia"),
                article("q2", "AP", null, d.plusDays(1), "Island quake kills ten", QUAKE + " dead toll",
                        "qeshm iran bandar abbas"),
                article("e1", "AFP", null, d.plusDays(1), "Turkmenistan votes for parliament", ELECTION,
                        "turkmenistan ashgabat"),
                article("f2", "DW", null, d.plusDays(2), "River floods reach capital", FLOOD + " capital",
                        "danube belgrade serbia"),
                article("q3", "CNN", null, d.plusDays(2), "Aftershocks rattle island after quake",
                        QUAKE + " tents", "qeshm iran"));
    }

    @Test
    void articlesOfOneEventJoinOneStoryAndOtherEventsOpenTheirOwn() {
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        Map<String, String> story = new HashMap<>();
        stream().forEach(a -> story.put(a.id(), clusterer.assign(a).storyId()));

        assertThat(story.get("q2")).isEqualTo(story.get("q1"));
        assertThat(story.get("q3")).isEqualTo(story.get("q1"));
        assertThat(story.get("f2")).isEqualTo(story.get("f1"));
        assertThat(story.get("e1")).isNotIn(story.get("q1"), story.get("f1"));
        assertThat(story.get("f1")).isNotEqualTo(story.get("q1"));
        assertThat(clusterer.stories()).hasSize(3);
    }

    @Test
    void anArticleThatSharesOnlyTheDayAndAPlaceWithAStoryOpensItsOwn() {
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        LocalDate d = LocalDate.of(2025, 3, 12);
        String vote = clusterer.assign(article("e1", "Tribune", null, d, "Premier survives confidence vote",
                ELECTION, "castrell")).storyId();
        StoryAssignment gadget = clusterer.assign(article("g1", "Ledger", null, d, "New e-reader priced at $329",
                "folding colour screen battery price launch reader device stores", "castrell"));

        assertThat(gadget.storyId()).isNotEqualTo(vote);
        assertThat(gadget.opened()).isTrue();
    }

    @Test
    void anArticleThatSharesOnlyNamesWithAStoryOpensItsOwn() {
        // the same minister, prime minister and town the day before, but a rail plan, not a dam failure
        LocalDate d = LocalDate.of(2025, 3, 10);
        String rail = "plan electrify rail line trains track funding stations commuters timetable";
        String names = "brenne varga meravik orlen";
        String people = "brenne varga";
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        String plan = clusterer.assign(article("r1", "Herald", null, d, "Minister unveils rail plan", rail, names,
                people)).storyId();
        StoryAssignment dam = clusterer.assign(article("d1", "Post", null, d.plusDays(1), "Dam spillway gives way",
                FLOOD, names, people));

        assertThat(dam.storyId()).isNotEqualTo(plan);
        assertThat(dam.opened()).isTrue();

        // without the wording gate the shared names carry it in
        CentroidStoryClusterer ungated = new CentroidStoryClusterer(ClusterConfig.DEFAULT.withMinWording(0));
        String ungatedPlan = ungated.assign(article("r1", "Herald", null, d, "Minister unveils rail plan", rail, names,
                people)).storyId();
        assertThat(ungated.assign(article("d1", "Post", null, d.plusDays(1), "Dam spillway gives way", FLOOD, names,
                people)).storyId()).isEqualTo(ungatedPlan);
    }

    @Test
    void theSameStreamGivesTheSameStoriesAndIds() {
        CentroidStoryClusterer first = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        CentroidStoryClusterer second = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<String> a = stream().stream().map(f -> first.assign(f).storyId()).toList();
        List<String> b = stream().stream().map(f -> second.assign(f).storyId()).toList();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void aStoryStopsAcceptingArticlesOnceTheStreamIsPastItsWindow() {
        ClusterConfig config = ClusterConfig.DEFAULT.withWindowDays(3);
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(config);
        LocalDate d = LocalDate.of(2021, 12, 1);
        String quake = clusterer.assign(article("q1", "A", null, d, "Quake hits island", QUAKE, "qeshm")).storyId();
        clusterer.assign(article("f1", "B", null, d.plusDays(10), "Floods", FLOOD, "danube"));
        StoryAssignment late = clusterer.assign(article("q9", "C", null, d.plusDays(10), "Quake hits island", QUAKE,
                "qeshm"));

        assertThat(late.storyId()).isNotEqualTo(quake);
        assertThat(late.opened()).isTrue();
    }

    @Test
    void aCopyPointsAtItsOriginalAndCountsAsOneSourceWithIt() {
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        LocalDate d = LocalDate.of(2021, 12, 3);
        String text = "The date of the video meeting between the two presidents has been tentatively approved and "
                + "will be announced after agreement with the other side, the assistant told reporters on Friday "
                + "at the briefing in the capital";
        clusterer.assign(article("tass", "TASS", null, d, "Date of video call approved", text, "putin biden ushakov"));
        StoryAssignment copy = clusterer.assign(article("reprint", "Daily Herald", null, d,
                "Date of video call approved", text + " (reprinted)", "putin biden ushakov"));
        StoryAssignment own = clusterer.assign(article("own", "Gazette", null, d, "Presidents to talk by video",
                "The two presidents will talk by video link next week about the border, officials said, while "
                        + "the date of the video meeting was approved by the assistant", "putin biden ushakov"));

        assertThat(copy.storyId()).isEqualTo(own.storyId());
        assertThat(copy.copyOf()).isEqualTo("tass");
        assertThat(own.copyOf()).isNull();
        Story story = clusterer.stories().get(0);
        assertThat(story.articles()).filteredOn(a -> a.id().equals("reprint"))
                .singleElement().satisfies(a -> assertThat(a.wire()).isEqualTo("TASS"));
        assertThat(story.size()).isEqualTo(3);
        assertThat(story.independentSources()).isEqualTo(2);
    }

    @Test
    void articlesCreditedToTheSameWireAreOneIndependentSource() {
        List<StoryArticle> articles = List.of(
                new StoryArticle("a", "Daily Herald", "AFP", null, null),
                new StoryArticle("b", "Gazette", "AFP", null, null),
                new StoryArticle("c", "Gazette", null, null, null),
                new StoryArticle("d", null, null, null, null));
        assertThat(Story.countIndependentSources(articles)).isEqualTo(3);
    }

    @Test
    void aRestoredSnapshotContinuesExactlyAsTheUninterruptedClusterer() {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer whole = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<String> uninterrupted = stream.stream().map(f -> whole.assign(f).storyId()).toList();

        CentroidStoryClusterer first = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        stream.subList(0, 3).forEach(first::assign);
        CentroidStoryClusterer restored = CentroidStoryClusterer.restore(ClusterConfig.DEFAULT, first.snapshot());
        stream.subList(3, stream.size()).forEach(restored::assign);

        assertThat(stream.stream().map(f -> restored.storyOf(f.id())).toList()).isEqualTo(uninterrupted);
        assertThat(restored.stories()).isEqualTo(whole.stories());
    }

    @Test
    void replayingTheAssignmentsInTheirOrderRebuildsAStateThatContinuesAsTheOriginal() {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer original = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<StoryAssignment> made = stream.subList(0, 4).stream().map(original::assign).toList();

        // a state lost: what the store keeps is each article's story, in the order the assignments were made
        CentroidStoryClusterer rebuilt = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        for (int i = 0; i < made.size(); i++) {
            StoryAssignment replayed = rebuilt.replay(stream.get(i), made.get(i).storyId());
            assertThat(replayed.storyId()).isEqualTo(made.get(i).storyId());
            assertThat(replayed.opened()).isEqualTo(made.get(i).opened());
        }

        assertThat(rebuilt.stories()).isEqualTo(original.stories());
        for (ArticleFeatures next : stream.subList(4, stream.size())) {
            StoryAssignment expected = original.assign(next);
            StoryAssignment actual = rebuilt.assign(next);
            assertThat(actual.storyId()).isEqualTo(expected.storyId());
            assertThat(actual.score()).isCloseTo(expected.score(), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(rebuilt.stories()).isEqualTo(original.stories());
    }

    @Test
    void aReplayPutsTheArticleInTheNamedStoryWhateverTheScoresSay() {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        String quake = clusterer.assign(stream.get(0)).storyId();
        // a flood report the scores would never put with the earthquake
        StoryAssignment flood = clusterer.replay(stream.get(1), quake);

        assertThat(flood.storyId()).isEqualTo(quake);
        assertThat(flood.opened()).isFalse();
        assertThat(clusterer.stories()).singleElement()
                .satisfies(s -> assertThat(s.articles()).extracting(StoryArticle::id).containsExactly("q1", "f1"));
    }

    @Test
    void anArticleAssignedTwiceIsAnErrorNamingIt() {
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        ArticleFeatures a = stream().get(0);
        clusterer.assign(a);
        assertThatThrownBy(() -> clusterer.assign(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q1");
    }
}
