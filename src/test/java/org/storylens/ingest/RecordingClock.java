package org.storylens.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that never sleeps: a wait moves its time on and is recorded. */
public final class RecordingClock implements PoliteFetcher.Clock {

    private long nanos = 1_000_000_000L;
    private final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        nanos += duration.toNanos();
    }

    public synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
