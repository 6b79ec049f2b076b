package org.storylens.cluster;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Last Updated: Monday, 28 November 2005, 02: 24 GMT | 2005-11-28",
            "27 NOVEMBER, 2005 | 2005-11-27",
            "Posted 11 / 27 / 2005 7: 21 AM | 2005-11-27",
            "11 / 28 / 05 | 2005-11-28",
            "September 18th, 2013, 05: 31 GMT | 2013-09-18"})
    void readsAHeadlineThatIsOnlyADateLine(String headline, String date) {
        assertThat(DateLine.of(headline)).isEqualTo(LocalDate.parse(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Earthquake levels villages on Iranian island, 28 November 2005",
            "Biden-Putin talks set for Tuesday amid Ukraine tension", "13 / 45 / 2005"})
    void aHeadlineWithWordsOfItsOwnOrNoValidDateIsNoDateLine(String headline) {
        assertThat(DateLine.of(headline)).isNull();
    }
}
