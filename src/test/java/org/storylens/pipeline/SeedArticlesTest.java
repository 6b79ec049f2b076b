package org.storylens.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.clean.Article;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The five real reports of the Biden–Putin call in ../shared: what the foundation must get right on them. */
class SeedArticlesTest {

    private static Map<String, Article> byPrefix;
    private static BatchResult result;

    @BeforeAll
    static void readSeeds() {
        result = SeedArticles.cleaned();
        byPrefix = result.articles().stream()
                .collect(Collectors.toMap(a -> a.id().substring(0, 3), Function.identity()));
    }

    @Test
    void readsAllFiveWithoutFailures() {
        assertThat(result.failures()).isEmpty();
        assertThat(byPrefix).containsOnlyKeys("000", "001", "002", "003", "004");
        assertThat(byPrefix.values()).allSatisfy(a -> assertThat(a.language()).isEqualTo("en"));
    }

    @Test
    void findsPublicationDates() {
        assertThat(byPrefix.get("001").publishedAt()).isIn("2021-12-03", "2021-12-04");
        assertThat(byPrefix.get("002").publishedAt()).isEqualTo("2021-12-05");
        assertThat(byPrefix.get("004").publishedAt()).isEqualTo("2021-12-05");
        assertThat(byPrefix.get("004").published().yearInferred()).isTrue();
        assertThat(byPrefix.get("002").published().yearInferred()).isFalse();
    }

    @Test
    void findsOutletsAndWire() {
        assertThat(byPrefix.get("001").outlet()).isEqualTo("TASS");
        assertThat(byPrefix.get("004").outlet()).isEqualTo("Chinanews");
        assertThat(byPrefix.get("002").outlet()).isEqualTo("24 News HD");
        assertThat(byPrefix.get("002").wire()).isEqualTo("AFP");
    }

    @Test
    void removesDebrisAndListsIt() {
        assertRemoved("000", "See also");
        assertRemoved("001", "date 2021-12-04", "MOSCOW, December 3. / TASS /.");
        assertRemoved("002", "Stay tuned with 24 News HD Android App", "Get it on Google Play",
                "Caption: File photo of President Putin.", "Agence France-Presse is an international news agency.",
                "Published: 11:34 AM, 5 Dec, 2021");
        assertRemoved("004", "Chinanews, December 5th");
        assertRemoved("003", "4 mins read", "Leave a Reply", "Your email address will not be published.",
                "Send this to a friend");
    }

    @Test
    void keepsTheArticleBody() {
        assertThat(byPrefix.get("002").text()).startsWith("Russian President Vladimir Putin and his US counterpart")
                .contains("\"They've invaded before,\" he said")
                .endsWith("several waves of diplomatic expulsions.");
        assertThat(byPrefix.get("003").text()).contains("Ukrainian officials have estimated more than 90,000");
        assertThat(byPrefix.get("004").text()).contains("Russia may send 175,000 soldiers");
        assertThat(byPrefix.get("000").text()).contains("Anthony Blink");
        // cross-heads are part of the article, not debris
        assertThat(byPrefix.get("004").text()).contains("\n\nDrums of war\n\n").contains("Biden worried about Ukraine");
        assertThat(byPrefix.get("002").text()).contains("- 'Security guarantees' -");
    }

    @Test
    void takesTitlesFromHeadlineLines() {
        assertThat(byPrefix.get("002").title()).isEqualTo("Biden-Putin talks set for Tuesday amid Ukraine tension");
        assertThat(byPrefix.get("003").title())
                .isEqualTo("Biden, Putin Prepared to Talk Next Week Amid Ukraine Tensions: Russia");
        assertThat(byPrefix.get("002").removedBoilerplate())
                .contains("Biden-Putin talks set for Tuesday amid Ukraine tension");
    }

    @Test
    void marksTheUntranslatedRussianPhrase() {
        Article tass = byPrefix.get("001");
        assertThat(tass.foreignFragments()).anySatisfy(f -> {
            assertThat(f.language()).isEqualTo("ru");
            assertThat(tass.text().substring(f.start(), f.end())).isEqualTo(f.text());
        });
        assertThat(tass.text()).contains("[обсуждать");
    }

    private static void assertRemoved(String prefix, String... starts) {
        Article a = byPrefix.get(prefix);
        for (String s : starts) {
            assertThat(a.removedBoilerplate()).as("%s removed", prefix).anySatisfy(r -> assertThat(r).startsWith(s));
            assertThat(a.text()).as("%s text", prefix).doesNotContain(s);
        }
    }
}
