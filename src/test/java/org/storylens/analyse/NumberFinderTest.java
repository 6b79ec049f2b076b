package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NumberFinderTest {

    private final NumberFinder finder = new NumberFinder();

    private List<NumberMention> numbers(String text) {
        List<NumberMention> found = finder.find(Annotators.shared().annotate(text, null));
        assertThat(found).allSatisfy(n ->
                assertThat(text.substring(n.span().start(), n.span().end())).matches(".*\\d.*|[a-z -]+"));
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
}
