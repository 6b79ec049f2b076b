package org.storylens.stream;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.cluster.ArticleFeatures;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;
import org.storylens.cluster.StoryClusterer;
import org.storylens.cluster.TimeOrder;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.StoredStories;
import org.storylens.store.ArticleStore;
import org.storylens.store.ClusterStateCodec;
import org.storylens.store.StoreException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The job's story stage: the online clusterer as a keyed operator run at parallelism 1 (one key), its snapshot kept in
 * Flink state so that a restore continues where the last checkpoint stopped.
 *
 * <p>Arrivals wait until none has come for {@code orderWait} (or {@code maxWaiting} are waiting), and are then fed as
 * {@code ingest} feeds a batch: in {@link TimeOrder} (undated first, then oldest to newest), arrival order breaking
 * ties. The assignments are written with the clusterer's new state in one store transaction, and kept in Flink state.
 *
 * <p>Effectively once: an article the clusterer already holds is skipped; one the store already places (written after
 * the checkpoint this operator was restored from) is {@link StoryClusterer#replay replayed} into its stored story, not
 * assigned again, so the restored state catches up with the store and nothing is stored twice. With no Flink state
 * (a new job on a store that has stories) the clusterer continues from the state the store saved last, and first
 * places what an earlier job left analysed in no story (its offsets committed while it waited here), as
 * {@code ingest} places what a stopped run left.
 */
final class StoryAssigner extends KeyedProcessFunction<Integer, ArrivedFeatures, StoryAssignment>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final StoreOpener storeOpener;
    private final long orderWaitMillis;
    private final int maxWaiting;

    private transient ValueState<byte[]> clustererState;
    private transient ListState<ArrivedFeatures> waiting;
    private transient ValueState<Integer> waitingCount;
    private transient ValueState<Long> flushAt;
    private transient ArticleStore store;
    private transient ClusterStateCodec codec;
    private transient ArticleFeaturesJson featuresJson;
    /** The live clusterer, made from the Flink state on first use after (re)start; null until then. */
    private transient StoryClusterer clusterer;
    /** The article ids the live clusterer holds. */
    private transient Set<String> held;
    /** Whether this task was restored from a checkpoint or savepoint (then its Flink state is the truth). */
    private transient boolean restored;

    StoryAssigner(StoreOpener storeOpener, long orderWaitMillis, int maxWaiting) {
        this.storeOpener = storeOpener;
        this.orderWaitMillis = orderWaitMillis;
        this.maxWaiting = maxWaiting;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        clustererState = getRuntimeContext().getState(
                new ValueStateDescriptor<>("cluster-snapshot", byte[].class));
        waiting = getRuntimeContext().getListState(
                new ListStateDescriptor<>("waiting-articles", ArrivedFeatures.class));
        waitingCount = getRuntimeContext().getState(new ValueStateDescriptor<>("waiting-count", Types.INT));
        flushAt = getRuntimeContext().getState(new ValueStateDescriptor<>("flush-at", Types.LONG));
        store = storeOpener.open();
        codec = new ClusterStateCodec();
        featuresJson = new ArticleFeaturesJson();
        if (!restored) {
            placeLeftovers();
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        restored = context.isRestored();
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        // the keyed state is kept up to date by every flush
    }

    /** Places the articles a stopped job stored and analysed but never assigned, oldest first. */
    private void placeLeftovers() throws Exception {
        StoredStories stories = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES)
                .storedStories(store, AnalysisTier.INGEST, ClusterConfig.DEFAULT);
        List<AnalysedArticle> waitingAnalyses = stories.waiting().stream().filter(a -> !a.hasNoSentences()).toList();
        clusterer = restore(null);
        if (waitingAnalyses.isEmpty()) {
            return;
        }
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            List<ArticleFeatures> leftovers = stories.features(waitingAnalyses, embedder);
            assign(TimeOrder.sort(leftovers, ArticleFeatures::published)); // Flink state is written on the first flush
        } catch (StoreException | RuntimeException e) {
            clusterer = null;
            throw e;
        }
        int n = waitingAnalyses.size();
        System.err.println("stream: placed " + n + (n == 1 ? " article" : " articles") + " a stopped job left in no story");
    }

    @Override
    public void processElement(ArrivedFeatures arrived, Context context, Collector<StoryAssignment> out)
            throws Exception {
        waiting.add(arrived);
        int count = waitingCount.value() == null ? 1 : waitingCount.value() + 1;
        waitingCount.update(count);
        Long previous = flushAt.value();
        if (previous != null) {
            context.timerService().deleteProcessingTimeTimer(previous);
        }
        if (count >= maxWaiting) {
            flushAt.clear();
            flush(out);
            return;
        }
        long at = context.timerService().currentProcessingTime() + orderWaitMillis;
        context.timerService().registerProcessingTimeTimer(at);
        flushAt.update(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<StoryAssignment> out) throws Exception {
        flushAt.clear();
        flush(out);
    }

    private void flush(Collector<StoryAssignment> out) throws Exception {
        List<ArrivedFeatures> arrivals = new ArrayList<>();
        Iterable<ArrivedFeatures> kept = waiting.get();
        if (kept != null) {
            kept.forEach(arrivals::add);
        }
        waiting.clear();
        waitingCount.clear();
        if (arrivals.isEmpty()) {
            return;
        }
        arrivals.sort(Comparator.comparingLong(ArrivedFeatures::timestamp)
                .thenComparingInt(ArrivedFeatures::partition).thenComparingLong(ArrivedFeatures::offset));
        List<ArticleFeatures> features = new ArrayList<>(arrivals.size());
        arrivals.forEach(a -> features.add(featuresJson.read(a.features(), a.articleId())));
        try {
            if (clusterer == null) {
                clusterer = restore(clustererState.value());
            }
            Placed placed = assign(TimeOrder.sort(features, ArticleFeatures::published));
            if (placed.encodedState() != null) {
                clustererState.update(placed.encodedState());
            } else if (clustererState.value() == null) {
                // nothing new, but the live clusterer came from the store: keep it in Flink state too
                clustererState.update(codec.write(clusterer.snapshot()));
            }
            placed.assignments().forEach(out::collect);
        } catch (StoreException | RuntimeException e) {
            // the live clusterer may be ahead of what was saved: rebuilt from the state on the next use
            clusterer = null;
            throw e;
        }
    }

    /**
     * What one feed made: the assignments, and the clusterer's new state as saved in the store (gzipped JSON, the
     * bytes Flink state keeps too), or null when nothing was new.
     */
    private record Placed(List<StoryAssignment> assignments, byte[] encodedState) {
    }

    /**
     * Feeds the articles to the live clusterer and saves its assignments with its new state in the store: the state is
     * taken and encoded once, and the store keeps the bytes as given.
     */
    private Placed assign(List<ArticleFeatures> ordered) throws StoreException {
        StoryClusterer live = clusterer;
        List<StoryAssignment> assignments = new ArrayList<>();
        byte[][] encoded = new byte[1][];
        store.updateStories(state -> {
            boolean changed = false;
            Set<String> seen = new HashSet<>();
            for (ArticleFeatures f : ordered) {
                if (!seen.add(f.id()) || held.contains(f.id())) {
                    continue;
                }
                Optional<String> stored = store.storyOf(f.id());
                if (stored.isPresent()) {
                    live.replay(f, stored.get());
                } else {
                    assignments.add(live.assign(f));
                }
                held.add(f.id());
                changed = true;
            }
            if (!changed) {
                return null;
            }
            ClusterSnapshot snapshot = live.snapshot();
            try {
                encoded[0] = codec.write(snapshot);
            } catch (IOException e) {
                throw new StoreException("cannot encode the story clusterer's state: " + e.getMessage(), e);
            }
            return new ArticleStore.StoryUpdate(snapshot, encoded[0], assignments);
        });
        return new Placed(assignments, encoded[0]);
    }

    /**
     * The clusterer as the Flink state holds it ({@code flinkState}, or null when there is none), else as the store
     * saved it last, else a fresh one; {@link #held} is set to the articles it holds.
     */
    private StoryClusterer restore(byte[] flinkState) throws Exception {
        Optional<ClusterSnapshot> snapshot = flinkState != null ? Optional.of(codec.read(flinkState))
                : store.clusterState();
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        StoryClusterer made = snapshot.map(s -> factory.storyClusterer(ClusterConfig.DEFAULT, s))
                .orElseGet(() -> factory.storyClusterer(ClusterConfig.DEFAULT));
        held = new HashSet<>();
        for (Story story : made.stories()) {
            story.articles().forEach(a -> held.add(a.id()));
        }
        return made;
    }

    @Override
    public void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }
}
