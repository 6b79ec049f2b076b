package org.storylens.clean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ForeignFragmentFinderTest {

    private static ForeignFragmentFinder finder;

    @BeforeAll
    static void loadModelsOnce() {
        finder = new ForeignFragmentFinder(new LanguageIdentifier());
    }

    @Test
    void findsAnUntranslatedRussianPhraseWithItsOffsets() {
        String text = "The Kremlin said the two leaders would «обсуждать стратегическую стабильность» during the call "
                + "on Tuesday, according to a transcript released by the ministry.";

        List<ForeignFragment> fragments = finder.find(text);

        assertThat(fragments).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("обсуждать стратегическую стабильность");
            assertThat(f.language()).isEqualTo("ru");
            assertThat(f.start()).isEqualTo(text.indexOf('о'));
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
        });
    }

    @Test
    void findsAChinesePhraseInsideEnglishText() {
        String text = "The foreign ministry spokesperson described the talks as 合作共赢 and said more meetings "
                + "would follow later this year.";

        List<ForeignFragment> fragments = finder.find(text);

        assertThat(fragments).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("合作共赢");
            assertThat(f.language()).isEqualTo("zh");
            assertThat(f.start()).isEqualTo(text.indexOf('合'));
            assertThat(f.end()).isEqualTo(text.indexOf('赢') + 1);
        });
    }

    @Test
    void findsSeveralFragmentsInOrder() {
        String text = "Protesters chanted Слава Україні outside the embassy, while a banner read 和平 統一 "
                + "and others sang Героям слава until police arrived in the early hours of the morning.";

        List<ForeignFragment> fragments = finder.find(text);

        assertThat(fragments).extracting(ForeignFragment::text)
                .containsExactly("Слава Україні", "和平 統一", "Героям слава");
        assertThat(fragments).allSatisfy(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text()));
    }

    @Test
    void endsAFragmentAtALineBreak() {
        String text = "The sign on the shop read Хлеб\nМолоко was written below it in smaller letters, "
                + "the reporter noted on a visit to the town.";

        List<ForeignFragment> fragments = finder.find(text);

        assertThat(fragments).extracting(ForeignFragment::text).containsExactly("Хлеб", "Молоко");
    }

    @Test
    void findsNoFragmentsInAnAllCyrillicText() {
        String text = "Городской совет во вторник проголосовал за закрытие старой библиотеки и перенос её фондов "
                + "в новый общественный центр.";

        assertThat(finder.find(text)).isEmpty();
    }

    @Test
    void findsTheMinorityScriptInAMostlyCyrillicText() {
        String text = "Компания Apple объявила во вторник о снижении цен на свои устройства в России.";

        assertThat(finder.find(text)).extracting(ForeignFragment::text).containsExactly("Apple");
    }

    @Test
    void ignoresAStrayLetterOrTwo() {
        String text = "Point я on the chart and the symbol ж marked the second survey site; "
                + "the π ratio was noted as well.";

        assertThat(finder.find(text)).isEmpty();
    }

    @Test
    void ignoresAccentedLatinLetters() {
        String text = "The café owner in Kraków, Zoë Łukasiewicz, said the Müller family had left for Zürich.";

        assertThat(finder.find(text)).isEmpty();
    }

    @Test
    void findsNothingInTextWithoutLetters() {
        assertThat(finder.find("")).isEmpty();
        assertThat(finder.find("2021 — 12,500 / 3.4%")).isEmpty();
    }
}
