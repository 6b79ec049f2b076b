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
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.Failure;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code storylens brief PATH...}: the briefs of the stories the given articles form, largest first. */
@Command(name = "brief", mixinStandardHelpOptions = true,
        description = {"Reads, cleans and analyses the given articles, groups them into stories (as the cluster "
                + "command does) and writes each story's brief (entities, timeline, quotes, figures, each with the "
                + "articles that contain it; copies and independent sources), largest story first."})
final class BriefCommand implements Callable<Integer> {

    enum Format { json }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, folders or http(s) URLs.")
    List<String> paths = List.of();

    @Option(names = "--db", paramLabel = "FILE", description = "Brief the articles stored in this database instead of "
            + "PATHs; their brief-tier analyses are kept there, so a second brief does not analyse them again.")
    Path db;

    @Option(names = "--format", defaultValue = "json", description = "json. Default: ${DEFAULT-VALUE}")
    Format format;

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
        if (paths.isEmpty() == (db == null)) {
            err.println("error: give either PATHs or --db FILE");
            err.flush();
            return StorylensCli.USAGE;
        }
        List<Failure> failures = new ArrayList<>();
        List<AnalysedArticle> analysed;
        List<Story> stored = new ArrayList<>();
        if (db != null) {
            if (!Files.isRegularFile(db)) {
                return StorylensCli.noDatabase(err, db);
            }
            try (ArticleStore store = SqliteArticleStore.open(db)) {
                analysed = factory.storedAnalyses(store, AnalysisTier.BRIEF, cores).of(store.list());
                for (StoredStory s : store.stories()) {
                    store.story(s.id()).ifPresent(stored::add);
                }
            } catch (StoreException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return StorylensCli.STORE_FAILED;
            }
        } else {
            BatchResult cleaned = factory.readAndClean(paths, cores, ArticlePipeline.Progress.NONE);
            failures.addAll(cleaned.failures());
            analysed = factory.analysis(AnalysisTier.BRIEF, cores).analyse(cleaned.articles());
        }
        Map<String, AnalysedArticle> byId = new HashMap<>();
        analysed.forEach(a -> byId.put(a.article().id(), a));
        List<StoryBrief> stories = new ArrayList<>();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            // stored articles keep the stories ingest gave them; the others (given as PATHs, or stored with
            // --no-analyse) are grouped here as the cluster command groups them
            Set<String> placed = new HashSet<>();
            stored.forEach(s -> s.articles().forEach(a -> placed.add(a.id())));
            List<AnalysedArticle> loose = analysed.stream().filter(a -> !placed.contains(a.article().id())).toList();
            List<Story> all = new ArrayList<>(stored);
            if (!loose.isEmpty()) {
                all.addAll(factory.batchClustering(ClusterConfig.DEFAULT).cluster(loose, embedder).stories());
            }
            all.sort(Comparator.comparingInt(Story::size).reversed());
            BriefWriter writer = factory.briefWriter(embedder);
            for (Story story : all) {
                List<AnalysedArticle> articles = story.articles().stream().map(a -> byId.get(a.id())).toList();
                stories.add(writer.write(articles, story));
            }
        }
        Brief brief = new Brief(Instant.now().toString(), stories);
        out.println(new BriefJson().render(brief));
        failures.forEach(f -> err.println("error: " + f));
        out.flush();
        err.flush();
        return failures.isEmpty() ? 0 : StorylensCli.SOME_INPUTS_FAILED;
    }
}
