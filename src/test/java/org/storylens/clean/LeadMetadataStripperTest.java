package org.storylens.clean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LeadMetadataStripperTest {

    private static LeadMetadataStripper stripper;

    @BeforeAll
    static void loadOutlets() {
        stripper = new LeadMetadataStripper(OutletTable.load());
    }

    @Test
    void stripsAReutersDatelineWithoutADate() {
        LeadMetadataStripper.Result r = stripper.strip(
                "WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed a stopgap bill to fund the government.");

        assertThat(r.text()).isEqualTo("The U.S. Senate on Tuesday passed a stopgap bill to fund the government.");
        assertThat(r.removed()).containsExactly(new RemovedLine("WASHINGTON (Reuters)", "dateline"));
        assertThat(r.dateline().place()).isEqualTo("WASHINGTON");
        assertThat(r.dateline().agency()).isEqualTo("Reuters");
        assertThat(r.dateline().date()).isNull();
        assertThat(r.datePrefix()).isNull();
    }

    @Test
    void stripsAnAfpDatelineWithDateAndEmDash() {
        LeadMetadataStripper.Result r = stripper.strip(
                "PARIS, March 3 (AFP) — French farmers blocked roads around the capital on Friday.");

        assertThat(r.text()).isEqualTo("French farmers blocked roads around the capital on Friday.");
        assertThat(r.dateline().text()).isEqualTo("PARIS, March 3 (AFP)");
        assertThat(r.dateline().agency()).isEqualTo("AFP");
        assertThat(r.dateline().date()).satisfies(d -> {
            assertThat(d.year()).isNull();
            assertThat(d.month()).isEqualTo(3);
            assertThat(d.day()).isEqualTo(3);
        });
    }

    @Test
    void stripsAXinhuaDatelineWithAbbreviatedMonthAndDoubleHyphen() {
        LeadMetadataStripper.Result r = stripper.strip(
                "BEIJING, Jan. 5 (Xinhua) -- China's exports rose 9 percent year on year in December.");

        assertThat(r.text()).isEqualTo("China's exports rose 9 percent year on year in December.");
        assertThat(r.dateline().place()).isEqualTo("BEIJING");
        assertThat(r.dateline().agency()).isEqualTo("Xinhua");
        assertThat(r.dateline().date().month()).isEqualTo(1);
        assertThat(r.dateline().date().day()).isEqualTo(5);
    }

    @Test
    void stripsASlashedAgencyDateline() {
        LeadMetadataStripper.Result r = stripper.strip(
                "KYIV, December 3. / Ukrinform /. Ukraine's air defence shot down 15 drones overnight.");

        assertThat(r.text()).isEqualTo("Ukraine's air defence shot down 15 drones overnight.");
        assertThat(r.removed()).containsExactly(new RemovedLine("KYIV, December 3. / Ukrinform /.", "dateline"));
        assertThat(r.dateline().agency()).isEqualTo("Ukrinform");
        assertThat(r.dateline().date().month()).isEqualTo(12);
        assertThat(r.dateline().date().day()).isEqualTo(3);
    }

    @Test
    void stripsADatePrefixBeforeTheDateline() {
        LeadMetadataStripper.Result r = stripper.strip(
                "date 2023-05-02 LONDON, May 2 (Reuters) - British house prices fell for a third month in April.");

        assertThat(r.text()).isEqualTo("British house prices fell for a third month in April.");
        assertThat(r.removed()).containsExactly(
                new RemovedLine("date 2023-05-02", "published-line"),
                new RemovedLine("LONDON, May 2 (Reuters)", "dateline"));
        assertThat(r.datePrefix().year()).isEqualTo(2023);
        assertThat(r.datePrefix().month()).isEqualTo(5);
        assertThat(r.datePrefix().day()).isEqualTo(2);
        assertThat(r.dateline().date().year()).isNull();
    }

    @Test
    void stripsALabelledIsoTimestampPrefix() {
        LeadMetadataStripper.Result r = stripper.strip("Published: 2023-05-02T10:15:00Z The mayor resigned on Tuesday.");

        assertThat(r.text()).isEqualTo("The mayor resigned on Tuesday.");
        assertThat(r.datePrefix().time()).isEqualTo("10:15:00Z");
        assertThat(r.dateline()).isNull();
    }

    @Test
    void stripsAnOutletNameDatelineWithoutAYearAndCapitalisesWhatFollows() {
        LeadMetadataStripper.Result r = stripper.strip(
                "Xinhua, May 2nd, a comprehensive report, floods in southern China have displaced 30,000 people.");

        assertThat(r.text()).isEqualTo("Floods in southern China have displaced 30,000 people.");
        assertThat(r.removed()).containsExactly(
                new RemovedLine("Xinhua, May 2nd, a comprehensive report", "dateline"));
        assertThat(r.dateline().place()).isEqualTo("Xinhua");
        assertThat(r.dateline().agency()).isNull();
        assertThat(r.dateline().date().year()).isNull();
        assertThat(r.dateline().date().month()).isEqualTo(5);
        assertThat(r.dateline().date().day()).isEqualTo(2);
    }

    @Test
    void stripsAnApDatelineNamingTheCountry() {
        LeadMetadataStripper.Result r = stripper.strip(
                "RIO DE JANEIRO, Brazil (AP) — Heavy rains killed at least 20 people in the state on Sunday.");

        assertThat(r.text()).isEqualTo("Heavy rains killed at least 20 people in the state on Sunday.");
        assertThat(r.dateline().place()).isEqualTo("RIO DE JANEIRO");
        assertThat(r.dateline().agency()).isEqualTo("AP");
    }

    @Test
    void stripsAnApDatelineNamingTheCountryAndDate() {
        LeadMetadataStripper.Result r = stripper.strip(
                "KHARKIV, Ukraine, March 3 (Reuters) - Shelling hit the city's northern districts overnight.");

        assertThat(r.text()).isEqualTo("Shelling hit the city's northern districts overnight.");
        assertThat(r.dateline().date().month()).isEqualTo(3);
        assertThat(r.dateline().agency()).isEqualTo("Reuters");
    }

    @Test
    void stripsABareCapitalisedPlaceBeforeADash() {
        LeadMetadataStripper.Result r = stripper.strip("LONDON — The Bank of England held interest rates on Thursday.");

        assertThat(r.text()).isEqualTo("The Bank of England held interest rates on Thursday.");
        assertThat(r.dateline().place()).isEqualTo("LONDON");
        assertThat(r.dateline().agency()).isNull();
        assertThat(r.dateline().date()).isNull();
    }

    @Test
    void findsADatelineOnItsOwnLine() {
        LeadMetadataStripper.Result r = stripper.strip("TOKYO, May 2\nJapan's economy shrank in the first quarter.");

        assertThat(r.text()).isEqualTo("Japan's economy shrank in the first quarter.");
        assertThat(r.dateline().place()).isEqualTo("TOKYO");
    }

    @Test
    void findsADatelineWithoutDateOrDashOnItsOwnLine() {
        LeadMetadataStripper.Result r = stripper.strip("UNITED NATIONS (AP)\nThe Security Council voted on Friday.");

        assertThat(r.text()).isEqualTo("The Security Council voted on Friday.");
        assertThat(r.dateline().agency()).isEqualTo("AP");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Moscow, December 3 was a cold day for the protesters outside the court.",
            "U.S. President Joe Biden said on Friday he would veto the bill.",
            "Paris (France) is one of the most visited cities in the world.",
            "The BBC (British Broadcasting Corporation) said on Monday it would cut 400 jobs.",
            "NASA (AP) mission planners delayed the launch.",
            "Apple (AAPL) shares rose 3 percent in early trading.",
            "Washington, D.C. — lawmakers returned on Monday.",
            "Mr. Smith, 45, was arrested at the scene.",
            "NATO allies met in Brussels on Tuesday to discuss aid.",
            "The Smith family (pictured) moved to Leeds in 1998."})
    void leavesSentencesThatAreNotDatelines(String sentence) {
        LeadMetadataStripper.Result r = stripper.strip(sentence);

        assertThat(r.text()).isEqualTo(sentence);
        assertThat(r.removed()).isEmpty();
        assertThat(r.dateline()).isNull();
    }

    @Test
    void leavesADatelineThatIsTheWholeText() {
        LeadMetadataStripper.Result r = stripper.strip("PARIS, March 3 (AFP)");

        assertThat(r.dateline()).isNull();
        assertThat(r.text()).isEqualTo("PARIS, March 3 (AFP)");
    }

    @Test
    void onlyLooksAtTheStartOfTheText() {
        String text = "Farmers blocked roads on Friday.\n\nPARIS, March 3 (AFP) — A second protest is planned.";

        assertThat(stripper.strip(text).removed()).isEmpty();
    }
}
