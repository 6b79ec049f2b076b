package org.storylens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storylens.clean.Article;
import org.storylens.eval.ExtractionEvaluation;
import org.storylens.eval.ExtractionEvaluation.GoldPage;
import org.storylens.eval.ExtractionEvaluation.PageScore;
import org.storylens.ingest.Input;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.Failure;
import org.storylens.pipeline.PipelineFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code storylens eval extraction DIR}: reads and cleans each page of a benchmark folder as {@code ingest} does and
 * scores the article text with the scrapinghub article-extraction benchmark's metric.
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = {"Main-text extraction on a folder in the scrapinghub article-extraction-benchmark layout "
                + "(ground-truth.json {ID: {articleBody, url}}, html/ID.html.gz): each page is read and cleaned as "
                + "`ingest` reads it, and its text scored against articleBody by 4-token shingle overlap (the "
                + "benchmark's metric): precision (mean over pages with text), recall (mean over all pages), F1, "
                + "pages with no text, and the worst pages.",
                "json: {\"pages\", \"precision\", \"recall\", \"f1\", \"emptyPages\": [ID], \"worst\": [{\"id\", "
                        + "\"url\", \"precision\", \"recall\", \"f1\"}], \"failures\": [{\"input\", \"reason\"}]}"})
final class ExtractionEvalCommand implements Callable<Integer> {

    enum Format { text, json }

    /** Which pages of the gold file to score, by position (1-based) in it: for holding out half while tuning. */
    enum Pages { all, odd, even }

    @Parameters(paramLabel = "DIR", description = "The benchmark folder.")
    Path dir;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--pages", defaultValue = "all", paramLabel = "WHICH",
            description = "all, odd or even: the pages at odd or even positions of ground-truth.json only. "
                    + "Default: ${DEFAULT-VALUE}")
    Pages pages;

    @Option(names = "--worst", defaultValue = "10", paramLabel = "N",
            description = "How many of the lowest-scoring pages to list. Default: ${DEFAULT-VALUE}")
    int worst;

    @Option(names = "--texts", paramLabel = "OUT",
            description = "Also write each page's extracted text to OUT/ID.txt (for looking at the errors).")
    Path texts;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExtractionEvaluation evaluation = new ExtractionEvaluation();
        List<GoldPage> gold;
        Map<String, Path> files;
        try {
            gold = selected(evaluation.gold(dir));
            files = evaluation.pageFiles(dir);
        } catch (IOException e) {
            err.println(TerminalText.escape("error: " + e.getMessage()));
            err.flush();
            return StorylensCli.SOME_INPUTS_FAILED;
        }
        List<Input> inputs = new ArrayList<>();
        Map<String, String> idByOrigin = new HashMap<>();
        for (GoldPage page : gold) {
            Path file = files.get(page.id());
            if (file != null) {
                Input input = Input.ofFile(file);
                inputs.add(input);
                idByOrigin.put(input.name(), page.id());
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        BatchResult result = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).pipeline(cores)
                .run(inputs, ArticlePipeline.Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> extracted = new HashMap<>();
        for (Article article : result.articles()) {
            String id = idByOrigin.get(article.origin());
            if (id != null) {
                extracted.merge(id, article.text(), (a, b) -> a + "\n\n" + b);
            }
        }
        if (texts != null) {
            Files.createDirectories(texts);
            for (Map.Entry<String, String> e : extracted.entrySet()) {
                // page ids name files under OUT: only plain file names, never a path out of it
                if (e.getKey().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,200}")) {
                    Files.writeString(texts.resolve(e.getKey() + ".txt"), e.getValue(), StandardCharsets.UTF_8);
                }
            }
        }
        ExtractionEvaluation.Report report = evaluation.score(gold, extracted);
        if (format == Format.json) {
            out.println(json(report, result.failures()).toPrettyString());
        } else {
            out.println("extraction " + dir + (pages == Pages.all ? "" : " (" + pages + " pages)"));
            out.printf(Locale.ROOT, "%d pages, %d with no text, %.1f pages/s%n", report.pages().size(),
                    report.empty().size(), report.pages().size() / Math.max(1e-9, seconds));
            out.printf(Locale.ROOT, "  precision %.4f  recall %.4f  F1 %.4f%n", report.precision(), report.recall(),
                    report.f1());
            for (PageScore p : report.empty()) {
                out.println(TerminalText.escape("  no text: " + p.id() + " " + p.url()));
            }
            out.println("  worst pages (P / R / F1):");
            for (PageScore p : report.worst(worst)) {
                out.println(TerminalText.escape(String.format(Locale.ROOT, "    %.3f / %.3f / %.3f  %s %s",
                        p.match().precision(), p.match().recall(), p.match().f1(), p.id(), p.url())));
            }
        }
        result.failures().forEach(f -> err.println(TerminalText.escape("error: " + f.input() + ": " + f.reason())));
        out.flush();
        err.flush();
        return 0;
    }

    private List<GoldPage> selected(List<GoldPage> all) {
        if (pages == Pages.all) {
            return all;
        }
        List<GoldPage> chosen = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean odd = (i + 1) % 2 == 1;
            if (odd == (pages == Pages.odd)) {
                chosen.add(all.get(i));
            }
        }
        return chosen;
    }

    private ObjectNode json(ExtractionEvaluation.Report report, List<Failure> failures) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("pages", report.pages().size());
        root.put("precision", round(report.precision()));
        root.put("recall", round(report.recall()));
        root.put("f1", round(report.f1()));
        ArrayNode empty = root.putArray("emptyPages");
        report.empty().forEach(p -> empty.add(p.id()));
        ArrayNode worstPages = root.putArray("worst");
        for (PageScore p : report.worst(worst)) {
            ObjectNode o = worstPages.addObject();
            o.put("id", p.id());
            o.put("url", p.url());
            o.put("precision", round(p.match().precision()));
            o.put("recall", round(p.match().recall()));
            o.put("f1", round(p.match().f1()));
        }
        ArrayNode failed = root.putArray("failures");
        for (Failure f : failures) {
            failed.addObject().put("input", f.input()).put("reason", f.reason());
        }
        return root;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
