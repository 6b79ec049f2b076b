package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.cluster.Story;

import java.util.List;

/** The entry point of the brief stage: writes the brief of one story from its analysed articles. Thread-safe. */
public interface BriefWriter {

    /** @param story the story's articles, in any order, taken as one story of which no article copies another */
    StoryBrief write(List<AnalysedArticle> story);

    /**
     * @param articles  the story's articles, in any order
     * @param clustered the story as the cluster stage made it: which articles copy which, and the wire they share
     */
    StoryBrief write(List<AnalysedArticle> articles, Story clustered);
}
