package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Briefs of small invented stories: each text written as a plain-text file, read, cleaned and analysed at the ingest
 * tier as {@code brief PATH...} does, then briefed with the real embedder. One per test class; close it after.
 */
final class InventedStories implements AutoCloseable {

    private static final PipelineFactory FACTORY = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);

    private final Path dir;
    private final MiniLmEmbedder embedder = new MiniLmEmbedder(1);
    private final BriefWriter writer = FACTORY.briefWriter(embedder);

    /** @param dir where each story's folder of texts is written */
    InventedStories(Path dir) {
        this.dir = dir;
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

    @Override
    public void close() {
        embedder.close();
    }
}
