package org.storylens.cli;

import org.storylens.clean.Article;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code storylens demo}: ingest the bundled sample set into a throw-away database and show what was found. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingests the sample articles that ship with storylens (an invented story told by several "
                + "outlets, plus unrelated articles) into a throw-away database and prints what it found.")
final class DemoCommand implements Callable<Integer> {

    private static final String SAMPLES = "/org/storylens/demo/";

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the samples and the database "
            + "(default: a new temporary folder).")
    Path dir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("storylens-demo");
        Path samples = extractSamples(work.resolve("samples"));
        Path db = work.resolve("demo.db");
        out.println("storylens demo: sample articles in " + samples);
        out.flush();
        int code = new IngestCommand.Ingestion(out, err, true)
                .run(List.of(samples.toString()), db, PipelineFactory.DEFAULT_MAX_BYTES, null, false);
        if (code == StorylensCli.STORE_FAILED) {
            return code;
        }
        try (ArticleStore store = SqliteArticleStore.open(db)) {
            List<Article> articles = store.list();
            out.println();
            new ArticleTable().print(articles, out);
            int removed = articles.stream().mapToInt(a -> a.removed().size()).sum();
            out.println();
            out.println("Removed " + removed + " lines of boilerplate; for each article's cleaned text and what was "
                    + "removed, run:");
            out.println("  ./storylens articles --db " + db + " --format json --details");
            out.println();
            new StoryTable().print(store.stories(), out);
            out.println("Stories as ingest assigned them; to list them again, run:");
            out.println("  ./storylens stories --db " + db);
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            return StorylensCli.STORE_FAILED;
        }
        out.flush();
        return code;
    }

    static Path extractSamples(Path target) throws IOException {
        Files.createDirectories(target);
        List<String> names;
        try (InputStream index = resource("index.txt")) {
            names = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        }
        for (String name : names) {
            try (InputStream in = resource(name)) {
                Files.copy(in, target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name);
        if (in == null) {
            throw new IOException("sample " + name + " is missing from the storylens jar");
        }
        return in;
    }
}
