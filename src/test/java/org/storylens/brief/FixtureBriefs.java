package org.storylens.brief;

/** The hand-built briefs of {@link BriefFixtures}, for tests outside this package. */
public final class FixtureBriefs {

    private FixtureBriefs() {
    }

    /** The dam spillway story with every section filled (six outlets, one state-run, one article a copy). */
    public static StoryBrief dam() {
        return BriefFixtures.full().stories().get(0);
    }
}
