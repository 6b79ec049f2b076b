package org.storylens.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores extracted main text against a folder in the scrapinghub article-extraction-benchmark layout
 * ({@code ground-truth.json}: {@code {ID: {"articleBody", "url"}}}, pages under {@code html/}) with that benchmark's
 * metric: per-page {@link ShingleMatch}, precision the mean over pages with output, recall the mean over all pages,
 * F1 the harmonic mean of the two means. Thread-safe.
 */
public final class ExtractionEvaluation {

    /** One benchmark page: its id (the page file's name without extensions), URL and true article body. */
    public record GoldPage(String id, String url, String articleBody) {
    }

    /** One page's score and what was extracted (empty when nothing was, or the page could not be read). */
    public record PageScore(String id, String url, ShingleMatch match, String extracted) {
    }

    /**
     * @param precision mean precision over the pages with output
     * @param recall    mean recall over all pages
     * @param f1        harmonic mean of the two
     * @param pages     every page's score, in gold order
     */
    public record Report(double precision, double recall, double f1, List<PageScore> pages) {

        public Report {
            pages = List.copyOf(pages);
        }

        /** Pages that gave no text. */
        public List<PageScore> empty() {
            return pages.stream().filter(p -> !p.match().hasOutput()).toList();
        }

        /** The {@code n} pages of lowest F1, worst first. */
        public List<PageScore> worst(int n) {
            return pages.stream()
                    .sorted(Comparator.comparingDouble((PageScore p) -> p.match().f1()).thenComparing(PageScore::id))
                    .limit(n)
                    .toList();
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    /** The gold pages of a benchmark folder, in the order of its {@code ground-truth.json}. */
    public List<GoldPage> gold(Path dir) throws IOException {
        Path file = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file (a benchmark folder holds ground-truth.json and html/)");
        }
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected an object of pages keyed by id");
        }
        List<GoldPage> pages = new ArrayList<>();
        root.fields().forEachRemaining(e -> pages.add(new GoldPage(e.getKey(), e.getValue().path("url").asText(""),
                e.getValue().path("articleBody").asText(""))));
        return pages;
    }

    /** The page files of a benchmark folder by page id ({@code html/ID.html.gz}, {@code html/ID.html}). */
    public Map<String, Path> pageFiles(Path dir) throws IOException {
        Path html = dir.resolve("html");
        if (!Files.isDirectory(html)) {
            throw new IOException(html + ": no such folder (a benchmark folder holds ground-truth.json and html/)");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        try (var stream = Files.list(html)) {
            for (Path p : stream.sorted().toList()) {
                String name = p.getFileName().toString();
                int dot = name.indexOf('.');
                files.put(dot > 0 ? name.substring(0, dot) : name, p);
            }
        }
        return files;
    }

    /** Scores the extracted texts (by page id; a missing id extracted nothing) against the gold pages. */
    public Report score(List<GoldPage> gold, Map<String, String> extracted) {
        List<PageScore> pages = new ArrayList<>();
        for (GoldPage page : gold) {
            String text = extracted.getOrDefault(page.id(), "");
            pages.add(new PageScore(page.id(), page.url(), ShingleMatch.of(page.articleBody(), text), text));
        }
        double precision = pages.stream().filter(p -> p.match().hasOutput())
                .mapToDouble(p -> p.match().precision()).average().orElse(0);
        double recall = pages.stream().filter(p -> p.match().hasTruth())
                .mapToDouble(p -> p.match().recall()).average().orElse(0);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Report(precision, recall, f1, pages);
    }
}
