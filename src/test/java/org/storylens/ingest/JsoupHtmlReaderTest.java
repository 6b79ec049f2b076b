package org.storylens.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsoupHtmlReaderTest {

    private static final String P1 = "Water levels at the Upper Brook reservoir have fallen to 23 percent of capacity, "
            + "the lowest since records began in 1962, the water company said on Wednesday.";
    private static final String P2 = "A hosepipe ban covering 1.2 million households will start on Friday. Engineers "
            + "are moving water from the northern reservoirs through a temporary pipeline.";
    private static final String P3 = "\"We are asking everyone to use water wisely,\" said operations director Priya "
            + "Natarajan. Farmers say the drought has already cut their hay yields by a third.";
    private static final String CAPTION = "The dried-out bed of the Upper Brook reservoir. Photo: Sam Reid";

    /** The article as a news site wraps it: cookie banner, header and navigation, ads, share bar, related, comments. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>Reservoir levels fall to record low | The Valley Courier</title>
            <meta property="og:title" content="Reservoir levels fall to record low">
            <meta property="og:site_name" content="The Valley Courier">
            <meta property="article:published_time" content="2024-08-14T07:30:00+01:00">
            <link rel="canonical" href="https://valley-courier.test/news/reservoir-record-low">
            <script>window.dataLayer = [{page: 'article'}];</script>
            <style>body { font-family: serif; }</style>
            </head>
            <body>
            <div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our site.
              Accept all cookies?</p><button>Accept</button></div>
            <header class="site-header"><a href="/">The Valley Courier</a>
              <nav><ul><li><a href="/news">Local news</a></li><li><a href="/sport">Weekend sport</a></li></ul></nav>
            </header>
            <div class="ad-slot"><p>Advertisement: discount garden hoses, this week only</p></div>
            <main>
            <article>
              <h1>Reservoir levels fall to record low</h1>
              <p class="byline">By Hannah Okafor</p>
              <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
              <p>%s</p>
              <figure><img src="dry.jpg" alt=""><figcaption>%s</figcaption></figure>
              <p>%s</p>
              <div class="ad"><p>Advertisement: holidays in the sun</p></div>
              <p>%s</p>
              <script>trackArticle('reservoir-record-low');</script>
            </article>
            <aside class="related"><h2>Related stories</h2><ul>
              <li><a href="/a">Heatwave to continue into September</a></li>
              <li><a href="/b">Farmers count the cost of a dry summer</a></li></ul></aside>
            <section id="comments" class="comments"><h2>Comments (14)</h2>
              <div class="comment"><p>Fix the leaks first, then talk to us about hosepipes!</p></div></section>
            </main>
            <footer><p>© 2024 The Valley Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
            </body></html>
            """.formatted(P1, CAPTION, P2, P3);

    private final JsoupHtmlReader reader = new JsoupHtmlReader(new TextDecoder(), 1 << 20);

    // --- title

    @Test
    void titleComesFromOpenGraph() throws Exception {
        assertThat(read(PAGE).metadata().title()).isEqualTo("Reservoir levels fall to record low");
    }

    @Test
    void titleFallsBackToTheTitleElementWithoutTheSiteSuffix() throws Exception {
        String page = page("""
                <title>Reservoir levels fall to record low | The Valley Courier</title>
                <meta property="og:site_name" content="The Valley Courier">
                """);

        assertThat(read(page).metadata().title()).isEqualTo("Reservoir levels fall to record low");
    }

    @Test
    void titleSuffixNamingTheJsonLdPublisherIsStripped() throws Exception {
        String page = page("""
                <title>Reservoir levels fall to record low | The Valley Courier</title>
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "NewsArticle",
                 "publisher": {"@type": "Organization", "name": "The Valley Courier"}}
                </script>
                """);

        RawArticle article = read(page);

        assertThat(article.metadata().outlet()).isEqualTo("The Valley Courier");
        assertThat(article.metadata().title()).isEqualTo("Reservoir levels fall to record low");
    }

    @Test
    void titleElementSuffixIsStrippedEvenWhenTheSiteIsNotNamedElsewhere() throws Exception {
        String page = page("<title>Reservoir levels fall to record low | The Valley Courier</title>");

        assertThat(read(page).metadata().title()).isEqualTo("Reservoir levels fall to record low");
    }

    @Test
    void titleFallsBackToTheFirstHeading() throws Exception {
        String page = "<html><head></head><body><article><h1>Reservoir levels fall to record low</h1>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p></article></body></html>";

        assertThat(read(page).metadata().title()).isEqualTo("Reservoir levels fall to record low");
    }

    @Test
    void theStoryHeadingIsPreferredToTheTitleElementAndSiteNamesAreStrippedFromEither() throws Exception {
        String page = "<html><head><title>Water firm fined after leak | Valley Courier | Local News</title></head>"
                + "<body><div class=\"logo\"><h1>Valley Courier</h1></div><article><h1>Water firm fined after "
                + "reservoir leak</h1><p>" + P1 + "</p><p>" + P2 + "</p></article></body></html>";
        String ogWithSite = page("<meta property=\"og:title\" content=\"Reservoir levels fall to record low - "
                + "Valley Courier\"><link rel=\"canonical\" href=\"https://www.valleycourier.test/news/1\">");
        String prefixed = page("<title>Valley Courier: Reservoir levels fall to record low</title>"
                + "<link rel=\"canonical\" href=\"https://valleycourier.test/news/1\">");

        assertThat(read(page).metadata().title()).isEqualTo("Water firm fined after reservoir leak");
        assertThat(read(ogWithSite).metadata().title()).isEqualTo("Reservoir levels fall to record low");
        assertThat(read(prefixed).metadata().title()).isEqualTo("Reservoir levels fall to record low");
    }

    @Test
    void aColonOrDashInsideAHeadlineStays() throws Exception {
        String page = page("<meta property=\"og:title\" content=\"Drought: reservoir levels fall - again\">"
                + "<link rel=\"canonical\" href=\"https://valleycourier.test/news/1\">");

        assertThat(read(page).metadata().title()).isEqualTo("Drought: reservoir levels fall - again");
    }

    // --- publication date

    @Test
    void publishedAtComesFromTheArticleMetaTag() throws Exception {
        assertThat(read(PAGE).metadata().publishedAt()).isEqualTo("2024-08-14T07:30:00+01:00");
    }

    @Test
    void publishedAtComesFromJsonLd() throws Exception {
        String page = page("""
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Reservoir levels fall",
                 "datePublished": "2024-08-14T07:30:00Z", "dateModified": "2024-08-15T09:00:00Z"}
                </script>
                """);

        assertThat(read(page).metadata().publishedAt()).isEqualTo("2024-08-14T07:30:00Z");
    }

    @Test
    void publishedAtComesFromJsonLdInsideAGraph() throws Exception {
        String page = page("""
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "@id": "https://valley-courier.test/#website", "name": "Valley Courier"},
                  {"@type": "NewsArticle", "headline": "Reservoir levels fall", "datePublished": "2024-08-14"}]}
                </script>
                """);

        assertThat(read(page).metadata().publishedAt()).isEqualTo("2024-08-14");
    }

    @Test
    void malformedJsonLdIsIgnored() throws Exception {
        String page = page("""
                <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>
                <meta property="og:title" content="Reservoir levels fall">
                """);

        RawArticle article = read(page);

        assertThat(article.metadata().publishedAt()).isNull();
        assertThat(article.metadata().title()).isEqualTo("Reservoir levels fall");
    }

    @Test
    void publishedAtComesFromATimeElement() throws Exception {
        String page = "<html><body><article><h1>Reservoir levels fall</h1>"
                + "<p class=\"dateline\"><time datetime=\"2024-08-14T07:30\">14 August</time></p>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p></article></body></html>";

        assertThat(read(page).metadata().publishedAt()).isEqualTo("2024-08-14T07:30");
    }

    @Test
    void jsonLdDatePublishedIsTrustedBeforeMetaTagsAndModificationDates() throws Exception {
        String page = page("""
                <meta property="article:modified_time" content="2024-09-01T10:00:00+01:00">
                <meta name="date" content="2024-08-20">
                <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-08-14T07:30:00+01:00"}
                </script>
                """);

        assertThat(read(page).metadata().publishedAt()).isEqualTo("2024-08-14T07:30:00+01:00");
    }

    @Test
    void publishedAtComesFromMetaTagsUnderOtherNames() throws Exception {
        for (String tag : new String[] {"<meta name=\"DC.date.issued\" content=\"2024-08-14\">",
                "<meta name=\"publish_date\" content=\"2024-08-14\">",
                "<meta itemprop=\"datePublished\" content=\"2024-08-14\">",
                "<meta name=\"parsely-pub-date\" content=\"2024-08-14\">",
                "<meta property=\"og:published_time\" content=\"2024-08-14\">"}) {
            assertThat(read(page(tag)).metadata().publishedAt()).as(tag).isEqualTo("2024-08-14");
        }
    }

    @Test
    void publishedAtComesFromTheUrlPathWhenThePageStatesNone() throws Exception {
        String page = page("<link rel=\"canonical\" href=\"https://valley-courier.test/2024/08/14/reservoir-low/\">");

        assertThat(read(page).metadata().publishedAt()).isEqualTo("2024-08-14");
        assertThat(HtmlDates.urlDate("https://valley-courier.test/news/20240814/reservoir")).isEqualTo("2024-08-14");
        assertThat(HtmlDates.urlDate("https://valley-courier.test/2024-8-4-reservoir")).isEqualTo("2024-08-04");
        assertThat(HtmlDates.urlDate("https://valley-courier.test/news/2024/reservoir-1234567")).isNull();
    }

    @Test
    void publishedAtComesFromTheVisibleDateLineLast() throws Exception {
        String page = "<html><body><article><h1>Reservoir levels fall</h1><div class=\"post-meta\">"
                + "<span class=\"entry-date\">Published August 14, 2024 at 7:30 am</span></div><p>" + P1 + "</p><p>"
                + P2 + "</p></article></body></html>";

        assertThat(read(page).metadata().publishedAt()).isEqualTo("Published August 14, 2024 at 7:30 am");
    }

    @Test
    void aUtcDateGivesWayToTheSameInstantWithThePagesOwnOffset() throws Exception {
        String page = page("""
                <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-08-15T02:30:00Z"}
                </script>
                <meta property="article:published_time" content="2024-08-14T22:30:00-04:00">
                """);

        assertThat(read(page).metadata().publishedAt()).isEqualTo("2024-08-14T22:30:00-04:00");
    }

    // --- outlet, url, language

    @Test
    void outletComesFromOpenGraphSiteName() throws Exception {
        assertThat(read(PAGE).metadata().outlet()).isEqualTo("The Valley Courier");
    }

    @Test
    void outletComesFromTheJsonLdPublisher() throws Exception {
        String page = page("""
                <script type="application/ld+json">
                [{"@type": "NewsArticle", "publisher": [{"@type": "Organization", "name": "Valley Courier"}]}]
                </script>
                """);

        assertThat(read(page).metadata().outlet()).isEqualTo("Valley Courier");
    }

    @Test
    void outletComesFromAJsonLdPublisherReferencedInsideAGraph() throws Exception {
        String page = page("""
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "NewsArticle", "headline": "Reservoir levels fall",
                   "publisher": {"@id": "https://valley-courier.test/#organization"}},
                  {"@type": "Organization", "@id": "https://valley-courier.test/#organization",
                   "name": "Valley Courier"}]}
                </script>
                """);

        assertThat(read(page).metadata().outlet()).isEqualTo("Valley Courier");
    }

    @Test
    void urlComesFromTheCanonicalLink() throws Exception {
        assertThat(read(PAGE).metadata().url()).isEqualTo("https://valley-courier.test/news/reservoir-record-low");
    }

    @Test
    void languageComesFromTheHtmlElement() throws Exception {
        assertThat(read(PAGE).metadata().language()).isEqualTo("en-GB");
    }

    // --- main content

    @Test
    void keepsTheArticleParagraphsInOrder() throws Exception {
        String text = read(PAGE).text();

        assertThat(text).containsSubsequence(P1, P2, P3);
        assertThat(text.split("\n\n")).contains(P1, P2, P3);
    }

    @Test
    void dropsNavigationHeaderFooterCookieBannerRelatedCommentsShareBarAdsAndScripts() throws Exception {
        String text = read(PAGE).text();

        assertThat(text)
                .doesNotContain("Local news", "Weekend sport")
                .doesNotContain("cookies", "Accept")
                .doesNotContain("All rights reserved", "Privacy policy")
                .doesNotContain("Related stories", "Heatwave to continue", "Farmers count the cost")
                .doesNotContain("Comments (14)", "Fix the leaks")
                .doesNotContain("Share on Facebook", "Share by email")
                .doesNotContain("Advertisement")
                .doesNotContain("trackArticle", "dataLayer", "font-family");
    }

    @Test
    void reportsTheFigureCaptionAndBylineAsRemoved() throws Exception {
        RawArticle article = read(PAGE);

        assertThat(article.removed()).contains(CAPTION, "By Hannah Okafor");
        assertThat(article.text()).doesNotContain("Sam Reid", "Hannah Okafor");
    }

    @Test
    void layoutWrapperWhoseClassMentionsASidebarKeepsTheArticleButLosesTheSidebar() throws Exception {
        String page = "<html><body><div class=\"layout has-sidebar\"><div class=\"story-body\"><p>" + P1 + "</p><p>"
                + P2 + "</p></div><div class=\"sidebar\"><a href=\"/a\">Heatwave to continue into September</a>"
                + "</div></div></body></html>";

        String text = read(page).text();

        assertThat(text).contains(P1, P2).doesNotContain("Heatwave");
    }

    @Test
    void commentsSectionLongerThanTheArticleIsStillDropped() throws Exception {
        String comment = "<p>I have lived here forty years and never seen the reservoir this low; fix the leaks.</p>";
        String page = "<html><body><div class=\"story\"><p>" + P1 + "</p><p>" + P2 + "</p></div>"
                + "<section id=\"comments\"><h2>Readers' comments</h2>" + comment.repeat(6) + "</section></body></html>";

        String text = read(page).text();

        assertThat(text).contains(P1, P2).doesNotContain("forty years", "Readers' comments");
    }

    @Test
    void junkWordsInsideLongerClassTokensDoNotRemoveTheArticle() throws Exception {
        for (String wrapper : new String[] {"class=\"box article modal-enabled\"", "class=\"margin_top_10 ad_body\"",
                "class=\"content-sidebar-wrap\"", "class=\"sidebar-and-content-body\"", "id=\"sidebar_content\""}) {
            String page = "<html><body><div " + wrapper + "><p>" + P1 + "</p><p>" + P2 + "</p></div>"
                    + "<div class=\"sidebar\"><a href=\"/w\">Weather in the valley</a> <a href=\"/x\">Exchange rates</a>"
                    + "</div></body></html>";

            String text = read(page).text();

            assertThat(text).as(wrapper).contains(P1, P2).doesNotContain("Exchange rates");
        }
    }

    @Test
    void wholeJunkTokensJoinedToLayoutWordsAreStillJunk() {
        assertThat(PageChrome.junkToken("share-bar")).isNotEqualTo(PageChrome.junkToken("ad_body"));
        assertThat(PageChrome.junkToken("post_comments").name()).isEqualTo("HARD");
        assertThat(PageChrome.junkToken("sidebar-left").name()).isEqualTo("SOFT");
        assertThat(PageChrome.junkToken("relatedArticles").name()).isEqualTo("HARD");
        assertThat(PageChrome.junkToken("ad_body").name()).isEqualTo("NONE");
        assertThat(PageChrome.junkToken("modal-enabled").name()).isEqualTo("NONE");
        assertThat(PageChrome.junkToken("shadow").name()).isEqualTo("NONE");
    }

    @Test
    void aShareClassOnTheArticleWrapperKeepsTheArticleButAShareBarGoes() throws Exception {
        String page = "<html><body><div class=\"entry themeform share\"><div class=\"share\"><a href=\"#\">"
                + "Share on Facebook</a></div><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></body></html>";

        String text = read(page).text();

        assertThat(text).contains(P1, P2, P3).doesNotContain("Share on Facebook");
    }

    @Test
    void aFormWrappingTheWholePageKeepsTheArticleAndACommentFormGoes() throws Exception {
        String page = "<html><body><form id=\"page\" method=\"post\"><nav><a href=\"/\">Home</a></nav>"
                + "<div class=\"story\"><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></form>"
                + "<form class=\"reply\"><label>Leave a reply</label><textarea></textarea></form></body></html>";

        String text = read(page).text();

        assertThat(text).contains(P1, P2, P3).doesNotContain("Leave a reply");
    }

    @Test
    void aPaywallBlockHoldingTheRestOfTheArticleIsKept() throws Exception {
        String page = "<html><body><article><p>" + P1 + "</p><div class=\"paywall\"><p>" + P2 + "</p><p>" + P3
                + "</p><p>" + P1.replace("Wednesday", "Thursday") + "</p></div></article><div class=\"paywall\"><p>Subscribe to keep reading.</p></div></body></html>";

        String text = read(page).text();

        assertThat(text).contains(P1, P2, P3).doesNotContain("Subscribe to keep reading");
    }

    @Test
    void aHiddenCopyOfTheArticleBodyIsDroppedButAHiddenOnlyCopyIsRead() throws Exception {
        String body = "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>";
        String duplicated = "<html><body><article>" + body + "</article><div style=\"display: none\">"
                + "<div itemprop=\"articleBody\">" + body + "</div></div><div hidden>" + body + "</div>"
                + "<div aria-hidden=\"true\"><p>Menu</p></div></body></html>";
        String onlyHidden = "<html><body><div class=\"story\" style=\"display:none\">" + body + "</div>"
                + "<div><a href=\"/\">Home</a></div></body></html>";

        String text = read(duplicated).text();

        assertThat(text.split(java.util.regex.Pattern.quote(P1), -1)).hasSize(2);
        assertThat(text).doesNotContain("Menu");
        assertThat(read(onlyHidden).text()).contains(P1, P2, P3);
    }

    @Test
    void inlineLinksStayInsideTheirSentence() throws Exception {
        String page = "<html><body><article><p>Shares of the hardware\n   <a href=\"/q/hw\">Home Supplies Group</a>\n"
                + "   fell 4 percent after it cut its forecast, <em>analysts</em> said.</p><p>" + P1 + "</p><p>" + P2
                + "</p></article></body></html>";

        String text = read(page).text();

        assertThat(text).contains("Shares of the hardware Home Supplies Group fell 4 percent after it cut its forecast, "
                + "analysts said.");
    }

    @Test
    void relatedStoryLinksAndTeaserCardsInsideTheArticleGoButLinksInASentenceStay() throws Exception {
        String page = "<html><body><article><h1>Reservoir levels fall to record low</h1><p>" + P1 + "</p>"
                + "<p><strong><a href=\"/news/heatwave\">HEATWAVE TO LAST INTO SEPTEMBER, FORECASTERS SAY</a></strong></p>"
                + "<p>" + P2 + " The <a href=\"/report\">full drought report</a> is online.</p>"
                + "<p>Also on Courier <a href=\"/news/farmers\">Farmers count the cost of a dry summer as hay and wheat yields "
                + "fall by a third</a></p><p>" + P3 + "</p>"
                + "<article class=\"card\"><a href=\"/news/ponds\"><h3>Garden ponds dry up across the valley</h3></a>"
                + "<p>Frogs are on the move.</p></article></article></body></html>";

        String text = read(page).text();

        assertThat(text).contains(P1, P3, P2 + " The full drought report is online.")
                .doesNotContain("HEATWAVE", "Farmers count the cost", "Garden ponds", "Frogs");
    }

    @Test
    void anEmbeddedVideoBetweenTheLeadAndTheBodyKeepsTheLead() throws Exception {
        String page = "<html><body><header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>"
                + "<main><article><h1>Reservoir levels fall to record low</h1><div class=\"story-intro\"><p>" + P1
                + "</p></div><div class=\"media-block embed\"><figure class=\"video\"><video src=\"/v/1.mp4\" "
                + "controls></video><figcaption>Video: the reservoir from the air (2:14)</figcaption></figure>"
                + "<div class=\"related\"><a href=\"/v/2\">More videos</a> <a href=\"/v/3\">Watch: dry summers</a>"
                + "</div></div><div class=\"story-body\"><p>" + P2 + "</p><p>" + P3 + "</p></div></article></main>"
                + "<footer>© Courier</footer></body></html>";

        String text = read(page).text();

        assertThat(text).contains(P1, P2, P3).doesNotContain("More videos");
        assertThat(text.indexOf(P1)).isLessThan(text.indexOf(P2));
    }

    @Test
    void anOpenLetterIsReadWithItsSignatoriesNotInsteadOfThem() throws Exception {
        StringBuilder names = new StringBuilder();
        for (String first : new String[]{"Ana", "Jonas", "Lena", "Piet", "Mara", "Eda"}) {
            for (String last : new String[]{"Holt", "Krell", "Venn", "Sel", "Ruiz"}) {
                names.append("<li>Dr ").append(first).append(' ').append(last)
                        .append(", Professor of Hydrology, University of Brannsk</li>");
            }
        }
        String page = "<html><body><main><article><h1>Open letter: save the Upper Brook reservoir</h1><p>" + P1
                + "</p><p>" + P2 + "</p><p>" + P3 + "</p><h2>Signatories</h2><ul class=\"signatories\">" + names
                + "</ul></article></main></body></html>";

        String text = read(page).text();

        assertThat(text).contains(P1, P2, P3);
        assertThat(text.indexOf(P1)).isLessThan(text.indexOf("Dr Ana Holt"));
    }

    @Test
    void aListOfLinksThatIsTheArticleStays() throws Exception {
        String page = "<html><body><article><h1>Where to get water advice</h1><p>Our guides:</p><ul>"
                + "<li><a href=\"/g/1\">Saving water in the garden during a hosepipe ban</a></li>"
                + "<li><a href=\"/g/2\">How to report a leak to the water company</a></li>"
                + "<li><a href=\"/g/3\">What the drought means for farmers and growers</a></li></ul></article></body></html>";

        assertThat(read(page).text()).contains("How to report a leak to the water company");
    }

    @Test
    void subheadingsAndListItemsOfTheArticleAreParagraphsOfTheirOwn() throws Exception {
        String page = "<html><body><article><p>" + P1 + "</p><h2>What the ban covers</h2><ul>"
                + "<li>Watering gardens with a hosepipe</li><li>Filling <a href=\"/pools\">private pools</a></li>"
                + "</ul><p>" + P2 + "</p><p>" + P3 + "</p></article></body></html>";

        String text = read(page).text();

        assertThat(text.split("\n\n")).containsSubsequence(P1, "What the ban covers",
                "Watering gardens with a hosepipe", "Filling private pools", P2, P3);
    }

    @Test
    void wrapperWhoseClassMentionsCaptionsIsNotTakenForACaption() throws Exception {
        String page = "<html><body><div class=\"entry-content has-captions\"><p>" + P1 + "</p>"
                + "<p class=\"wp-caption-text\">" + CAPTION + "</p><p>" + P2 + "</p></div></body></html>";

        RawArticle article = read(page);

        assertThat(article.text()).contains(P1, P2).doesNotContain(CAPTION);
        assertThat(article.removed()).containsExactly(CAPTION);
    }

    @Test
    void bylineInsideABodyParagraphStaysInTheText() throws Exception {
        String page = "<html><body><article><p>" + P1 + "</p><p>" + P2 + " Additional reporting by "
                + "<span class=\"byline\">Tom Price</span>.</p></article></body></html>";

        RawArticle article = read(page);

        assertThat(article.text()).contains("Additional reporting by Tom Price.");
        assertThat(article.removed()).isEmpty();
    }

    @Test
    void honoursADeclaredWindows1251Charset() throws Exception {
        String russian = "Уровень воды в водохранилище упал до рекордно низкой отметки, сообщила в среду "
                + "водоканальная компания. Запрет на полив вступит в силу в пятницу.";
        String page = "<html lang=\"ru\"><head><meta charset=windows-1251><title>Водохранилище мелеет</title></head>"
                + "<body><article><p>" + russian + "</p></article></body></html>";

        ReadResult result = reader.read(Input.ofBytes("ru.html", page.getBytes(Charset.forName("windows-1251"))));

        RawArticle article = result.articles().get(0);
        assertThat(article.text()).isEqualTo(russian);
        assertThat(article.metadata().title()).isEqualTo("Водохранилище мелеет");
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void aStrayInvalidByteInADeclaredUtf8PageIsReplacedAndTheRestDecodedAsUtf8() throws Exception {
        String page = "<html><head><meta charset=\"utf-8\"><title>Café owners protest in Zürich</title></head><body>"
                + "<article><p>Café owners in Zürich marched past the façades on Friday. STRAY</p><p>" + P1
                + "</p></article></body></html>";
        byte[] utf8 = utf8(page);
        byte[] bytes = new String(utf8, StandardCharsets.ISO_8859_1).replace("STRAY", "caf\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1); // one Latin-1 byte (0xE9) alone in UTF-8 text

        RawArticle article = reader.read(Input.ofBytes("stray.html", bytes)).articles().get(0);

        assertThat(article.metadata().title()).isEqualTo("Café owners protest in Zürich");
        assertThat(article.text()).contains("Zürich marched past the façades").contains("caf\uFFFD");
        assertThat(article.warnings()).singleElement().asString()
                .contains("1 invalid byte sequence(s) in the declared UTF-8 replaced");
    }

    @Test
    void warnsWhenTheEncodingHadToBeGuessed() throws Exception {
        String page = "<html><head><title>Café owners protest</title></head><body><p>Café owners in Zürich marched "
                + "past the façades on Friday.</p></body></html>";

        RawArticle article = reader.read(Input.ofBytes("cafe.html", page.getBytes(StandardCharsets.ISO_8859_1)))
                .articles().get(0);

        assertThat(article.text()).contains("façades");
        assertThat(article.warnings()).singleElement().asString().contains("windows-1252");
    }

    @Test
    void malformedHtmlStillYieldsItsText() throws Exception {
        String page = "<title>Reservoir levels fall</title>\n<div class=\"story\"><p>" + P1 + "\n<p>" + P2
                + "</div></div></span>\n<p><b>" + P3 + "\n<div>";

        RawArticle article = read(page);

        assertThat(article.text()).contains(P1, P2, P3);
        assertThat(article.metadata().title()).isEqualTo("Reservoir levels fall");
    }

    @Test
    void pageWithoutTextFailsNamingTheInput() {
        String page = "<html><head><title>Empty</title><script>var x = 1;</script></head><body>"
                + "<nav><a href=\"/\">Home</a></nav><img src=\"a.png\"><script>render()</script></body></html>";

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> reader.read(Input.ofBytes("empty.html", utf8(page))));

        assertThat(e.input()).isEqualTo("empty.html");
        assertThat(e.reason()).startsWith("no article text found");
    }

    @Test
    void shortArticleThatReadabilityPassesOverIsTakenFromTheArticleElement() throws Exception {
        String page = "<html><body><div class=\"menu-links\"><a href=\"/\">Home</a></div>"
                + "<article><p>Brook reservoir at 23 percent.</p><ul><li>Hosepipe ban from Friday</li>"
                + "<li>Pipeline from the north</li></ul></article>"
                + "<div><p>Unrelated newsletter text outside the article.</p></div></body></html>";

        RawArticle article = read(page);

        assertThat(article.text()).isEqualTo(
                "Brook reservoir at 23 percent.\n\nHosepipe ban from Friday\n\nPipeline from the north");
    }

    @Test
    void shortTextWithoutArticleOrMainIsTakenFromTheBody() throws Exception {
        String page = "<html><body><h2>Notice</h2><div>The reservoir car park is closed today.</div></body></html>";

        assertThat(read(page).text()).isEqualTo("Notice\n\nThe reservoir car park is closed today.");
    }

    @Test
    void keepsTheStandfirstInTheStoryHeaderButDropsThePageMasthead() throws Exception {
        String page = "<html><body><header class=\"site\"><a href=\"/\">The Valley Courier</a> Subscribe</header>"
                + "<article><header><h1>Reservoir levels fall to record low</h1>"
                + "<p class=\"standfirst\">Hosepipe ban for 1.2 million homes as the dry spell enters a third month.</p>"
                + "</header><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article></body></html>";

        String text = read(page).text();

        assertThat(text).contains("Hosepipe ban for 1.2 million homes as the dry spell enters a third month.")
                .contains(P1).doesNotContain("Subscribe");
    }

    @Test
    void idIsTheFileNameWithoutExtension() throws Exception {
        ReadResult result = reader.read(Input.ofBytes("/in/2024/reservoir-low.html", utf8(PAGE)));

        assertThat(result.articles()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("reservoir-low");
            assertThat(a.origin()).isEqualTo("/in/2024/reservoir-low.html");
            assertThat(a.format()).isEqualTo(SourceFormat.HTML);
        });
    }

    /** A page with the given head and a plain article body, nothing else. */
    // --- hostile markup

    /** Markup nested {@code depth} levels deep around a sentence, after the article's first two paragraphs. */
    private static String nestedPage(String tag, int depth) {
        StringBuilder html = new StringBuilder("<html><head><title>Deep</title></head><body><article><p>" + P1
                + "</p><p>" + P2 + "</p>");
        html.append(("<" + tag + ">").repeat(depth)).append("The innermost sentence is still read.");
        html.append(("</" + tag + ">").repeat(depth)).append("</article></body></html>");
        return html.toString();
    }

    @Test
    void readsHtmlNested100000LevelsDeepWithTheDeepMarkupAsTextAndAWarning() throws Exception {
        JsoupHtmlReader large = new JsoupHtmlReader(new TextDecoder(), 8 << 20);

        ReadResult result = large.read(Input.ofBytes("deep.html", utf8(nestedPage("div", 100_000))));

        RawArticle article = result.articles().get(0);
        assertThat(article.text()).contains(P1, P2, "The innermost sentence is still read.");
        assertThat(article.warnings()).singleElement().asString()
                .contains("HTML nested deeper than " + Limits.MAX_HTML_DEPTH + " levels");
    }

    @Test
    void htmlNestedWithinTheLimitIsReadWithoutAWarning() throws Exception {
        RawArticle article = read(nestedPage("div", Limits.MAX_HTML_DEPTH - 10));

        assertThat(article.text()).contains(P1, "The innermost sentence is still read.");
        assertThat(article.warnings()).isEmpty();
    }

    private static String page(String head) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body><article><p>" + P1
                + "</p><p>" + P2 + "</p></article></body></html>";
    }

    private RawArticle read(String html) throws IngestException {
        ReadResult result = reader.read(Input.ofBytes("page.html", utf8(html)));
        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).hasSize(1);
        return result.articles().get(0);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
