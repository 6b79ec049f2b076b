package org.storylens.analyse;

import org.junit.jupiter.api.Test;
import org.storylens.analyse.TimeExpression.Relation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationCalendarTest {

    /** Sunday 5 December 2021. */
    private final PublicationCalendar sunday = new PublicationCalendar(LocalDate.of(2021, 12, 5));

    @Test
    void placesWeekdaysBeforeOrAfterPublicationByRelation() {
        assertThat(sunday.weekday(DayOfWeek.TUESDAY, Relation.FUTURE, false)).isEqualTo("2021-12-07");
        assertThat(sunday.weekday(DayOfWeek.TUESDAY, Relation.PAST, false)).isEqualTo("2021-11-30");
        assertThat(sunday.weekday(DayOfWeek.SATURDAY, Relation.PAST, false)).isEqualTo("2021-12-04");
        assertThat(sunday.weekday(DayOfWeek.SUNDAY, Relation.PAST, false)).isEqualTo("2021-12-05");
        assertThat(sunday.weekday(DayOfWeek.SUNDAY, Relation.PAST, true)).isEqualTo("2021-11-28");
        assertThat(sunday.weekday(DayOfWeek.SUNDAY, Relation.FUTURE, true)).isEqualTo("2021-12-12");
        assertThat(sunday.weekday(DayOfWeek.WEDNESDAY, Relation.UNKNOWN, false)).isEqualTo("2021-12-08");
        assertThat(sunday.weekday(DayOfWeek.THURSDAY, Relation.PRESENT, false)).isEqualTo("2021-12-02");
    }

    @Test
    void movesADayOfTheMonthToTheNeighbouringMonthTheRelationAsksFor() {
        assertThat(sunday.dayOfMonth(7, Relation.FUTURE)).isEqualTo("2021-12-07");
        assertThat(sunday.dayOfMonth(7, Relation.PAST)).isEqualTo("2021-11-07");
        assertThat(sunday.dayOfMonth(3, Relation.FUTURE)).isEqualTo("2022-01-03");
        assertThat(sunday.dayOfMonth(31, Relation.PAST)).isEqualTo("2021-10-31");
        assertThat(sunday.dayOfMonth(28, Relation.UNKNOWN)).isEqualTo("2021-11-28");
    }

    @Test
    void givesAYearToAMonthAndDayByNearnessThenRelation() {
        assertThat(sunday.monthAndDay(6, 16, Relation.PAST)).isEqualTo("2021-06-16");
        assertThat(sunday.monthAndDay(6, 16, Relation.FUTURE)).isEqualTo("2022-06-16");
        assertThat(sunday.monthAndDay(1, 3, Relation.PAST)).isEqualTo("2022-01-03");
        assertThat(sunday.monthAndDay(2, 29, Relation.UNKNOWN)).isEqualTo("2020-02-29");
        assertThat(new PublicationCalendar(LocalDate.of(2022, 6, 1)).monthAndDay(2, 30, Relation.PAST)).isNull();
        assertThat(sunday.month(6, Relation.PAST)).isEqualTo(YearMonth.of(2021, 6));
        assertThat(sunday.month(1, Relation.PAST)).isEqualTo(YearMonth.of(2022, 1));
    }

    @Test
    void countsBackAsPreciselyAsTheUnit() {
        assertThat(sunday.ago(41, ChronoUnit.YEARS)).isEqualTo("1980");
        assertThat(sunday.ago(2, ChronoUnit.MONTHS)).isEqualTo("2021-10");
        assertThat(sunday.ago(1, ChronoUnit.WEEKS)).isEqualTo("2021-W47");
        assertThat(sunday.ago(3, ChronoUnit.DAYS)).isEqualTo("2021-12-02");
        assertThat(sunday.ago(1, ChronoUnit.DECADES)).isEqualTo("2011");
    }
}
