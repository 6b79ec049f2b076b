package org.storylens.brief;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Summary and claims on small invented multi-source stories: disputes, updates and sentences that cannot stand alone. */
class SummaryClaimsFixtureTest {

    @RegisterExtension
    static final InventedStories stories = new InventedStories();

    private static StoryBrief brief(String story, String... texts) throws IOException {
        return stories.brief(story, texts);
    }

    @Test
    void twoOutletsGivingDifferentDeathTollsForOneFireAreDisputed() throws IOException {
        StoryBrief brief = brief("fire",
                "Factory fire in Dhaka\n\nPublished: 12 March 2024\n\nA fire at a textile factory in Dhaka killed 40 people on Monday, officials "
                        + "said.\n\nFirefighters from Dhaka fought the blaze for six hours before it was brought under "
                        + "control.\n\nThe cause of the fire is being investigated by the Bangladesh Fire Service.",
                "Dhaka factory blaze\n\nPublished: 12 March 2024\n\nA fire at a textile factory in Dhaka killed 52 people on Monday, police "
                        + "said.\n\nFirefighters from Dhaka battled the blaze for six hours before it was brought under "
                        + "control.\n\nThe Bangladesh Garment Manufacturers Association called for new safety rules.");
        List<ClaimEntry> disputed = brief.claims().stream().filter(c -> c.status().equals("disputed")).toList();
        assertThat(disputed).hasSize(2);
        ClaimEntry forty = disputed.stream().filter(c -> c.text().contains("40")).findFirst().orElseThrow();
        ClaimEntry fiftyTwo = disputed.stream().filter(c -> c.text().contains("52")).findFirst().orElseThrow();
        assertThat(forty.conflictsWith()).containsExactly(fiftyTwo.text());
        assertThat(fiftyTwo.conflictsWith()).containsExactly(forty.text());
        assertThat(forty.sources()).containsExactly("000");
        assertThat(fiftyTwo.sources()).containsExactly("001");
        assertThat(forty.firstReported()).isEqualTo("2024-03-12");
        // the blaze lasting six hours is what both say: agreed, and before the dispute
        assertThat(brief.claims().get(0).status()).isEqualTo("agreed");
        assertThat(brief.claims().get(0).text()).contains("six hours");
    }

    @Test
    void theSummaryOpensWithTheEventWhenItsLeadNamesAPlaceAndADayButNoPerson() throws IOException {
        String event = "A landslide buried twelve homes in the mountain village of Rivoli in northern Italy on Friday "
                + "after days of heavy rain.";
        String mayor = "Mayor Carla Benedetti said on Saturday that the village school would stay closed until "
                + "further notice.";
        StoryBrief brief = brief("landslide",
                "Landslide buries homes in Rivoli\n\nPublished: 4 May 2024\n\n" + event + "\n\nRescue teams "
                        + "searched the mud through the night with dogs and diggers.\n\n" + mayor,
                "Rivoli homes buried by landslide\n\nPublished: 4 May 2024\n\n" + event + "\n\nThe regional "
                        + "government sent two helicopters and forty soldiers to help.\n\n" + mayor);
        // the mayor's sentence names a person and a day too, but the event is what the story is about
        assertThat(brief.summary().get(0).text()).isEqualTo(event);
        assertThat(brief.summary()).extracting(SourcedText::text).contains(mayor);
    }

    @Test
    void aPronounLedSentenceIsNeverChosenHoweverWidelyItIsReported() throws IOException {
        String lead = "The city council of Leeds voted on Tuesday to close the Kirkstall Bridge to lorries from "
                + "next month.";
        String pronoun = "He said the ban on lorries would protect the old bridge over the River Aire.";
        StoryBrief brief = brief("bridge",
                "Bridge closed to lorries\n\nPublished: 5 June 2024\n\n" + lead + "\n\nCouncillor James Whitby proposed the ban. " + pronoun
                        + "\n\nLorry drivers will have to use the ring road instead.",
                "Bridge closed to lorries\n\nPublished: 5 June 2024\n\nLeeds city council voted on Tuesday to close Kirkstall Bridge to lorries "
                        + "from next month.\n\nThe proposal came from councillor James Whitby. " + pronoun
                        + "\n\nHauliers warned that the detour would add twenty minutes to journeys.",
                "Lorry ban for old bridge\n\nPublished: 6 June 2024\n\nCouncillors in Leeds have voted to close the Kirkstall Bridge to lorries "
                        + "from next month.\n\n" + pronoun + "\n\nThe bridge was built in 1912.");
        assertThat(brief.summary()).hasSizeBetween(3, 8);
        assertThat(brief.summary()).noneSatisfy(s -> assertThat(s.text()).startsWith("He "));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.text()).startsWith("He "));
        assertThat(brief.summary().get(0).text()).contains("Kirkstall Bridge");
        assertThat(brief.summary().get(0).sources()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aLaterConfirmationUpdatesAnEarlierNotYetButADenialOnTheSameDayIsADispute() throws IOException {
        StoryBrief brief = brief("strike",
                "Rail strike looms\n\nPublished: 3 May 2024\n\nUnions at Deutsche Bahn are preparing a strike over pay.\n\nDeutsche Bahn "
                        + "has not confirmed that talks with the unions will resume next week.",
                "Rail talks news\n\nPublished: 4 May 2024\n\nDeutsche Bahn confirmed on Saturday that pay talks with the unions will "
                        + "resume on Tuesday.\n\nPassengers were told to check the timetables of Deutsche Bahn before travelling.",
                "Rail talks news\n\nPublished: 4 May 2024\n\nThe GDL union cancelled the planned rail strike on Saturday.",
                "Rail talks news\n\nPublished: 4 May 2024\n\nThe GDL union did not cancel the planned rail strike on Saturday, a "
                        + "spokesman said.");
        ClaimEntry notYet = brief.claims().stream().filter(c -> c.text().contains("has not confirmed"))
                .findFirst().orElseThrow();
        assertThat(notYet.status()).isNotEqualTo("disputed");
        assertThat(notYet.supersededBy()).anySatisfy(t -> assertThat(t).contains("confirmed on Saturday"));
        ClaimEntry cancelled = brief.claims().stream().filter(c -> c.text().startsWith("The GDL union cancelled"))
                .findFirst().orElseThrow();
        assertThat(cancelled.status()).isEqualTo("disputed");
        assertThat(cancelled.conflictsWith()).anySatisfy(t -> assertThat(t).contains("did not cancel"));
    }

    @Test
    void aCompanyDenyingWhatACouncilAccusesItOfIsOneDisputeWithBothSidesAndTheirHolders() throws IOException {
        StoryBrief brief = brief("pollution",
                "Council accuses miner over river\n\nPublished: 2 May 2024\n\nThe Tarnby council accused Kestrel Mining on "
                        + "Thursday of polluting the Vell river with waste from its copper mine.\n\nResidents said dead "
                        + "fish had been seen along the river for a week.\n\nThe council has asked the regional "
                        + "environment agency to test the water.",
                "Miner hits back at council\n\nPublished: 3 May 2024\n\nKestrel Mining denied polluting the Vell river "
                        + "and said its waste ponds were inspected every month.\n\nThe company employs 400 people at "
                        + "the mine near Tarnby.");
        List<ClaimEntry> sides = brief.claims().stream().filter(c -> c.side() != null).toList();
        assertThat(sides).extracting(ClaimEntry::side).containsExactly("assertion", "denial");
        ClaimEntry accusation = sides.get(0);
        ClaimEntry denial = sides.get(1);
        assertThat(accusation.text()).startsWith("The Tarnby council accused Kestrel Mining");
        assertThat(denial.text()).startsWith("Kestrel Mining denied polluting");
        assertThat(accusation.status()).isEqualTo("disputed");
        assertThat(accusation.conflictsWith()).containsExactly(denial.text());
        assertThat(denial.conflictsWith()).containsExactly(accusation.text());
        assertThat(accusation.asserts()).containsExactly("Tarnby");
        assertThat(accusation.denies()).containsExactly("Kestrel Mining");
        assertThat(accusation.sources()).containsExactly("000");
        assertThat(denial.sources()).containsExactly("001");
    }

    @Test
    void oneOutletReportingTheAccusationAndTheDenialPointingBackAtItIsADispute() throws IOException {
        StoryBrief brief = brief("doping",
                "Doping row\n\nPublished: 8 August 2024\n\nThe national federation has accused cyclist Marta Velez "
                        + "of using a banned blood booster during the Alpine Tour.\n\nMarta Velez firmly rejected the "
                        + "allegation.\n\nThe federation will hear the case in September.",
                "Cycling round-up\n\nPublished: 8 August 2024\n\nThe Alpine Tour ended in Grenoble on Sunday after "
                        + "three weeks of racing.\n\nMarta Velez finished fourth overall in the Alpine Tour.");
        List<ClaimEntry> sides = brief.claims().stream().filter(c -> c.side() != null).toList();
        assertThat(sides).extracting(ClaimEntry::side).containsExactly("assertion", "denial");
        assertThat(sides.get(0).text()).contains("has accused cyclist Marta Velez");
        assertThat(sides.get(1).text()).isEqualTo("Marta Velez firmly rejected the allegation.");
        assertThat(sides.get(0).asserts()).containsExactly("national federation");
        assertThat(sides.get(0).denies()).containsExactly("Marta Velez");
        assertThat(brief.claims()).filteredOn(c -> "disputed".equals(c.status())).hasSize(2);
    }

    @Test
    void aStatementThatDeniesNothingAnotherAssertsIsNoDispute() throws IOException {
        StoryBrief brief = brief("denial-alone",
                "Port strike\n\nPublished: 9 August 2024\n\nDock workers in Antwerp stopped work on Friday over a "
                        + "pay offer.\n\nThe port authority rejected a request to extend opening hours for lorries.",
                "Port strike\n\nPublished: 9 August 2024\n\nDock workers in Antwerp walked out on Friday over a pay "
                        + "offer, the union said.");
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
        assertThat(brief.claims()).allSatisfy(c -> assertThat(c.side()).isNull());
    }

    @Test
    void aLaterReportOfTheBodyRecoveredUpdatesTheSearchWhichLeavesTheSummary() throws IOException {
        StoryBrief brief = brief("ferry",
                "Fisherman missing after storm\n\nPublished: 4 February 2025\n\nA storm sank three fishing boats in the "
                        + "harbour of Ulvik on Monday night.\n\nA 58-year-old fisherman from Ulvik was reported missing "
                        + "after he went out to secure his boat.\n\nThe search for the fisherman continues today with "
                        + "divers and a coastguard helicopter near Ulvik.\n\nThe harbour master said the storm was the "
                        + "worst in twenty years.",
                "Body of fisherman found in Ulvik harbour\n\nPublished: 5 February 2025\n\nCoastguard divers recovered "
                        + "the body of a fisherman in the harbour of Ulvik on Tuesday, a day after a storm sank three "
                        + "fishing boats.\n\nThe harbour master said the storm was the worst in twenty years.");
        List<ClaimEntry> superseded = brief.claims().stream().filter(c -> !c.supersededBy().isEmpty()).toList();
        assertThat(superseded).isNotEmpty().allSatisfy(c -> {
            assertThat(c.text()).containsPattern("missing|search");
            assertThat(c.supersededBy()).anySatisfy(t -> assertThat(t).contains("recovered the body"));
            assertThat(c.status()).isNotEqualTo("disputed");
        });
        assertThat(brief.summary()).noneSatisfy(s -> assertThat(s.text()).containsPattern("missing|search"));
        // the story is titled as of its latest report, a headline with a verb
        assertThat(brief.title()).isEqualTo("Body of fisherman found in Ulvik harbour");
        assertThat(brief.summary().get(0).text()).contains("recovered the body");
    }

    @Test
    void aMinistryThatWouldNotConfirmIsUpdatedByTheMinistersLaterConfirmation() throws IOException {
        StoryBrief brief = brief("bridge-report",
                "Bridge report questions\n\nPublished: 10 April 2025\n\nThe Kessel bridge in Vardo was closed on Monday "
                        + "after a lorry crossing it reported loud cracking.\n\nThe transport ministry has not confirmed "
                        + "that a 2021 survey found corrosion in the steel cables of the Kessel bridge.",
                "Minister confirms bridge survey\n\nPublished: 11 April 2025\n\nTransport Minister Ilse Varga has "
                        + "confirmed that a 2021 survey found corrosion in the steel cables of the Kessel bridge.\n\n"
                        + "The Kessel bridge in Vardo will stay closed until the cables are replaced.");
        ClaimEntry notConfirmed = brief.claims().stream().filter(c -> c.text().contains("has not confirmed"))
                .findFirst().orElseThrow();
        assertThat(notConfirmed.status()).isNotEqualTo("disputed");
        assertThat(notConfirmed.supersededBy()).anySatisfy(t -> assertThat(t).startsWith("Transport Minister Ilse"));
        assertThat(brief.summary()).noneSatisfy(s -> assertThat(s.text()).contains("has not confirmed"));
    }

    @Test
    void aSourceWhoseSentenceGivesNoDayOrNegatesTheFactIsNotCitedForIt() throws IOException {
        StoryBrief brief = brief("opening",
                "Bridge opening\n\nPublished: 2 September 2024\n\nMayor Lena Ortiz will open the new Douro footbridge in "
                        + "Porto on Friday, the city council said.",
                "Bridge opening\n\nPublished: 2 September 2024\n\nMayor Lena Ortiz will open the new Douro footbridge in "
                        + "Porto soon, the city council said.",
                "Bridge opening\n\nPublished: 2 September 2024\n\nMayor Lena Ortiz will not open the new Douro footbridge "
                        + "in Porto on Friday, the city council said.");
        List<SourcedText> statements = new java.util.ArrayList<>(brief.summary());
        brief.claims().forEach(c -> statements.add(new SourcedText(c.text(), c.sources(), c.support())));
        assertThat(statements).anySatisfy(s -> assertThat(s.text()).contains("on Friday"));
        for (SourcedText s : statements) {
            if (s.text().contains("on Friday") && !s.text().contains("not open")) {
                assertThat(s.sources()).as(s.text()).doesNotContain("001", "002");
            }
        }
    }

    @Test
    void aDatelineRunIntoTheLatestReportDoesNotOpenTheSummary() throws IOException {
        StoryBrief brief = brief("shop-fire",
                "Arrest after shop fire\n\nPublished: 12 March 2024\n\nPolice in Leeds arrested a man on Tuesday after a "
                        + "fire destroyed a furniture shop on Kirkgate.\n\nFirefighters from Leeds fought the blaze for "
                        + "four hours.\n\nNobody was hurt in the fire, West Yorkshire Police said.",
                "Shop fire court case\n\nPublished: 14 March 2024\n\nTHURSDAY, MARCH 14, 2024 A man appeared at Leeds "
                        + "Magistrates Court on Thursday charged with arson over the Kirkgate shop fire.\n\nThe court in "
                        + "Leeds will set a trial date in April.");
        assertThat(brief.summary()).isNotEmpty();
        assertThat(brief.summary().get(0).text()).doesNotStartWith("THURSDAY");
    }

    @Test
    void aTimeStampOrATitleCasedHeadingRunIntoASentenceKeepsItOutOfTheSummary() throws IOException {
        StoryBrief brief = brief("plant-shooting",
                "Two killed at Aldam bakery\n\nPublished: 10 September 2024\n\nSeptember 10, 2024 10: 14 AM Police "
                        + "say two people have been killed and another wounded in a shooting at the Aldam bakery."
                        + "\n\nThe bakery in Aldam was closed on Friday.",
                "Bakery worker charged\n\nPublished: 11 September 2024\n\nBaker Feuded with Co-Workers Before "
                        + "Shooting; Risk Factors and Prevention of Workplace Violence Mara Venn, a suspended bakery "
                        + "worker, returned on Thursday evening and shot two colleagues at the Aldam bakery."
                        + "\n\nVenn was charged with murder on Friday, Aldam police said.");
        assertThat(brief.summary()).isNotEmpty();
        assertThat(brief.summary()).noneSatisfy(s -> assertThat(s.text()).startsWith("September 10"));
        assertThat(brief.summary()).noneSatisfy(s -> assertThat(s.text()).contains("Workplace Violence"));
    }

    @Test
    void supportCheckCountsContentWordsByLemma() throws IOException {
        StoryBrief brief = brief("support",
                "Museum news\n\nPublished: 1 July 2024\n\nThe museum in Porto reopened its main gallery on Monday after a long "
                        + "renovation.",
                "Museum news\n\nPublished: 1 July 2024\n\nPorto's museum reopens the main gallery on Monday, ending a renovation "
                        + "that lasted two years.");
        for (SourcedText s : brief.summary()) {
            assertThat(s.sources()).isNotEmpty();
        }
        // every content word of the first article's sentence is in the second except "long": 8 of 9 (0.89)
        assertThat(brief.summary()).anySatisfy(s -> {
            assertThat(s.text()).startsWith("The museum in Porto reopened");
            assertThat(s.sources()).containsExactly("000", "001");
        });
    }
}
