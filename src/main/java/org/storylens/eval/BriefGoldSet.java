package org.storylens.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storylens.ingest.ArticleReader;
import org.storylens.ingest.IngestException;
import org.storylens.ingest.Input;
import org.storylens.ingest.Limits;
import org.storylens.ingest.RawArticle;
import org.storylens.ingest.ReadResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A brief audit folder: per story a {@code STORY.gold.json} and its articles, either as {@code STORY.jsonl} beside
 * it or, when the gold says {@code articlesFrom}, in the shared data folder (labelled public data and the seed
 * articles, which are not copied into the project). Such stories get their {@code STORY.jsonl} written into a work
 * folder: the records of the gold's article ids from {@code articlesFrom.jsonl} as they are, or the files of
 * {@code articlesFrom.folder} read by storylens's readers (uncleaned: the brief cleans them) as
 * {@code id, title, text, url, publishedAt, outlet, language}.
 */
public final class BriefGoldSet {

    /**
     * One story of the set, ready to brief.
     *
     * @param name  the story's name
     * @param gold  its gold
     * @param jsonl its articles as JSON Lines
     * @param texts its articles' texts by id, as the gold cites them
     */
    public record GoldStory(String name, BriefGold gold, Path jsonl, Map<String, String> texts) {
        public GoldStory {
            texts = Map.copyOf(texts);
        }
    }

    /** A story that cannot be audited, and why. */
    public record Unusable(Path gold, String reason) {
    }

    /**
     * The stories of a set, in the order of their names, and the gold files that cannot be used.
     *
     * @param stories  the usable stories
     * @param unusable the others
     */
    public record Stories(List<GoldStory> stories, List<Unusable> unusable) {
        public Stories {
            stories = List.copyOf(stories);
            unusable = List.copyOf(unusable);
        }
    }

    private static final String GOLD_SUFFIX = ".gold.json";

    private final ArticleReader reader;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code reader} reads the files of an {@code articlesFrom.folder}. */
    public BriefGoldSet(ArticleReader reader) {
        this.reader = reader;
    }

    /**
     * Reads the gold files of {@code dir}; stories whose articles are in {@code shared} get their JSON Lines written
     * into {@code work}. A gold file that cannot be read, whose articles cannot be found, or that does not hold
     * against its articles ({@link BriefGold#problems}) is unusable, with the reason.
     */
    public Stories load(Path dir, Path shared, Path work) throws IOException {
        List<Path> golds;
        try (Stream<Path> files = Files.list(dir)) {
            golds = files.filter(p -> p.getFileName().toString().endsWith(GOLD_SUFFIX)).sorted().toList();
        }
        List<GoldStory> stories = new ArrayList<>();
        List<Unusable> unusable = new ArrayList<>();
        for (Path goldFile : golds) {
            String name = goldFile.getFileName().toString();
            name = name.substring(0, name.length() - GOLD_SUFFIX.length());
            try {
                checkSize(goldFile);
                BriefGold gold = BriefGold.read(goldFile);
                Path jsonl = dir.resolve(name + ".jsonl");
                if (!Files.isRegularFile(jsonl)) {
                    if (gold.articlesFrom() == null) {
                        unusable.add(new Unusable(goldFile, "no " + jsonl.getFileName() + " beside it and no articlesFrom"));
                        continue;
                    }
                    jsonl = work.resolve(name + ".jsonl");
                    writeArticles(gold, shared, jsonl);
                }
                checkSize(jsonl);
                Map<String, String> texts = texts(jsonl);
                List<String> problems = gold.problems(texts);
                if (!problems.isEmpty()) {
                    unusable.add(new Unusable(goldFile, String.join("; ", problems)));
                    continue;
                }
                stories.add(new GoldStory(name, gold, jsonl, texts));
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                unusable.add(new Unusable(goldFile, e.getMessage()));
            }
        }
        return new Stories(stories, unusable);
    }

    private static void checkSize(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Limits.MAX_AUDIT_FILE_BYTES) {
            throw new IOException(file + " is " + size + " bytes, more than the " + Limits.MAX_AUDIT_FILE_BYTES
                    + " an audit file may have");
        }
    }

    /** The texts of the records of a JSON Lines file, by id, in file order. */
    public Map<String, String> texts(Path jsonl) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = json.readTree(line);
            if (record.hasNonNull("id") && record.hasNonNull("text")) {
                texts.put(record.get("id").asText(), record.get("text").asText());
            }
        }
        return texts;
    }

    private void writeArticles(BriefGold gold, Path shared, Path target) throws IOException {
        BriefGold.ArticleSource from = gold.articlesFrom();
        Set<String> wanted = new HashSet<>(gold.articles());
        List<String> lines = new ArrayList<>();
        if (from.jsonl() != null) {
            Path source = shared.resolve(from.jsonl());
            if (!Files.isRegularFile(source)) {
                throw new IOException(source + ": no such file (articlesFrom.jsonl)");
            }
            try (Stream<String> all = Files.lines(source, StandardCharsets.UTF_8)) {
                all.filter(l -> !l.isBlank()).forEach(l -> {
                    try {
                        JsonNode record = json.readTree(l);
                        if (record.hasNonNull("id") && wanted.contains(record.get("id").asText())) {
                            lines.add(l);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(source + ": " + e.getMessage(), e);
                    }
                });
            }
        } else if (from.folder() != null) {
            Path folder = shared.resolve(from.folder());
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + ": no such folder (articlesFrom.folder)");
            }
            List<Path> files;
            try (Stream<Path> all = Files.list(folder)) {
                files = all.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                lines.addAll(records(file, wanted));
            }
        } else {
            throw new IOException("articlesFrom names neither a jsonl file nor a folder");
        }
        if (lines.size() != wanted.size()) {
            throw new IOException("found " + lines.size() + " of the " + wanted.size() + " articles in "
                    + shared.resolve(from.jsonl() != null ? from.jsonl() : from.folder()));
        }
        Files.createDirectories(target.getParent());
        Files.write(target, lines, StandardCharsets.UTF_8);
    }

    private List<String> records(Path file, Set<String> wanted) throws IOException {
        ReadResult read;
        try {
            read = reader.read(Input.ofFile(file));
        } catch (IngestException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>();
        for (RawArticle a : read.articles()) {
            if (!wanted.contains(a.id())) {
                continue;
            }
            ObjectNode record = json.createObjectNode();
            record.put("id", a.id());
            record.put("title", a.metadata().title());
            record.put("text", a.text());
            record.put("url", a.metadata().url());
            record.put("publishedAt", a.metadata().publishedAt());
            record.put("outlet", a.metadata().outlet());
            record.put("language", a.metadata().language());
            lines.add(json.writeValueAsString(record));
        }
        return lines;
    }
}
