package org.storylens.clean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdentifierTest {

    private static LanguageIdentifier languages;

    @BeforeAll
    static void loadModelsOnce() {
        languages = new LanguageIdentifier();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The city council voted on Tuesday to close the old library and move its collection to the new civic centre.
            de | Der Stadtrat hat am Dienstag beschlossen, die alte Bibliothek zu schließen und ihre Bestände zu verlegen.
            fr | Le conseil municipal a voté mardi la fermeture de l'ancienne bibliothèque et le transfert de ses collections.
            ru | Городской совет во вторник проголосовал за закрытие старой библиотеки и перенос её фондов в новый центр.
            pl | Rada miasta zagłosowała we wtorek za zamknięciem starej biblioteki i przeniesieniem jej zbiorów.
            zh | 市议会周二投票决定关闭旧图书馆，并将其藏书迁往新的市民中心。
            """)
    void tellsTheLanguageOfASentence(String expected, String text) {
        assertThat(languages.identify(text)).isEqualTo(expected);
    }

    @Test
    void tellsTheLanguageOfTranslatedWireCopyWithNamesAndNumbers() {
        String text = "Russian Foreign Minister Sergei Lavrov said on Thursday that Moscow was ready for talks with "
                + "Washington on strategic stability, TASS reported, citing a statement of 3 December.";

        assertThat(languages.identify(text)).isEqualTo("en");
    }

    @Test
    void readsOnlyTheStartOfAVeryLongText() {
        String english = "The harbour authority said the ferry service would resume on Monday after repairs. ";
        String german = "Die Hafenbehörde teilte mit, der Fährverkehr werde am Montag wieder aufgenommen. ";

        String text = english.repeat(60) + german.repeat(200);

        assertThat(text.indexOf(german)).isGreaterThan(3000);
        assertThat(languages.identify(text)).isEqualTo("en");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "OK", "12,500 / 3.4% / 2021", "— … !"})
    void givesNoLanguageForTooLittleText(String text) {
        assertThat(languages.identify(text)).isNull();
    }

    @Test
    void givesNoLanguageForNull() {
        assertThat(languages.identify(null)).isNull();
    }
}
