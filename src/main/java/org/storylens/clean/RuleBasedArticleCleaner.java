package org.storylens.clean;

import org.storylens.ingest.Limits;
import org.storylens.ingest.RawArticle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The clean stage, composed in one place: normalise the text, remove debris lines, take the date prefix and dateline
 * off the lead, then establish publication date, outlet and wire, language and untranslated fragments, and hash the
 * cleaned text for de-duplication. Thread-safe.
 */
public final class RuleBasedArticleCleaner implements ArticleCleaner {

    private final TextNormaliser normaliser;
    private final BoilerplateRemover boilerplate;
    private final LeadMetadataStripper lead;
    private final PublicationDateFinder dates;
    private final OutletFinder outlets;
    private final LanguageIdentifier languages;
    private final ForeignFragmentFinder fragments;

    public RuleBasedArticleCleaner(TextNormaliser normaliser, BoilerplateRemover boilerplate, OutletTable outletTable,
                                   PublicationDateFinder dates, OutletFinder outlets, LanguageIdentifier languages,
                                   ForeignFragmentFinder fragments) {
        this.normaliser = normaliser;
        this.boilerplate = boilerplate;
        this.lead = new LeadMetadataStripper(outletTable);
        this.dates = dates;
        this.outlets = outlets;
        this.languages = languages;
        this.fragments = fragments;
    }

    /** The cleaner with the resources that ship with storylens (loads the language models: build it once). */
    public static RuleBasedArticleCleaner withDefaults() {
        OutletTable table = OutletTable.load();
        LanguageIdentifier languages = new LanguageIdentifier();
        return new RuleBasedArticleCleaner(new TextNormaliser(), new BoilerplateRemover(BoilerplatePatterns.load(), table),
                table, new PublicationDateFinder(), new OutletFinder(table), languages,
                new ForeignFragmentFinder(languages));
    }

    @Override
    public Article clean(RawArticle raw) throws CleaningException {
        if (raw.text().length() > Limits.MAX_TEXT_CHARS) {
            throw new CleaningException(raw.origin(), String.format(Locale.ROOT,
                    "text of %,d characters is longer than the %,d an article may have", raw.text().length(),
                    Limits.MAX_TEXT_CHARS));
        }
        List<String> warnings = new ArrayList<>(raw.warnings());
        String title = title(raw.metadata().title(), warnings);
        String outletGiven = raw.metadata().outlet();
        if (outletGiven != null && outletGiven.length() > Limits.MAX_OUTLET_CHARS) {
            warnings.add(String.format(Locale.ROOT, "outlet of %,d characters is longer than %,d: dropped",
                    outletGiven.length(), Limits.MAX_OUTLET_CHARS));
            outletGiven = null;
        }
        String url = raw.metadata().url();
        if (url != null && url.length() > Limits.MAX_URL_CHARS) {
            warnings.add(String.format(Locale.ROOT, "URL of %,d characters is longer than %,d: dropped", url.length(),
                    Limits.MAX_URL_CHARS));
            url = null;
        }
        BoilerplateRemover.Result lines = boilerplate.remove(normaliser.normalise(raw.text()), title);
        LeadMetadataStripper.Result leadResult = lead.strip(lines.text());

        List<RemovedLine> removed = new ArrayList<>(lines.removed());
        removed.addAll(leadResult.removed());
        for (String fromMarkup : raw.removed()) {
            String line = normaliser.normalise(fromMarkup);
            removed.add(new RemovedLine(line, boilerplate.categoryOfRemoved(line)));
        }

        String text = leadResult.text().strip();
        if (text.isEmpty()) {
            throw new CleaningException(raw.origin(), "no article text left after removing boilerplate");
        }
        AnalysableText analysable = AnalysableText.of(text);
        if (analysable.text().isBlank()) {
            throw new CleaningException(raw.origin(), String.format(Locale.ROOT, "no words in the text: it is "
                    + "only runs of more than %,d characters without a space", Limits.MAX_TOKEN_CHARS));
        }
        PublicationDate published = dates.find(raw.metadata().publishedAt(), removed, leadResult.datePrefix(),
                leadResult.dateline()).orElse(null);
        OutletFinder.Found source = outlets.find(outletGiven, url, removed, leadResult.dateline());
        String language = languages.identify(text);
        String languageGiven = raw.metadata().language();
        if (languageGiven != null && languageGiven.length() > Limits.MAX_LANGUAGE_TAG_CHARS) {
            warnings.add(String.format(Locale.ROOT, "language tag of %,d characters is longer than %,d: dropped",
                    languageGiven.length(), Limits.MAX_LANGUAGE_TAG_CHARS));
            languageGiven = null;
        }
        if (language == null && languageGiven != null) {
            language = languageGiven.toLowerCase(Locale.ROOT).replaceAll("[-_].*$", "");
        }
        // the text is kept whole; what analysis will leave of it is told now, as the article arrives
        warnings.addAll(analysable.warnings());
        // a readable metadata date that lost to a dated line (it had no year) is no problem worth a warning
        if (raw.metadata().publishedAt() != null && DateText.parseValue(raw.metadata().publishedAt()).isEmpty()) {
            warnings.add("unreadable publication date in metadata: " + excerpt(raw.metadata().publishedAt()));
        }
        List<ForeignFragment> foreign = fragments.find(text);
        if (foreign.size() > Limits.MAX_FOREIGN_FRAGMENTS) {
            warnings.add(String.format(Locale.ROOT, "more than %d fragments in another script: the first %d are "
                    + "listed", Limits.MAX_FOREIGN_FRAGMENTS, Limits.MAX_FOREIGN_FRAGMENTS));
            foreign = foreign.subList(0, Limits.MAX_FOREIGN_FRAGMENTS);
        }
        return new Article(raw.id(), title, source.outlet(), source.wire(), published, language, text, removed,
                foreign, url, raw.origin(), raw.format(), contentHash(text), warnings);
    }

    /**
     * The normalised title, or null when there is none; one longer than {@link Limits#MAX_TITLE_CHARS} is cut at the
     * last word boundary before the limit and ends with an ellipsis.
     */
    private String title(String given, List<String> warnings) {
        if (given == null) {
            return null;
        }
        // the normaliser reads at most a little more than is kept
        String head = given.length() > 2 * Limits.MAX_TITLE_CHARS ? given.substring(0, 2 * Limits.MAX_TITLE_CHARS)
                : given;
        String title = normaliser.normalise(head);
        if (title.isBlank()) {
            return null;
        }
        if (title.length() > Limits.MAX_TITLE_CHARS || head.length() < given.length()) {
            int cut = title.length() < Limits.MAX_TITLE_CHARS ? title.length()
                    : title.lastIndexOf(' ', Limits.MAX_TITLE_CHARS - 1);
            if (cut < Limits.MAX_TITLE_CHARS / 2 && title.length() >= Limits.MAX_TITLE_CHARS) {
                cut = Limits.MAX_TITLE_CHARS - 1; // no word boundary in the second half: cut inside the word
                if (Character.isHighSurrogate(title.charAt(cut - 1))) {
                    cut--;
                }
            }
            title = title.substring(0, cut).strip() + "…";
            warnings.add(String.format(Locale.ROOT, "title of %,d characters is longer than %,d: cut to %,d",
                    given.length(), Limits.MAX_TITLE_CHARS, title.length()));
        }
        return title;
    }

    /** A value from the input as a warning quotes it: its first 80 characters. */
    private static String excerpt(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "… (" + value.length() + " characters)";
    }

    /**
     * The hash a text is stored under: the same words in the same order hash the same, whatever the spacing, case or
     * punctuation (32 hex digits).
     */
    public static String contentHash(String text) {
        String normal = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
