package org.storylens.analyse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether two full person names written differently are one person: a transliterated first name with the
 * same surname ("Sergey"/"Sergei Lavrov") unless their roles differ, or a name misspelt in every word by a little
 * ("Anthony Blink"/"Antony Blinken") only when they share a role word. Thread-safe.
 */
final class NameMatcher {

    /** Whether two full names (as {@link EntityNames#words}) with the role words found around them are one person. */
    boolean samePerson(List<String> wa, Set<String> rolesA, List<String> wb, Set<String> rolesB) {
        if (wa.size() != wb.size()) {
            return false;
        }
        boolean sameSurname = wa.get(wa.size() - 1).equals(wb.get(wb.size() - 1));
        for (int i = 0; i < wa.size(); i++) {
            String x = wa.get(i);
            String y = wb.get(i);
            if (x.charAt(0) != y.charAt(0) || EntityNames.editDistance(x, y) > tolerance(x, y, sameSurname)) {
                return false;
            }
        }
        Set<String> shared = new HashSet<>(rolesA);
        shared.retainAll(rolesB);
        if (sameSurname) {
            return rolesA.isEmpty() || rolesB.isEmpty() || !shared.isEmpty();
        }
        return !shared.isEmpty();
    }

    /** Spellings of one name differ in a letter or two ("Sergey"/"Sergei", "Blink"/"Blinken"), a third at most. */
    private static int tolerance(String x, String y, boolean sameSurname) {
        int longer = Math.max(x.length(), y.length());
        return sameSurname ? Math.min(2, Math.max(1, longer / 3)) : Math.max(1, longer / 3);
    }
}
