package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Briefs of small invented stories: each text written as a plain-text file, read, cleaned and analysed at the ingest
 * tier as {@code brief PATH...} does, then briefed with the real embedder. A test class registers one
 * ({@code @RegisterExtension static final InventedStories stories = new InventedStories();}): its folder and embedder
 * live from the class's first test to its last.
 */
final class InventedStories implements BeforeAllCallback, AfterAllCallback {

    private static final PipelineFactory FACTORY = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);

    private Path dir;
    private MiniLmEmbedder embedder;
    private BriefWriter writer;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("storylens-invented");
        embedder = new MiniLmEmbedder(1);
        writer = FACTORY.briefWriter(embedder);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (embedder != null) {
            embedder.close();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** An article's text: its headline, its publication line and its sentences, one paragraph each. */
    static String dated(String title, String date, String... sentences) {
        return title + "\n\nPublished: " + date + "\n\n" + String.join("\n\n", sentences);
    }

    /** The brief of the story the texts form (the first line of each text is its headline). */
    StoryBrief brief(String story, String... texts) throws IOException {
        return writer.write(analysed(story, texts));
    }

    /** The texts as analysed articles (ids 000, 001, ...), in the order the batch feeds them (oldest first). */
    List<AnalysedArticle> analysed(String story, String... texts) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(story));
        for (int i = 0; i < texts.length; i++) {
            Files.writeString(folder.resolve(String.format("%03d.txt", i)), texts[i]);
        }
        return analyse(folder);
    }

    /** One text as an analysed article whose id is {@code id}, so that articles made this way are told apart. */
    AnalysedArticle article(String id, String text) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(id));
        Files.writeString(folder.resolve(id + ".txt"), text);
        return analyse(folder).get(0);
    }

    private static List<AnalysedArticle> analyse(Path folder) {
        return FACTORY.analysis(Annotators.shared(), 1).analyse(
                FACTORY.readAndClean(List.of(folder.toString()), 1, ArticlePipeline.Progress.NONE).articles());
    }
}
