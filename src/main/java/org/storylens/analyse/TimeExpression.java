package org.storylens.analyse;

/**
 * A time expression and the calendar value it stands for, resolved against the article's publication date.
 *
 * @param text       as written ("on Tuesday", "the 7th", "next week")
 * @param span       where it stands
 * @param sentence   index of its sentence
 * @param value      ISO 8601 value ({@code 2021-12-07}, {@code 2021-W50}, {@code 2021-12}, {@code 2021}), or null
 *                   when it cannot be placed on the calendar
 * @param type       TIMEX3 type: DATE, TIME, DURATION or SET
 * @param relation   whether the sentence places it before, at or after publication
 * @param inferred   true when the value depends on a year or reference date that was itself inferred
 */
public record TimeExpression(String text, Span span, int sentence, String value, String type, Relation relation,
                             boolean inferred) {

    /** Where an expression stands relative to the article's publication. */
    public enum Relation { PAST, PRESENT, FUTURE, UNKNOWN }
}
