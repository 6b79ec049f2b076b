import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.CoreNlpArticleAnalyser;
import org.storylens.analyse.EntityFinder;
import org.storylens.analyse.NumberFinder;
import org.storylens.analyse.QuoteFinder;
import org.storylens.analyse.TimeResolver;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.ingest.SourceFormat;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Speed of the analyse stage's tiers on real news text, against the bare tokenize+ssplit pipeline.
 *
 * <pre>
 *   ./storylens --version
 *   /usr/bin/time -v java -Xmx4g -cp target/storylens.jar bench/AnalyseSpeed.java ../shared/eval/clustering/ecbplus-dev.jsonl 1000 ingest
 *   /usr/bin/time -v java -Xmx4g -cp target/storylens.jar bench/AnalyseSpeed.java ../shared/eval/clustering/ecbplus-dev.jsonl 1000 brief
 *   java -Xmx4g -cp target/storylens.jar bench/AnalyseSpeed.java ../shared/eval/clustering/ecbplus-dev.jsonl 300 costs
 * </pre>
 * An optional fourth argument sets the number of worker threads (default: all cores).
 * Articles are the texts of the JSON Lines file joined in order until each has at least 320 words (about 600 on
 * average for ECB+), repeated to N. {@code ingest} and {@code brief} time the whole analyse stage of that tier (CoreNLP
 * plus every finder) on all cores, so peak RSS from {@code time -v} is that tier's; {@code costs} adds CoreNLP's
 * annotators one at a time and prints what each costs, in CPU milliseconds per article.
 */
public class AnalyseSpeed {

    private static final int MIN_WORDS = 320;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String mode = args.length > 2 ? args[2] : "ingest";
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                texts.add(node.get("text").asText());
            }
        }
        List<String> articles = new ArrayList<>();
        for (int i = 0; articles.size() < n; ) {
            StringBuilder article = new StringBuilder();
            while (words(article.toString()) < MIN_WORDS) {
                article.append(article.length() == 0 ? "" : "\n\n").append(texts.get(i++ % texts.size()));
            }
            articles.add(article.toString());
        }
        long words = articles.stream().mapToLong(AnalyseSpeed::words).sum();
        int cores = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d articles, %.0f words each on average, %d threads%n", n,
                (double) words / n, cores);

        double reference = run(articles, cores, annotating(pipeline("tokenize,ssplit", ""))).perSecond();
        System.out.printf(Locale.ROOT, "%-44s %7.1f articles/s%n", "tokenize+ssplit (reference)", reference);
        if (mode.equals("costs")) {
            costs(articles);
            return;
        }
        CoreNlpAnnotator.Options options = mode.equals("brief") ? CoreNlpAnnotator.Options.BRIEF
                : CoreNlpAnnotator.Options.INGEST;
        long t0 = System.nanoTime();
        CoreNlpAnnotator annotator = new CoreNlpAnnotator(options);
        System.out.printf(Locale.ROOT, "%s tier loaded in %.1f s%n", mode, (System.nanoTime() - t0) / 1e9);
        CoreNlpArticleAnalyser analyser = new CoreNlpArticleAnalyser(annotator, new EntityFinder(), new TimeResolver(),
                new QuoteFinder(), new NumberFinder());
        PublicationDate published = new PublicationDate(2021, 12, 5, null, PublicationDate.Source.METADATA, "", false);
        long gcBefore = gcMillis();
        Result tier = run(articles, cores, text -> analyser.analyse(article(text, published)));
        long gc = gcMillis() - gcBefore;
        System.out.printf(Locale.ROOT, "%-44s %7.1f articles/s (%.1fx slower than the reference), %.0f ms CPU each"
                        + " in the workers, %.1f ms of collector time each%n",
                mode + " tier (CoreNLP + all finders)", tier.perSecond(), reference / tier.perSecond(),
                tier.cpuMillisPerArticle(), (double) gc / articles.size());
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap in use at the end: %d MB (peak RSS: run under /usr/bin/time -v)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Adds CoreNLP's annotators one at a time; each line's cost is what it adds to the line before. */
    private static void costs(List<String> articles) throws Exception {
        String conll = "ner.model=" + CoreNlpAnnotator.Options.CONLL_4CLASS + ";ner.useSUTime=false";
        String[][] steps = {
                {"tokenize+ssplit", "tokenize,ssplit", ""},
                {"+ pos", "tokenize,ssplit,pos", ""},
                {"+ lemma", "tokenize,ssplit,pos,lemma", ""},
                {"+ ner (CoNLL 4-class CRF only)", "tokenize,ssplit,pos,lemma,ner",
                        conll + ";ner.applyNumericClassifiers=false"},
                {"+ numeric classifiers", "tokenize,ssplit,pos,lemma,ner", conll},
                {"+ 7-class and 3-class CRFs", "tokenize,ssplit,pos,lemma,ner", "ner.useSUTime=false"},
                {"+ SUTime on every sentence (brief tier)", "tokenize,ssplit,pos,lemma,ner", ""},
        };
        double previous = 0;
        double ingestNer = 0;
        LocalDate date = LocalDate.of(2021, 12, 5);
        for (String[] step : steps) {
            StanfordCoreNLP nlp = pipeline(step[1], step[2]);
            double cpu = run(articles, 1, annotating(nlp)).cpuMillisPerArticle();
            System.out.printf(Locale.ROOT, "%-44s %7.1f ms CPU per article (+%.1f)%n", step[0], cpu, cpu - previous);
            previous = cpu;
            ingestNer = step[0].equals("+ numeric classifiers") ? cpu : ingestNer;
        }
        CoreNlpAnnotator ingest = new CoreNlpAnnotator(CoreNlpAnnotator.Options.INGEST);
        double cued = run(articles, 1, text -> ingest.annotate(text, date)).cpuMillisPerArticle();
        System.out.printf(Locale.ROOT, "%-44s %7.1f ms CPU per article (+%.1f over CoNLL 4-class + numeric)%n",
                "CoNLL 4-class + SUTime on cued windows", cued, cued - ingestNer);
        EntityFinder entities = new EntityFinder();
        TimeResolver times = new TimeResolver();
        QuoteFinder quotes = new QuoteFinder();
        NumberFinder numbers = new NumberFinder();
        PublicationDate published = new PublicationDate(2021, 12, 5, null, PublicationDate.Source.METADATA, "", false);
        var annotated = articles.stream().map(text -> ingest.annotate(text, date)).toList();
        AtomicLong next = new AtomicLong();
        double finders = run(articles, 1, text -> {
            var a = annotated.get((int) (next.getAndIncrement() % annotated.size()));
            entities.find(a);
            times.resolve(a, published);
            quotes.find(a);
            numbers.find(a);
        }).cpuMillisPerArticle();
        System.out.printf(Locale.ROOT, "%-44s %7.1f ms CPU per article%n", "storylens finders (entities, times, "
                + "quotes, numbers)", finders);
    }

    /** Annotation dated like the tiers' (SUTime resolves against it). */
    private static Work annotating(StanfordCoreNLP nlp) {
        return text -> {
            Annotation document = new Annotation(text);
            document.set(CoreAnnotations.DocDateAnnotation.class, "2021-12-05");
            nlp.annotate(document);
        };
    }

    private static StanfordCoreNLP pipeline(String annotators, String settings) {
        Properties props = new Properties();
        props.setProperty("annotators", annotators);
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "true");
        for (String setting : settings.split(";")) {
            if (!setting.isEmpty()) {
                String[] kv = setting.split("=", 2);
                props.setProperty(kv[0], kv[1]);
            }
        }
        return new StanfordCoreNLP(props);
    }

    private static Article article(String text, PublicationDate published) {
        return new Article("bench", null, null, null, published, "en", text, List.of(), List.of(), null, "bench",
                SourceFormat.TEXT, "", List.of());
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime()))
                .sum();
    }

    private static long words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    interface Work {
        void on(String text) throws Exception;
    }

    record Result(double perSecond, double cpuMillisPerArticle) {
    }

    private static Result run(List<String> articles, int threads, Work work) throws Exception {
        // warm up on a few articles so JIT and lazy model parts are not counted
        for (int i = 0; i < Math.min(20, articles.size()); i++) {
            work.on(articles.get(i));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (String text : articles) {
            futures.add(pool.submit(() -> {
                long before = mx.getCurrentThreadCpuTime();
                work.on(text);
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - before);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new Result(articles.size() / ((System.nanoTime() - start) / 1e9), cpu.get() / 1e6 / articles.size());
    }
}
