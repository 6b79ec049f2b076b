package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;

import java.util.List;

/** The entry point of the brief stage: writes the brief of one story from its analysed articles. Thread-safe. */
public interface BriefWriter {

    /** @param story the story's articles, in any order */
    StoryBrief write(List<AnalysedArticle> story);
}
