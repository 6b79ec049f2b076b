package org.storylens.brief;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.Entity;
import org.storylens.analyse.EntityLinker;
import org.storylens.clean.Article;
import org.storylens.clean.OutletTable;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.pipeline.PipelineFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Framing per outlet on an invented story told by four outlets, one of which calls the government a regime. */
class OutletFramerTest {

    private static final String REGIME = "The regime in Velmora closed the Sola dam on Monday after engineers found "
            + "cracks in the spillway. Regime officials said the closure would last a week. Critics of the regime "
            + "said the cracks had been reported months ago. The regime blamed heavy rain for the damage. Minister "
            + "Arlo Vance said the regime would pay for repairs. Vance told reporters that the dam was safe. Vance "
            + "later visited the dam. Residents downstream accused the regime of hiding the danger. Opponents of the "
            + "regime planned a protest. The regime has ruled Velmora since 2009.";
    private static final String GOVERNMENT = "The government of Velmora closed the Sola dam on Monday after "
            + "engineers found cracks in the spillway, officials said. The government said the closure would last a "
            + "week while engineers inspect the structure. Minister Arlo Vance said the dam was safe and the "
            + "government would pay for repairs. Heavy rain had raised the reservoir to its highest level in a "
            + "decade. Farmers downstream were told to move their cattle to higher ground.";
    private static final String HARBOUR = "Engineers found cracks in the spillway of the Sola dam, and the government "
            + "closed it on Monday. The government expects the closure to last a week. Residents downstream said "
            + "they had not been warned. Harbour officials said ferries would keep running. The government has "
            + "promised to pay for repairs.";
    private static final String WIRE_COPY = "Velmora's government said on Tuesday the Sola dam would stay closed "
            + "while engineers inspect the spillway.";
    private static final String UNKNOWN = "Ferries kept running on Tuesday while the Sola dam stayed closed, harbour "
            + "officials said.";

    private static List<AnalysedArticle> story;
    private static List<Entity> entities;
    private static final OutletFramer framer = new OutletFramer(OutletTable.load());

    @BeforeAll
    static void analyse() {
        List<Article> articles = List.of(
                article("a", "Xinhua News Agency", null, REGIME),
                article("b1", "Reuters", null, GOVERNMENT),
                article("c", "Harbour Times", null, HARBOUR),
                article("b2", null, "Reuters", WIRE_COPY),
                article("d", null, null, UNKNOWN));
        story = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).analysis(Annotators.shared(), 1)
                .analyse(articles);
        entities = new EntityLinker().link(story.stream().map(a -> new EntityLinker.ArticleMentions(
                        a.article().id(), a.annotation(), a.entities())).toList());
    }

    private static Article article(String id, String outlet, String wire, String text) {
        return new Article(id, null, outlet, wire, null, "en", text, List.of(), List.of(), null, null, null,
                "hash-" + id, List.of());
    }

    private static Story unclustered(List<AnalysedArticle> articles) {
        List<StoryArticle> members = articles.stream().map(a -> new StoryArticle(a.article().id(),
                a.article().outlet(), a.article().wire(), null, null)).toList();
        return new Story("", members, Story.countIndependentSources(members), null, null);
    }

    private static Map<String, OutletFraming> frame(List<ClaimEntry> claims) {
        return framer.frame(story, unclustered(story), entities, claims).stream()
                .collect(Collectors.toMap(OutletFraming::outlet, Function.identity()));
    }

    private static ClaimEntry claim(String text, String... sources) {
        return new ClaimEntry(text, "agreed", List.of(sources), List.of(), null, null, List.of(), List.of());
    }

    @Test
    void groupsArticlesByOutletInOrderOfFirstArticleWithWireAndIdStandingInForAMissingOutlet() {
        List<OutletFraming> framings = framer.frame(story, unclustered(story), entities, List.of());

        assertThat(framings).extracting(OutletFraming::outlet).containsExactly("Xinhua", "Reuters", "Harbour Times",
                "d");
        assertThat(framings.get(1).articles()).containsExactly("b1", "b2");
        assertThat(framings.get(3).articles()).containsExactly("d");
    }

    @Test
    void takesCountryAndStateAffiliationFromTheOutletTableAndLeavesUnknownOutletsBlank() {
        Map<String, OutletFraming> framings = frame(List.of());

        assertThat(framings.get("Xinhua").country()).isEqualTo("CN");
        assertThat(framings.get("Xinhua").stateAffiliated()).isTrue();
        assertThat(framings.get("Reuters").country()).isEqualTo("GB");
        assertThat(framings.get("Reuters").stateAffiliated()).isFalse();
        assertThat(framings.get("Harbour Times").country()).isNull();
        assertThat(framings.get("Harbour Times").stateAffiliated()).isFalse();
    }

    @Test
    void aWordOneOutletRepeatsIsItsMostDistinctiveAndNoOtherOutlets() {
        Map<String, OutletFraming> framings = frame(List.of());

        assertThat(framings.get("Xinhua").distinctiveWords()).first().isEqualTo("regime");
        assertThat(framings.get("Xinhua").distinctiveWords()).doesNotContain("government", "dam", "spillway");
        framings.values().stream().filter(f -> !f.outlet().equals("Xinhua"))
                .forEach(f -> assertThat(f.distinctiveWords()).doesNotContain("regime"));
    }

    @Test
    void aSingleOutletHasNothingToBeDistinctiveAgainst() {
        List<AnalysedArticle> alone = List.of(story.get(0));

        List<OutletFraming> framings = framer.frame(alone, unclustered(alone), entities, List.of());

        assertThat(framings).singleElement().satisfies(f -> {
            assertThat(f.distinctiveWords()).isEmpty();
            assertThat(f.topEntities()).isNotEmpty();
        });
    }

    @Test
    void topEntitiesCountAnOutletsMentionsUnderTheirCanonicalNames() {
        Map<String, OutletFraming> framings = frame(List.of());

        // "Minister Arlo Vance" and "Vance" (twice) are three mentions of one person; Velmora is named twice
        assertThat(framings.get("Xinhua").topEntities()).startsWith("Arlo Vance").contains("Velmora")
                .doesNotContain("Vance", "Minister Arlo Vance");
        assertThat(framings.get("d").topEntities()).doesNotContain("Arlo Vance");
    }

    @Test
    void omitsTheClaimsMostOtherOutletsReportMostReportedFirst() {
        List<ClaimEntry> claims = List.of(
                claim("The dam was closed.", "b1", "c", "d"),
                claim("Two ministers resigned.", "b1", "c"),
                claim("The port reopened.", "b1", "b2"),
                claim("Talks will resume.", "a", "b1"));

        Map<String, OutletFraming> framings = frame(claims);

        assertThat(framings.get("Xinhua").omits()).containsExactly("The dam was closed.", "Two ministers resigned.");
        assertThat(framings.get("d").omits()).containsExactly("Two ministers resigned.", "Talks will resume.");
        assertThat(framings.get("Harbour Times").omits()).containsExactly("Talks will resume.");
        // two articles of one outlet are one outlet reporting it, not a majority
        assertThat(framings.values()).allSatisfy(f -> assertThat(f.omits()).doesNotContain("The port reopened."));
        assertThat(framings.get("Reuters").omits()).isEmpty();
    }

    @Test
    void withTwoOutletsNothingIsAGapBecauseOneOtherOutletIsNoMajority() {
        List<AnalysedArticle> two = List.of(story.get(0), story.get(1));

        List<OutletFraming> framings = framer.frame(two, unclustered(two), entities,
                List.of(claim("Heavy rain raised the reservoir.", "b1")));

        assertThat(framings).allSatisfy(f -> assertThat(f.omits()).isEmpty());
    }
}
