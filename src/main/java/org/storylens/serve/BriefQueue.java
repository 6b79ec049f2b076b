package org.storylens.serve;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The stories whose briefs are to be written in the background, by one low-priority thread: each story is queued once
 * however often it is asked for, a story a reader asks for goes before those prepared ahead of readers, and each
 * request can wait for the story's turn to end. Thread-safe.
 */
final class BriefQueue implements AutoCloseable {

    /** What is done for one story in its turn. */
    @FunctionalInterface
    interface Work {
        void write(String storyId) throws Exception;
    }

    private final Work work;
    private final Deque<String> waiting = new ArrayDeque<>();
    /** The story ids waiting or being written, each with what its turn ends with. */
    private final Map<String, CompletableFuture<Void>> turns = new HashMap<>();
    private final Thread worker;
    private boolean closed;

    BriefQueue(Work work) {
        this.work = work;
        this.worker = new Thread(this::run, "storylens-brief-writer");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
        worker.start();
    }

    /** Queues the story first (a reader waits for it); the future completes when its turn ends. */
    synchronized CompletableFuture<Void> ask(String storyId) {
        CompletableFuture<Void> turn = turns.get(storyId);
        if (turn != null) {
            if (waiting.remove(storyId)) {
                waiting.addFirst(storyId);
            }
            return turn;
        }
        return enqueue(storyId, true);
    }

    /** Queues the stories last, those queued already staying where they are. */
    synchronized void prepare(Collection<String> storyIds) {
        for (String id : storyIds) {
            if (!turns.containsKey(id)) {
                enqueue(id, false);
            }
        }
    }

    /** Whether the story waits for its turn or is being written. */
    synchronized boolean queued(String storyId) {
        return turns.containsKey(storyId);
    }

    private CompletableFuture<Void> enqueue(String storyId, boolean first) {
        CompletableFuture<Void> turn = new CompletableFuture<>();
        if (closed) {
            turn.completeExceptionally(new IllegalStateException("the server is stopping"));
            return turn;
        }
        turns.put(storyId, turn);
        if (first) {
            waiting.addFirst(storyId);
        } else {
            waiting.addLast(storyId);
        }
        notifyAll();
        return turn;
    }

    private void run() {
        while (true) {
            String id;
            synchronized (this) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (closed) {
                    turns.values().forEach(t -> t.completeExceptionally(
                            new IllegalStateException("the server is stopping")));
                    turns.clear();
                    waiting.clear();
                    return;
                }
                id = waiting.pollFirst();
            }
            Throwable failed = null;
            try {
                work.write(id);
            } catch (Exception | Error e) {
                // the story's readers learn of it; the writer goes on with the next story (a brief too large or too
                // deeply nested to write fails alone, as a request would)
                failed = e;
            }
            CompletableFuture<Void> turn;
            synchronized (this) {
                turn = turns.remove(id);
            }
            if (turn != null) {
                if (failed == null) {
                    turn.complete(null);
                } else {
                    turn.completeExceptionally(failed);
                }
            }
        }
    }

    /** Stops after the brief being written (it is interrupted); those waiting are left unwritten. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        worker.interrupt();
    }
}
