package org.storylens.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the records of one input that failed, up to a limit, so that a file of a million bad lines cannot exhaust
 * memory; beyond the limit only a count is kept and reported as one closing failure.
 */
final class FailureList {

    static final int DEFAULT_LIMIT = 1000;

    private final String input;
    private final int limit;
    private final List<IngestException> kept = new ArrayList<>();
    private int dropped;

    FailureList(String input) {
        this(input, DEFAULT_LIMIT);
    }

    FailureList(String input, int limit) {
        this.input = input;
        this.limit = limit;
    }

    void add(IngestException failure) {
        if (kept.size() < limit) {
            kept.add(failure);
        } else {
            dropped++;
        }
    }

    int count() {
        return kept.size() + dropped;
    }

    IngestException first() {
        return kept.isEmpty() ? null : kept.get(0);
    }

    List<IngestException> toList() {
        if (dropped == 0) {
            return List.copyOf(kept);
        }
        List<IngestException> all = new ArrayList<>(kept);
        all.add(new IngestException(input, dropped + " more failed records not listed"));
        return all;
    }
}
