package org.storylens.analyse;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised), run in-process by langchain4j's ONNX model; the model ships
 * inside its jar, nothing is downloaded. Vectors are normalised to unit length. Thread-safe.
 *
 * <p>The model's native tokenizer needs more stack than a default Java thread has once many jars are on the class
 * path (it crashed the JVM with 1 MB), so all calls run on this embedder's own threads with an ample stack.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    private static final long STACK_BYTES = 16L << 20;

    private final ExecutorService threads;
    private final EmbeddingModel model;

    public MiniLmEmbedder(int threadCount) {
        this.threads = Executors.newFixedThreadPool(Math.max(1, threadCount), r -> {
            Thread t = new Thread(null, r, "storylens-embedder", STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        this.model = call(AllMiniLmL6V2QuantizedEmbeddingModel::new);
    }

    @Override
    public List<float[]> embed(List<String> sentences) {
        if (sentences.isEmpty()) {
            return List.of();
        }
        return call(() -> {
            List<TextSegment> segments = sentences.stream().map(TextSegment::from).toList();
            List<float[]> vectors = new ArrayList<>(sentences.size());
            model.embedAll(segments).content().forEach(e -> vectors.add(unit(e.vector())));
            return vectors;
        });
    }

    private <T> T call(java.util.concurrent.Callable<T> task) {
        Future<T> future = threads.submit(task);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
        }
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) norm;
            }
        }
        return v;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
