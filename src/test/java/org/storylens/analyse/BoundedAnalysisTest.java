package org.storylens.analyse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.clean.Article;
import org.storylens.clean.CleaningException;
import org.storylens.clean.RuleBasedArticleCleaner;
import org.storylens.ingest.IngestException;
import org.storylens.ingest.Input;
import org.storylens.ingest.JsoupHtmlReader;
import org.storylens.ingest.Limits;
import org.storylens.ingest.RawArticle;
import org.storylens.ingest.SourceFormat;
import org.storylens.ingest.TextDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile article texts through the real ingest-tier analysis: the work is bounded and what is found stays right. */
class BoundedAnalysisTest {

    private static final String LEAD = "Flood waters rose overnight in Ostrava, Mayor Tomas Macura said on Monday.";
    private static final String LAST = "Rail services to Prague resumed on Tuesday.";

    private static CoreNlpArticleAnalyser analyser;

    @BeforeAll
    static void loadOnce() {
        analyser = new CoreNlpArticleAnalyser(Annotators.shared(), new EntityFinder(), new TimeResolver(),
                new QuoteFinder(), new NumberFinder());
    }

    private static Article article(String text) {
        return new Article("hostile", null, null, null, null, "en", text, List.of(), List.of(), null, "hostile.txt",
                SourceFormat.TEXT, "hash", List.of());
    }

    /** Every span the analysis gives stands for its own text in the article's text. */
    private static void assertSpansPointIntoTheArticle(AnalysedArticle analysed) {
        String text = analysed.article().text();
        assertThat(analysed.sentences()).allSatisfy(s ->
                assertThat(text.substring(s.span().start(), s.span().end())).isEqualTo(s.text()));
        assertThat(analysed.entities()).allSatisfy(e ->
                assertThat(text.substring(e.span().start(), e.span().end())).isEqualTo(e.text()));
        assertThat(analysed.annotation().tokens()).allSatisfy(sentence -> assertThat(sentence).allSatisfy(t ->
                assertThat(text.substring(t.span().start(), t.span().end())).isEqualTo(t.word())));
    }

    @Test
    void aFiftyFiveThousandCharacterTokenIsSkippedAndTheWordsAroundItAreAnalysed() {
        String text = LEAD + " " + "w".repeat(55_000) + "\n\n" + LAST;

        AnalysedArticle analysed = analyser.analyse(article(text));

        assertThat(analysed.sentences()).extracting(Sentence::text).containsExactly(LEAD, LAST);
        assertThat(analysed.entities()).extracting(EntityMention::text).contains("Ostrava", "Tomas Macura", "Prague");
        assertSpansPointIntoTheArticle(analysed);
        assertThat(analysed.article().warnings()).singleElement().asString()
                .contains("without a space (55,000 characters");
    }

    @Test
    void aSentenceLongerThanTheLimitIsBrokenIntoPartsWithinIt() {
        String endless = ("the water kept rising and the people of Ostrava kept filling sandbags ").repeat(80).strip();
        String text = LEAD + "\n\n" + endless + "\n\n" + LAST;

        AnalysedArticle analysed = analyser.analyse(article(text));

        assertThat(analysed.sentences()).hasSizeGreaterThan(4);
        assertThat(analysed.sentences()).allSatisfy(s ->
                assertThat(s.text().length()).isLessThanOrEqualTo(Limits.MAX_SENTENCE_CHARS));
        assertThat(analysed.sentences()).extracting(Sentence::index)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, analysed.sentences().size()).boxed()
                        .toList());
        assertThat(analysed.sentences().get(0).text()).isEqualTo(LEAD);
        assertThat(analysed.sentences().get(analysed.sentences().size() - 1).text()).isEqualTo(LAST);
        assertSpansPointIntoTheArticle(analysed);
        assertThat(analysed.article().warnings()).singleElement().asString()
                .contains("1 sentence(s) longer than 2,000 characters broken");
    }

    @Test
    void aFifteenMegabytePageIsAnalysedOnlyAsFarAsTheBoundWithAWarning() throws IngestException, CleaningException {
        StringBuilder html = new StringBuilder("<html><head><title>Floods</title></head><body><article>");
        String styled = "<div class=\"para para-wide para-flood\" data-track=\"" + "t".repeat(800) + "\"><p>";
        for (int i = 0; html.length() < 15_000_000; i++) {
            html.append(styled).append("Report ").append(i).append(". ").append(LEAD).append("</p></div>\n");
        }
        html.append("</article></body></html>");
        RawArticle raw = new JsoupHtmlReader(new TextDecoder(), 32 << 20)
                .read(Input.ofBytes("floods.html", html.toString().getBytes(StandardCharsets.UTF_8))).articles().get(0);
        Article article = RuleBasedArticleCleaner.withDefaults().clean(raw);
        assertThat(article.text().length()).isGreaterThan(20 * Limits.MAX_ANALYSED_CHARS);

        AnalysedArticle analysed = analyser.analyse(article);

        Sentence last = analysed.sentences().get(analysed.sentences().size() - 1);
        assertThat(last.span().end()).isLessThanOrEqualTo(Limits.MAX_ANALYSED_CHARS);
        assertThat(analysed.annotation().text().length()).isLessThanOrEqualTo(Limits.MAX_ANALYSED_CHARS);
        assertThat(analysed.article().text()).isEqualTo(article.text());
        assertThat(analysed.article().warnings()).anySatisfy(w -> assertThat(w)
                .contains(String.format("text of %,d characters is longer than analysis reads",
                        article.text().length())));
    }

    @Test
    void markupNested100000LevelsDeepSentAsPlainTextIsAnalysedWithinTheBounds() {
        String text = LEAD + "\n\n" + "<div>".repeat(100_000) + "Deep." + "</div>".repeat(100_000);

        AnalysedArticle analysed = analyser.analyse(article(text));

        assertThat(analysed.sentences()).extracting(Sentence::text).containsExactly(LEAD);
        assertSpansPointIntoTheArticle(analysed);
        assertThat(analysed.article().warnings()).hasSize(2);
    }

    @Test
    void anArticleWithinTheBoundsIsAnalysedAsBeforeWithoutAWarning() {
        String text = LEAD + "\n\n" + LAST;

        AnalysedArticle analysed = analyser.analyse(article(text));

        assertThat(analysed.annotation().text()).isSameAs(text);
        assertThat(analysed.sentences()).extracting(Sentence::text).containsExactly(LEAD, LAST);
        assertThat(analysed.article().warnings()).isEmpty();
    }
}
