package org.storylens.cluster;

/** The sparse term vectors an article is compared on, each weighted by its own document frequencies. */
public enum TermField {
    /** Headline words, as lemmas where the body gives them. */
    TITLE,
    /** Content-word lemmas of the body (nouns, verbs, adjectives). */
    BODY,
    /** Named entities of every type: whole names, and surnames of people. */
    ENTITIES,
    /** People only: who an event happened to or was done by tells two events of the same kind apart. */
    PEOPLE,
    /** Calendar values of the time expressions, each also at month and year precision (2004-07-28, 2004-07, 2004). */
    DATES,
    /** The lead's words and numbers (headline and first two sentences): what happened, where, how many. */
    LEAD,
    /** Figures with what they count (6.1 magnitude, 38 dead). */
    FIGURES
}
