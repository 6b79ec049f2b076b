package org.storylens.brief;

import java.util.List;

/**
 * Hand-built briefs for the renderers: one invented story with every section filled (a dam spillway collapse told by
 * six outlets, one of them state-run, one article a copy), and one whose every text is hostile markup.
 */
final class BriefFixtures {

    static final String HERALD = "herald-0311";
    static final String TODAY = "meravik-today-0311";
    static final String DAGPOSTEN = "dagposten-7781";
    static final String STATE_TV = "btv-5521";
    static final String DIGEST = "digest-0312";
    static final String COURIER = "courier-19";

    static final String COLLAPSE = "The spillway of the Lower Sola dam near Meravik collapsed on Tuesday.";
    static final String EVACUATED_1200 = "About 1,200 people were evacuated from three villages downstream.";
    static final String EVACUATED_1500 = "More than 1,500 people have left their homes along the Sola river.";
    static final String EVACUATED_1850 = "The number of evacuated people rose to 1,850.";
    static final String CRACKS = "Engineers warned of cracks in the spillway in 2022.";
    static final String NO_DEFECTS = "The spillway passed its last inspection without defects.";
    static final String INQUIRY = "The minister ordered an inquiry into the collapse.";

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String LINK = "[click](javascript:alert(1))";
    static final String PIXEL = "<img src=\"https://tracker.example/p.png\">";

    private BriefFixtures() {
    }

    static Brief full() {
        List<ArticleEntry> articles = List.of(
                new ArticleEntry(HERALD, "Spillway of Sola dam collapses, villages evacuated", "Brannsk Herald", null,
                        "2025-03-11", "en", List.of("Share this article", "Read more: Floods in the north",
                        "Photo: Brannsk Herald / archive"), null),
                new ArticleEntry(TODAY, "Dam spillway gives way near Meravik", "Meravik Today", "NWS",
                        "2025-03-11", "en", List.of("Get our app on your phone"), null),
                new ArticleEntry(DAGPOSTEN, "Sola dam spillway failure: 1,500 evacuated near Meravik",
                        "Dagposten English", null, "2025-03-12", "en", List.of(), null),
                new ArticleEntry(STATE_TV, "Authorities in control after Sola spillway incident",
                        "Brannsk State Television", null, "2025-03-12", "en",
                        List.of("Watch the evening news live", "Subscribe to our channel"), null),
                new ArticleEntry(DIGEST, "Dam spillway gives way near Meravik", "Regional Digest", "NWS",
                        "2025-03-12", "en", List.of(), TODAY),
                new ArticleEntry(COURIER, "Minister orders inquiry into Sola dam collapse", "Orlen Valley Courier",
                        null, "2025-03-13", "en", List.of("Comments are closed"), null));
        List<SourcedText> summary = List.of(
                new SourcedText(COLLAPSE + " Water poured into the Sola river.", List.of(HERALD, TODAY, DAGPOSTEN)),
                new SourcedText("By Thursday 1,850 people had left their homes, up from 1,200 on the first day.",
                        List.of(HERALD, DAGPOSTEN, COURIER)),
                new SourcedText("Reports disagree on whether the spillway's defects were known: two outlets cite a "
                        + "2022 warning about cracks, the state broadcaster says it passed its last inspection.",
                        List.of(HERALD, STATE_TV, COURIER)),
                new SourcedText(INQUIRY + " The regional parliament will hold a hearing next Tuesday.",
                        List.of(COURIER)));
        List<ClaimEntry> claims = List.of(
                new ClaimEntry(COLLAPSE, "agreed", List.of(HERALD, TODAY, DAGPOSTEN, STATE_TV, COURIER), List.of(),
                        "2025-03-11", "2025-03-13", List.of(), List.of()),
                new ClaimEntry(EVACUATED_1200, "agreed", List.of(HERALD, TODAY, DIGEST), List.of(), "2025-03-11",
                        "2025-03-12", List.of(EVACUATED_1500), List.of()),
                new ClaimEntry(CRACKS, "disputed", List.of(HERALD, COURIER), List.of(NO_DEFECTS), "2025-03-11",
                        "2025-03-13", List.of(), List.of()),
                new ClaimEntry(NO_DEFECTS, "disputed", List.of(STATE_TV), List.of(CRACKS), "2025-03-12",
                        "2025-03-12", List.of(), List.of()),
                new ClaimEntry(EVACUATED_1500, "single-source", List.of(DAGPOSTEN), List.of(), "2025-03-12",
                        "2025-03-12", List.of(EVACUATED_1850), List.of(EVACUATED_1200)),
                new ClaimEntry(EVACUATED_1850, "single-source", List.of(COURIER), List.of(), "2025-03-13",
                        "2025-03-13", List.of(), List.of(EVACUATED_1500)),
                new ClaimEntry(INQUIRY, "single-source", List.of(COURIER), List.of(), "2025-03-13", "2025-03-13",
                        List.of(), List.of()));
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry("2022", "Engineers had warned of cracks in the spillway in 2022.",
                        List.of(HERALD, COURIER), false),
                new TimelineEntry("2025-03-11", "The spillway of the Lower Sola dam collapsed on Tuesday.",
                        List.of(HERALD, TODAY, DAGPOSTEN, STATE_TV), false),
                new TimelineEntry("2025-03-12", "Water levels downstream rose by two metres overnight.",
                        List.of(DAGPOSTEN), false),
                new TimelineEntry("2025-03-13", "The minister ordered an inquiry on Thursday.", List.of(COURIER),
                        false),
                new TimelineEntry("2025-03-18", "The regional parliament will hold a hearing on the dam on Tuesday.",
                        List.of(COURIER), true));
        List<QuoteEntry> quotes = List.of(
                new QuoteEntry("Ilse Varga", "Everyone downstream has been reached, and nobody is missing.", true,
                        List.of(HERALD, TODAY, DAGPOSTEN)),
                new QuoteEntry("Ilse Varga", "the evacuation would continue until inspectors had examined the dam",
                        false, List.of(COURIER)),
                new QuoteEntry("Oren Talvik", "We owe the people of Meravik a full account of what went wrong.",
                        true, List.of(COURIER)),
                new QuoteEntry(null, "The situation is fully under control.", true, List.of(STATE_TV)));
        List<NumberEntry> numbers = List.of(
                new NumberEntry(1200, "people", "about", EVACUATED_1200, "Ilse Varga", List.of(HERALD, TODAY, DIGEST)),
                new NumberEntry(1500, "people", "more than", EVACUATED_1500, null, List.of(DAGPOSTEN)),
                new NumberEntry(1850, "people", null, EVACUATED_1850, "Ilse Varga", List.of(COURIER)),
                new NumberEntry(2, "metres", null, "Water levels downstream rose by two metres overnight.", null,
                        List.of(DAGPOSTEN)),
                new NumberEntry(2.5, "million cubic metres", "some", "Some 2.5 million cubic metres of water were "
                        + "released.", "the water authority", List.of(HERALD)));
        List<EntityEntry> entities = List.of(
                new EntityEntry("Lower Sola dam", "LOCATION", List.of("Sola dam"),
                        List.of(HERALD, TODAY, DAGPOSTEN, STATE_TV, DIGEST, COURIER), 14),
                new EntityEntry("Ilse Varga", "PERSON", List.of("Varga", "Ilse Warga"),
                        List.of(HERALD, TODAY, DAGPOSTEN, COURIER), 7),
                new EntityEntry("Meravik", "LOCATION", List.of(), List.of(HERALD, TODAY, DAGPOSTEN, DIGEST), 5),
                new EntityEntry("Oren Talvik", "PERSON", List.of("Talvik"), List.of(COURIER), 2),
                new EntityEntry("Regional Water Authority", "ORGANIZATION", List.of("the water authority"),
                        List.of(HERALD), 1));
        List<OutletFraming> framing = List.of(
                new OutletFraming("Brannsk Herald", "BR", false, List.of(HERALD), List.of(),
                        List.of("cracks", "warned", "downstream"), List.of("Lower Sola dam", "Ilse Varga")),
                new OutletFraming("Meravik Today", "BR", false, List.of(TODAY), List.of(CRACKS),
                        List.of("villages", "residents"), List.of("Meravik", "Ilse Varga")),
                new OutletFraming("Dagposten English", "NO", false, List.of(DAGPOSTEN), List.of(CRACKS),
                        List.of("overnight", "levels", "metres"), List.of("Lower Sola dam")),
                new OutletFraming("Brannsk State Television", "BR", true, List.of(STATE_TV),
                        List.of(EVACUATED_1200, CRACKS), List.of("control", "incident", "authorities", "calm"),
                        List.of("Lower Sola dam")),
                new OutletFraming("Regional Digest", null, false, List.of(DIGEST), List.of(CRACKS), List.of(),
                        List.of("Meravik")),
                new OutletFraming("Orlen Valley Courier", "BR", false, List.of(COURIER), List.of(),
                        List.of("inquiry", "minister", "hearing"), List.of("Oren Talvik", "Ilse Varga")));
        StoryBrief story = new StoryBrief("s-3f9a0c1d2e4b", "Spillway of Sola dam collapses, villages evacuated",
                articles, 5, summary, entities, timeline, quotes, numbers, claims, framing);
        StoryBrief small = new StoryBrief("s-77aa01b2c3d4", "Quillon unveils foldable e-reader",
                List.of(new ArticleEntry("gadget-1", "Quillon unveils foldable e-reader", "Gadget Ledger", null,
                        "2025-03-12", "en", List.of(), null)),
                1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        return new Brief("2025-03-14T09:30:00Z", List.of(story, small));
    }

    /** Every text field of the brief is markup that must stay text. */
    static Brief hostile() {
        String a = "x1";
        String b = "x2\"><script>alert(2)</script>";
        List<ArticleEntry> articles = List.of(
                new ArticleEntry(a, LINK, IMG, SCRIPT, "2025-03-11", "en", List.of(PIXEL, SCRIPT, "Q&A \"live\""),
                        null),
                new ArticleEntry(b, "# Breaking " + SCRIPT, "Tom & \"Jerry\" <News>", null, "2025-03-12\"onclick=\"x",
                        "en", List.of(), a));
        List<SourcedText> summary = List.of(new SourcedText(SCRIPT + " and " + IMG + " and " + LINK, List.of(a, b)));
        List<ClaimEntry> claims = List.of(
                new ClaimEntry(IMG + " claim", "disputed", List.of(a), List.of(SCRIPT + " other"), "2025-03-11",
                        "2025-03-11", List.of(LINK), List.of()),
                new ClaimEntry(SCRIPT + " other", "disputed", List.of(b), List.of(IMG + " claim"), "2025-03-12",
                        "2025-03-12", List.of(), List.of()),
                new ClaimEntry(PIXEL, "<b>odd</b>", List.of(a, b), List.of(), null, null, List.of(), List.of(LINK)));
        List<TimelineEntry> timeline = List.of(new TimelineEntry("2025-03-11\"><script>alert(3)</script>", SCRIPT,
                List.of(a), true));
        List<QuoteEntry> quotes = List.of(new QuoteEntry(SCRIPT, IMG, true, List.of(a)),
                new QuoteEntry(LINK, PIXEL, false, List.of(b)));
        List<NumberEntry> numbers = List.of(new NumberEntry(7, SCRIPT, IMG, LINK, PIXEL, List.of(a)));
        List<EntityEntry> entities = List.of(new EntityEntry(SCRIPT, IMG, List.of(LINK, PIXEL), List.of(a, b), 2));
        List<OutletFraming> framing = List.of(new OutletFraming(IMG, SCRIPT, true, List.of(a, b), List.of(LINK),
                List.of(PIXEL, "*bold*", "_it_", "`code`"), List.of(SCRIPT)));
        StoryBrief story = new StoryBrief("s-<script>", SCRIPT + " Dam \"breach\" & flood", articles, 2, summary,
                entities, timeline, quotes, numbers, claims, framing);
        return new Brief("2025-03-14T09:30:00Z<script>", List.of(story));
    }
}
