package org.storylens.clean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BoilerplateRemoverTest {

    private static BoilerplateRemover remover;

    @BeforeAll
    static void loadTheShippedList() {
        remover = new BoilerplateRemover(BoilerplatePatterns.load(), OutletTable.load());
    }

    @Test
    void removesDebrisFromALocalNewsPageAndListsItInDocumentOrder() {
        String page = """
                Home > News > Local
                Bridge closure to last until spring
                By Helen Carter
                5 min read

                The Old Mill bridge in Ashford will stay closed until March, the county council said on Tuesday.
                Advertisement
                Engineers found cracks in two of its three arches during a routine inspection.

                Photo: The Old Mill bridge seen from the river path.
                Residents will have to use a diversion of about four miles.
                Share this article
                Leave a comment
                © 2023 Ashford Courier. All rights reserved.""";

        BoilerplateRemover.Result result = remover.remove(page, "Bridge closure to last until spring");

        assertThat(result.removed()).extracting(RemovedLine::text, RemovedLine::category).containsExactly(
                tuple("Home > News > Local", "navigation"),
                tuple("Bridge closure to last until spring", "repeated-title"),
                tuple("By Helen Carter", "byline"),
                tuple("5 min read", "reading-time"),
                tuple("Advertisement", "advert"),
                tuple("Photo: The Old Mill bridge seen from the river path.", "caption"),
                tuple("Share this article", "share-prompt"),
                tuple("Leave a comment", "comment-form"),
                tuple("© 2023 Ashford Courier. All rights reserved.", "copyright"));
        assertThat(result.text()).isEqualTo("""
                The Old Mill bridge in Ashford will stay closed until March, the county council said on Tuesday.
                Engineers found cracks in two of its three arches during a routine inspection.

                Residents will have to use a diversion of about four miles.""");
    }

    @Test
    void removesALawFirmBlogsPostedInLine() {
        String text = """
                On behalf of Mara Venn, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2024.
                A driver who struck a woman in Aldam on Friday has been charged with manslaughter.
                Posted in Hit and Run Accidents on Friday, September 20, 2024.""";

        BoilerplateRemover.Result result = remover.remove(text, null);

        assertThat(result.removed()).extracting(RemovedLine::category).containsExactly("byline", "byline");
        assertThat(result.text())
                .isEqualTo("A driver who struck a woman in Aldam on Friday has been charged with manslaughter.");
    }

    @Test
    void removesWireCopyCreditsAndAppPromotions() {
        String text = """
                Download the Daily Globe app for breaking news alerts
                The central bank raised its key rate by half a point on Thursday.
                Analysts had expected a smaller rise.
                (With inputs from PTI)
                Get it on Google Play""";

        BoilerplateRemover.Result result = remover.remove(text, null);

        assertThat(result.removed()).extracting(RemovedLine::category)
                .containsExactly("app-promo", "credit", "app-promo");
        assertThat(result.text()).isEqualTo("The central bank raised its key rate by half a point on Thursday.\n"
                + "Analysts had expected a smaller rise.");
    }

    @Test
    void removesTabloidTeasersNewsletterAndCookieBanners() {
        String text = """
                We use cookies to improve your experience on our site.
                Accept all cookies
                The reality star was spotted leaving a London restaurant in the early hours.
                READ MORE: Soap legend reveals secret wedding plans
                Sign up for our showbiz newsletter
                Fans were quick to react online.
                Sponsored content""";

        BoilerplateRemover.Result result = remover.remove(text, null);

        assertThat(result.removed()).extracting(RemovedLine::category)
                .containsExactly("cookie", "cookie", "teaser", "newsletter", "advert");
        assertThat(result.text()).isEqualTo("The reality star was spotted leaving a London restaurant in the early "
                + "hours.\nFans were quick to react online.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Read the full statement on the ministry's website, officials said.",
            "By the end of the week, 300 people had fled.",
            "Photo evidence shows the tanks crossed the border.",
            "Comments made by the minister drew criticism.",
            "Published reports say the talks failed."})
    void keepsArticleSentencesThatStartLikeDebris(String sentence) {
        String text = "The talks in Geneva ended without a deal.\n" + sentence + "\nBoth sides promised to meet again.";

        BoilerplateRemover.Result result = remover.remove(text, null);

        assertThat(result.removed()).isEmpty();
        assertThat(result.text()).isEqualTo(text);
    }

    @Test
    void removesARepeatedTitleWhateverItsCaseAndPunctuation() {
        String text = "MAYOR QUITS AFTER EXPENSES ROW!\nThe mayor of Eastbrook resigned on Friday.";

        BoilerplateRemover.Result result = remover.remove(text, "Mayor quits after expenses row");

        assertThat(result.removed()).containsExactly(new RemovedLine("MAYOR QUITS AFTER EXPENSES ROW!",
                "repeated-title"));
        assertThat(result.text()).isEqualTo("The mayor of Eastbrook resigned on Friday.");
    }

    @Test
    void keepsATextThatIsOnlyItsHeadline() {
        String text = "The council election in Eastbrook is over.";

        BoilerplateRemover.Result result = remover.remove(text, "The council election in Eastbrook is over.");

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.removed()).isEmpty();
    }

    @Test
    void keepsASentenceThatOnlyStartsWithTheTitle() {
        String text = "Mayor quits after expenses row, and the council must now hold a by-election.";

        assertThat(remover.remove(text, "Mayor quits after expenses row").removed()).isEmpty();
    }

    @Test
    void ignoresABlankTitle() {
        assertThat(remover.remove("A quiet day in Eastbrook.", "  ").removed()).isEmpty();
    }

    @Test
    void removesBreadcrumbsAndMenus() {
        String text = """
                News / World / Europe / Ukraine
                Sport | Football | Premier League
                Politics › Elections › Local
                The count went on late into the night.""";

        BoilerplateRemover.Result result = remover.remove(text, null);

        assertThat(result.removed()).extracting(RemovedLine::category).containsOnly("navigation").hasSize(3);
        assertThat(result.text()).isEqualTo("The count went on late into the night.");
    }

    @Test
    void keepsSentencesWithSlashesAndLongPhrases() {
        String text = """
                The 24/7 helpline received 1,200 calls on Monday.
                Home Secretary Priti Patel / Labour leader Keir Starmer
                The council weighed three options / none of them cheap / and chose the bypass.""";

        assertThat(remover.remove(text, null).removed()).isEmpty();
    }

    @Test
    void keepsParagraphsApartWithOneBlankLine() {
        String text = "First paragraph, line one.\nFirst paragraph, line two.\n\n\n"
                + "Share this article\n\n"
                + "Second paragraph.\n   \n"
                + "Advertisement\nThird paragraph.";

        BoilerplateRemover.Result result = remover.remove(text, null);

        assertThat(result.text()).isEqualTo(
                "First paragraph, line one.\nFirst paragraph, line two.\n\nSecond paragraph.\n\nThird paragraph.");
    }

    @Test
    void dropsAParagraphThatWasAllDebris() {
        String text = "Body text.\n\nFacebook Twitter WhatsApp Email\nSend this to a friend\n\nMore body text.";

        BoilerplateRemover.Result result = remover.remove(text, null);

        assertThat(result.text()).isEqualTo("Body text.\n\nMore body text.");
        assertThat(result.removed()).extracting(RemovedLine::text)
                .containsExactly("Facebook Twitter WhatsApp Email", "Send this to a friend");
    }

    @Test
    void reportsRemovedLinesTrimmed() {
        BoilerplateRemover.Result result = remover.remove("   Advertisement   \nThe body.", null);

        assertThat(result.removed()).containsExactly(new RemovedLine("Advertisement", "advert"));
    }

    @Test
    void leavesNothingWhenEverythingIsDebris() {
        BoilerplateRemover.Result result = remover.remove("Advertisement\nShare this article\nLeave a comment", null);

        assertThat(result.text()).isEmpty();
        assertThat(result.removed()).hasSize(3);
    }

    @Test
    void removesBareAgencyCreditsButKeepsDialogueAndStageDirections() {
        String text = """
                — Will you run again?
                — Yes.
                (Laughter)
                The interview was recorded in Vilnius on Monday.
                — AFP
                (Reuters)
                -- Xinhua / AP""";

        BoilerplateRemover.Result result = remover.remove(text, null);

        assertThat(result.removed()).extracting(RemovedLine::text, RemovedLine::category).containsExactly(
                tuple("— AFP", "credit"), tuple("(Reuters)", "credit"), tuple("-- Xinhua / AP", "credit"));
        assertThat(result.text()).contains("— Yes.", "(Laughter)", "— Will you run again?");
    }
}
