package org.storylens.serve;

import org.junit.jupiter.api.Test;
import org.storylens.brief.ArticleEntry;
import org.storylens.brief.StoryBrief;
import org.storylens.ingest.Limits;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlinesTest {

    private static String longTitle(int chars) {
        StringBuilder t = new StringBuilder("Dam");
        for (int i = 0; t.length() < chars; i++) {
            t.append(i % 3 == 0 ? " spillway" : " collapse");
        }
        return t.toString();
    }

    @Test
    void cutsALongTitleAtAWordWithAnEllipsis() {
        String title = longTitle(10_000);
        String shown = Headlines.shown(title);
        assertThat(shown).endsWith("…").hasSizeLessThanOrEqualTo(Limits.MAX_LISTED_TITLE_CHARS + 1);
        String cut = shown.substring(0, shown.length() - 1);
        assertThat(title).startsWith(cut);
        assertThat(title.charAt(cut.length())).isEqualTo(' ');
        assertThat(Headlines.shown("Short title")).isEqualTo("Short title");
        assertThat(Headlines.shown((String) null)).isNull();
    }

    @Test
    void cutsOneHugeWordAndNeverHalfACharacter() {
        String word = "x".repeat(Limits.MAX_LISTED_TITLE_CHARS - 1) + "😀" + "y".repeat(1_000);
        String shown = Headlines.shown(word);
        assertThat(shown).hasSize(Limits.MAX_LISTED_TITLE_CHARS).endsWith("x…");
        assertThat(shown.chars().anyMatch(c -> Character.isSurrogate((char) c))).isFalse();
    }

    @Test
    void shortensTheTitlesABriefListsAndNothingElse() {
        String huge = longTitle(50_000);
        ArticleEntry long1 = new ArticleEntry("a-1", huge, "Herald", null, "2025-03-11", "en", List.of(), null);
        ArticleEntry short2 = new ArticleEntry("a-2", "Dam collapses", "Gazette", null, "2025-03-12", "en",
                List.of("Read more"), "a-1");
        StoryBrief brief = new StoryBrief("s-1", huge, List.of(long1, short2), 2, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
        StoryBrief shown = Headlines.shown(brief);
        assertThat(shown.title()).isEqualTo(Headlines.shown(huge));
        assertThat(shown.articles().get(0).title()).isEqualTo(Headlines.shown(huge));
        assertThat(shown.articles().get(0).outlet()).isEqualTo("Herald");
        assertThat(shown.articles().get(1)).isEqualTo(short2);
        assertThat(shown.independentSources()).isEqualTo(2);

        StoryBrief ordinary = new StoryBrief("s-2", "Dam collapses", List.of(short2), 1, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(Headlines.shown(ordinary)).isSameAs(ordinary);
    }
}
