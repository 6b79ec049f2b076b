package org.storylens.brief;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storylens.brief.BriefFixtures.CRACKS;
import static org.storylens.brief.BriefFixtures.EVACUATED_1200;
import static org.storylens.brief.BriefFixtures.EVACUATED_1500;
import static org.storylens.brief.BriefFixtures.EVACUATED_1850;
import static org.storylens.brief.BriefFixtures.NO_DEFECTS;

class BriefMarkdownTest {

    private static final BriefMarkdown MD = new BriefMarkdown();

    @Test
    void hostileArticleTextCannotBecomeMarkup() {
        String md = MD.render(BriefFixtures.hostile());
        assertThat(md).doesNotContain("<").doesNotContain(">");
        assertThat(md).doesNotContainPattern("(?<!\\\\)\\[click").doesNotContain("[click](");
        assertThat(md).contains("\\[click\\](javascript:alert(1))");
        assertThat(md).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(md).contains("\\*bold\\*", "\\_it\\_", "\\`code\\`");
        // no line that article text starts can become a heading: only the renderer's own headings start with #
        assertThat(md.lines().filter(l -> l.startsWith("#")))
                .allSatisfy(l -> assertThat(l).matches("#{1,3} .*"))
                .noneSatisfy(l -> assertThat(l).startsWith("# Breaking"));
        assertThat(md).contains("\\# Breaking");
    }

    @Test
    void escapesOnlyWhatMarkdownWouldRead() {
        assertThat(BriefMarkdown.escape("AT&T says 3 > 2 * 1")).isEqualTo("AT&T says 3 &gt; 2 \\* 1");
        assertThat(BriefMarkdown.escape("&lt;b&gt; and &#60;")).isEqualTo("&amp;lt;b&amp;gt; and &amp;#60;");
        assertThat(BriefMarkdown.escape("# Title")).isEqualTo("\\# Title");
        assertThat(BriefMarkdown.escape("- not a list")).isEqualTo("\\- not a list");
        assertThat(BriefMarkdown.escape("1. not a list")).isEqualTo("1\\. not a list");
        assertThat(BriefMarkdown.escape("a | b")).isEqualTo("a \\| b");
        assertThat(BriefMarkdown.escape("two\nlines")).isEqualTo("two lines");
        assertThat(BriefMarkdown.escape("Biden-Putin call, 7 December")).isEqualTo("Biden-Putin call, 7 December");
    }

    @Test
    void rendersEverySectionWithSourceReferencesIntoTheArticleList() {
        String md = MD.render(BriefFixtures.full());
        String story = md.substring(0, md.indexOf("# Quillon"));
        assertThat(story.lines().filter(l -> l.startsWith("## "))).containsExactly("## Disputes and updates", "## Summary", "## Claims",
                "## Timeline", "## Quotes", "## Numbers", "## Entities", "## Framing by outlet", "## Articles");
        assertThat(story).startsWith("# Spillway of Sola dam collapses, villages evacuated\n\n6 articles · "
                + "5 independent sources · 2025-03-11 – 2025-03-13 · outlets: Brannsk Herald, Meravik Today, "
                + "Dagposten English, Brannsk State Television, Regional Digest, Orlen Valley Courier");
        assertThat(story).contains("2. By Thursday 1,850 people had left their homes, up from 1,200 on the first "
                + "day. [1][3][6]\n");
        assertThat(story).contains("6. `courier-19` — Orlen Valley Courier, 2025-03-13, en: Minister orders "
                + "inquiry into Sola dam collapse\n");
        assertThat(story).contains("5. `digest-0312` — Regional Digest (wire: NWS), 2025-03-12, en: Dam spillway "
                + "gives way near Meravik — copy of [2]\n");
        assertThat(story).contains("removed boilerplate: Share this article · Read more: Floods in the north");
    }

    @Test
    void anArticleWithoutOutletOrHeadlineIsNamedByItsSiteAndFirstSentenceAsOnThePage() {
        List<ArticleEntry> articles = List.of(
                new ArticleEntry("000_e8e2082a32aa6747", null, null, null, "2021-12-03", "en", List.of(), null),
                new ArticleEntry("a-2", "", null, null, "2021-12-04", "en", List.of(), null));
        StoryBrief story = new StoryBrief("s-1", "Biden and Putin to talk", articles, 2, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(),
                List.of(new OutletFraming("000_e8e2082a32aa6747", null, false, List.of("000_e8e2082a32aa6747"),
                        List.of(), List.of(), List.of())));
        ArticleFallbacks names = new ArticleFallbacks(Map.of("000_e8e2082a32aa6747", "dailypost.example"),
                Map.of("000_e8e2082a32aa6747", "Putin and Biden will talk on Tuesday, the Kremlin said."));
        String md = MD.render(new Brief(null, List.of(story)), names);
        assertThat(md).contains("outlets: dailypost.example, Unknown outlet (article 2) · story `s-1`");
        assertThat(md).contains("1. `000_e8e2082a32aa6747` — dailypost.example, 2021-12-03, en: First sentence: "
                + "Putin and Biden will talk on Tuesday, the Kremlin said.\n");
        assertThat(md).contains("2. `a-2` — Unknown outlet (article 2), 2021-12-04, en: Article 2, no headline\n");
        assertThat(md).contains("### dailypost.example\n");
        assertThat(md).doesNotContain("outlet unknown").doesNotContain(": no headline")
                .doesNotContain("### 000_e8e2082a32aa6747");
    }

    @Test
    void claimsAreGroupedWithBothSidesOfADisputeAndUpdates() {
        String md = MD.render(BriefFixtures.full());
        assertThat(md.indexOf("### Agreed")).isLessThan(md.indexOf("### Disputed"));
        assertThat(md.indexOf("### Disputed")).isLessThan(md.indexOf("### Single-source"));
        assertThat(md).contains("- " + CRACKS + " [1][6] (reported 2025-03-11 – 2025-03-13)\n"
                + "  - conflicts with: " + NO_DEFECTS + " [4] (reported 2025-03-12)\n");
        assertThat(md).contains("- (superseded) " + EVACUATED_1200 + " [1][2][5] (reported 2025-03-11 – "
                + "2025-03-12)\n  - updated by later reports: " + EVACUATED_1500 + " [3] (reported 2025-03-12)\n");
    }

    @Test
    void theStoryLeadsWithEachDisputeOnceThenTheUpdates() {
        String md = MD.render(BriefFixtures.full());
        String story = md.substring(0, md.indexOf("# Quillon"));
        String lead = story.substring(story.indexOf("## Disputes and updates"), story.indexOf("## Summary"));
        assertThat(lead).contains("- **Disputed**: " + CRACKS + " [1][6] (reported 2025-03-11 – 2025-03-13)\n"
                + "  - against: " + NO_DEFECTS + " [4] (reported 2025-03-12)\n");
        assertThat(lead.split("\\*\\*Disputed\\*\\*", -1)).hasSize(2);
        assertThat(lead).contains("- **Update**: " + EVACUATED_1850 + " [6] (reported 2025-03-13)\n"
                + "  - earlier report: " + EVACUATED_1500 + " [3] (reported 2025-03-12)\n");
        String claims = story.substring(story.indexOf("### Disputed"), story.indexOf("### Single-source"));
        assertThat(claims).doesNotContain("- " + NO_DEFECTS);
    }

    @Test
    void aStoryWithoutDisputesSaysSoAmongItsSources() {
        String md = MD.render(BriefFixtures.full());
        String second = md.substring(md.indexOf("# Quillon"));
        assertThat(second).contains("## Disputes and updates\n\nNo disputes among 1 source.\n");
    }

    @Test
    void timelineQuotesNumbersEntitiesAndFraming() {
        String md = MD.render(BriefFixtures.full());
        assertThat(md).contains("- **2022** (background) — Engineers had warned of cracks in the spillway in 2022. "
                + "[1][6]\n");
        assertThat(md).contains("- **2025-03-18** (scheduled) — The regional parliament will hold a hearing");
        assertThat(md).contains("### Ilse Varga\n\n- “Everyone downstream has been reached, and nobody is "
                + "missing.” [1][2][3]\n- the evacuation would continue until inspectors had examined the dam "
                + "(reported) [6]\n");
        assertThat(md).contains("| about 1,200 | people | Ilse Varga | [1][2][5] |\n");
        assertThat(md).contains("| Ilse Varga | PERSON | Varga, Ilse Warga | 4 | 7 |\n");
        assertThat(md).contains("### Brannsk State Television\n\n- country: BR · **state-affiliated**\n"
                + "- articles: [4]\n- omits:\n  - " + EVACUATED_1200 + "\n  - " + CRACKS + "\n"
                + "- distinctive words: control, incident, authorities, calm\n- top entities: Lower Sola dam\n");
    }

    @Test
    void emptySectionsAreLeftOutAndNamedOnce() {
        String md = MD.render(BriefFixtures.full());
        String small = md.substring(md.indexOf("# Quillon"));
        assertThat(small).contains("Nothing found for: summary, claims, timeline, quotes, numbers, entities, "
                + "framing by outlet.");
        assertThat(small.lines().filter(l -> l.startsWith("## "))).containsExactly("## Disputes and updates",
                "## Articles");
    }

    @Test
    void aBriefWithoutStoriesSaysSo() {
        assertThat(MD.render(new Brief("2025-03-14T09:30:00Z", List.of()))).contains("No stories.");
    }
}
