package org.storylens.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order a batch is fed to a clusterer in: undated articles first, in input order (nothing places them in time,
 * and no date window can then close a story they belong to), then dated ones from oldest to newest, input order
 * breaking ties. A live stream simply feeds articles as they arrive.
 */
public final class TimeOrder {

    private TimeOrder() {
    }

    public static <T> List<T> sort(List<T> items, Function<T, LocalDate> date) {
        List<T> out = new ArrayList<>(items);
        out.sort(Comparator.comparing(date, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }
}
