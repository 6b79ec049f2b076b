package org.storylens.brief;

import org.storylens.analyse.EntityMention;
import org.storylens.analyse.EntityType;
import org.storylens.analyse.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which sentences may stand alone in a brief (summary or claim): whole statements of fact that a reader understands
 * without the sentence before them. Each rule says why a sentence is refused; none depends on a story's wording.
 * Stateless and thread-safe.
 */
final class BriefSentences {

    static final int MIN_WORDS = 6;
    static final int MAX_WORDS = 60;

    /** Pronouns that stand for a person named earlier. */
    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "him", "his", "she", "her", "hers", "himself",
            "herself");
    private static final Set<String> GROUP_PRONOUNS = Set.of("they", "them", "their", "theirs", "themselves");
    /** Openers that point back at the previous sentence. */
    private static final Set<String> BACKWARD_OPENERS = Set.of("this", "these", "that", "those", "such", "and", "but",
            "or", "so", "then", "thus", "hence", "therefore", "also", "both");
    /** Lower-case words a title-cased heading keeps small, and how many capitalised words make one run into text. */
    private static final Set<String> TITLE_SMALL_WORDS = Set.of("of", "and", "to", "with", "for", "in", "on", "the",
            "a", "an", "at", "by", "from", "as", "or");
    private static final int TITLE_RUN = 8;
    private static final Set<String> OPENING_QUOTES = Set.of("``", "“", "«", "„");
    private static final Set<String> CLOSING_QUOTES = Set.of("''", "”", "»");

    private BriefSentences() {
    }

    /** Why the statement may not stand in a brief, or null when it may. */
    static String rejection(Statement s) {
        String text = s.text();
        List<Token> tokens = s.tokens();
        int words = 0;
        int capitalised = 0;
        boolean finite = false;
        for (Token t : tokens) {
            if (!t.word().isEmpty() && Character.isLetterOrDigit(t.word().charAt(0))) {
                words++;
                if (Character.isUpperCase(t.word().charAt(0))) {
                    capitalised++;
                }
            }
            finite |= t.pos().equals("VBD") || t.pos().equals("VBZ") || t.pos().equals("VBP") || t.pos().equals("MD");
        }
        if (words < MIN_WORDS) {
            return "short";
        }
        if (words > MAX_WORDS) {
            return "long";
        }
        if (!finite) {
            return "no finite verb";
        }
        String end = text.replaceAll("[\"'”’»)\\s]+$", "");
        if (end.endsWith("?")) {
            return "question";
        }
        if (!end.endsWith(".") && !end.endsWith("!") && words < 12) {
            return "heading";
        }
        if (capitalised * 10 >= words * 6) {
            return "heading";
        }
        String debris = debris(text);
        if (debris != null) {
            return debris;
        }
        String fragment = quoteFragment(text);
        if (fragment != null) {
            return fragment;
        }
        if (quotedShare(tokens) > 0.85) {
            return "unattributed quote";
        }
        if (runInHeading(tokens)) {
            return "run-in heading";
        }
        return unresolvedReference(s);
    }

    private static String debris(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("http") || lower.contains("www.") || text.contains("@") || text.contains("|")
                || text.contains("[") || text.contains("]")) {
            return "debris";
        }
        Character.UnicodeScript script = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript sc = Character.UnicodeScript.of(c);
                if (script == null) {
                    script = sc;
                } else if (sc != script) {
                    return "mixed scripts";
                }
            }
        }
        return null;
    }

    private static String quoteFragment(String text) {
        char first = text.charAt(0);
        if (Character.isLowerCase(first) || "”»-–—,;:)".indexOf(first) >= 0) {
            return "fragment";
        }
        int open = count(text, '“') + count(text, '«');
        int close = count(text, '”') + count(text, '»');
        if (open != close || count(text, '"') % 2 != 0) {
            return "unbalanced quotes";
        }
        return null;
    }

    /** The share of word tokens inside quotation marks. */
    static double quotedShare(List<Token> tokens) {
        int words = 0;
        int quotedWords = 0;
        boolean quoted = false;
        for (Token t : tokens) {
            String w = t.word();
            if (OPENING_QUOTES.contains(w) || w.equals("\"") && !quoted) {
                quoted = true;
            } else if (CLOSING_QUOTES.contains(w) || w.equals("\"") && quoted) {
                quoted = false;
            } else if (!w.isEmpty() && Character.isLetterOrDigit(w.charAt(0))) {
                words++;
                if (quoted) {
                    quotedWords++;
                }
            }
        }
        return words == 0 ? 0 : (double) quotedWords / words;
    }

    /**
     * A heading run into the text when the line breaks were lost ("Other meeting topics In addition, ..."): a
     * capitalised function word in mid-sentence, after a word and before a lowercase word.
     */
    private static boolean runInHeading(List<Token> tokens) {
        // a title-cased opening of many words: "Hiller Feuded with Co-Workers Prior to Shooting; Risk Factors and
        // Prevention of Workplace Violence Yvonne Hiller, a suspended ..."
        int capitalised = 0;
        int small = 0;
        for (Token t : tokens) {
            String w = t.word();
            if (Character.isUpperCase(w.charAt(0))) {
                capitalised++;
            } else if (TITLE_SMALL_WORDS.contains(w)) {
                small++;
            } else if (Character.isLetterOrDigit(w.charAt(0))) {
                break;
            }
        }
        if (capitalised >= TITLE_RUN && small >= 2) {
            return true;
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            String pos = t.pos();
            // a title-cased verb after a capitalised word: "Hiller Feuded with Co-Workers Prior to Shooting; ..."
            boolean titleCasedVerb = (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBN") || pos.equals("VBP"))
                    && t.word().length() > 2 && Character.isUpperCase(t.word().charAt(0))
                    && t.word().substring(1).chars().allMatch(Character::isLowerCase)
                    && Character.isUpperCase(tokens.get(i - 1).word().charAt(0))
                    && Character.isLetter(tokens.get(i - 1).word().charAt(0));
            if (titleCasedVerb) {
                return true;
            }
            boolean functionWord = pos.equals("IN") || pos.equals("DT") || pos.equals("CC") || pos.equals("TO");
            if (functionWord && Character.isUpperCase(t.word().charAt(0))
                    && Character.isLetter(tokens.get(i - 1).word().charAt(0))
                    && Character.isLowerCase(tokens.get(i + 1).word().charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** A pronoun or backward-pointing word whose referent is not in the sentence (quoted speech aside). */
    private static String unresolvedReference(Statement s) {
        List<Token> tokens = s.tokens();
        Token first = tokens.get(0);
        String firstWord = first.word().toLowerCase(Locale.ROOT);
        if (first.pos().startsWith("PRP") || BACKWARD_OPENERS.contains(firstWord)) {
            return "opens with '" + first.word() + "'";
        }
        List<EntityMention> entities = new ArrayList<>(s.entities());
        boolean quoted = false;
        boolean plural = false;
        int quoteStart = 0;
        for (Token t : tokens) {
            String w = t.word().toLowerCase(Locale.ROOT);
            boolean opens = OPENING_QUOTES.contains(w) || w.equals("\"") && !quoted;
            boolean closes = CLOSING_QUOTES.contains(w) || w.equals("\"") && quoted;
            if (opens) {
                quoted = true;
                quoteStart = t.span().start();
                continue;
            }
            if (closes) {
                // a name inside a quotation is no antecedent for a pronoun of the reporting clause
                int from = quoteStart;
                int to = t.span().end();
                entities.removeIf(e -> e.span().start() >= from && e.span().end() <= to);
                quoted = false;
                continue;
            }
            if (quoted) {
                continue;
            }
            if (t.pos().equals("NNS") || t.pos().equals("NNPS")) {
                plural = true;
            }
            if (t.pos().startsWith("PRP") && PERSON_PRONOUNS.contains(w) && !before(entities, t, true)) {
                return "unresolved '" + t.word() + "'";
            }
            if (t.pos().startsWith("PRP") && GROUP_PRONOUNS.contains(w) && !plural && !before(entities, t, false)) {
                return "unresolved '" + t.word() + "'";
            }
            if (t.pos().startsWith("PRP") && (w.equals("i") || w.equals("we") || w.equals("you") || w.equals("our")
                    || w.equals("my") || w.equals("us") && !t.word().equals("US"))) {
                return "first person outside quotes";
            }
        }
        return null;
    }

    private static boolean before(List<EntityMention> entities, Token t, boolean person) {
        for (EntityMention e : entities) {
            if (e.span().end() <= t.span().start() && (!person || e.type() == EntityType.PERSON)) {
                return true;
            }
        }
        return false;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
