package org.storylens.clean;

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
        String title = raw.metadata().title() == null ? null : normaliser.normalise(raw.metadata().title());
        if (title != null && title.isBlank()) {
            title = null;
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
        PublicationDate published = dates.find(raw.metadata().publishedAt(), removed, leadResult.datePrefix(),
                leadResult.dateline()).orElse(null);
        OutletFinder.Found source = outlets.find(raw.metadata().outlet(), raw.metadata().url(), removed,
                leadResult.dateline());
        String language = languages.identify(text);
        if (language == null && raw.metadata().language() != null) {
            language = raw.metadata().language().toLowerCase(Locale.ROOT).replaceAll("[-_].*$", "");
        }
        List<String> warnings = new ArrayList<>(raw.warnings());
        // a readable metadata date that lost to a dated line (it had no year) is no problem worth a warning
        if (raw.metadata().publishedAt() != null && DateText.parseValue(raw.metadata().publishedAt()).isEmpty()) {
            warnings.add("unreadable publication date in metadata: " + raw.metadata().publishedAt());
        }
        return new Article(raw.id(), title, source.outlet(), source.wire(), published, language, text, removed,
                fragments.find(text), raw.metadata().url(), raw.origin(), raw.format(), contentHash(text), warnings);
    }

    /** The same words in the same order hash the same, whatever the spacing, case or punctuation. */
    static String contentHash(String text) {
        String normal = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
