import org.storylens.cluster.ArticleFeatures;
import org.storylens.cluster.CentroidStoryClusterer;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.MinHasher;
import org.storylens.cluster.TermField;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Speed of the cluster stage alone (features precomputed) on a synthetic stream, and how the time per article changes
 * as stored articles grow to 1k, 10k and 100k.
 *
 * <pre>
 *   ./storylens --version
 *   /usr/bin/time -v java -Xmx3g -cp target/storylens.jar bench/ClusterSpeed.java [N] [dated|undated]
 * </pre>
 * The stream: stories of 1 to 40 articles (skewed to small), each with its own words, entities, people, dates and
 * an embedding direction; articles mix story words with Zipf-distributed background words (50,000 of them), as real
 * articles of ~300 words do; 300 articles a day. {@code dated} (default) gives articles dates, so stories close after
 * the 14-day window; {@code undated} gives none, so every story stays open and only the bounded posting lists keep
 * the cost per article flat. Prints articles/s and ms per article around each size, the size of the clusterer
 * snapshot and the time to take, encode and decode it (the stream job's story stage takes and encodes it with every
 * flush; a restore decodes it), and the peak heap.
 */
public class ClusterSpeed {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean dated = args.length < 2 || !args[1].equals("undated");
        List<ArticleFeatures> stream = stream(n, dated, new Random(42));
        System.out.printf(Locale.ROOT, "%d synthetic articles (%s), features precomputed%n", n,
                dated ? "dated, 300 a day" : "undated");
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        int[] marks = {1_000, 10_000, 100_000, 1_000_000};
        int window = 1_000;
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long windowStart = start;
        int mark = 0;
        for (int i = 0; i < stream.size(); i++) {
            if (mark < marks.length && i == marks[mark]) {
                windowStart = System.nanoTime();
            }
            clusterer.assign(stream.get(i));
            if (mark < marks.length && i == marks[mark] + window - 1) {
                double ms = (System.nanoTime() - windowStart) / 1e6 / window;
                System.out.printf(Locale.ROOT, "at %,7d stored articles: %.3f ms per article (%.0f articles/s)%n",
                        marks[mark], ms, 1000 / ms);
                mark++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "whole stream: %.0f articles/s, %.0f articles per CPU-second of the clustering"
                + " thread, %d stories%n", n / seconds, n / cpuSeconds, clusterer.stories().size());
        // what the stream job's story stage saves with every flush: the snapshot, taken and encoded once, the bytes
        // kept in the store and in Flink state (until this change: taken and encoded twice, and the store's saved
        // state read back and decoded in each flush's transaction as well)
        try {
            org.storylens.store.ClusterStateCodec codec = new org.storylens.store.ClusterStateCodec();
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            org.storylens.cluster.ClusterSnapshot snapshot = clusterer.snapshot();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            byte[] stored = codec.write(snapshot);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            codec.read(stored);
            long t3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            long open = snapshot.stories().stream().filter(org.storylens.cluster.ClusterSnapshot.StoryState::open)
                    .count();
            double take = (c1 - c0) / 1e9;
            double encode = (c2 - c1) / 1e9;
            double decode = (c3 - c2) / 1e9;
            System.out.printf(Locale.ROOT, "clusterer snapshot: %d stories (%d open), taken in %.2f s (%.2f CPU-s),"
                    + " encoded (gzipped JSON, as saved) in %.2f s (%.2f CPU-s) to %,d bytes, decoded in %.2f s"
                    + " (%.2f CPU-s)%n", snapshot.stories().size(), open, (t1 - t0) / 1e9, take, (t2 - t1) / 1e9,
                    encode, stored.length, (t3 - t2) / 1e9, decode);
            System.out.printf(Locale.ROOT, "story stage, snapshot CPU per flush: %.2f CPU-s (taken and encoded once);"
                    + " %.2f CPU-s the former way with this codec (taken and encoded twice, the saved state decoded)%n",
                    take + encode, 2 * (take + encode) + decode);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks, features of the whole stream included): %d MB%n",
                peak >> 20);
    }

    static List<ArticleFeatures> stream(int n, boolean dated, Random random) {
        MinHasher hasher = new MinHasher(64);
        double[] zipf = new double[50_000];
        double total = 0;
        for (int i = 0; i < zipf.length; i++) {
            total += 1.0 / (i + 1);
            zipf[i] = total;
        }
        List<ArticleFeatures> out = new ArrayList<>(n);
        int storyNumber = 0;
        LocalDate day = LocalDate.of(2021, 1, 1);
        List<int[]> open = new ArrayList<>(); // {story, articles left}
        while (out.size() < n) {
            if (open.isEmpty() || random.nextDouble() < 0.25) {
                int size = 1 + (int) Math.min(39, Math.floor(-Math.log(1 - random.nextDouble()) * 4));
                open.add(new int[]{storyNumber++, size});
            }
            int pick = random.nextInt(open.size());
            int[] story = open.get(pick);
            Random own = new Random(story[0] * 7919L);
            float[] direction = unit(own, null, 0);
            Map<TermField, Map<String, Integer>> terms = new EnumMap<>(TermField.class);
            Map<String, Integer> body = new HashMap<>();
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 120; w++) {
                String word = w % 3 == 0 ? "s" + story[0] + "w" + own.nextInt(30)
                        : "w" + zipfIndex(zipf, total, random);
                body.merge(word, 1, Integer::sum);
                text.append(word).append(' ');
            }
            terms.put(TermField.BODY, body);
            Map<String, Integer> title = new HashMap<>();
            title.merge("s" + story[0] + "w1", 1, Integer::sum);
            title.merge("s" + story[0] + "w2", 1, Integer::sum);
            title.merge("w" + zipfIndex(zipf, total, random), 1, Integer::sum);
            terms.put(TermField.TITLE, title);
            terms.put(TermField.LEAD, Map.of("s" + story[0] + "w3", 1, "x" + zipfIndex(zipf, total, random), 1));
            Map<String, Integer> entities = new HashMap<>();
            entities.merge("e" + story[0] % 5000, 2, Integer::sum);
            entities.merge("e" + (story[0] * 31 + 7) % 5000, 1, Integer::sum);
            entities.merge("place" + random.nextInt(200), 1, Integer::sum);
            terms.put(TermField.ENTITIES, entities);
            terms.put(TermField.PEOPLE, Map.of("p" + story[0] % 20000, 2));
            terms.put(TermField.DATES, Map.of(day.toString(), 1, "y" + day.getYear(), 1));
            terms.put(TermField.FIGURES, Map.of(own.nextInt(100) + " dead", 1));
            int id = out.size();
            out.add(new ArticleFeatures("a" + id, "outlet" + random.nextInt(300), null, "en", dated ? day : null,
                    terms, unit(random, direction, 0.6f), hasher.signature(text.toString())));
            if (--story[1] == 0) {
                open.remove(pick);
            }
            if (id % 300 == 299) {
                day = day.plusDays(1);
            }
        }
        return out;
    }

    private static int zipfIndex(double[] zipf, double total, Random random) {
        double x = random.nextDouble() * total;
        int lo = 0;
        int hi = zipf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipf[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A random unit vector, or one near {@code around} when given. */
    private static float[] unit(Random random, float[] around, float noise) {
        float[] v = new float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian() * (around == null ? 1 : noise) + (around == null ? 0 : around[i] * 20);
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
