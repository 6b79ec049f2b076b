package org.storylens.eval;

import org.storylens.analyse.Span;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TimeML ({@code .tml}) document as TempEval-3 ships it: the document creation time, the text of its {@code TEXT}
 * element with all tags stripped and entities decoded, and its gold {@code TIMEX3}s with offsets into that text.
 *
 * @param id    file name without extension
 * @param dct   the document creation time (its date)
 * @param text  the plain text
 * @param gold  the gold time expressions, in text order
 */
record TimeMlDocument(String id, LocalDate dct, String text, List<Gold> gold) {

    /** A gold time expression. */
    record Gold(Span span, String text, String type, String value) {
    }

    private static final Pattern DCT = Pattern.compile("<DCT>\\s*<TIMEX3[^>]*value=\"(\\d{4}-\\d\\d-\\d\\d)");
    private static final Pattern BODY = Pattern.compile("<TEXT>(.*)</TEXT>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)(\\w+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    TimeMlDocument {
        gold = List.copyOf(gold);
    }

    static TimeMlDocument read(Path file) {
        String xml;
        try {
            xml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TimeML file " + file, e);
        }
        Matcher dct = DCT.matcher(xml);
        Matcher body = BODY.matcher(xml);
        if (!dct.find() || !body.find()) {
            throw new IllegalArgumentException("not a TimeML document with DCT and TEXT: " + file);
        }
        StringBuilder text = new StringBuilder();
        List<Gold> gold = new ArrayList<>();
        Matcher tag = TAG.matcher(body.group(1));
        int at = 0;
        int timexStart = -1;
        String type = null;
        String value = null;
        while (tag.find()) {
            text.append(unescape(body.group(1).substring(at, tag.start())));
            at = tag.end();
            if (!tag.group(2).equals("TIMEX3")) {
                continue;
            }
            if (tag.group(1).isEmpty()) {
                timexStart = text.length();
                type = attribute(tag.group(3), "type");
                value = attribute(tag.group(3), "value");
            } else {
                Span span = new Span(timexStart, text.length());
                gold.add(new Gold(span, text.substring(span.start(), span.end()), type, value));
            }
        }
        text.append(unescape(body.group(1).substring(at)));
        String name = file.getFileName().toString();
        return new TimeMlDocument(name.replaceFirst("\\.tml$", ""), LocalDate.parse(dct.group(1)), text.toString(),
                gold);
    }

    private static String attribute(String attributes, String name) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
