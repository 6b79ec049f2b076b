package org.storylens.stream;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.StoryBriefs;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoredBrief;

import java.util.Optional;

/**
 * The job's brief stage, keyed by story id and run at the job's parallelism: each story that gained an article is
 * briefed once it has been quiet for the wait (a processing-time timer, put off by each new article, but never more
 * than {@value #MAX_DELAY_WAITS} waits after the first one it holds back), by {@link StoryBriefs} as the server briefs
 * it: the brief-tier analyses of its articles (kept in the store, made only for articles never analysed at that tier)
 * and the brief itself kept in the store, so that {@code serve} reads it back instead of writing it.
 *
 * <p>The embedder is loaded once per task in {@link #open}; the brief tier's CoreNLP once per task, when its first
 * article without a brief-tier analysis comes (a task whose stories are all analysed never loads it). Pending timers
 * are Flink state: a restored job writes the briefs its checkpoint held back. Idempotent: a story replayed after a
 * restore is briefed again only when its kept brief covers fewer articles than it holds now (a kept brief of as many
 * or more is left as it is). Emits the id of each story whose brief is current after its turn.
 */
final class StoryBriefKeeper extends KeyedProcessFunction<String, String, String> {

    private static final long serialVersionUID = 1L;

    /** A story that keeps growing is briefed at the latest this many waits after the first article held back. */
    static final int MAX_DELAY_WAITS = 6;

    private final StoreOpener storeOpener;
    private final long waitMillis;

    /** When the story's brief is due (its timer), or null when none is pending. */
    private transient ValueState<Long> dueAt;
    /** When the first article the pending brief holds back came. */
    private transient ValueState<Long> pendingSince;
    private transient ArticleStore store;
    private transient MiniLmEmbedder embedder;
    private transient StoryBriefs briefs;

    StoryBriefKeeper(StoreOpener storeOpener, long waitMillis) {
        this.storeOpener = storeOpener;
        this.waitMillis = waitMillis;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        dueAt = getRuntimeContext().getState(new ValueStateDescriptor<>("brief-due-at", Types.LONG));
        pendingSince = getRuntimeContext().getState(new ValueStateDescriptor<>("brief-pending-since", Types.LONG));
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        store = storeOpener.open();
        embedder = new MiniLmEmbedder(1);
        briefs = new StoryBriefs(store, factory.storedAnalyses(store, AnalysisTier.BRIEF, 1, embedder),
                factory.briefWriter(embedder));
    }

    @Override
    public void processElement(String storyId, Context context, Collector<String> out) throws Exception {
        long now = context.timerService().currentProcessingTime();
        Long since = pendingSince.value();
        if (since == null) {
            since = now;
            pendingSince.update(since);
        }
        long at = Math.min(now + waitMillis, since + MAX_DELAY_WAITS * Math.max(waitMillis, 1));
        Long due = dueAt.value();
        if (due != null && due == at) {
            return;
        }
        if (due != null) {
            context.timerService().deleteProcessingTimeTimer(due);
        }
        context.timerService().registerProcessingTimeTimer(at);
        dueAt.update(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<String> out) throws Exception {
        dueAt.clear();
        pendingSince.clear();
        String storyId = context.getCurrentKey();
        Optional<StoredBrief> brief;
        try {
            brief = briefs.update(storyId);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the job is being cancelled: not a failure of this brief
            }
            // a brief that cannot be written stays unwritten (the server tries again when asked); the stream goes on
            System.err.println("error: cannot write the brief of story " + storyId + ": " + e);
            return;
        }
        brief.ifPresent(b -> out.collect(b.storyId()));
    }

    @Override
    public void close() throws Exception {
        if (embedder != null) {
            embedder.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
