package org.storylens.clean;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;

/**
 * Tells the language of a text with lingua in its low-accuracy mode (trigram models only: fast, and reliable on
 * anything longer than a sentence). Returns ISO 639-1 codes. Thread-safe; build one per process, it loads models.
 */
public final class LanguageIdentifier {

    /** lingua reads this much of a long text: a paragraph is enough in low-accuracy mode, and time grows with length. */
    private static final int SAMPLE_CHARS = 400;

    private final LanguageDetector detector;

    public LanguageIdentifier() {
        this.detector = LanguageDetectorBuilder.fromAllLanguages().withLowAccuracyMode().build();
    }

    /** The language's ISO 639-1 code ({@code en}), or null when the text is too short or mixed to tell. */
    public String identify(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < 3) {
            return null;
        }
        String sample = text;
        if (text.length() > SAMPLE_CHARS) {
            int cut = text.lastIndexOf(' ', SAMPLE_CHARS);
            sample = text.substring(0, cut > SAMPLE_CHARS / 2 ? cut : SAMPLE_CHARS);
        }
        Language language = detector.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return null;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
