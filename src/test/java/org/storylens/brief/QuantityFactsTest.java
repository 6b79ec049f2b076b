package org.storylens.brief;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.storylens.analyse.AnalysedArticle;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Figures as facts over time, on small invented stories: updates, disputes and figures that must not be compared. */
class QuantityFactsTest {

    @RegisterExtension
    static final InventedStories stories = new InventedStories();

    private static StoryBrief brief(String story, String... texts) throws IOException {
        return stories.brief(story, texts);
    }

    private static String article(String title, String date, String... sentences) {
        return InventedStories.dated(title, date, sentences);
    }

    private static List<ClaimEntry> disputed(StoryBrief brief) {
        return brief.claims().stream().filter(c -> c.status().equals("disputed")).toList();
    }

    @Test
    void aCountThatRisesFromDayToDayIsAnUpdateNotADispute() throws IOException {
        StoryBrief brief = brief("flood",
                article("River floods Tarnow", "4 May 2024",
                        "Floods in the town of Tarnow forced about 1,200 people to leave their homes on Monday, "
                                + "officials said.",
                        "The river Biala burst its banks after a week of rain."),
                article("Tarnow evacuations grow", "5 May 2024",
                        "About 1,400 people have now left their homes in Tarnow, the fire service said.",
                        "Volunteers filled sandbags along the river Biala."),
                article("Tarnow flood: 1,850 evacuated", "6 May 2024",
                        "Updated figures show that 1,850 people have left their homes in Tarnow since Monday.",
                        "Engineers inspected the bridges over the river Biala."));
        assertThat(disputed(brief)).isEmpty();
        ClaimEntry first = brief.claims().stream().filter(c -> c.text().contains("1,200")).findFirst().orElseThrow();
        assertThat(first.supersededBy()).isNotEmpty();
        ClaimEntry latest = brief.claims().stream().filter(c -> c.text().contains("1,850")).findFirst().orElseThrow();
        assertThat(latest.supersedes()).isNotEmpty();
        assertThat(latest.supersededBy()).isEmpty();
    }

    @Test
    void theTitleAndTheFirstSummarySentenceStateTheLatestCount() throws IOException {
        StoryBrief brief = brief("flood-latest",
                article("Kessel river floods Aldam", "4 May 2024",
                        "Floods in the town of Aldam forced about 900 people to leave their homes on Monday, "
                                + "officials said.",
                        "The river Kessel burst its banks after a week of rain."),
                article("Aldam evacuations grow", "5 May 2024",
                        "About 1,100 people have now left their homes in Aldam, the fire service said.",
                        "Volunteers filled sandbags along the river Kessel."),
                article("Mayor of Aldam appeals for army help", "6 May 2024",
                        "The mayor of Aldam asked the army for help on Wednesday.",
                        "Figures from the fire service show that 1,640 people were evacuated from Aldam since "
                                + "Monday."));
        assertThat(brief.title()).isEqualTo("Mayor of Aldam appeals for army help; 1,640 people evacuated");
        assertThat(brief.summary().get(0).text()).contains("1,640 people were evacuated");
        StoryBrief steady = brief("flood-steady",
                article("Kessel river floods Aldam", "4 May 2024",
                        "Floods in the town of Aldam forced about 900 people to leave their homes on Monday, "
                                + "officials said."),
                article("Mayor of Aldam appeals for army help", "5 May 2024",
                        "The mayor of Aldam asked the army for help on Tuesday, after about 900 people were "
                                + "evacuated."));
        assertThat(steady.title()).isEqualTo("Mayor of Aldam appeals for army help");
    }

    @Test
    void differentThingsMeasuredInOneUnitAreNeverCompared() throws IOException {
        StoryBrief brief = brief("reservoir",
                article("Dam wall collapses", "4 May 2024",
                        "A section of wall roughly 40 metres long collapsed at the Kora dam on Monday.",
                        "The river rose by 2.6 metres within two hours."),
                article("Kora reservoir lowered", "4 May 2024",
                        "The operator said it had lowered the Kora reservoir by almost two metres overnight.",
                        "In 2009 the river rose 1.8 metres after a rapid thaw."));
        assertThat(disputed(brief)).isEmpty();
        assertThat(brief.claims()).allSatisfy(c -> {
            assertThat(c.supersededBy()).isEmpty();
            assertThat(c.supersedes()).isEmpty();
        });
    }

    @Test
    void hedgedValuesThatOverlapAgree() throws IOException {
        StoryBrief brief = brief("release",
                article("Dam failure releases water", "4 May 2024",
                        "The failure released some 4 million cubic metres of water into the Kora river, the operator "
                                + "said.",
                        "About a dozen people were treated for hypothermia in Lenno."),
                article("Kora dam failure", "4 May 2024",
                        "The failure released an estimated 3.8 million cubic metres of water into the Kora river.",
                        "Fourteen people were treated for hypothermia in Lenno."));
        assertThat(disputed(brief)).isEmpty();
    }

    @Test
    void incompatibleValuesOfOneDayAreADisputeShownOnce() throws IOException {
        StoryBrief brief = brief("quake",
                article("Quake hits Kerman", "4 May 2024",
                        "The earthquake near Kerman destroyed four villages on Sunday, the governor said."),
                article("Kerman earthquake", "4 May 2024",
                        "The earthquake near Kerman destroyed seven villages on Sunday, state television said."));
        List<ClaimEntry> disputed = disputed(brief);
        assertThat(disputed).hasSize(2);
        assertThat(disputed.get(0).conflictsWith()).containsExactly(disputed.get(1).text());
        assertThat(disputed.get(1).conflictsWith()).containsExactly(disputed.get(0).text());
    }

    @Test
    void theAgesOfDifferentPeopleAreNoDispute() throws IOException {
        StoryBrief brief = brief("ages",
                article("Man charged over deaths", "4 May 2024",
                        "John Jenkin, 23, was charged with the murder of Kathryn Jenkin, 20, in Millom."),
                article("Millom deaths: man in court", "4 May 2024",
                        "Kathryn Jenkin, 20, and Alice Holt, 58, were found dead in Millom, and John Jenkin, 23, "
                                + "was charged."));
        assertThat(disputed(brief)).isEmpty();
    }

    @Test
    void oneValueOfTwoDifferentThingsIsTwoFigures() throws IOException {
        StoryBrief brief = brief("two-metres",
                article("River rises in Lenno", "4 May 2024",
                        "The river rose by more than two metres in Lenno after the storm.",
                        "Volunteers filled sandbags along the river."),
                article("Kora reservoir lowered", "5 May 2024",
                        "The operator said it had lowered the Kora reservoir by almost two metres overnight."));
        List<NumberEntry> twoMetres = brief.numbers().stream().filter(n -> n.value().longValue() == 2L).toList();
        assertThat(twoMetres).as(brief.numbers().toString()).hasSize(2);
        assertThat(twoMetres).allSatisfy(n -> assertThat(n.sources()).hasSize(1));
    }

    @Test
    void aFigureKeepsItsFirstReportsAttributionAndOneOfNoKnownUnitIsLeftOut() throws IOException {
        StoryBrief brief = brief("attribution",
                article("Ferry sinks off Lenno", "4 May 2024",
                        "The ferry sank off Lenno with 40 passengers on board.",
                        "The captain, a mother of 12, was rescued."),
                article("Lenno ferry", "5 May 2024",
                        "The ferry sank off Lenno with 40 passengers on board, the coast guard said."));
        NumberEntry passengers = brief.numbers().stream().filter(n -> n.value().longValue() == 40L).findFirst()
                .orElseThrow();
        assertThat(passengers.unit()).isEqualTo("passengers");
        assertThat(passengers.attributedTo()).isNull();
        assertThat(passengers.sources()).hasSize(2);
        assertThat(brief.numbers()).noneSatisfy(n -> assertThat(n.value().longValue()).isEqualTo(12L));
    }

    @Test
    void feetAndMetresAreComparedAfterConversion() throws IOException {
        StoryBrief brief = brief("fall",
                article("Climber dies on Mount Sefton", "4 May 2024",
                        "The climber Tom Rait died after falling about 200ft from a ridge on Mount Sefton on Friday."),
                article("Mount Sefton death", "4 May 2024",
                        "The climber Tom Rait died after falling about 60 metres from a ridge on Mount Sefton on "
                                + "Friday."),
                article("Climber killed on Mount Sefton", "4 May 2024",
                        "The climber Tom Rait died after falling 150 metres from a ridge on Mount Sefton on Friday."));
        List<ClaimEntry> disputed = disputed(brief);
        assertThat(disputed).anySatisfy(c -> assertThat(c.text()).contains("150 metres"));
        for (ClaimEntry c : disputed) {
            for (String other : c.conflictsWith()) {
                assertThat(c.text().contains("200ft") && other.contains("60 metres")
                        || c.text().contains("60 metres") && other.contains("200ft")).isFalse();
            }
        }
    }

    @Test
    void figuresOfTwoWeekdaysInReportsOfOneDayAreTwoEvents() throws IOException {
        List<QuantityFacts.Figure> friday = figures("friday", article("Climber dies near Tasman Glacier",
                "4 May 2024", "A climber died after falling 150 metres from a ridge near the Tasman Glacier on Friday."));
        List<QuantityFacts.Figure> saturday = figures("saturday", article("Second climber dies", "4 May 2024",
                "A second climber died after falling 600 metres from a ridge near the Tasman Glacier on Saturday."));
        List<QuantityFacts.Figure> alsoFriday = figures("also-friday", article("Tasman Glacier death", "4 May 2024",
                "A climber died after falling about 60 metres from a ridge near the Tasman Glacier on Friday."));
        QuantityFacts quantities = new QuantityFacts();
        assertThat(friday).hasSize(1);
        assertThat(quantities.sameQuantity(friday.get(0), saturday.get(0))).isFalse();
        assertThat(quantities.sameQuantity(friday.get(0), alsoFriday.get(0))).isTrue();
        assertThat(QuantityFacts.compatible(friday.get(0), alsoFriday.get(0))).isFalse();
    }

    @Test
    void theDeadAndTheHurtAreTwoCountsEvenInOneClause() throws IOException {
        StoryBrief brief = brief("storm",
                article("Storm hits Lenno", "4 May 2024",
                        "Twelve people were killed and about 40 hurt when the storm hit Lenno on Sunday."),
                article("Lenno storm", "4 May 2024",
                        "The storm hit Lenno on Sunday, killing 12 people and wounding another 70, the mayor said."));
        List<ClaimEntry> disputed = disputed(brief);
        assertThat(disputed).as(brief.claims().toString()).hasSize(2);
        assertThat(disputed).anySatisfy(c -> assertThat(c.text()).contains("about 40 hurt"));
        List<QuantityFacts.Figure> killedAndHurt = figures("killed-and-hurt", article("Storm", "4 May 2024",
                "Twelve people were killed and about 40 hurt when the storm hit Lenno on Sunday."));
        assertThat(killedAndHurt).hasSize(2);
        assertThat(new QuantityFacts().sameQuantity(killedAndHurt.get(0), killedAndHurt.get(1))).isFalse();
        assertThat(killedAndHurt.get(0).quantity().harm()).isEqualTo("kill");
        assertThat(killedAndHurt.get(1).quantity().harm()).isEqualTo("injure");
    }

    @Test
    void aDayResolvedFromARelativePhraseIsNotADayTheSentenceNames() throws IOException {
        List<QuantityFacts.Figure> relative = figures("relative", article("Second climber dies", "16 Sep 2013",
                "The day after that death, the climber Ben Hale fell 700 metres to his death on Mount Sefton."));
        List<QuantityFacts.Figure> weekday = figures("weekday", article("Mount Sefton deaths", "16 Sep 2013",
                "On Saturday, the climber Ben Hale fell about 600 metres on Mount Sefton."));
        assertThat(relative.get(0).quantity().days()).isEmpty();
        assertThat(weekday.get(0).quantity().days()).containsExactly("6");
        QuantityFacts quantities = new QuantityFacts();
        assertThat(quantities.sameQuantity(relative.get(0), weekday.get(0))).isTrue();
        assertThat(QuantityFacts.compatible(relative.get(0), weekday.get(0))).isFalse();
    }

    @Test
    void aHedgeAndAConversionDoNotAddUp() throws IOException {
        List<QuantityFacts.Figure> feet = figures("feet", article("Climber falls", "16 Sep 2013",
                "On Saturday, the climber Ben Hale fell about 2,000ft on Mount Sefton."));
        List<QuantityFacts.Figure> metres = figures("metres", article("Climber dies", "16 Sep 2013",
                "On Saturday, the climber Ben Hale fell 700 metres on Mount Sefton."));
        List<QuantityFacts.Figure> converted = figures("converted", article("Climber killed", "16 Sep 2013",
                "On Saturday, the climber Ben Hale fell about 600 metres on Mount Sefton."));
        assertThat(QuantityFacts.compatible(feet.get(0), metres.get(0))).isFalse(); // 610 m is 13% short of 700
        assertThat(QuantityFacts.compatible(feet.get(0), converted.get(0))).isTrue();
    }

    @Test
    void aPopulationIsNotTheNumberForcedToLeave() throws IOException {
        StoryBrief brief = brief("population",
                article("Flood in Tarnow", "4 May 2024",
                        "The dam broke on Tuesday, flooding the town of Tarnow and forcing about 1,200 people to leave "
                                + "their homes, officials said."),
                article("Tarnow flood", "4 May 2024",
                        "The river rose by two metres in Tarnow, a town of about 9,000 people some 20 km from the "
                                + "capital Lenno, within two hours."));
        assertThat(disputed(brief)).isEmpty();
    }

    @Test
    void aFigureInASentenceGroupedWithAnotherEventStillShowsItsDispute() throws IOException {
        StoryBrief brief = brief("climbers",
                article("Climber dies in Kora National Park", "16 Sep 2013",
                        "A 36-year-old Australian man died on Friday after falling 150 meters from a ridge in Kora "
                                + "National Park.",
                        "Tom Rait, who lived in Melbourne, was with a group of ski mountaineers who had just arrived "
                                + "by helicopter.",
                        "The day following Rait's death an inexperienced mountain climber with rental gear, "
                                + "31-year-old Ben Hale of Essex but living in Lenno, slipped on ice and fell 700 meters "
                                + "to his own death elsewhere in the same National Park."),
                article("Two climbers die in Kora National Park", "16 Sep 2013",
                        "On Friday, 36-year-old Tom Rait died after slipping and falling about 60m from a ridge near "
                                + "the Kora Glacier.",
                        "On Saturday, 32-year-old Englishman Ben Hale, originally from Essex, but living in Lenno, "
                                + "fell about 2,000ft while climbing to a small hut with three companions."),
                article("English and Australian climbers killed", "16 Sep 2013",
                        "On Friday, 36-year-old Tom Rait died after slipping and falling about 200ft from a ridge "
                                + "near the Kora Glacier.",
                        "On Saturday, 32-year-old Englishman Ben Hale fell about 600 metres while climbing to a small "
                                + "hut in Kora National Park."));
        assertThat(disputed(brief)).as(brief.claims().toString())
                .anySatisfy(c -> assertThat(c.text()).contains("700 meters"));
    }

    private static List<QuantityFacts.Figure> figures(String name, String text) throws IOException {
        AnalysedArticle a = stories.article(name, text);
        QuantityFacts quantities = new QuantityFacts();
        return a.sentences().stream().flatMap(s -> quantities.figures(a, s,
                a.annotation().tokens().get(s.index())).stream()).toList();
    }
}
