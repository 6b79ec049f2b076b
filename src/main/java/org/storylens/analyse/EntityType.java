package org.storylens.analyse;

/** The kinds of named entity the brief contract knows. */
public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }
