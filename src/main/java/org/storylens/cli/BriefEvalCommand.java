package org.storylens.cli;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.brief.Brief;
import org.storylens.brief.BriefJson;
import org.storylens.brief.BriefWriter;
import org.storylens.brief.StoryBrief;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.eval.BriefAudit;
import org.storylens.eval.BriefAuditReport;
import org.storylens.eval.BriefGoldSet;
import org.storylens.pipeline.AnalysisPipeline;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.PipelineFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code storylens eval brief DIR}: briefs each story of a brief audit folder and scores the brief against its gold. */
@Command(name = "brief", mixinStandardHelpOptions = true,
        description = {"Brief audit (../shared/docs/brief-audit-format.md): DIR holds per story STORY.gold.json and "
                + "its articles (STORY.jsonl, or an articlesFrom in the gold naming a file or folder under --shared). "
                + "Each story's articles are read, cleaned and analysed at the brief tier and briefed as one story, "
                + "as `storylens brief` does; the brief is scored against the gold: quote speaker precision and "
                + "recall, figure attribution and unit precision and recall, timeline date precision, false "
                + "disputes and missed conflicts, per story and overall, with each error found.",
                "json: {\"stories\": [{\"story\", \"scores\", \"counts\", \"errors\"}], \"overall\": {\"scores\", "
                        + "\"counts\"}}"})
final class BriefEvalCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(paramLabel = "DIR", description = "The audit folder.")
    Path dir;

    @Option(names = "--shared", defaultValue = "../shared", paramLabel = "DIR",
            description = "The shared data folder an articlesFrom is relative to. Default: ${DEFAULT-VALUE}")
    Path shared;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--briefs", paramLabel = "DIR", description = "Also write each story's brief there as "
            + "STORY.brief.json (the output contract), to see what the scores rest on.")
    Path briefs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("error: " + dir + ": no such folder");
            err.flush();
            return StorylensCli.SOME_INPUTS_FAILED;
        }
        if (briefs != null && !Files.isDirectory(briefs)) {
            err.println("error: " + briefs + ": no such folder (--briefs)");
            err.flush();
            return StorylensCli.USAGE;
        }
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        Path work = Files.createTempDirectory("storylens-brief-audit");
        boolean failed;
        try {
            BriefGoldSet.Stories set = new BriefGoldSet(factory.reader()).load(dir, shared, work);
            set.unusable().forEach(u -> err.println("error: " + u.gold() + ": " + u.reason()));
            failed = !set.unusable().isEmpty();
            if (set.stories().isEmpty()) {
                err.println("error: " + dir + ": no usable STORY.gold.json");
                err.flush();
                return StorylensCli.SOME_INPUTS_FAILED;
            }
            List<BriefAudit.StoryAudit> audits = new ArrayList<>();
            int cores = Runtime.getRuntime().availableProcessors();
            try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
                AnalysisPipeline analysis = factory.analysis(AnalysisTier.BRIEF, cores, embedder);
                BriefWriter writer = factory.briefWriter(embedder);
                BriefAudit audit = new BriefAudit();
                for (BriefGoldSet.GoldStory story : set.stories()) {
                    err.println(story.name() + ": briefing " + story.texts().size() + " articles");
                    err.flush();
                    BatchResult cleaned = factory.readAndClean(List.of(story.jsonl().toString()), cores,
                            ArticlePipeline.Progress.NONE);
                    cleaned.failures().forEach(f -> err.println("error: " + story.name() + ": " + f));
                    failed |= !cleaned.failures().isEmpty();
                    List<AnalysedArticle> analysed = analysis.analyse(cleaned.articles());
                    StoryBrief brief = briefAsOneStory(factory, writer, analysed, embedder);
                    audits.add(audit.score(brief, story.gold(), story.texts()));
                    if (briefs != null) {
                        Files.writeString(briefs.resolve(story.name() + ".brief.json"),
                                new BriefJson().render(new Brief(Instant.now().toString(), List.of(brief)))
                                        + System.lineSeparator(), StandardCharsets.UTF_8);
                    }
                }
            }
            BriefAuditReport report = new BriefAuditReport(audits);
            if (format == Format.json) {
                out.println(report.json());
            } else {
                out.println("brief audit " + dir + " (" + audits.size() + " stories)");
                out.print(report.table());
            }
        } finally {
            deleteTree(work);
        }
        out.flush();
        err.flush();
        return failed ? StorylensCli.SOME_INPUTS_FAILED : 0;
    }

    /**
     * The brief of all the articles as one story: they are clustered as the brief command clusters them (copies and
     * independent sources found the same way), but with every gate open so that all join, and what still falls
     * apart (an article sharing no indexed word with the rest) is put back into the first story.
     */
    private static StoryBrief briefAsOneStory(PipelineFactory factory, BriefWriter writer,
                                              List<AnalysedArticle> analysed, MiniLmEmbedder embedder) {
        ClusterConfig d = ClusterConfig.DEFAULT;
        ClusterConfig together = new ClusterConfig(d.weights(), -1e9, 36500, d.timeScaleDays(), d.bodyTerms(),
                d.indexedBodyTerms(), d.postingLimit(), d.candidateLimit(), d.copyJaccard(), d.translationSimilarity(),
                -1e9);
        List<Story> stories = factory.batchClustering(together).cluster(analysed, embedder).stories();
        List<StoryArticle> members = new ArrayList<>();
        stories.forEach(s -> members.addAll(s.articles()));
        LocalDate first = members.stream().map(StoryArticle::published).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = members.stream().map(StoryArticle::published).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Story story = new Story(stories.isEmpty() ? "s-empty" : stories.get(0).id(), members,
                Story.countIndependentSources(members), first, last);
        Map<String, AnalysedArticle> byId = new HashMap<>();
        analysed.forEach(a -> byId.put(a.article().id(), a));
        return writer.write(members.stream().map(a -> byId.get(a.id())).toList(), story);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
