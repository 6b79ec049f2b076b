package org.storylens.cli;

import org.storylens.clean.Article;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.Failure;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.Stores;
import org.storylens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code storylens articles [PATH...]}: list stored articles, or read and clean the given ones without storing. */
@Command(name = "articles", mixinStandardHelpOptions = true,
        description = {"Lists the stored articles with their cleaned metadata, or, given paths, reads and cleans "
                + "those articles without storing them.",
                "JSON items carry id, title, outlet, wire, publishedAt, language, removedBoilerplate and text."})
final class ArticlesCommand implements Callable<Integer> {

    enum Format { json, table }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, folders or http(s) URLs to read instead "
            + "of the database.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "storylens-data/storylens.db",
            description = "Database to list: a SQLite file, or a PostgreSQL database as postgresql://HOST[:PORT]/DB "
                    + "or a jdbc:postgresql: URL. Default: ${DEFAULT-VALUE}")
    String db;

    @Option(names = "--format", defaultValue = "table", description = "json or table. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--details", description = "With --format json: add what else the cleaner found (date evidence, "
            + "whether the year was inferred, removed lines by rule, untranslated fragments, warnings).")
    boolean details;

    @picocli.CommandLine.Mixin
    ReadOptions read = new ReadOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Article> articles;
        List<Failure> failures = new ArrayList<>();
        if (paths.isEmpty()) {
            if (Stores.isMissingFile(db)) {
                err.println("error: " + db + ": no such database; run 'storylens ingest PATH...' first or give paths");
                err.flush();
                return StorylensCli.STORE_FAILED;
            }
            try (ArticleStore store = Stores.open(db)) {
                articles = store.list();
            } catch (StoreException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return StorylensCli.STORE_FAILED;
            }
        } else {
            BatchResult result = new PipelineFactory(read.maxBytes)
                    .readAndClean(paths, Runtime.getRuntime().availableProcessors(), ArticlePipeline.Progress.NONE);
            failures.addAll(result.failures());
            result.warnings().forEach(w -> err.println("warning: " + TerminalText.escape(w)));
            articles = result.articles();
        }
        if (format == Format.json) {
            ArticleJson json = new ArticleJson();
            out.println(json.write(json.document(articles, details)));
        } else {
            new ArticleTable().print(articles, out);
        }
        failures.forEach(f -> err.println("error: " + TerminalText.escape(f.toString())));
        out.flush();
        err.flush();
        return failures.isEmpty() ? 0 : StorylensCli.SOME_INPUTS_FAILED;
    }
}
