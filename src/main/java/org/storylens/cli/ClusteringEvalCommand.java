package org.storylens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.cluster.BatchClustering;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.StoryAssignment;
import org.storylens.eval.ClusteringEvaluation;
import org.storylens.eval.ClusteringScore;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.PipelineFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code storylens eval clustering FILE.jsonl}: clusters a labelled dataset as the cluster command does, and scores it. */
@Command(name = "clustering", mixinStandardHelpOptions = true,
        description = {"Story clustering on labelled JSON Lines (id, title, text, publishedAt, language, story): reads, "
                + "cleans, analyses and clusters the articles in time order, then scores against the story labels "
                + "and against topics (the label up to its first '-').",
                "json: {\"pairwise\": {precision, recall, f1}, \"bcubed\": {...}, \"stories\", \"trueStories\", "
                        + "\"articlesPerSecond\", \"clusteringArticlesPerSecond\", \"topic\": {...}}"})
final class ClusteringEvalCommand implements Callable<Integer> {

    enum Format { json, text }

    @Parameters(paramLabel = "FILE", description = "Labelled JSON Lines.")
    Path path;

    @Option(names = "--tier", defaultValue = "INGEST", paramLabel = "TIER",
            description = "The analysis the features come from: ingest (what `ingest` clusters with) or brief. "
                    + "Default: ingest.")
    AnalysisTier tier;

    @Option(names = "--format", defaultValue = "text", description = "json or text. Default: ${DEFAULT-VALUE}")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(path)) {
            err.println("error: " + path + ": no such file");
            err.flush();
            return StorylensCli.SOME_INPUTS_FAILED;
        }
        ClusteringEvaluation evaluation = new ClusteringEvaluation();
        Map<String, String> labels = evaluation.labels(path);
        long start = System.nanoTime();
        int cores = Runtime.getRuntime().availableProcessors();
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        BatchResult cleaned = factory.readAndClean(List.of(path.toString()), cores, ArticlePipeline.Progress.NONE);
        List<AnalysedArticle> analysed = factory.analysis(tier, cores).analyse(cleaned.articles());
        BatchClustering.Result result;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            result = factory.batchClustering(ClusterConfig.DEFAULT).cluster(analysed, embedder);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> assigned = new HashMap<>();
        for (StoryAssignment a : result.assignments()) {
            assigned.put(a.articleId(), a.storyId());
        }
        ClusteringEvaluation.Report report = evaluation.score(labels, assigned);
        double perSecond = analysed.size() / seconds;
        double clusteringPerSecond = analysed.size() / Math.max(1e-9, result.clusterNanos() / 1e9);
        if (format == Format.json) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = scores(json, report.story());
            root.put("articlesPerSecond", round(perSecond));
            root.put("clusteringArticlesPerSecond", round(clusteringPerSecond));
            root.put("articles", labels.size());
            root.put("unassigned", report.unassigned());
            root.set("topic", scores(json, report.topic()));
            out.println(root.toPrettyString());
        } else {
            out.println("clustering " + path);
            out.printf(Locale.ROOT, "%d articles (%d unassigned), %.1f articles/s end to end, %.0f articles/s "
                    + "clustering alone%n", labels.size(), report.unassigned(), perSecond, clusteringPerSecond);
            out.println("  story level: " + describe(report.story()));
            out.println("  topic level: " + describe(report.topic()));
        }
        cleaned.failures().forEach(f -> err.println("error: " + f));
        out.flush();
        err.flush();
        return 0;
    }

    private static ObjectNode scores(ObjectMapper json, ClusteringScore score) {
        ObjectNode o = json.createObjectNode();
        ObjectNode pairwise = o.putObject("pairwise");
        pairwise.put("precision", round(score.pairwise().precision()));
        pairwise.put("recall", round(score.pairwise().recall()));
        pairwise.put("f1", round(score.pairwise().f1()));
        ObjectNode bcubed = o.putObject("bcubed");
        bcubed.put("precision", round(score.bcubed().precision()));
        bcubed.put("recall", round(score.bcubed().recall()));
        bcubed.put("f1", round(score.bcubed().f1()));
        o.put("stories", score.stories());
        o.put("trueStories", score.trueStories());
        return o;
    }

    private static String describe(ClusteringScore s) {
        return String.format(Locale.ROOT, "BCubed P %.4f R %.4f F1 %.4f; pairwise P %.4f R %.4f F1 %.4f; "
                        + "%d stories found, %d true", s.bcubed().precision(), s.bcubed().recall(), s.bcubed().f1(),
                s.pairwise().precision(), s.pairwise().recall(), s.pairwise().f1(), s.stories(), s.trueStories());
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
