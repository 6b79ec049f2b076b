package org.storylens.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsRulesTest {

    /** The example of RFC 9309, section 5.1. */
    private static final String RFC_EXAMPLE = """
            User-Agent: *
            Disallow: *.gif$
            Disallow: /example/
            Allow: /publications/

            User-Agent: foobot
            Disallow:/
            Allow:/example/page.html
            Allow:/example/allowed.gif

            User-Agent: barbot
            User-Agent: bazbot
            Disallow: /example/page.html

            User-Agent: quxbot

            EOF
            """;

    @Test
    void appliesTheGroupThatNamesTheCrawlerAsInTheRfcExample() {
        RobotsRules foobot = RobotsRules.parse(RFC_EXAMPLE, "foobot");

        assertThat(foobot.allows("/example/page.html")).isTrue();
        assertThat(foobot.allows("/example/allowed.gif")).isTrue();
        assertThat(foobot.allows("/example/other.html")).isFalse();
        assertThat(foobot.allows("/publications/")).isFalse();
    }

    @Test
    void agentLinesInARowShareTheirGroup() {
        for (String agent : new String[] {"barbot", "bazbot"}) {
            RobotsRules rules = RobotsRules.parse(RFC_EXAMPLE, agent);

            assertThat(rules.allows("/example/page.html")).as(agent).isFalse();
            assertThat(rules.allows("/example/other.html")).as(agent).isTrue();
        }
    }

    @Test
    void aGroupWithoutRulesAllowsEverythingAndTheStarGroupServesOtherCrawlers() {
        RobotsRules quxbot = RobotsRules.parse(RFC_EXAMPLE, "quxbot");
        RobotsRules other = RobotsRules.parse(RFC_EXAMPLE, "storylens");

        assertThat(quxbot.allows("/example/x.gif")).isTrue();
        assertThat(other.allows("/example/page.html")).isFalse();
        assertThat(other.allows("/images/logo.gif")).isFalse();
        assertThat(other.allows("/images/logo.gif?size=2")).isTrue();
        assertThat(other.allows("/publications/2024/report.html")).isTrue();
    }

    @Test
    void theLongestMatchingRuleWins() {
        RobotsRules rules = RobotsRules.parse("""
                User-Agent: storylens
                Allow: /example/page/
                Disallow: /example/page/disallowed.gif
                Disallow: /news
                Allow: /news/world/
                """);

        assertThat(rules.allows("/example/page/")).isTrue();
        assertThat(rules.allows("/example/page/disallowed.gif")).isFalse();
        assertThat(rules.allows("/news/local/a.html")).isFalse();
        assertThat(rules.allows("/news/world/a.html")).isTrue();
    }

    @Test
    void allowBeatsDisallowOfTheSameLength() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /page
                Allow: /page
                Disallow: /a*c
                Allow: /ab*
                """);

        assertThat(rules.allows("/page.html")).isTrue();
        assertThat(rules.allows("/abc")).isTrue();
        assertThat(rules.allows("/axc")).isFalse();
    }

    @Test
    void starMatchesAnyRunAndDollarAnchorsTheEnd() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /*/private/
                Disallow: /*.pdf$
                Disallow: /exactly$
                """);

        assertThat(rules.allows("/2024/private/a.html")).isFalse();
        assertThat(rules.allows("/a/b/private/")).isFalse();
        assertThat(rules.allows("/private/a.html")).isTrue();
        assertThat(rules.allows("/files/report.pdf")).isFalse();
        assertThat(rules.allows("/files/report.pdf?download=1")).isTrue();
        assertThat(rules.allows("/exactly")).isFalse();
        assertThat(rules.allows("/exactly/not")).isTrue();
    }

    @Test
    void matchesOurProductTokenCaseInsensitivelyAndMergesItsGroups() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /

                User-agent: StoryLens/0.1
                Disallow: /drafts/

                User-agent: storylens
                Disallow: /tmp/
                Crawl-delay: 5
                """);

        assertThat(rules.allows("/news/a.html")).isTrue();
        assertThat(rules.allows("/drafts/a.html")).isFalse();
        assertThat(rules.allows("/tmp/a.html")).isFalse();
        assertThat(rules.crawlDelay()).contains(Duration.ofSeconds(5));
    }

    @Test
    void matchesTheQueryAndComparesPercentEncodingNormalised() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /search?q=
                Disallow: /foo/bar/%62%61%7A
                Disallow: /caf\u00e9
                """);

        assertThat(rules.allows("https://news.example/search?q=storm")).isFalse();
        assertThat(rules.allows("https://news.example/search")).isTrue();
        assertThat(rules.allows("/foo/bar/baz")).isFalse();
        assertThat(rules.allows("/caf%c3%a9/menu")).isFalse();
    }

    @Test
    void ignoresCommentsUnknownLinesAndRulesBeforeAnyAgentLine() {
        RobotsRules rules = RobotsRules.parse("""
                Disallow: /everything-before-a-group
                # a comment
                Sitemap: https://news.example/sitemap.xml
                User-agent: * # all crawlers
                Unknown-key: whatever
                Disallow: /secret # not for you
                Disallow:
                """);

        assertThat(rules.allows("/everything-before-a-group")).isTrue();
        assertThat(rules.allows("/secret/a")).isFalse();
        assertThat(rules.allows("/public")).isTrue();
    }

    @Test
    void robotsTxtItselfIsAlwaysAllowed() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /\n").allows("/robots.txt")).isTrue();
        assertThat(RobotsRules.disallowAll().allows("/robots.txt")).isTrue();
        assertThat(RobotsRules.disallowAll().allows("/")).isFalse();
    }

    @Test
    void allowsEverythingWhenNoGroupAppliesOrTheFileIsEmpty() {
        assertThat(RobotsRules.parse("User-agent: otherbot\nDisallow: /\n").allows("/a")).isTrue();
        assertThat(RobotsRules.parse("").allows("/a")).isTrue();
        assertThat(RobotsRules.parse("").crawlDelay()).isEmpty();
    }

    @Test
    void readsFractionalCrawlDelaysAndIgnoresBadOnes() {
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: 2.5\n").crawlDelay())
                .contains(Duration.ofMillis(2500));
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: soon\n").crawlDelay()).isEmpty();
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: -3\n").crawlDelay()).isEmpty();
    }

    @Test
    void manyStarsAgainstALongPathStayFast() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b$\n");

        assertThat(rules.allows("/" + "a".repeat(5000))).isTrue();
    }
}
