package org.storylens.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON text, said plainly for whoever sent it: never the parser's class names, settings or
 * internal wording (nobody can act on {@code StreamReadConstraints}). Used by the JSON Lines reader and the REST API.
 */
public final class JsonProblems {

    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\(([\\d,]+)");
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.)' \\(code (\\d+)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '([^']{0,40})");
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)'");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile(
            "^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)");

    private JsonProblems() {
    }

    /** What is wrong, with the column when known: "not valid JSON at column 17: unexpected '}'". */
    public static String describe(JsonProcessingException e, int column) {
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return tooLarge(original);
        }
        String at = column > 0 ? " at column " + column : "";
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return "the JSON ends before it is complete" + at + " (an object, array or string is not closed)";
        }
        Matcher m = UNEXPECTED_CHARACTER.matcher(original);
        if (m.find()) {
            int code = Integer.parseInt(m.group(2));
            return "not valid JSON" + at + ": unexpected " + character(code);
        }
        m = CLOSE_MARKER.matcher(original);
        if (m.find()) {
            return "not valid JSON" + at + ": unexpected '" + m.group(1) + "'";
        }
        m = UNRECOGNIZED_TOKEN.matcher(original);
        if (m.find()) {
            return "not valid JSON" + at + ": unexpected word '" + printable(m.group(1)) + "'";
        }
        m = CONTROL_CHARACTER.matcher(original);
        if (m.find()) {
            return "not valid JSON" + at + ": " + character(Integer.parseInt(m.group(1)))
                    + " inside a string must be written as an escape (\\n, \\t, \\u0001)";
        }
        if (original.startsWith("Invalid UTF-8")) {
            return "not valid UTF-8" + at;
        }
        if (original.toLowerCase(Locale.ROOT).contains("trailing token")) {
            return "text after the end of the JSON value" + at + ": send one object per line";
        }
        return "not valid JSON" + at;
    }

    /** A limit of the reader that the text is over, as the client can act on it. */
    private static String tooLarge(String original) {
        Matcher m = LIMIT.matcher(original);
        String limit = m.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(1).replace(",", ""))) : null;
        String lower = original.toLowerCase(Locale.ROOT);
        if (limit == null) {
            return "the JSON is too large or too deeply nested to read";
        }
        if (lower.startsWith("string value length")) {
            return "a string is longer than " + limit + " characters";
        }
        if (lower.startsWith("number value length")) {
            return "a number is longer than " + limit + " digits";
        }
        if (lower.startsWith("name length")) {
            return "a field name is longer than " + limit + " characters";
        }
        if (lower.contains("nesting depth")) {
            return "objects or arrays are nested deeper than " + limit + " levels";
        }
        if (lower.startsWith("document length")) {
            return "the JSON is longer than " + limit + " characters";
        }
        if (lower.startsWith("token count")) {
            return "the JSON has more than " + limit + " values";
        }
        return "the JSON is over a limit of " + limit;
    }

    private static String character(int code) {
        if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
            return String.format(Locale.ROOT, "control character U+%04X", code);
        }
        return "'" + new String(Character.toChars(code)) + "'";
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(c < 0x20 || (c >= 0x7f && c <= 0x9f)
                ? String.format(Locale.ROOT, "U+%04X", c) : new String(Character.toChars(c))));
        return out.toString();
    }
}
