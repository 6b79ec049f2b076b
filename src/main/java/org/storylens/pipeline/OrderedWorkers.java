package org.storylens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one piece of work per item on a fixed number of daemon threads and hands the outcomes back in item order, as
 * each becomes available: the shared engine of the pipelines that work article by article.
 */
final class OrderedWorkers {

    /** The work for one item. */
    @FunctionalInterface
    interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /** Told of each item's outcome, in item order: its result, or what it failed with (never both). */
    @FunctionalInterface
    interface Outcome<T, R> {
        void accept(int index, T item, R result, Throwable failure);
    }

    private OrderedWorkers() {
    }

    static <T, R> void forEachInOrder(List<T> items, int threads, String threadName, Work<T, R> work,
                                      Outcome<T, R> outcome) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            for (int i = 0; i < futures.size(); i++) {
                R result = null;
                Throwable failure = null;
                try {
                    result = futures.get(i).get();
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                }
                outcome.accept(i, items.get(i), result, failure);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
