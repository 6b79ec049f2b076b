package org.storylens.cli;

import org.storylens.pipeline.ArticlePipeline;

import java.io.PrintWriter;
import java.util.Locale;

/** Draws "files done / total, articles/s" on one terminal line, at most ten times a second. */
final class ProgressBar implements ArticlePipeline.Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void inputDone(int done, int total, int articles) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d files  %d articles  %.1f articles/s", "=".repeat(filled),
                " ".repeat(WIDTH - filled), done, total, articles, articles / seconds);
        if (done == total) {
            err.print("\r" + " ".repeat(WIDTH + 70) + "\r");
        }
        err.flush();
    }
}
