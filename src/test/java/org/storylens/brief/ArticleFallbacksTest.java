package org.storylens.brief;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFallbacksTest {

    @Test
    void theSiteIsTheHostOfAWebAddressWithoutWww() {
        assertThat(ArticleFallbacks.site("https://www.dailypost.example/2025/03/dam")).isEqualTo("dailypost.example");
        assertThat(ArticleFallbacks.site("http://News.Example.org")).isEqualTo("news.example.org");
        assertThat(ArticleFallbacks.site(" https://dailypost.example ")).isEqualTo("dailypost.example");
    }

    @Test
    void anythingButAWebAddressHasNoSite() {
        assertThat(ArticleFallbacks.site(null)).isNull();
        assertThat(ArticleFallbacks.site("")).isNull();
        assertThat(ArticleFallbacks.site("javascript:alert(1)")).isNull();
        assertThat(ArticleFallbacks.site("file:///etc/passwd")).isNull();
        assertThat(ArticleFallbacks.site("002_96ae13a58f9e8ca5")).isNull();
        assertThat(ArticleFallbacks.site("https://exa mple.org/")).isNull();
    }

    @Test
    void theFirstSentenceEndsAtItsStopAndLongOnesAreCutAtAWord() {
        assertThat(ArticleFallbacks.firstSentence("  The dam gave way on Tuesday.\nWater poured out. "))
                .isEqualTo("The dam gave way on Tuesday.");
        assertThat(ArticleFallbacks.firstSentence("“We are working on it,” he said. Then more."))
                .isEqualTo("“We are working on it,” he said.");
        assertThat(ArticleFallbacks.firstSentence("No stop at all")).isEqualTo("No stop at all");
        String longOne = "word ".repeat(60).strip() + ".";
        String cut = ArticleFallbacks.firstSentence(longOne);
        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(ArticleFallbacks.SENTENCE_CHARS + 1);
        assertThat(cut.substring(0, cut.length() - 1)).endsWith("word");
        assertThat(ArticleFallbacks.firstSentence("   ")).isNull();
    }

    @Test
    void theLeadSentenceSkipsDatelinesAndIsCutAtAWord() {
        assertThat(ArticleFallbacks.leadSentence("date 2025-03-12\nReading time: 2 min\n\nMERAVIK, March 12. / VTA /. "
                + "The number of evacuated persons has risen to 1530, the directorate said. More later.", 200))
                .isEqualTo("The number of evacuated persons has risen to 1530, the directorate said.");
        String longSentence = "word ".repeat(60).strip() + ".";
        String lead = ArticleFallbacks.leadSentence(longSentence, 200);
        assertThat(lead).endsWith("word…").hasSizeLessThanOrEqualTo(201);
        assertThat(lead.substring(0, lead.length() - 1)).doesNotEndWith(" ").endsWith("word");
        assertThat(ArticleFallbacks.leadSentence("Short. Also short.", 200)).isEqualTo("Short.");
        assertThat(ArticleFallbacks.leadSentence("  ", 200)).isNull();
        assertThat(ArticleFallbacks.cut("a few words", 200)).isEqualTo("a few words");
    }
}
