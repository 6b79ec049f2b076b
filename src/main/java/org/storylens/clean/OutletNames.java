package org.storylens.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises names that are shaped like a news outlet's or agency's even when the outlet table does not know them:
 * capitalised words ending in, or holding, a word such as Post, Times, Herald, Tribune, Gazette ("Westbridge Daily
 * Post"), or ending in News Agency, Press Agency, News Service ("Meridian News Agency").
 */
final class OutletNames {

    private static final String CAP = "\\p{Lu}[\\p{L}\\p{M}'’.&-]*";
    private static final String OUTLET_WORD = "(?:Times|Post|News|Herald|Tribune|Gazette|Journal|Courier|Telegraph"
            + "|Express|Chronicle|Observer|Standard|Mail|Mirror|Star|Guardian|Daily|Weekly|Review|Radio|TV|Television"
            + "|Online|Today|Wire|Press|Dispatch|Bulletin|Record|Sun|Voice|Monitor|Insider|Ledger|Courant|Examiner"
            + "|Inquirer|Sentinel|Register|Globe|Independent|Telegram|Informer|Reporter|Digest|Magazine|Broadcasting"
            + "|Agency|Dagbladet|Posten|Zeitung|Nachrichten|Gazeta|Kurier|Journal|Diario|Noticias|Nouvelles|Presse)";
    private static final Pattern OUTLET = Pattern.compile(
            "(?:The\\s+)?(?:" + CAP + "\\s+){0,3}" + OUTLET_WORD + "(?:\\s+" + CAP + "){0,2}");
    private static final Pattern AGENCY = Pattern.compile(
            "(?<![\\p{L}])((?:" + CAP + "\\s+){0,3}" + CAP + "\\s+(?:News|Press|Telegraph|Information)\\s+"
                    + "(?:Agency|Service)|(?:" + CAP + "\\s+){1,3}Agency)(?![\\p{L}])");
    /** A one-word name ("Dagposten", "Kommersant") can be an outlet too, but only where the context says so. */
    private static final Pattern SINGLE_NAME = Pattern.compile(CAP);

    private OutletNames() {
    }

    /** True when the whole text is a name shaped like an outlet's. */
    static boolean looksLikeOutlet(String text) {
        return text != null && OUTLET.matcher(text.strip()).matches();
    }

    /** True when the whole text is a single capitalised word or an outlet-shaped name. */
    static boolean looksLikeName(String text) {
        String t = text == null ? "" : text.strip();
        return looksLikeOutlet(t) || SINGLE_NAME.matcher(t).matches() && t.length() >= 3
                || t.matches("(?:" + CAP + "\\s+){0,3}" + CAP);
    }

    /** The first agency-shaped name in the text ("Meridian News Agency"), or null. */
    static String agencyIn(String text) {
        // "By Meridian News Agency", "With inputs from ...": the leading function word is not part of the name
        Matcher m = AGENCY.matcher(text.replaceFirst("^\\W*(?i:by|from|via|with inputs from|source:?|courtesy)\\s+", ""));
        return m.find() ? m.group(1).strip() : null;
    }
}
