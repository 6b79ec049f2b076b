package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteFinderTest {

    private final QuoteFinder finder = new QuoteFinder();

    private List<Quote> quotes(String text) {
        List<Quote> quotes = finder.find(Annotators.shared().annotate(text, null));
        assertThat(quotes).allSatisfy(q ->
                assertThat(text.substring(q.span().start(), q.span().end())).isEqualTo(q.text()));
        return quotes;
    }

    private static Quote only(List<Quote> quotes) {
        assertThat(quotes).hasSize(1);
        return quotes.get(0);
    }

    @Test
    void findsCurlyQuoteWithSpeakerAfterIt() {
        Quote q = only(quotes("“We will rebuild the bridge by spring,” Mayor Ana Lopes said on Monday."));
        assertThat(q.text()).isEqualTo("We will rebuild the bridge by spring");
        assertThat(q.speaker()).isEqualTo("Ana Lopes");
        assertThat(q.direct()).isTrue();
    }

    @Test
    void namesTheSpeakerByTheFullNameUsedEarlier() {
        Quote q = only(quotes("Finance Minister Karl Brandt arrived in Bonn on Monday. "
                + "\"Taxes will not rise this year,\" Brandt told reporters."));
        assertThat(q.speaker()).isEqualTo("Karl Brandt");
    }

    @Test
    void resolvesPronounToTheLastNamedPerson() {
        Quote q = only(quotes("Health Minister Maria Ortiz visited the hospital in Leeds. "
                + "“The wards are full every single night,” she said."));
        assertThat(q.speaker()).isEqualTo("Maria Ortiz");
    }

    @Test
    void findsSpeakerNamedBeforeTheQuote() {
        Quote q = only(quotes("Maria Ortiz said: «We need more nurses in every ward.»"));
        assertThat(q.speaker()).isEqualTo("Maria Ortiz");
        assertThat(q.text()).isEqualTo("We need more nurses in every ward.");
    }

    @Test
    void keepsAQuoteOfSeveralSentencesWhole() {
        Quote q = only(quotes("“We tried. We failed. We will try again,” said Ana Lopes."));
        assertThat(q.text()).isEqualTo("We tried. We failed. We will try again");
        assertThat(q.speaker()).isEqualTo("Ana Lopes");
    }

    @Test
    void joinsAQuoteBrokenByMistranslatedMarks() {
        Quote q = only(quotes("“This plan is“ full of holes. ”The ministry knew it and kept silent for years, “- "
                + "Mayor Ana Lopes said."));
        assertThat(q.text()).startsWith("This plan is").endsWith("kept silent for years");
        assertThat(q.speaker()).isEqualTo("Ana Lopes");
    }

    @Test
    void readsTheDashQuoteOfTranslatedText() {
        List<Quote> quotes = quotes("Mayor Ana Lopes visited the site on Friday. "
                + "– We have waited too long for this bridge – she told reporters.");
        assertThat(quotes).anySatisfy(q -> {
            assertThat(q.text()).isEqualTo("We have waited too long for this bridge");
            assertThat(q.speaker()).isEqualTo("Ana Lopes");
            assertThat(q.direct()).isTrue();
        });
    }

    @Test
    void reportsIndirectSpeechAsTheReportedClause() {
        Quote q = only(quotes("Central bank governor Paul Meyer said Tuesday the rates would stay unchanged until March."));
        assertThat(q.direct()).isFalse();
        assertThat(q.text()).isEqualTo("the rates would stay unchanged until March");
        assertThat(q.speaker()).isEqualTo("Paul Meyer");
    }

    @Test
    void readsTheSpeakerOfAccordingTo() {
        Quote q = only(quotes("The talks will resume in Oslo next week, according to Foreign Minister Lena Vogt."));
        assertThat(q.direct()).isFalse();
        assertThat(q.text()).isEqualTo("The talks will resume in Oslo next week");
        assertThat(q.speaker()).isEqualTo("Lena Vogt");
    }

    @Test
    void givesAStatementToTheBareAttributionAfterIt() {
        Quote q = only(quotes("The ministry will publish the full report in May. "
                + "Ministry spokeswoman Clara Diaz wrote in a statement."));
        assertThat(q.text()).isEqualTo("The ministry will publish the full report in May");
        assertThat(q.speaker()).isEqualTo("Clara Diaz");
    }

    @Test
    void givesTheStatementBeforeAFinalAttributionToItsSpeaker() {
        Quote q = only(quotes("Prices will fall in the second half of the year, chief economist Tom Hale said."));
        assertThat(q.text()).isEqualTo("Prices will fall in the second half of the year");
        assertThat(q.speaker()).isEqualTo("Tom Hale");
    }

    @Test
    void ignoresShortScareQuotesWithoutASpeaker() {
        assertThat(quotes("The so-called “reform” changed little in the capital.")).isEmpty();
    }

    @Test
    void findsTheSpeakerBeforeAnAppositive() {
        Quote q = only(quotes("Phil Smith, a spokesman for the miners' union, said the mine would reopen in April."));
        assertThat(q.speaker()).isEqualTo("Phil Smith");
        assertThat(q.text()).isEqualTo("the mine would reopen in April");
    }

    @Test
    void keepsTheAsideThatOpensAThatClause() {
        Quote q = only(quotes("Senator Ruth Adams said that, if elected, she would close the base."));
        assertThat(q.text()).isEqualTo("if elected, she would close the base");
        assertThat(q.speaker()).isEqualTo("Ruth Adams");
    }

    @Test
    void takesTheNounPhraseAfterASpeechActWithItsActAsItsContent() {
        // "for an immediate ban on the pesticide" alone does not say who wants what
        Quote q = only(quotes("Governor Ruth Adams called for an immediate ban on the pesticide."));
        assertThat(q.text()).isEqualTo("Governor Ruth Adams called for an immediate ban on the pesticide");
        assertThat(q.speaker()).isEqualTo("Ruth Adams");
        assertThat(q.direct()).isFalse();
    }

    @Test
    void readsTheSpeakerOfAColonHeadline() {
        Quote q = only(quotes("Peskov: talks with Washington will take place on Tuesday\n\nThe call was confirmed."));
        assertThat(q.speaker()).isEqualTo("Peskov");
        assertThat(q.text()).isEqualTo("talks with Washington will take place on Tuesday");
    }

    @Test
    void readsAnAttributionInTheMiddleOfTheSentence() {
        Quote q = only(quotes("Health Minister Maria Ortiz opened the ward. "
                + "The new beds, she said, will be ready by the end of May."));
        assertThat(q.speaker()).isEqualTo("Maria Ortiz");
        assertThat(q.text()).isEqualTo("The new beds, she said, will be ready by the end of May");
    }

    @Test
    void readsTheSpeakerOfATranscriptLine() {
        List<Quote> found = quotes("Governor Ruth Adams spoke to Fox News on Sunday.\n\n"
                + "\"ADAMS: We will not raise the toll on the bridge this year.");
        assertThat(found).anySatisfy(q -> {
            assertThat(q.text()).startsWith("ADAMS: We will not raise the toll");
            assertThat(q.speaker()).isEqualTo("Ruth Adams");
        });
    }

    @Test
    void findsTheSpeakerIntroducingAQuoteWithAColon() {
        List<Quote> found = quotes("Ana Lopes told the council:\n\n“We will rebuild the bridge by the spring.”");
        assertThat(found).anySatisfy(q -> {
            assertThat(q.text()).isEqualTo("We will rebuild the bridge by the spring.");
            assertThat(q.speaker()).isEqualTo("Ana Lopes");
        });
    }

    private static Quote saying(List<Quote> quotes, String words) {
        return quotes.stream().filter(q -> q.text().contains(words)).findFirst().orElseThrow();
    }

    @Test
    void roleOwnedByAPlaceSpeaksThroughTheNameAfterIt() {
        Quote q = only(quotes("\"The sea came in faster than anyone could run,\" said Norhaven's mayor, Ilse Marten, "
                + "speaking outside the town hall."));
        assertThat(q.speaker()).isEqualTo("Ilse Marten");
    }

    @Test
    void pronounGoesToThePersonAnAsideIntroduced() {
        List<Quote> found = quotes("\"We will reopen the school next week,\" Mayor Ana Lopes said.\n\n"
                + "Tomas Berg, 61, whose shop on Quay Street has been open since 1990, waded back yesterday. "
                + "\"The shelves, the stock, the till, everything is gone,\" he said.");
        assertThat(saying(found, "everything is gone").speaker()).isEqualTo("Tomas Berg");
        assertThat(saying(found, "reopen the school").speaker()).isEqualTo("Ana Lopes");
    }

    @Test
    void placeAfterAPrepositionIsNotTheSpeaker() {
        Quote q = only(quotes("His neighbours in Kestrel Bay described him as \"the man who knew the sea better "
                + "than anyone\"."));
        assertThat(q.speaker()).isEqualTo("neighbours in Kestrel Bay");
    }

    @Test
    void denialKeepsItsVerb() {
        Quote q = only(quotes("Moscow has denied any plans to invade and accused the West of provocation."));
        assertThat(q.text()).startsWith("Moscow has denied any plans to invade");
    }

    @Test
    void negatedReportKeepsItsNegation() {
        Quote q = only(quotes("Officials have not confirmed that such a report exists."));
        assertThat(q.text()).isEqualTo("Officials have not confirmed that such a report exists");
    }

    @Test
    void speakerWhoseTitleEndsTheSentenceIsNamedAfterIt() {
        Quote q = only(quotes("\"This is the crime the law was written for,\" said Dist. Atty. Maria Fenwick."));
        assertThat(q.speaker()).isEqualTo("Maria Fenwick");
    }

    @Test
    void clockTimeIsNeverASpeaker() {
        List<Quote> found = quotes("A driver who saw the crash shortly after 3 p. m. called the station to report "
                + "it, said Sgt. Laura Vance. \"We found two injured people in the car,\" she said.");
        assertThat(found).extracting(Quote::speaker).doesNotContainNull().allMatch(s -> !s.contains("p. m"));
        assertThat(saying(found, "two injured people").speaker()).isEqualTo("Laura Vance");
    }

    @Test
    void quoteLeftOpenAtAParagraphEndTakesTheSpeakerOfItsContinuation() {
        List<Quote> found = quotes("\"The storm was very strong, and people ran into the streets in fear.\n"
                + "My son went straight to the harbour to help,\" said Nadia Farouk, 40, a teacher.");
        assertThat(saying(found, "The storm was very strong").speaker()).isEqualTo("Nadia Farouk");
    }

    @Test
    void personNamedBeforeAColonSpeaksTheQuoteAfterIt() {
        List<Quote> found = quotes("Among the experts quoted was Dr Omar Haddad:\n"
                + "\"We should stop saying that this coast is safe from earthquakes.\"");
        assertThat(saying(found, "We should stop saying").speaker()).isEqualTo("Omar Haddad");
    }

    @Test
    void openingMarkUsedToCloseStillEndsTheQuote() {
        List<Quote> found = quotes("“This meeting by video link is being actively prepared, “Ushakov noted.");
        Quote q = saying(found, "actively prepared");
        assertThat(q.text()).isEqualTo("This meeting by video link is being actively prepared");
        assertThat(q.direct()).isTrue();
        assertThat(q.speaker()).isEqualTo("Ushakov");
    }

    @Test
    void sourceOfAnEstimateIsWhoMadeIt() {
        Quote q = only(quotes("About 300 homes were flooded on Tuesday, according to a first estimate by the town "
                + "council."));
        assertThat(q.speaker()).isEqualTo("the town council");
    }

    @Test
    void passiveSpeechVerbReportsNothingItsSubjectSaid() {
        assertThat(quotes("A 70-year-old man from Brackwater was reported missing after he went out to check on "
                + "his boat.")).isEmpty();
    }

    @Test
    void aParticipleDescribingANounReportsNothing() {
        assertThat(quotes("The trial of the warehouse manager accused of setting fire to the depot in Hollins "
                + "starts on Monday at the county court.")).isEmpty();
    }

    @Test
    void wordsAnEarlierSpeechVerbIntroducesAreNotTheLaterSourcesOwn() {
        List<Quote> found = quotes("A gang member confessed to the shooting but insisted he \"did not mean to hit "
                + "the women,\" sources told the newspaper.");
        assertThat(saying(found, "did not mean to hit").speaker()).isNotEqualTo("sources");
    }

    @Test
    void aPhraseAPrepositionGovernsIsNeverTheSpeaker() {
        List<Quote> found = quotes("Harbour master Lena Voss met the press on Monday. "
                + "Since March, the divers on board the tug have raised 40 crates of old shells, she said.");
        assertThat(found).extracting(Quote::speaker).doesNotContain("board the tug").contains("Lena Voss");
    }

    @Test
    void aSpeakerDescribedByAPrepositionalPhraseIsTheNounItDescribes() {
        Quote q = only(quotes("The divers on board the tug said the wreck had moved in the storm."));
        assertThat(q.speaker()).isEqualTo("the divers on board the tug");
    }

    @Test
    void aSubjectAfterAnOpeningPrepositionalPhraseStillSpeaks() {
        Quote q = only(quotes("During the briefing Lena Voss said the harbour would reopen on Friday."));
        assertThat(q.speaker()).isEqualTo("Lena Voss");
    }

    @Test
    void aNameSetOffAfterARoleIsTheSpeaker() {
        Quote q = only(quotes("The head of the 40 - member rowing club, Tomas Berg, said: \"We will race again in May.\""));
        assertThat(q.speaker()).isEqualTo("Tomas Berg");
    }

    @Test
    void aNounThatAParticipleWithByDescribesSaysNothing() {
        assertThat(quotes("The council is due to vote on the new tolls and levies proposed by the transport board to "
                + "close the budget gap.")).isEmpty();
    }

    @Test
    void aVerbInAClauseDescribingANounReportsNothing() {
        assertThat(quotes("Premier Ana Lopes thundered in the Assembly during a debate to discuss the pension cuts she "
                + "announced Sunday measures even the OECD has called harsh.")).extracting(Quote::speaker)
                .noneMatch(s -> s != null && s.contains("cuts"));
    }

    @Test
    void aSpeakerTitledWithASpacedHyphenIsTheNameAfterTheTitle() {
        Quote q = only(quotes("\"He was the last of the old harbour pilots, \" said ex - coastguard officer Tomas Berg "
                + "on Monday."));
        assertThat(q.speaker()).isEqualTo("Tomas Berg");
    }

    @Test
    void aPersonWhoOwnsTheSourceIsNotTheSpeaker() {
        Quote q = only(quotes("The skipper won 21 of 25 regattas in those years, according to Tomas Berg's Sailing "
                + "Almanac."));
        assertThat(q.speaker()).isNotIn("Tomas", "Tomas Berg");
    }

    @Test
    void aDoubleBarrelledNameSpacedAtItsHyphenIsOneSpeaker() {
        Quote q = only(quotes("\"The harbour will reopen within a week, \" Anna Lindqvist - Berg said on Monday."));
        assertThat(q.speaker()).isEqualTo("Anna Lindqvist - Berg");
    }

    @Test
    void aSpeakerNeverOpensWithTheParticipleOfARelativeClause() {
        List<Quote> found = quotes("Former Oslo harbour pilots who were assigned to organized - smuggling patrol units "
                + "said that the channel had silted up.");
        assertThat(found).extracting(Quote::speaker).noneMatch(s -> s != null && s.startsWith("assigned"));
    }

    @Test
    void aDepartmentOfATitleRunIntoANameIsNotPartOfTheSpeaker() {
        List<Quote> found = quotes("Harbour Secretary Tomas Berg visited the pier on Monday. "
                + "Secretary of the Harbour Tomas Berg said that the pier would reopen in May.");
        assertThat(found).extracting(Quote::speaker).contains("Tomas Berg").doesNotContain("Harbour Tomas Berg");
    }
}
