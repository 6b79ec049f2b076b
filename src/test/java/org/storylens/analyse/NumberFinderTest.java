package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NumberFinderTest {

    private final NumberFinder finder = new NumberFinder();

    private List<NumberMention> numbers(String text) {
        List<NumberMention> found = finder.find(Annotators.shared().annotate(text, null));
        assertThat(found).allSatisfy(n ->
                assertThat(text.substring(n.span().start(), n.span().end())).matches(".*\\d.*|[A-Za-z][a-z -]*"));
        return found;
    }

    private static NumberMention only(List<NumberMention> found) {
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void normalisesThousandsAndNamesTheCountedNoun() {
        NumberMention n = only(numbers("The river flooded 13,000 homes in the valley."));
        assertThat(n.value()).isEqualTo(13000);
        assertThat(n.unit()).isEqualTo("homes");
        assertThat(n.qualifier()).isNull();
        assertThat(n.attributedTo()).isNull();
    }

    @Test
    void readsQualifierAndSkipsAdjectivesBeforeTheNoun() {
        NumberMention n = only(numbers("Rescuers found more than 2,500 stranded Dutch tourists on the island."));
        assertThat(n.qualifier()).isEqualTo("more than");
        assertThat(n.unit()).isEqualTo("tourists");
    }

    @Test
    void takesAnAdjectiveAsTheUnitWhenNoNounFollows() {
        NumberMention n = only(numbers("The storm has left at least 40 dead."));
        assertThat(n.qualifier()).isEqualTo("at least");
        assertThat(n.unit()).isEqualTo("dead");
    }

    @Test
    void givesMoneyItsCurrencyAndPercentItsUnit() {
        List<NumberMention> found = numbers("The ticket costs $329, up 9 percent on last season.");
        assertThat(found).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(329);
            assertThat(n.unit()).isEqualTo("USD");
        });
        assertThat(found).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(9);
            assertThat(n.unit()).isEqualTo("percent");
        });
    }

    @Test
    void attributesTheFigureToTheReportingSubject() {
        NumberMention n = only(numbers("Local officials have estimated up to 4,000 displaced families in the north."));
        assertThat(n.attributedTo()).isEqualTo("Local officials");
        assertThat(n.qualifier()).isEqualTo("up to");
    }

    @Test
    void attributesTheFigureToTheNewspaperThatReportedIt() {
        NumberMention n = only(numbers("The Boston Globe reported that the city may hire 1,200 teachers next year."));
        assertThat(n.attributedTo()).isEqualTo("Boston Globe");
    }

    @Test
    void attributesTheFigureToAccordingTo() {
        NumberMention n = only(numbers("About 600 workers lost their jobs, according to the Transport Union."));
        assertThat(n.attributedTo()).isEqualTo("Transport Union");
        assertThat(n.qualifier()).isEqualTo("about");
    }

    @Test
    void skipsYearsDatesOrdinalsAndSmallWordNumbersOfNoWeight() {
        assertThat(numbers("In 2019 the two leaders met for the third time on 4 May in Vienna.")).isEmpty();
    }

    @Test
    void keepsAWordNumberThatCountsSomething() {
        NumberMention n = only(numbers("The blast injured five workers at the plant."));
        assertThat(n.value()).isEqualTo(5);
        assertThat(n.unit()).isEqualTo("workers");
    }

    @Test
    void keepsACurrencyCoreNlpDoesNotKnowAsWritten() {
        NumberMention n = only(numbers("The cabinet approved 60 million crowns in emergency aid."));
        assertThat(n.value()).isEqualTo(60_000_000);
        assertThat(n.unit()).isEqualTo("crowns");
    }

    @Test
    void keepsCubicMetresTogether() {
        NumberMention n = only(numbers("The burst reservoir released some 4 million cubic metres of water."));
        assertThat(n.value()).isEqualTo(4_000_000);
        assertThat(n.unit()).isEqualTo("cubic metres");
        assertThat(n.qualifier()).isEqualTo("some");
    }

    @Test
    void clockTimesAreNoFigures() {
        assertThat(numbers("The pipe burst at about 3.40am and the alarm sounded at 0240 GMT.")).isEmpty();
        assertThat(numbers("Posted 9: 36 am by the news desk.")).isEmpty();
        assertThat(numbers("She was hit at about 7 p. m. on Friday.")).isEmpty(); // the corpus's spaced p. m.
        assertThat(numbers("She was hit at about 7 p.m. on Friday.")).isEmpty();
    }

    @Test
    void aModelCodeIsNoCount() {
        List<NumberMention> found = numbers("Sailors seized six AK - 47 rifles and 12 magazines from the skiffs.");
        assertThat(found).extracting(NumberMention::value).contains(12.0).doesNotContain(47.0);
        assertThat(numbers("Two F-16 jets flew over the harbour.")).extracting(NumberMention::value)
                .doesNotContain(16.0);
    }

    @Test
    void aNumberWrittenRightAfterACapitalCodeIsAModelNotACount() {
        List<NumberMention> found = numbers("Coastguards took four MG 42 guns and 250 shells off the trawler.");
        assertThat(found).extracting(NumberMention::value).contains(250.0).doesNotContain(42.0);
    }

    @Test
    void aCountBeforeAModelCodeCountsTheNounAfterTheCode() {
        List<NumberMention> found = numbers("Since May the patrol has seized 19 MG - 42 guns and five RPG 7 launchers.");
        assertThat(found).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(19);
            assertThat(n.unit()).isEqualTo("guns");
        });
        assertThat(found).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(5);
            assertThat(n.unit()).isEqualTo("launchers");
        });
        assertThat(found).extracting(NumberMention::value).doesNotContain(42.0, 7.0);
    }

    @Test
    void aDayAfterTheCountedNounIsNotTheUnit() {
        NumberMention n = only(numbers("The storm damaged at least 30 boats today in the marina."));
        assertThat(n.unit()).isEqualTo("boats");
    }

    @Test
    void aCurrencyCodeBeforeANumberIsMoneyNotAModel() {
        assertThat(numbers("The port will cost EUR 40 million to rebuild.")).extracting(NumberMention::value)
                .anySatisfy(v -> assertThat(v).isIn(40.0, 40_000_000.0));
    }

    @Test
    void readsAgesGivenAfterANameOrAsYearOld() {
        List<NumberMention> found = numbers("The farmer Ola Berg, 61, lost his barn, and a 45-year-old driver was hurt.");
        assertThat(found).extracting(NumberMention::value).containsExactly(61.0, 45.0);
        assertThat(found).extracting(NumberMention::unit).containsOnly("years");
    }

    @Test
    void readsDecimalsAndThousandsTheCorpusSpacedApart() {
        List<NumberMention> found = numbers("A magnitude 6. 1 earthquake shook the island, home to 100, 000 people.");
        assertThat(found).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(6.1);
            assertThat(n.unit()).isEqualTo("magnitude");
        });
        assertThat(found).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(100_000);
            assertThat(n.unit()).isEqualTo("people");
        });
        assertThat(found).noneSatisfy(n -> assertThat(n.value()).isIn(0.0, 1.0, 6.0, 100.0));
    }

    @Test
    void readsUnitsGluedToTheNumberAndDecimalCommas() {
        List<NumberMention> found = numbers("The climber fell about 60m, and the river rose with 2,6 metres.");
        assertThat(found).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(60);
            assertThat(n.unit()).isEqualTo("m");
            assertThat(n.qualifier()).isEqualTo("about");
        });
        assertThat(found).anySatisfy(n -> {
            assertThat(n.value()).isEqualTo(2.6);
            assertThat(n.unit()).isEqualTo("metres");
        });
    }

    @Test
    void aHyphenedNounIsTheUnit() {
        NumberMention n = only(numbers("The ministry will publish the full 46-page report on Friday."));
        assertThat(n.unit()).isEqualTo("page");
    }

    @Test
    void creditsNoPronounAndNoCommonNoun() {
        assertThat(only(numbers("He said the repairs would cost 90 million crowns.")).attributedTo()).isNull();
        assertThat(only(numbers("The storm caused damage estimated at 5 million euros.")).attributedTo()).isNull();
    }

    @Test
    void creditsTheAuthorOfAnEstimateAndTheNameBeforeAnAside() {
        assertThat(only(numbers("About 300 homes were flooded, according to a first estimate by the town council."))
                .attributedTo()).isEqualTo("town council");
        assertThat(only(numbers("Siemens, the company that built the turbines, said 40 workers were sent home."))
                .attributedTo()).isEqualTo("Siemens");
        assertThat(only(numbers("The governor of Qeshm island told reporters four villages had been destroyed."))
                .attributedTo()).isEqualTo("governor of Qeshm island");
    }

    @Test
    void creditsTheSubjectThatPutsANumberAtAValue() {
        NumberMention n = only(numbers("The Civil Protection Directorate put the number of evacuated residents at "
                + "1,530 late on Tuesday."));
        assertThat(n.attributedTo()).isEqualTo("Civil Protection Directorate");
        assertThat(n.unit()).isEqualTo("residents");
    }

    @Test
    void aValueRisenFromCountsWhatTheNewValueCounts() {
        List<NumberMention> found = numbers("About 1,400 people have now left their homes, up from about 1,200 on "
                + "Tuesday.");
        assertThat(found).extracting(NumberMention::value).containsExactly(1400.0, 1200.0);
        assertThat(found).extracting(NumberMention::unit).containsExactly("people", "people");
        assertThat(found.get(1).qualifier()).isEqualTo("about");
    }

    @Test
    void aBareNumberOfTheKilledOrHurtCountsPeople() {
        List<NumberMention> found = numbers("The storm flattened the harbour, killing 12 and wounding another 40, "
                + "the mayor said.");
        assertThat(found).extracting(NumberMention::value).containsExactly(12.0, 40.0);
        assertThat(found).allSatisfy(n -> assertThat(n.unit()).isEqualTo("people"));
        NumberMention injured = only(numbers("Police chief Anna Berg said 35 were injured."));
        assertThat(injured.unit()).isEqualTo("people");
        assertThat(only(numbers("The vote was won by 35.")).unit()).isNull();
    }

    @Test
    void aNumberThatNamesIsNoFigure() {
        // no unit: the brief lists no such figure
        assertThat(numbers("Officers were sent to the 4,000 block of Aldam Road, where a 911 dispatcher had sent "
                + "an ambulance.")).allSatisfy(n -> assertThat(n.unit()).isNull());
        assertThat(numbers("Police received dozens of 911 calls about the shooting."))
                .allSatisfy(n -> assertThat(n.unit()).isNull());
        NumberMention workers = only(numbers("About 100 workers were inside the plant."));
        assertThat(workers.unit()).isEqualTo("workers");
        assertThat(only(numbers("Unemployment rose by 5 percent last year.")).unit()).isEqualTo("percent");
    }

    @Test
    void aSpeakingNounAfterASentenceRunIntoItIsCreditedAlone() {
        NumberMention age = only(numbers("The woman was taken to Aldam Hospital in traumatic arrest Police say a "
                + "59-year-old woman died after being struck by a vehicle."));
        assertThat(age.attributedTo()).isIn("Police", null);
    }
}
