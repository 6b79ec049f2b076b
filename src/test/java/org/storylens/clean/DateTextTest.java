package org.storylens.clean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2021-12-05                      | 2021 | 12 | 5  | -
            2021-12-05T08:30:00Z            | 2021 | 12 | 5  | 08:30:00Z
            2021-12-05T23:30:00-05:00       | 2021 | 12 | 5  | 23:30:00-05:00
            2021-12-05T08:30:00.123+01:00   | 2021 | 12 | 5  | 08:30:00.123+01:00
            2021-12-05 08:30                | 2021 | 12 | 5  | 08:30
            Sun, 05 Dec 2021 08:30:00 GMT   | 2021 | 12 | 5  | 08:30
            Mon, 6 Dec 2021 14:32:10 +0000  | 2021 | 12 | 6  | 14:32:10
            5 Dec, 2021                     | 2021 | 12 | 5  | -
            11:34 AM, 5 Dec, 2021           | 2021 | 12 | 5  | 11:34 AM
            Dec. 5, 2021                    | 2021 | 12 | 5  | -
            Dec. 5, 2021 11:34 AM           | 2021 | 12 | 5  | 11:34 AM
            Sept. 12, 2022                  | 2022 | 9  | 12 | -
            December 5th                    | -    | 12 | 5  | -
            the 5th of December 2021        | 2021 | 12 | 5  | -
            05.12.2021                      | 2021 | 12 | 5  | -
            February 29                     | -    | 2  | 29 | -
            February 29, 2024               | 2024 | 2  | 29 | -
            Tue Jan 28 15:28:56 CET 2020    | 2020 | 1  | 28 | 15:28:56
            Jan 28 15:28 2020               | 2020 | 1  | 28 | 15:28
            2022-1-26T14:32:06+02:00        | 2022 | 1  | 26 | 14:32:06+02:00
            2022-01-26T00:30:00+09:00       | 2022 | 1  | 26 | 00:30:00+09:00
            2021-12-05T23:30:00-05:00       | 2021 | 12 | 5  | 23:30:00-05:00
            1651035600                      | 2022 | 4  | 27 | 05:00Z
            1651035600000                   | 2022 | 4  | 27 | 05:00Z
            20210504T132005+0200            | 2021 | 5  | 4  | 13:20:05+0200
            20210504                        | 2021 | 5  | 4  | -
            10/05/2022 05:22 pm             | 2022 | 10 | 5  | 05:22 pm
            25/05/2022                      | 2022 | 5  | 25 | -
            2022/01/26                      | 2022 | 1  | 26 | -
            """)
    void readsPublicationDateValues(String value, Integer year, int month, int day, String time) {
        DateText.Found found = DateText.parseValue(value).orElseThrow();

        assertThat(found.year()).isEqualTo(year);
        assertThat(found.month()).isEqualTo(month);
        assertThat(found.day()).isEqualTo(day);
        assertThat(found.time()).isEqualTo(time);
    }

    @ParameterizedTest
    @ValueSource(strings = {"February 30", "February 30, 2021", "February 29, 2023", "30.02.2021", "31 April 2022",
            "March 32", "2021-13-01", "2021-02-30", "yesterday", "May 2023", "13/13/2021", "123456", "99999999999", ""})
    void rejectsImpossibleAndIncompleteDates(String value) {
        assertThat(DateText.parseValue(value)).isEmpty();
    }

    @Test
    void keepsAMissingYearNull() {
        DateText.Found found = DateText.find("Chinanews, December 5th, a comprehensive report").orElseThrow();

        assertThat(found.year()).isNull();
        assertThat(found.month()).isEqualTo(12);
        assertThat(found.day()).isEqualTo(5);
    }

    @Test
    void givesTheOffsetsOfTheDateInTheText() {
        String text = "Last updated on Monday, December 6, 2021 at 3:15 p.m. by the desk";

        DateText.Found found = DateText.find(text).orElseThrow();

        assertThat(text.substring(found.start(), found.end())).isEqualTo("December 6, 2021 at 3:15 p.m.");
        assertThat(found.time()).isEqualTo("3:15 p.m.");
    }

    @Test
    void findsTheEarliestOfSeveralDates() {
        DateText.Found found = DateText.find("Filed 04.03.2023, updated 2023-03-05, revised March 6, 2023").orElseThrow();

        assertThat(found.day()).isEqualTo(4);
        assertThat(found.month()).isEqualTo(3);
    }

    @Test
    void skipsAnImpossibleDateAndFindsTheNextOne() {
        DateText.Found found = DateText.find("Not February 30 but March 2, 2022").orElseThrow();

        assertThat(found.month()).isEqualTo(3);
        assertThat(found.day()).isEqualTo(2);
        assertThat(found.year()).isEqualTo(2022);
    }

    @Test
    void doesNotReadVersionNumbersOrScoresAsDates() {
        assertThat(DateText.find("Version 1.2.2021.5 of the app and a 3-1 win")).isEmpty();
        assertThat(DateText.find("Order 12345-2021-12-05X")).isEmpty();
    }

    @Test
    void findsNothingInTextWithoutADate() {
        assertThat(DateText.find("In May the president said the budget was fair.")).isEmpty();
    }

    @Test
    void namesMonthsInAnyCaseAndAbbreviation() {
        assertThat(DateText.month("SEPTEMBER")).isEqualTo(9);
        assertThat(DateText.month("Sept")).isEqualTo(9);
        assertThat(DateText.month("jan")).isEqualTo(1);
    }
}
