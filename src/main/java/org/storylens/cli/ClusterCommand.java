package org.storylens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.cluster.BatchClustering;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryAssignment;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.PipelineFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code storylens cluster PATH...}: groups the given articles into stories, in time order, without a database. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Reads, cleans and analyses the given articles and groups them into stories as a stream "
                + "would: one article at a time, undated ones first, then by publication date.",
                "Prints {\"assignments\": [{\"id\", \"story\", \"copyOf\"}], \"stories\": [...]}, assignments in "
                        + "input order, stories largest first."})
final class ClusterCommand implements Callable<Integer> {

    enum Format { json }

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files (JSON Lines, text, HTML, ...), folders or "
            + "http(s) URLs.")
    List<String> paths;

    @Option(names = "--format", defaultValue = "json", description = "json. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--window-days", paramLabel = "DAYS", description = "Days after its latest article that a story "
            + "stops accepting articles. Default: " + "14")
    Integer windowDays;

    @picocli.CommandLine.Mixin
    ReadOptions read = new ReadOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int cores = Runtime.getRuntime().availableProcessors();
        PipelineFactory factory = new PipelineFactory(read.maxBytes);
        BatchResult cleaned = factory.readAndClean(paths, cores, ArticlePipeline.Progress.NONE);
        List<AnalysedArticle> analysed = factory.analysis(AnalysisTier.INGEST, cores).analyse(cleaned.articles());
        ClusterConfig config = windowDays == null ? ClusterConfig.DEFAULT
                : ClusterConfig.DEFAULT.withWindowDays(windowDays);
        BatchClustering.Result result;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            result = factory.batchClustering(config).cluster(analysed, embedder);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode assignments = root.putArray("assignments");
        for (StoryAssignment a : result.assignments()) {
            ObjectNode o = assignments.addObject();
            o.put("id", a.articleId());
            o.put("story", a.storyId());
            o.put("copyOf", a.copyOf());
        }
        ArrayNode stories = root.putArray("stories");
        for (Story s : result.stories()) {
            ObjectNode o = stories.addObject();
            o.put("id", s.id());
            o.put("articles", s.size());
            o.put("independentSources", s.independentSources());
        }
        out.println(root.toPrettyString());
        cleaned.failures().forEach(f -> err.println("error: " + f));
        out.flush();
        err.flush();
        return cleaned.failures().isEmpty() ? 0 : StorylensCli.SOME_INPUTS_FAILED;
    }
}
