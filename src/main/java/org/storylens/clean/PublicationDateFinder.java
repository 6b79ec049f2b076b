package org.storylens.clean;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds an article's publication date, trusting in turn: the source's metadata, a labelled date line the scrape left
 * ("Published: 11:34 AM, 5 Dec, 2021", "date 2021-12-04"), and the dateline ("MOSCOW, December 3."). A date with a
 * year beats one without; a missing year stays missing. Never looks at today's date. Thread-safe.
 */
public final class PublicationDateFinder {

    public Optional<PublicationDate> find(String metadataValue, List<RemovedLine> removed, DateText.Found datePrefix,
                                          Dateline dateline) {
        PublicationDate yearless = null;
        if (metadataValue != null) {
            Optional<DateText.Found> f = DateText.parseValue(metadataValue);
            if (f.isPresent()) {
                PublicationDate d = toDate(f.get(), PublicationDate.Source.METADATA, metadataValue);
                if (d.year() != null) {
                    return Optional.of(d);
                }
                // a metadata date without a year still beats the text's dates without one
                yearless = d;
            }
        }
        if (datePrefix != null) {
            return Optional.of(toDate(datePrefix, PublicationDate.Source.DATE_LINE, evidenceOf(datePrefix, removed)));
        }
        for (RemovedLine line : removed) {
            if (line.category().equals("published-line")) {
                Optional<DateText.Found> f = DateText.find(line.text());
                if (f.isPresent()) {
                    PublicationDate d = toDate(f.get(), PublicationDate.Source.DATE_LINE, line.text());
                    if (d.year() != null) {
                        return Optional.of(d);
                    }
                    yearless = yearless == null ? d : yearless;
                }
            }
        }
        if (dateline != null && dateline.date() != null) {
            PublicationDate d = toDate(dateline.date(), PublicationDate.Source.DATELINE, dateline.text());
            if (d.year() != null || yearless == null) {
                return Optional.of(d);
            }
        }
        return Optional.ofNullable(yearless);
    }

    /** The removed date line the prefix was read from: the one giving the same date, else the first date line. */
    private static String evidenceOf(DateText.Found prefix, List<RemovedLine> removed) {
        String first = null;
        for (RemovedLine line : removed) {
            if (line.category().equals("published-line")) {
                first = first == null ? line.text() : first;
                Optional<DateText.Found> f = DateText.find(line.text());
                if (f.isPresent() && Objects.equals(f.get().year(), prefix.year())
                        && f.get().month() == prefix.month() && f.get().day() == prefix.day()) {
                    return line.text();
                }
            }
        }
        return first;
    }

    private static PublicationDate toDate(DateText.Found f, PublicationDate.Source source, String evidence) {
        return new PublicationDate(f.year(), f.month(), f.day(), f.time(), source, evidence, false);
    }
}
