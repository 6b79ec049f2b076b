package org.storylens.brief;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.analyse.Quote;
import org.storylens.analyse.Span;
import org.storylens.clean.Article;
import org.storylens.ingest.SourceFormat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteMergerTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void loadEmbedder() {
        embedder = new MiniLmEmbedder(1);
    }

    @AfterAll
    static void closeEmbedder() {
        embedder.close();
    }

    private static AnalysedArticle article(String id, Quote... quotes) {
        String text = String.join(" ", List.of(quotes).stream().map(Quote::text).toList());
        Article a = new Article(id, null, "Outlet " + id, null, null, "en", text, List.of(), List.of(), null,
                id + ".txt", SourceFormat.TEXT, "hash-" + id, List.of());
        return new AnalysedArticle(a, List.of(), List.of(), List.of(), List.of(quotes), List.of(),
                new AnnotatedText(text, List.of(), List.of(), List.of()));
    }

    private static Quote quote(String speaker, String text, boolean direct) {
        return new Quote(text, new Span(0, text.length()), 0, speaker, direct);
    }

    @Test
    void oneLetterSurnameVariantOfTheSameFirstNameIsOneSpeaker() {
        Map<String, String> forms = QuoteMerger.speakerForms(List.of("Halvard Brenne", "Halvard Brenner",
                "Halvard Brenne", "police", "Police"));
        assertThat(forms.get("Halvard Brenner")).isEqualTo("Halvard Brenne");
        assertThat(forms.get("Halvard Brenne")).isEqualTo("Halvard Brenne");
        assertThat(forms.get("Police")).isEqualTo("police");
    }

    @Test
    void differentFirstNamesOrShortSurnamesStayDifferentSpeakers() {
        assertThat(QuoteMerger.sameSpeaker("John Smith", "Jane Smith")).isFalse();
        assertThat(QuoteMerger.sameSpeaker("Anna Berg", "Anna Borg")).isFalse();
        assertThat(QuoteMerger.sameSpeaker("Maria Lindqvist", "Maria Lindgren")).isFalse();
        assertThat(QuoteMerger.sameSpeaker("Maria Lindqvist", "Maria Lindquist")).isTrue();
    }

    @Test
    void speakerVariantsAcrossArticlesFormOneEntry() {
        List<QuoteEntry> merged = new QuoteMerger(embedder).merge(List.of(
                article("a", quote("Halvard Brenne", "We will find out who knew what and when they knew it", true)),
                article("b", quote("Halvard Brenner", "We will find out who knew what, and when they knew it", true))),
                UnaryOperator.identity());
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).speaker()).isEqualTo("Halvard Brenne");
        assertThat(merged.get(0).sources()).containsExactly("a", "b");
    }

    @Test
    void entryIsDirectOnlyWithTheWordsASourceQuotes() {
        String reported = "the ministry would publish the full inspection report on its website on Friday";
        String quoted = "We will publish the full inspection report on our website on Friday";
        List<QuoteEntry> merged = new QuoteMerger(embedder).merge(List.of(
                article("a", quote("Ines Kola", reported, false)),
                article("b", quote("Ines Kola", quoted, true))), UnaryOperator.identity());
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).direct()).isTrue();
        assertThat(merged.get(0).text()).isEqualTo(quoted);

        List<QuoteEntry> reportedOnly = new QuoteMerger(embedder).merge(List.of(
                article("a", quote("Ines Kola", reported, false))), UnaryOperator.identity());
        assertThat(reportedOnly.get(0).direct()).isFalse();
    }

    @Test
    void statementNoSourceAttributesIsLeftOut() {
        List<QuoteEntry> merged = new QuoteMerger(embedder).merge(List.of(
                article("a", quote(null, "The river rose faster than anyone had expected overnight", true),
                        quote("Ines Kola", "Every family will receive help within days", true))),
                UnaryOperator.identity());
        assertThat(merged).extracting(QuoteEntry::speaker).containsExactly("Ines Kola");
    }

    @Test
    void fragmentsTooShortToStandAloneAreNotListed() {
        List<QuoteEntry> merged = new QuoteMerger(embedder).merge(List.of(
                article("a", quote("Joe Biden", "initiatives", true), quote("Joe Biden", "red lines", true),
                        quote("Dmitry Peskov", "determine that.", true),
                        quote("Joe Biden", "I don't accept anyone's red line", true))),
                UnaryOperator.identity());
        assertThat(merged).extracting(QuoteEntry::text).containsExactly("I don't accept anyone's red line");
    }
}
