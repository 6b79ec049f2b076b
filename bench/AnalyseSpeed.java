import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.EntityFinder;
import org.storylens.analyse.NumberFinder;
import org.storylens.analyse.QuoteFinder;
import org.storylens.analyse.TimeResolver;
import org.storylens.clean.PublicationDate;

import java.io.BufferedReader;
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

/**
 * Speed of the analyse stage's ingest tier on real news text, against the bare tokenize+ssplit pipeline.
 *
 * <pre>
 *   ./storylens --version
 *   java -Xmx4g -cp target/storylens.jar bench/AnalyseSpeed.java ../shared/eval/clustering/ecbplus-dev.jsonl [N] [CONFIG]
 * </pre>
 * Articles are the texts of the JSON Lines file, repeated to N (default 1000). CONFIG: {@code default} (three CRF
 * models + SUTime), {@code conll4} (the 4-class CoNLL model + SUTime). Prints articles/s on all cores for each
 * pipeline, words per article, and the heap in use at the end (peak RSS: run under {@code /usr/bin/time -v}).
 */
public class AnalyseSpeed {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String config = args.length > 2 ? args[2] : "default";
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                texts.add(node.get("text").asText());
            }
        }
        List<String> articles = new ArrayList<>();
        for (int i = 0; articles.size() < n; i++) {
            articles.add(texts.get(i % texts.size()));
        }
        long words = articles.stream().mapToLong(t -> t.split("\\s+").length).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d articles, %.0f words each on average, %d threads%n", n,
                (double) words / n, cores);

        Properties bare = new Properties();
        bare.setProperty("annotators", "tokenize,ssplit");
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(bare);
        double reference = run(articles, cores, text -> tokenizer.annotate(new Annotation(text)));
        System.out.printf(Locale.ROOT, "tokenize+ssplit:            %8.1f articles/s%n", reference);

        CoreNlpAnnotator.Options options = config.equals("conll4")
                ? new CoreNlpAnnotator.Options(List.of(CoreNlpAnnotator.Options.CONLL_4CLASS), true)
                : CoreNlpAnnotator.Options.DEFAULT;
        long t0 = System.nanoTime();
        CoreNlpAnnotator annotator = new CoreNlpAnnotator(options);
        System.out.printf(Locale.ROOT, "CoreNLP %s loaded in %.1f s%n", config, (System.nanoTime() - t0) / 1e9);
        LocalDate date = LocalDate.of(2021, 12, 5);
        PublicationDate published = new PublicationDate(2021, 12, 5, null, PublicationDate.Source.METADATA, "", false);
        double annotate = run(articles, cores, text -> annotator.annotate(text, date));
        System.out.printf(Locale.ROOT, "pos,lemma,ner (%s):       %8.1f articles/s (%.1fx slower)%n", config, annotate,
                reference / annotate);
        EntityFinder entities = new EntityFinder();
        TimeResolver times = new TimeResolver();
        QuoteFinder quotes = new QuoteFinder();
        NumberFinder numbers = new NumberFinder();
        double full = run(articles, cores, text -> {
            AnnotatedText a = annotator.annotate(text, date);
            entities.find(a);
            times.resolve(a, published);
            quotes.find(a);
            numbers.find(a);
        });
        System.out.printf(Locale.ROOT, "ingest tier (all finders):  %8.1f articles/s (%.1fx slower)%n", full,
                reference / full);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap in use at the end: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    interface Work {
        void on(String text) throws Exception;
    }

    private static double run(List<String> articles, int threads, Work work) throws Exception {
        // warm up on a few articles so JIT and lazy model parts are not counted
        for (int i = 0; i < Math.min(20, articles.size()); i++) {
            work.on(articles.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (String text : articles) {
            futures.add(pool.submit(() -> {
                work.on(text);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return articles.size() / ((System.nanoTime() - start) / 1e9);
    }
}
