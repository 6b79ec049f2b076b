package org.storylens.brief;

/**
 * Two statements of a story that cannot both be right, found by a rule that reads them against each other
 * ({@link EventTimes}, {@link ObjectConflicts}).
 *
 * @param first  one statement
 * @param second the other
 * @param what   what they disagree on, for a reader of the code and its tests ("time of 'capture'")
 */
record ConflictingStatements(Statement first, Statement second, String what) {
}
