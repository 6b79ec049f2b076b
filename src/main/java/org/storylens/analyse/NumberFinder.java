package org.storylens.analyse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures an article gives, from CoreNLP's NUMBER, MONEY and PERCENT mentions, ages ("a 67-year-old man",
 * "Jonas Krell, 54,") and measures glued to their unit ("60m", "2,000ft"): the normalised value, the qualifier before
 * it ("more than", "up to", "about a dozen"), its unit as written (the counted noun, "cubic metres", a currency:
 * "crowns" stay crowns) and the source the sentence credits. Years, dates, clock times ("3.40am", "0240 GMT"),
 * ordinals and numbers inside names are not figures; a number written as a word below eleven ("the two leaders") is
 * kept only when it counts something plural without a determiner before it ("killed two soldiers"). Text whose
 * decimals or thousands were spaced apart ("magnitude 6. 1", "100, 000 people") is read as one figure. Stateless and
 * thread-safe.
 */
public final class NumberFinder {

    private static final Set<String> TAGS = Set.of("NUMBER", "MONEY", "PERCENT");
    /** Longest first, so "more than" wins over "than". */
    private static final List<String> QUALIFIERS = List.of("as many as", "as much as", "as few as", "a little over",
            "a little under", "more than", "less than", "fewer than", "up to", "at least", "at most", "an estimated",
            "nearly", "almost", "about", "around", "roughly", "approximately", "some", "over", "under", "estimated",
            "just over", "just under", "within");
    private static final Set<String> DETERMINERS = Set.of("the", "its", "their", "these", "those", "both", "his",
            "her", "our", "all");
    private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("$", "USD"), Map.entry("US$", "USD"),
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("€", "EUR"), Map.entry("euro", "EUR"),
            Map.entry("euros", "EUR"), Map.entry("£", "GBP"), Map.entry("¥", "JPY"), Map.entry("yen", "JPY"),
            Map.entry("yuan", "CNY"), Map.entry("rouble", "RUB"), Map.entry("roubles", "RUB"),
            Map.entry("ruble", "RUB"), Map.entry("rubles", "RUB"), Map.entry("hryvnia", "UAH"));
    /** The codes of the world's currencies ("USD", "INR"): a number after one is money, not a model. */
    private static final Set<String> CURRENCY_CODES = java.util.Currency.getAvailableCurrencies().stream()
            .map(java.util.Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** Words after a number that make it a clock time. */
    private static final Set<String> CLOCK_WORDS = Set.of("am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "utc",
            "bst", "cet", "est", "edt", "pst", "pdt", "hrs", "h", "o'clock", "o’clock");
    /** Verbs and adjectives of people killed or hurt: a bare number they count is a number of people. */
    private static final Set<String> CASUALTY = Set.of("kill", "injure", "hurt", "wound", "dead", "injured",
            "wounded", "killed");
    /** Words between a casualty count and its verb: "50 were injured", "wounding another 70", "killing at least 10". */
    private static final Set<String> CASUALTY_GAP = Set.of("were", "was", "are", "is", "have", "has", "had", "been",
            "being", "reportedly", "other", "another", "some", "about", "around", "at", "least", "more", "than",
            "nearly", "almost", "over", "an", "estimated", "up", "to", "seriously", "critically", "badly", "also");
    /** Numbers people call in an emergency: "911 calls" are calls to that number, not 911 calls. */
    private static final Set<Integer> EMERGENCY_NUMBERS = Set.of(911, 999, 112);
    /**
     * Singular nouns a number really counts or measures ("5 percent", "3 km", "20 degree", "6 foot"): not labels even
     * though CoreNLP tags them NN.
     */
    private static final Set<String> NOT_LABELS = Set.of("percent", "per", "cent", "km", "m", "ft", "kg", "mph", "mm",
            "cm", "mile", "metre", "meter", "foot", "inch", "degree", "ton", "tonne", "acre", "hectare", "kilometre",
            "kilometer", "lb", "litre", "liter", "gallon", "barrel", "point", "magnitude", "yard", "hour", "minute",
            "second", "day", "week", "month", "year", "time", "dollar", "euro", "pound", "crown", "people", "head",
            "strong", "staff", "police", "personnel", "crew", "cattle", "livestock", "dozen", "hundred", "thousand",
            "million", "billion", "trillion");
    /** Adjectives that belong to the unit they stand before: "cubic metres", "square kilometres". */
    private static final Set<String> UNIT_ADJECTIVES = Set.of("cubic", "square");
    /** Words that say a one-decimal number split by the corpus ("6. 1") is a magnitude. */
    private static final Set<String> MAGNITUDE_CUES = Set.of("magnitude", "magnitudes", "richter", "quake",
            "earthquake", "temblor", "tremor");
    private static final Pattern AGE = Pattern.compile("(\\d{1,3})\\s*-\\s*years?\\s*-\\s*old");
    private static final Pattern GLUED_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|km|ft|kg|cm|mm|mph|mi|lb|lbs)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK = Pattern.compile("\\d{1,2}[:.]\\d{2}(am|pm|a\\.m\\.|p\\.m\\.)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THOUSANDS_TAIL = Pattern.compile("(\\d{3})([a-zA-Z]*)");
    private static final int SMALL_WORD_NUMBER = 11;
    private static final int MAX_AGE = 120;
    private static final int MAGNITUDE_REACH = 5;

    /** One figure found, before its source is read. */
    private record Found(int sentence, int first, int last, double value, String unit, Span span, String text) {
    }

    public List<NumberMention> find(AnnotatedText annotated) {
        List<NumberMention> found = new ArrayList<>();
        Set<String> consumed = new HashSet<>();
        Set<String> inMentions = new HashSet<>();
        for (AnnotatedText.Mention m : annotated.mentions()) {
            for (int i = m.firstToken(); i < m.lastToken(); i++) {
                inMentions.add(m.sentence() + ":" + i);
            }
        }
        for (AnnotatedText.Mention m : annotated.mentions()) {
            if (consumed.contains(m.sentence() + ":" + m.firstToken())) {
                continue;
            }
            Found f = figure(annotated, m, consumed);
            if (f != null) {
                found.add(mention(annotated, f));
            }
        }
        for (int s = 0; s < annotated.tokens().size(); s++) {
            List<Token> tokens = annotated.tokens().get(s);
            for (int i = 0; i < tokens.size(); i++) {
                Matcher glued = GLUED_UNIT.matcher(tokens.get(i).word());
                if (!inMentions.contains(s + ":" + i) && !consumed.contains(s + ":" + i) && glued.matches()) {
                    found.add(mention(annotated, new Found(s, i, i + 1, Double.parseDouble(glued.group(1)),
                            glued.group(2), tokens.get(i).span(), sentenceText(annotated, s))));
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt((NumberMention n) -> n.span().start()));
        return List.copyOf(previousValues(annotated, found));
    }

    /**
     * "About 1,400 people have left, up from about 1,200 on Tuesday": a value given as the one a figure rose or fell
     * from counts what that figure counts.
     */
    private static List<NumberMention> previousValues(AnnotatedText annotated, List<NumberMention> found) {
        List<NumberMention> out = new ArrayList<>(found.size());
        for (int k = 0; k < found.size(); k++) {
            NumberMention n = found.get(k);
            NumberMention before = k > 0 ? found.get(k - 1) : null;
            if (n.unit() == null && before != null && before.unit() != null && before.sentence() == n.sentence()
                    && fromBefore(annotated.tokens().get(n.sentence()), n.span())) {
                n = new NumberMention(n.text(), n.span(), n.sentence(), n.value(), n.qualifier(), before.unit(),
                        n.attributedTo());
            }
            out.add(n);
        }
        return out;
    }

    /**
     * Whether the figure at {@code figure} is given as the value another one changed from: "up from about 1,200",
     * "down from 40".
     */
    public static boolean fromBefore(List<Token> tokens, Span figure) {
        int first = -1;
        for (int i = 0; i < tokens.size() && first < 0; i++) {
            if (tokens.get(i).span().start() == figure.start()) {
                first = i;
            }
        }
        for (int i = first - 1; i >= Math.max(1, first - 4); i--) {
            String w = tokens.get(i).word().toLowerCase(Locale.ROOT);
            String previous = tokens.get(i - 1).word().toLowerCase(Locale.ROOT);
            if (w.equals("from") && (previous.equals("up") || previous.equals("down"))) {
                return true;
            }
        }
        return false;
    }

    private static NumberMention mention(AnnotatedText annotated, Found f) {
        List<Token> tokens = annotated.tokens().get(f.sentence());
        return new NumberMention(f.text(), f.span(), f.sentence(), f.value(), qualifier(tokens, f.first()), f.unit(),
                FigureSource.of(annotated.text(), tokens, f.first()));
    }

    private static String sentenceText(AnnotatedText annotated, int sentence) {
        return annotated.sentences().get(sentence).text();
    }

    private static Found figure(AnnotatedText annotated, AnnotatedText.Mention m, Set<String> consumed) {
        List<Token> tokens = annotated.tokens().get(m.sentence());
        String text = sentenceText(annotated, m.sentence());
        if (m.tag().equals("DURATION")) {
            Matcher age = AGE.matcher(m.text());
            return age.matches() ? new Found(m.sentence(), m.firstToken(), m.lastToken(),
                    Integer.parseInt(age.group(1)), "years", m.span(), text) : null;
        }
        if (!TAGS.contains(m.tag()) || clockTime(m, tokens) || designation(m, tokens)) {
            return null;
        }
        Found magnitude = splitDecimal(annotated, m, consumed);
        if (magnitude != null) {
            return magnitude;
        }
        Double value = value(m, tokens);
        if (value == null) {
            return null;
        }
        int last = m.lastToken();
        Span span = m.span();
        String glued = null;
        // "100, 000 people": the corpus spaced a thousands separator; the tail is its own NUMBER
        if (m.text().matches("\\d{1,3}") && last + 1 < tokens.size() && tokens.get(last).word().equals(",")) {
            Token tail = tokens.get(last + 1);
            Matcher group = THOUSANDS_TAIL.matcher(tail.word());
            boolean spaced = tail.span().start() - tokens.get(last).span().end() == 1
                    && tokens.get(last).span().start() == m.span().end();
            if (group.matches() && spaced) {
                value = value * 1000 + Integer.parseInt(group.group(1));
                glued = group.group(2).isEmpty() ? null : group.group(2);
                consumed.add(m.sentence() + ":" + (last + 1));
                last = last + 2;
                span = new Span(m.span().start(), tail.span().end());
            }
        }
        if (!counts(m, tokens, value)) {
            return null;
        }
        String unit = glued != null ? glued : unit(m, tokens, last);
        if (unit == null) {
            unit = age(m, tokens, value);
        }
        return new Found(m.sentence(), m.firstToken(), last, value, unit, span, text);
    }

    /**
     * "AK - 47 rifles", "F - 16 jets", "AK 47 rifles": a number hyphened or written right after a capital-letter code
     * names a model, it counts nothing. Written without the hyphen the code needs two letters and may be no currency
     * ("USD 40 million" is money), and a sentence in capitals ("STORM HITS 40 HOMES") has no codes to tell.
     */
    private static boolean designation(AnnotatedText.Mention m, List<Token> tokens) {
        int i = m.firstToken();
        if (m.tag().equals("MONEY") || !m.text().matches("\\d+")) {
            return false;
        }
        if (i >= 2 && tokens.get(i - 1).word().equals("-") && tokens.get(i - 2).word().matches("\\p{Lu}{1,4}")) {
            return true;
        }
        return i >= 1 && modelCode(tokens.get(i - 1)) && !inCapitals(tokens);
    }

    /** A code of two to four capitals that is not a currency's ("AK", "MiG" is not one: only capitals). */
    private static boolean modelCode(Token t) {
        return t.word().matches("\\p{Lu}{2,4}") && !CURRENCY_CODES.contains(t.word());
    }

    /** Most of the sentence's words are written in capitals: a headline shouted, where every short word looks like a code. */
    private static boolean inCapitals(List<Token> tokens) {
        int words = 0;
        int capitals = 0;
        for (Token t : tokens) {
            if (t.word().chars().anyMatch(Character::isLetter)) {
                words++;
                capitals += t.word().equals(t.word().toUpperCase(Locale.ROOT)) ? 1 : 0;
            }
        }
        return capitals * 2 > words;
    }

    /**
     * Where what a number counts is named: after a model code that follows it ("14 AK - 47 rifles", "six AK 47 rifles"
     * count rifles), else right after it.
     */
    private static int afterModel(List<Token> tokens, int after) {
        int i = after;
        if (i + 1 < tokens.size() && tokens.get(i).word().matches("\\p{Lu}{1,4}")) {
            int number = tokens.get(i + 1).word().equals("-") ? i + 2 : i + 1;
            boolean hyphened = number == i + 2;
            if (number + 1 < tokens.size() && tokens.get(number).word().matches("\\d+")
                    && (hyphened || modelCode(tokens.get(i)))) {
                return number + 1;
            }
        }
        return after;
    }

    /** "3.40am", "3:40 a.m.", "0240 GMT", "9: 36 am": a time of day, not a figure. */
    private static boolean clockTime(AnnotatedText.Mention m, List<Token> tokens) {
        String next = m.lastToken() < tokens.size() ? tokens.get(m.lastToken()).word().toLowerCase(Locale.ROOT) : "";
        String previous = m.firstToken() > 0 ? tokens.get(m.firstToken() - 1).word().toLowerCase(Locale.ROOT) : "";
        if (CLOCK_WORDS.contains(next) || CLOCK.matcher(m.text()).matches() && !m.text().contains(".")) {
            return true;
        }
        // "7 p. m.": the corpus spaced the clock's a.m./p.m. into two tokens
        if ((next.equals("p.") || next.equals("a.") || next.equals("p") || next.equals("a"))
                && m.lastToken() + 1 < tokens.size()
                && tokens.get(m.lastToken() + 1).word().toLowerCase(Locale.ROOT).matches("m\\.?")) {
            return true;
        }
        if (previous.equals("at") && m.text().matches("([01]\\d|2[0-3])[0-5]\\d")) {
            return true; // "struck at 1353"
        }
        // "9: 36 am" split at the colon
        if (next.equals(":") && m.text().matches("\\d{1,2}") && m.lastToken() + 1 < tokens.size()
                && tokens.get(m.lastToken() + 1).word().matches("\\d{2}\\w*")) {
            return true;
        }
        return previous.equals(":") && m.firstToken() >= 2 && tokens.get(m.firstToken() - 2).word().matches("\\d{1,2}")
                && m.text().matches("\\d{2}");
    }

    /**
     * "magnitude 6. 1": a corpus that spaces decimals splits the sentence after "6."; the number before the dot and the
     * digit opening the next sentence are one figure when a magnitude is spoken of next to them.
     */
    private static Found splitDecimal(AnnotatedText annotated, AnnotatedText.Mention m, Set<String> consumed) {
        List<Token> tokens = annotated.tokens().get(m.sentence());
        int next = m.sentence() + 1;
        if (!m.text().matches("\\d{1,2}") || m.lastToken() != tokens.size() - 1
                || !tokens.get(tokens.size() - 1).word().equals(".") || next >= annotated.tokens().size()
                || annotated.tokens().get(next).isEmpty()) {
            return null;
        }
        List<Token> after = annotated.tokens().get(next);
        Token digit = after.get(0);
        Token dot = tokens.get(tokens.size() - 1);
        if (!digit.word().matches("\\d") || dot.span().start() != m.span().end()
                || digit.span().start() != dot.span().end() + 1) {
            return null;
        }
        boolean cued = false;
        for (int i = Math.max(0, m.firstToken() - MAGNITUDE_REACH); i < m.firstToken(); i++) {
            cued |= MAGNITUDE_CUES.contains(tokens.get(i).word().toLowerCase(Locale.ROOT));
        }
        for (int i = 1; i < Math.min(after.size(), 1 + MAGNITUDE_REACH); i++) {
            cued |= MAGNITUDE_CUES.contains(after.get(i).word().toLowerCase(Locale.ROOT));
        }
        if (!cued) {
            return null;
        }
        consumed.add(next + ":0");
        double value = Integer.parseInt(m.text()) + Integer.parseInt(digit.word()) / 10.0;
        Span sentences = new Span(annotated.sentences().get(m.sentence()).span().start(),
                annotated.sentences().get(next).span().end());
        return new Found(m.sentence(), m.firstToken(), m.lastToken(), value, "magnitude",
                new Span(m.span().start(), digit.span().end()),
                annotated.text().substring(sentences.start(), sentences.end()));
    }

    private static Double value(AnnotatedText.Mention m, List<Token> tokens) {
        if (m.text().matches("\\d+,\\d{1,2}")) {
            return Double.parseDouble(m.text().replace(',', '.')); // a decimal comma: "2,6 metres"
        }
        for (int i = m.lastToken() - 1; i >= m.firstToken(); i--) {
            String normalised = tokens.get(i).normalizedNer();
            if (normalised != null) {
                Double v = parse(normalised);
                if (v != null) {
                    return v;
                }
            }
        }
        return parse(m.text());
    }

    private static Double parse(String s) {
        String digits = s.replaceAll("[^0-9.Ee-]", "");
        if (digits.isEmpty() || digits.chars().noneMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return null; // "1.2.3" and the like: not a figure
        }
    }

    /** Whether the mention is a figure worth keeping: not a bare year, not a small number written as a word of no weight. */
    private static boolean counts(AnnotatedText.Mention m, List<Token> tokens, double value) {
        String text = m.text();
        if (m.tag().equals("NUMBER") && text.matches("(1[89]|20)\\d\\d")) {
            return false; // a year SUTime did not take as a date
        }
        boolean written = text.chars().noneMatch(Character::isDigit);
        if (!written || value >= SMALL_WORD_NUMBER) {
            return true;
        }
        boolean afterDeterminer = m.firstToken() > 0
                && DETERMINERS.contains(tokens.get(m.firstToken() - 1).word().toLowerCase(Locale.ROOT));
        int counted = afterModel(tokens, m.lastToken());
        boolean countsPlural = counted < tokens.size() && tokens.get(counted).pos().equals("NNS");
        return value > 1 && countsPlural && !afterDeterminer;
    }

    private static String qualifier(List<Token> tokens, int first) {
        // "about a dozen": the article between the qualifier and the number word is skipped
        boolean article = first > 0 && tokens.get(first - 1).word().equalsIgnoreCase("a");
        for (int from : article ? new int[]{first, first - 1} : new int[]{first}) {
            for (String q : QUALIFIERS) {
                String[] words = q.split(" ");
                int start = from - words.length;
                if (start < 0) {
                    continue;
                }
                boolean match = true;
                for (int i = 0; i < words.length && match; i++) {
                    match = tokens.get(start + i).word().equalsIgnoreCase(words[i]);
                }
                if (match) {
                    return q.equals("an estimated") ? "estimated" : q.startsWith("a little ") ? q.substring(9) : q;
                }
            }
        }
        return null;
    }

    private static String unit(AnnotatedText.Mention m, List<Token> tokens, int last) {
        if (m.tag().equals("PERCENT")) {
            return "percent";
        }
        if (m.tag().equals("MONEY")) {
            return currency(m, tokens);
        }
        if (magnitudeNextTo(tokens, m.firstToken(), last)) {
            return "magnitude";
        }
        Matcher glued = GLUED_UNIT.matcher(tokens.get(last - 1).word());
        if (glued.matches()) {
            return glued.group(2);
        }
        // "a 46-page report", "a 1,500-square-kilometre island": the noun the number is hyphened to
        if (last + 1 < tokens.size() && tokens.get(last).pos().equals("HYPH")) {
            int i = last + 1;
            String adjective = null;
            if (UNIT_ADJECTIVES.contains(tokens.get(i).word().toLowerCase(Locale.ROOT)) && i + 2 < tokens.size()
                    && tokens.get(i + 1).pos().equals("HYPH")) {
                adjective = tokens.get(i).word();
                i += 2;
            }
            if (tokens.get(i).pos().startsWith("NN") && !tokens.get(i).word().equalsIgnoreCase("year")) {
                return adjective == null ? tokens.get(i).word() : adjective + " " + tokens.get(i).word();
            }
        }
        int counted = afterModel(tokens, last);
        String noun = countedNoun(tokens, counted);
        if (noun != null && label(tokens, counted, value(m, tokens), noun)) {
            return null; // "the 12,000 block", "a 911 dispatcher", "a .357 magnum": a number that names, not counts
        }
        if (noun == null) {
            noun = numberOf(tokens, m.firstToken());
        }
        if (noun == null && casualtyCount(tokens, m.firstToken(), last)) {
            noun = "people";
        }
        return noun;
    }

    /**
     * Whether a number names rather than counts: followed at once by a singular common noun although it is not one
     * ("the 12,000 block of Roosevelt Boulevard", "a 911 dispatcher"), or an emergency telephone number before the calls
     * made to it ("911 calls", "999 calls").
     */
    private static boolean label(List<Token> tokens, int after, Double value, String noun) {
        if (after >= tokens.size() || value == null) {
            return false;
        }
        Token next = tokens.get(after);
        if (!next.word().equals(noun)) {
            return false;
        }
        String lower = noun.toLowerCase(Locale.ROOT);
        if (EMERGENCY_NUMBERS.contains(value.intValue()) && value == Math.rint(value)
                && (lower.startsWith("call") || lower.startsWith("dispatch") || lower.startsWith("operator")
                || lower.equals("line") || lower.equals("number"))) {
            return true;
        }
        String lemma = next.lemma() == null ? lower : next.lemma().toLowerCase(Locale.ROOT);
        return next.pos().equals("NN") && value != 1 && !NOT_LABELS.contains(lower) && !CASUALTY.contains(lower)
                && !CASUALTY.contains(lemma) && !lower.endsWith("ed")
                && !next.word().chars().allMatch(Character::isUpperCase);
    }

    /**
     * "50 were injured", "killing 10 and wounding another 70": a bare number that a verb of killing or hurting counts
     * is a number of people.
     */
    private static boolean casualtyCount(List<Token> tokens, int first, int after) {
        for (int i = after; i < Math.min(tokens.size(), after + 4); i++) {
            Token t = tokens.get(i);
            String lemma = t.lemma() == null ? t.word() : t.lemma();
            if (CASUALTY.contains(lemma.toLowerCase(Locale.ROOT))
                    && (t.pos().equals("VBN") || t.pos().equals("VBD") || t.pos().startsWith("JJ"))) {
                return true;
            }
            if (!CASUALTY_GAP.contains(t.word().toLowerCase(Locale.ROOT))) {
                break;
            }
        }
        for (int i = first - 1; i >= Math.max(0, first - 4); i--) {
            Token t = tokens.get(i);
            String lemma = t.lemma() == null ? t.word() : t.lemma();
            if (CASUALTY.contains(lemma.toLowerCase(Locale.ROOT)) && t.pos().startsWith("VB")) {
                return true;
            }
            if (!CASUALTY_GAP.contains(t.word().toLowerCase(Locale.ROOT))) {
                break;
            }
        }
        return false;
    }

    private static boolean magnitudeNextTo(List<Token> tokens, int first, int last) {
        boolean before = first > 0 && tokens.get(first - 1).word().equalsIgnoreCase("magnitude");
        int after = last < tokens.size() && tokens.get(last).pos().equals("HYPH") ? last + 1 : last;
        return before || after < tokens.size() && tokens.get(after).word().equalsIgnoreCase("magnitude");
    }

    /** The currency as written: a symbol or known name as its ISO code, any other currency word as it stands. */
    private static String currency(AnnotatedText.Mention m, List<Token> tokens) {
        for (int i = m.firstToken(); i < Math.min(tokens.size(), m.lastToken() + 1); i++) {
            String currency = CURRENCIES.get(tokens.get(i).word().toLowerCase(Locale.ROOT));
            if (currency != null) {
                return currency;
            }
        }
        for (int i = m.firstToken(); i < Math.min(tokens.size(), m.lastToken() + 1); i++) {
            Token t = tokens.get(i);
            if ((t.pos().equals("NNS") || t.pos().equals("NN")) && t.word().chars().allMatch(Character::isLetter)) {
                return t.word(); // "90 million crowns": crowns, never a dollar CoreNLP assumed
            }
        }
        return null;
    }

    /** "the number of evacuated residents at 1,530", "the number of ... has risen to 1530": what the number counts. */
    private static String numberOf(List<Token> tokens, int figure) {
        for (int i = figure - 1; i >= 1; i--) {
            if (tokens.get(i).word().equalsIgnoreCase("of") && tokens.get(i - 1).lemma().equalsIgnoreCase("number")) {
                return countedNoun(tokens, i + 1);
            }
            if (tokens.get(i).word().equals(".") || tokens.get(i).word().equals(";")) {
                break;
            }
        }
        return null;
    }

    /**
     * An age given after a name: "Jonas Krell, 54, ...", "Andrew Lopez, 20 and Jonathan Carrasquillo, 24", "his two
     * half-brothers, 17 and 22, ...": a whole number up to 120 set off by a comma after a person, closed by a comma,
     * "and", a bracket or the sentence's end.
     */
    private static String age(AnnotatedText.Mention m, List<Token> tokens, double value) {
        if (value != Math.rint(value) || value < 1 || value > MAX_AGE || !m.text().matches("\\d{1,3}")) {
            return null;
        }
        int before = m.firstToken() - 1;
        boolean closed = m.lastToken() == tokens.size() || Set.of(",", "and", ")", ".", ";", "-")
                .contains(tokens.get(m.lastToken()).word().toLowerCase(Locale.ROOT));
        if (!closed || before < 1) {
            return null;
        }
        String link = tokens.get(before).word().toLowerCase(Locale.ROOT);
        Token owner = tokens.get(before - 1);
        if (link.equals(",") && (owner.ner().equals("PERSON") || owner.pos().equals("NNS") && isPersonNoun(owner))) {
            return "years";
        }
        if (link.equals("and") && owner.word().matches("\\d{1,3}") && before >= 3
                && tokens.get(before - 2).word().equals(",")
                && (tokens.get(before - 3).ner().equals("PERSON") || isPersonNoun(tokens.get(before - 3)))) {
            return "years";
        }
        return null;
    }

    private static boolean isPersonNoun(Token t) {
        String lemma = t.lemma() == null ? t.word() : t.lemma();
        return lemma.toLowerCase(Locale.ROOT).matches(".*(brother|sister|son|daughter|child|man|woman|men|women|"
                + "boy|girl|parent|victim|suspect)s?");
    }

    /** The head of the noun phrase after the number: "90,000 Russian troops" → troops, "13,000 dead" → dead. */
    private static String countedNoun(List<Token> tokens, int from) {
        String noun = null;
        String adjective = null;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if ((t.pos().equals("NN") || t.pos().equals("NNS")) && !(noun != null && NounPhrases.isTime(t))) {
                noun = t.word(); // "three people today": the day is when, not what is counted
            } else if (noun != null) {
                break;
            } else if (UNIT_ADJECTIVES.contains(t.word().toLowerCase(Locale.ROOT)) && i == from) {
                adjective = t.word();
            } else if (t.pos().startsWith("JJ") || t.pos().equals("NNP") || t.pos().equals("NNPS")
                    || t.pos().equals("VBN") || t.pos().equals("HYPH")) {
                if (i + 1 == tokens.size() || !isNounPhraseWord(tokens.get(i + 1))) {
                    return t.pos().startsWith("JJ") || t.pos().equals("VBN") ? t.word() : null;
                }
            } else {
                break;
            }
        }
        if (noun != null && adjective != null && from + 1 < tokens.size()
                && tokens.get(from + 1).word().equals(noun)) {
            return adjective + " " + noun; // "4 million cubic metres"
        }
        return noun;
    }

    private static boolean isNounPhraseWord(Token t) {
        return t.pos().startsWith("NN") || t.pos().startsWith("JJ") || t.pos().equals("VBN") || t.pos().equals("HYPH");
    }
}
