package org.storylens.cli;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.brief.Brief;
import org.storylens.brief.BriefHtml;
import org.storylens.brief.BriefJson;
import org.storylens.brief.BriefMarkdown;
import org.storylens.brief.BriefWriter;
import org.storylens.brief.StoryBrief;
import org.storylens.clean.Article;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.Story;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.Failure;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.StoredAnalyses;
import org.storylens.pipeline.StoryBriefs;
import org.storylens.store.ArticleStore;
import org.storylens.store.Stores;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code storylens brief PATH...}: the briefs of the stories the given articles form, largest first. */
@Command(name = "brief", mixinStandardHelpOptions = true,
        description = {"Reads, cleans and analyses the given articles, groups them into stories (as the cluster "
                + "command does) and writes each story's brief (entities, timeline, quotes, figures, each with the "
                + "articles that contain it; copies and independent sources), largest story first.",
                "Formats: json (the output contract), md (Markdown to read) and html (one self-contained page: "
                        + "no script, nothing fetched)."})
final class BriefCommand implements Callable<Integer> {

    enum Format { json, md, html }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, folders or http(s) URLs.")
    List<String> paths = List.of();

    @Option(names = "--db", paramLabel = "FILE|URL", description = "Brief the articles stored in this database (a "
            + "SQLite file, or postgresql://HOST[:PORT]/DB) instead of PATHs. A stored story's brief is read back when the "
            + "database keeps one for the story as it is (as 'serve' and 'stream' keep them), else written and kept "
            + "there, with the brief-tier analyses of its articles, so a second brief does not write it again.")
    String db;

    @Option(names = "--format", defaultValue = "json", description = "json, md or html. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--story", paramLabel = "ID", description = "Brief only this story: with --db a stored story's id "
            + "(as 'storylens stories' lists them; only its articles are analysed), with PATHs the id of one of the "
            + "stories they form.")
    String storyId;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the brief to FILE instead of the "
            + "standard output.")
    Path output;

    @picocli.CommandLine.Mixin
    ReadOptions read = new ReadOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // one embedder for the sentences (at analysis), the clustering of loose articles and the brief
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            return brief(embedder);
        }
    }

    private int brief(MiniLmEmbedder embedder) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int cores = Runtime.getRuntime().availableProcessors();
        PipelineFactory factory = new PipelineFactory(read.maxBytes);
        if (paths.isEmpty() == (db == null)) {
            err.println("error: give either PATHs or --db FILE");
            err.flush();
            return StorylensCli.USAGE;
        }
        if (output != null && !Files.isDirectory(output.toAbsolutePath().getParent())) {
            err.println(TerminalText.escape("error: " + output + ": its folder does not exist"));
            err.flush();
            return StorylensCli.USAGE;
        }
        List<Failure> failures = new ArrayList<>();
        List<AnalysedArticle> analysed;
        List<Story> stored = new ArrayList<>();
        // the briefs of stored stories, by story id: read back when the store keeps one for the story as it is
        Map<String, StoryBrief> keptBriefs = new HashMap<>();
        // the articles the briefs list (what md and html call an article without outlet or headline)
        List<Article> listed;
        BriefWriter writer = factory.briefWriter(embedder);
        if (db != null) {
            if (Stores.isMissingFile(db)) {
                return StorylensCli.noDatabase(err, db);
            }
            try (ArticleStore store = Stores.open(db)) {
                List<Article> articles = store.list();
                Optional<Story> wanted = storyId == null ? Optional.empty() : store.story(storyId);
                if (wanted.isPresent()) {
                    // one stored story: only its articles need the brief-tier analysis
                    Set<String> ids = new HashSet<>();
                    wanted.get().articles().forEach(a -> ids.add(a.id()));
                    articles = articles.stream().filter(a -> ids.contains(a.id())).toList();
                    stored.add(wanted.get());
                } else {
                    for (StoredStory s : store.stories()) {
                        store.story(s.id()).ifPresent(stored::add);
                    }
                    if (storyId != null) {
                        // not a stored story: it can only be one the articles in no stored story form here
                        Set<String> placed = placedIn(stored);
                        articles = articles.stream().filter(a -> !placed.contains(a.id())).toList();
                        stored.clear();
                        if (articles.isEmpty()) {
                            err.println("error: no story '" + storyId + "' in " + Stores.describe(db)
                                    + "; 'storylens stories --db " + Stores.describe(db)
                                    + "' lists the stored stories");
                            err.flush();
                            return StorylensCli.USAGE;
                        }
                    }
                }
                StoredAnalyses briefAnalyses = factory.storedAnalyses(store, AnalysisTier.BRIEF, cores, embedder);
                StoryBriefs briefs = new StoryBriefs(store, briefAnalyses, writer);
                for (Story story : stored) {
                    keptBriefs.put(story.id(), briefs.update(story).brief());
                }
                // only the articles in no stored story are analysed and grouped here
                Set<String> placed = placedIn(stored);
                analysed = briefAnalyses.of(articles.stream().filter(a -> !placed.contains(a.id())).toList());
                listed = articles;
            } catch (StoreException e) {
                err.println(TerminalText.escape("error: " + e.getMessage()));
                err.flush();
                return StorylensCli.STORE_FAILED;
            }
        } else {
            BatchResult cleaned = factory.readAndClean(paths, cores, ArticlePipeline.Progress.NONE);
            failures.addAll(cleaned.failures());
            analysed = factory.analysis(AnalysisTier.BRIEF, cores, embedder).analyse(cleaned.articles());
            listed = cleaned.articles();
        }
        Map<String, AnalysedArticle> byId = new HashMap<>();
        analysed.forEach(a -> byId.put(a.article().id(), a));
        List<StoryBrief> stories = new ArrayList<>();
        Map<String, String> storyDates = new HashMap<>();
        {
            // stored articles keep the stories ingest gave them; the others (given as PATHs, or stored with
            // --no-analyse) are grouped here as the cluster command groups them
            Set<String> placed = placedIn(stored);
            List<AnalysedArticle> loose = analysed.stream().filter(a -> !placed.contains(a.article().id())).toList();
            List<Story> all = new ArrayList<>(stored);
            if (!loose.isEmpty()) {
                all.addAll(factory.batchClustering(ClusterConfig.DEFAULT).cluster(loose, embedder).stories());
            }
            all.sort(Comparator.comparingInt(Story::size).reversed());
            if (storyId != null) {
                List<Story> one = all.stream().filter(s -> s.id().equals(storyId)).toList();
                if (one.isEmpty()) {
                    err.println(TerminalText.escape("error: no story '" + storyId + "' among the " + all.size()
                            + " stories the " + (db == null ? "given articles" : "articles of " + Stores.describe(db)) + " form"
                            + (all.isEmpty() ? "" : " (" + ids(all) + ")")));
                    failures.forEach(f -> err.println(TerminalText.escape("error: " + f)));
                    err.flush();
                    return StorylensCli.USAGE;
                }
                all = one;
            }
            for (Story story : all) {
                // the days the stories list gives each article, for the pages' dates of articles the brief leaves undated
                story.articles().stream().filter(a -> a.published() != null)
                        .forEach(a -> storyDates.put(a.id(), a.published().toString()));
                StoryBrief kept = keptBriefs.get(story.id());
                if (kept != null) {
                    stories.add(kept);
                    continue;
                }
                List<AnalysedArticle> articles = story.articles().stream().map(a -> byId.get(a.id())).toList();
                stories.add(writer.write(articles, story));
            }
        }
        Brief brief = new Brief(Instant.now().toString(), stories);
        String text = switch (format) {
            case json -> new BriefJson().render(brief) + System.lineSeparator();
            case md -> new BriefMarkdown().render(brief,
                    org.storylens.brief.ArticleFallbacks.of(listed).withReportDates(storyDates));
            case html -> new BriefHtml().render(brief,
                    org.storylens.brief.ArticleFallbacks.of(listed).withReportDates(storyDates));
        };
        if (output == null) {
            out.print(text);
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(TerminalText.escape("error: " + output + ": cannot write the brief: "
                        + e.getMessage()));
                err.flush();
                return StorylensCli.USAGE;
            }
        }
        failures.forEach(f -> err.println(TerminalText.escape("error: " + f)));
        out.flush();
        err.flush();
        return failures.isEmpty() ? 0 : StorylensCli.SOME_INPUTS_FAILED;
    }

    private static Set<String> placedIn(List<Story> stories) {
        Set<String> placed = new HashSet<>();
        stories.forEach(s -> s.articles().forEach(a -> placed.add(a.id())));
        return placed;
    }

    /** The stories' ids for an error message, the first ten of them. */
    private static String ids(List<Story> stories) {
        List<String> ids = stories.stream().map(Story::id).limit(10).toList();
        return String.join(", ", ids) + (stories.size() > 10 ? ", …" : "");
    }
}
