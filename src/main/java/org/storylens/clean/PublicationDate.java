package org.storylens.clean;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * When an article was published, as far as its metadata or text tells. The year may be missing (a dateline such as
 * "December 5th") and later inferred from other articles; that is recorded, never hidden.
 *
 * @param year         the year, or null when the source gave none and none was inferred yet
 * @param month        1-12
 * @param day          1-31
 * @param time         local or offset time of day as written ({@code 11:34}, {@code 08:30:00Z}), or null
 * @param source       where the date was found
 * @param evidence     the text it was read from
 * @param yearInferred true when {@code year} was not in the source but inferred from other articles
 */
public record PublicationDate(Integer year, int month, int day, String time, Source source, String evidence,
                              boolean yearInferred) {

    /** Where a publication date was found. */
    public enum Source { METADATA, DATE_LINE, DATELINE }

    public PublicationDate {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new IllegalArgumentException("not a date: month " + month + ", day " + day);
        }
        if (year != null) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day, e);
            }
        }
    }

    /** True when the source gave no year (whether or not one was inferred since). */
    public boolean yearMissing() {
        return year == null || yearInferred;
    }

    /** The date, or null while the year is unknown. */
    public LocalDate date() {
        return year == null ? null : LocalDate.of(year, month, day);
    }

    /** ISO 8601 date ({@code 2021-12-05}), or null while the year is unknown. */
    public String iso() {
        LocalDate d = date();
        return d == null ? null : d.toString();
    }

    public PublicationDate withInferredYear(int inferred) {
        return new PublicationDate(inferred, month, day, time, source, evidence, true);
    }
}
