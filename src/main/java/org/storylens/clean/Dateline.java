package org.storylens.clean;

/**
 * The dateline that opens an article ("MOSCOW, December 3. / TASS /.", "WASHINGTON (AP) —", "Chinanews, December
 * 5th,"), taken apart.
 *
 * @param text   the dateline as it stood
 * @param place  the place or outlet name it starts with
 * @param date   the date it gives, or null
 * @param agency the agency credited in it ("TASS", "AP"), or null
 */
record Dateline(String text, String place, DateText.Found date, String agency) {
}
