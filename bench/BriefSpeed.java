import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.brief.BriefWriter;
import org.storylens.brief.StoryBrief;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speed of the brief stage (entities, timeline, quotes, figures, and the summary and claims with their one embedding
 * call) on one story of N articles, after analysis (not timed).
 *
 * <pre>
 *   ./storylens --version
 *   java -Xmx4g -cp target/storylens.jar bench/BriefSpeed.java ../shared/eval/clustering/ecbplus-dev.jsonl 50 [TOPIC]
 * </pre>
 * The story is the articles of one ECB+ topic (both its stories; by default the topic with the most articles), cycled
 * until there are N of them, read and cleaned as JSON Lines and analysed at the ingest tier. The brief is then written
 * seven times; the first two are warm-up, the median of the other five is printed.
 */
public class BriefSpeed {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        ObjectMapper json = new ObjectMapper();
        Map<String, List<JsonNode>> topics = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                String topic = node.get("story").asText().replaceAll("-.*", "");
                topics.computeIfAbsent(topic, k -> new ArrayList<>()).add(node);
            }
        }
        String topic = args.length > 2 ? args[2] : topics.entrySet().stream()
                .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size())).orElseThrow().getKey();
        List<JsonNode> records = topics.get(topic);
        Path story = Files.createTempFile("storylens-brief-speed", ".jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode record = records.get(i % records.size()).deepCopy();
            record.put("id", record.get("id").asText() + "-" + i);
            lines.add(json.writeValueAsString(record));
        }
        Files.write(story, lines);
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(2)) {
            // the brief tier, as `brief` analyses: sentences are embedded at analysis, which is not timed
            List<AnalysedArticle> analysed = factory.analysis(AnalysisTier.BRIEF, 2, embedder).analyse(
                    factory.readAndClean(List.of(story.toString()), 2, ArticlePipeline.Progress.NONE).articles());
            Files.delete(story);
            int sentences = analysed.stream().mapToInt(a -> a.sentences().size()).sum();
            System.out.printf(Locale.ROOT, "topic %s: %d articles (%d distinct), %d sentences%n", topic,
                    analysed.size(), Math.min(n, records.size()), sentences);
            BriefWriter writer = factory.briefWriter(embedder);
            double[] millis = new double[7];
            StoryBrief brief = null;
            for (int run = 0; run < millis.length; run++) {
                long t0 = System.nanoTime();
                brief = writer.write(analysed);
                millis[run] = (System.nanoTime() - t0) / 1e6;
            }
            double[] timed = Arrays.copyOfRange(millis, 2, millis.length);
            Arrays.sort(timed);
            long t0 = System.nanoTime();
            embedder.embed(analysed.stream().flatMap(a -> a.sentences().stream()).map(s -> s.text()).toList());
            double embedMillis = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "brief of %d articles: %.0f ms (median of 5; runs %s ms)%n",
                    analysed.size(), timed[timed.length / 2], Arrays.toString(Arrays.stream(millis)
                            .map(Math::rint).toArray()));
            System.out.printf(Locale.ROOT, "embedding all %d sentences in one call (done at analysis, not part of "
                    + "the brief): about %.0f ms%n", sentences, embedMillis);
            List<String> quotes = analysed.stream().flatMap(a -> a.quotes().stream()).map(q -> q.text()).toList();
            long q0 = System.nanoTime();
            embedder.embed(quotes);
            System.out.printf(Locale.ROOT, "embedding the %d quotes (also done at analysis): "
                    + "about %.0f ms%n", quotes.size(), (System.nanoTime() - q0) / 1e6);
            System.out.printf(Locale.ROOT, "summary %d sentences, %d claims%n", brief.summary().size(),
                    brief.claims().size());
        }
    }
}
