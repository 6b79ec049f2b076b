package org.storylens.clean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoilerplatePatternsTest {

    private static BoilerplatePatterns patterns;

    @BeforeAll
    static void loadTheShippedList() {
        patterns = BoilerplatePatterns.load();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '\t', quoteCharacter = '\u0000', textBlock = """
            teaser	Read more: Flood defences fail in three Somerset villages
            teaser	READ MORE
            teaser	Also read | Council approves new bus lanes for the ring road
            teaser	You may also like
            teaser	Related Stories
            teaser	Don't miss: The ten best beaches in Cornwall this summer
            teaser	Click here to read the full story
            teaser	Also on Harbour Times: Ten things to do this weekend
            app-promo	Download the Daily Globe app for breaking news alerts
            app-promo	Get it on Google Play
            app-promo	Available on the App Store
            app-promo	Stay tuned with Riverside Gazette Android App
            app-promo	Scan the QR code to install our app
            comment-form	Leave a comment
            comment-form	Comments (12)
            comment-form	Your email address will not be published. Required fields are marked *
            comment-form	Join the conversation
            comment-form	Save my name, email, and website in this browser for the next time I comment.
            share-prompt	Share this article
            share-prompt	Share on Facebook
            share-prompt	Facebook Twitter WhatsApp Email
            share-prompt	Send this to a friend
            share-prompt	Follow us on Twitter
            reading-time	5 min read
            reading-time	Reading time: 4 minutes
            reading-time	Listen to this article · 4 min
            reading-time	3 mins read
            caption	Photo: Police officers outside the courthouse on Monday.
            caption	Caption: Firefighters at the scene of the blaze in Leith.
            caption	(AP Photo/Jane Doe)
            caption	Image source, Getty Images
            caption	File photo
            caption	Photo by Tomasz Nowak/Getty Images
            caption	REUTERS/Maria Lopez
            caption	Фото: РИА Новости
            byline	By John Smith
            byline	By Maria Garcia and Tom Lee, Reuters
            byline	By Anna Kowalska | Staff Reporter
            byline	Reporting by Ivan Petrov; Editing by Sarah White
            byline	Written by Priya Sharma
            byline	Reporter: Zhang Wei
            byline	Web Desk
            credit	(With inputs from PTI)
            credit	With inputs from agencies
            credit	Agence France-Presse is an international news agency.
            credit	Source: Xinhua
            credit	The Associated Press contributed to this report.
            credit	This story has been published from a wire agency feed without modifications to the text.
            newsletter	Sign up for our morning newsletter
            newsletter	Subscribe to our daily briefing and get the top stories in your inbox
            newsletter	Enter your email address
            newsletter	Already a subscriber? Log in
            newsletter	By signing up, you agree to our privacy policy.
            cookie	We use cookies to improve your experience on our site.
            cookie	Accept all cookies
            cookie	Manage preferences
            cookie	Please disable your ad blocker to continue.
            advert	Advertisement
            advert	ADVERTISEMENT
            advert	Sponsored content
            advert	Story continues below advertisement
            advert	Sponsored by Acme Bank
            navigation	Home > News > World
            navigation	Skip to main content
            navigation	Tags: Ukraine, Russia, Diplomacy
            navigation	Privacy Policy | Terms of Use | Contact Us
            navigation	Page 2 of 3
            copyright	© 2023 The Daily Globe. All rights reserved.
            copyright	Copyright 2022 Riverside Gazette
            copyright	All rights reserved.
            copyright	Reproduction of this material without written permission is prohibited.
            copyright	Tous droits réservés
            published-line	Published: 11:34 AM, 5 Dec, 2021
            published-line	Updated March 3, 2023 at 4:15 p.m. EST
            published-line	Published on 2023-05-02
            published-line	02.05.2023 14:30
            published-line	Mon 6 Dec 2021 14.32 GMT
            published-line	5 Dec, 2021
            published-line	Last updated: 2 hours ago
            published-line	Опубликовано: 03.03.2023 12:15
            """)
    void recognisesDebrisLinesByCategory(String category, String line) {
        assertThat(patterns.categoryOf(line)).contains(category);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Read the full statement on the ministry's website, officials said.",
            "By the end of the week, 300 people had fled.",
            "By Christmas, the food bank shelves were empty.",
            "Photo evidence shows the tanks crossed the border.",
            "Comments made by the minister drew criticism.",
            "Published reports say the talks failed.",
            "Related developments are expected later this week.",
            "Share prices fell sharply on Monday.",
            "Source: a senior official who declined to be named.",
            "Advertising revenue fell by a third last year.",
            "Home prices rose 5 percent in March.",
            "Subscribe to the idea that markets correct themselves, and you will be disappointed.",
            "Reporting by local media suggested the mayor had resigned.",
            "Copyright law is being reformed, the minister said.",
            "Cookies and cakes were handed out to the volunteers.",
            "Search teams found two more bodies on Tuesday.",
            "Updated figures will be released in May.",
            "Posted guards stood outside the embassy on 12 May.",
            "Credit card fraud rose 20 percent in 2022.",
            "Latest figures show inflation at 4.2%.",
            "Video footage shows the suspect fleeing.",
            "Staff at the hospital went on strike.",
            "Getty Images said it would appeal the ruling.",
            "The Associated Press reported the figures on Monday.",
            "With reporting from the ground, we can confirm the attack.",
            "Save the Children said 20 children were among the dead.",
            "Discussion of the budget will resume on Monday.",
            "Temperatures > 40C expected across southern Spain",
            "The Kremlin's «red lines» over Ukraine",
            "« Une catastrophe » pour les agriculteurs bretons",
            "Xinhua is China's official state news agency, and its reports are widely reprinted."})
    void leavesArticleSentencesThatOnlyLookLikeDebris(String sentence) {
        assertThat(patterns.categoryOf(sentence)).isEmpty();
    }

    @Test
    void matchesTheWholeLineOnly() {
        assertThat(patterns.categoryOf("Advertisement")).contains("advert");
        assertThat(patterns.categoryOf("Advertisement revenue at the paper fell by a fifth in 2022.")).isEmpty();
    }

    @Test
    void ignoresSurroundingWhitespaceAndCase() {
        assertThat(patterns.categoryOf("   sHaRe ThIs ArTiClE  ")).contains("share-prompt");
    }

    @Test
    void findsNothingInABlankLine() {
        assertThat(patterns.categoryOf("   ")).isEmpty();
    }

    @Test
    void shipsEveryDocumentedCategory() throws IOException {
        List<String> categories = BoilerplatePatterns.parse(
                BoilerplatePatterns.class.getResourceAsStream("/org/storylens/clean/boilerplate-phrases.tsv"),
                "shipped").stream().map(BoilerplatePatterns.Entry::category).distinct().toList();

        assertThat(categories).containsExactlyInAnyOrder("teaser", "app-promo", "comment-form", "share-prompt",
                "reading-time", "caption", "byline", "credit", "newsletter", "cookie", "advert", "navigation",
                "copyright", "published-line");
    }

    @Test
    void appliesTheFirstMatchingEntry() {
        BoilerplatePatterns two = new BoilerplatePatterns(List.of(
                new BoilerplatePatterns.Entry("first", Pattern.compile("weather .*", Pattern.CASE_INSENSITIVE)),
                new BoilerplatePatterns.Entry("second", Pattern.compile(".*alert", Pattern.CASE_INSENSITIVE))));

        assertThat(two.categoryOf("Weather alert")).contains("first");
        assertThat(two.categoryOf("Flood alert")).contains("second");
    }

    @Test
    void parsesCategoriesAndSkipsCommentsAndBlankLines() throws IOException {
        List<BoilerplatePatterns.Entry> entries = parse("""
                category\tpattern
                # shared teasers
                teaser\tread more

                advert\tad(?:vert)?
                """);

        assertThat(entries).extracting(BoilerplatePatterns.Entry::category).containsExactly("teaser", "advert");
        assertThat(new BoilerplatePatterns(entries).categoryOf("AD")).contains("advert");
    }

    @Test
    void rejectsATableWithoutItsHeader() {
        assertThatThrownBy(() -> parse("teaser\tread more\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("test.tsv").hasMessageContaining("header");
    }

    @Test
    void rejectsALineWithoutATabNamingTheLine() {
        assertThatThrownBy(() -> parse("category\tpattern\nteaser\tread more\nadvert advertisement\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("test.tsv line 3");
    }

    @Test
    void rejectsABadRegularExpressionNamingTheLine() {
        assertThatThrownBy(() -> parse("category\tpattern\n\nteaser\t(?:read more\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("test.tsv line 3").hasMessageContaining("bad pattern");
    }

    private static List<BoilerplatePatterns.Entry> parse(String tsv) throws IOException {
        return BoilerplatePatterns.parse(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), "test.tsv");
    }
}
